"""Forms that know their context: single choices preselected, the currency an ISO 4217
choice starting on the country's, the progress update's indicators those of the chosen
commitment, and another commitment's indicator refused with a message that says so."""

import html

import pytest

from tracking.models import INDICATOR_OF_ANOTHER_COMMITMENT, ProgressUpdate

from ..factories import make_commitment
from ..tracking.test_update_admin import ADD, form

pytestmark = pytest.mark.django_db


def test_add_commitment_starts_on_the_only_plan_agency_and_the_countrys_currency(
    client, ke_plan, ke_police, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    fields = client.get("/admin/snippets/plans/commitment/add/").context["form"].fields
    assert fields["plan"].initial == ke_plan.pk
    assert fields["lead_agency"].initial == ke_police.pk
    assert fields["currency"].initial == "KES"
    codes = dict(fields["currency"].widget.choices)
    assert "KES" in codes and "TZS" in codes and "XXX" not in codes
    assert "Kenyan Shilling" in codes["KES"]


def test_the_update_form_offers_the_chosen_commitments_indicators_only(
    client, ke_plan, ke_police, ke_police_drafter
):
    mine = make_commitment(ke_plan, ke_police, indicators=[{"name": "Officers trained"}])
    make_commitment(ke_plan, ke_police, title="Other", indicators=[{"name": "Cases referred"}])
    client.force_login(ke_police_drafter)
    page = client.get(ADD, {"commitment": mine.pk})
    assert page.context["form"].initial["commitment"] == mine.pk
    text = page.content.decode()
    assert "Officers trained" in text and "Cases referred" not in text


def test_another_countrys_indicator_is_refused_with_a_clear_message(
    client, ke_plan, ke_police, ke_police_drafter, jo_plan, jo_police
):
    mine = make_commitment(ke_plan, ke_police, indicators=[{"name": "Officers trained"}])
    foreign = make_commitment(jo_plan, jo_police, indicators=[{"name": "Jordan cases"}])
    client.force_login(ke_police_drafter)
    data = form(
        mine,
        **{
            "measurements-TOTAL_FORMS": "1",
            "measurements-0-indicator": foreign.indicators.get().pk,
            "measurements-0-measured_on": "2026-01-01",
            "measurements-0-value": "3",
            "measurements-0-ORDER": "1",
        },
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert str(INDICATOR_OF_ANOTHER_COMMITMENT) in html.unescape(response.content.decode())
    assert not ProgressUpdate.objects.exists()


def test_the_dashboard_row_links_to_an_update_of_that_commitment(
    client, ke_plan, ke_police, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    assert f"/admin/progress_updates/new/?commitment={commitment.pk}" in (
        client.get("/admin/").content.decode()
    )
