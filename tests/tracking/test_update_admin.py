"""Progress updates through the admin URLs: who may add, see and change them."""

import datetime

import pytest
from django.utils import timezone

from plans import services as plan_services
from plans.models import Commitment
from tracking import services
from tracking.models import ProgressUpdate

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
ADD = "/admin/progress_updates/new/"
TODAY = timezone.localdate()


@pytest.fixture
def commitment(ke_plan, ke_police, ke_helpline):
    return make_commitment(ke_plan, ke_police, supporting=[ke_helpline])


def form(commitment, **overrides):
    data = {
        "commitment": commitment.pk,
        "reporting_date": TODAY.isoformat(),
        "status": "on_track",
        "progress": "45",
        "narrative": "Training delivered in two regions.",
        "evidence_url": "",
        "measurements-TOTAL_FORMS": "0",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_lead_drafter_adds_and_publishes_an_update(client, commitment, ke_police_drafter):
    client.force_login(ke_police_drafter)
    response = client.post(ADD, form(commitment, publish_now="on"))
    assert response.status_code == 302, response.content.decode()[:3000]
    update = ProgressUpdate.objects.get()
    assert update.is_published and update.author == ke_police_drafter
    assert Commitment.objects.get(pk=commitment.pk).progress == 45


def test_supporting_drafter_adds_a_contribution(client, commitment, ke_helpline_drafter):
    client.force_login(ke_helpline_drafter)
    response = client.post(ADD, form(commitment, publish_now="on"))
    assert response.status_code == 302
    assert ProgressUpdate.objects.get().is_contribution
    assert Commitment.objects.get(pk=commitment.pk).progress == 0


def test_other_agency_and_other_country_cannot_report_or_see(
    client, commitment, ke_children_services, jo_coordinator, ke_police_drafter
):
    from stakeholders.models import Membership

    from ..factories import UserFactory, member

    update = services.progress_update_create(
        actor=ke_police_drafter, commitment=commitment, status="on_track", progress=5, narrative="x"
    )
    outsider = UserFactory(username="outsider")
    member(outsider, ke_children_services, Membership.Role.DRAFTER)
    for user in (outsider, jo_coordinator):
        client.force_login(user)
        response = client.post(ADD, form(commitment))
        assert response.status_code == 200, "the commitment is not offered"
        assert ProgressUpdate.objects.count() == 1
        assert client.get(f"/admin/progress_updates/edit/{update.pk}/").status_code == 302
        assert commitment.title not in client.get("/admin/progress_updates/").content.decode()


def test_supporting_agency_reads_but_does_not_edit_the_leads_update(
    client, commitment, ke_police_drafter, ke_helpline_drafter
):
    update = services.progress_update_create(
        actor=ke_police_drafter, commitment=commitment, status="on_track", progress=5, narrative="x"
    )
    client.force_login(ke_helpline_drafter)
    assert client.get(f"/admin/progress_updates/inspect/{update.pk}/").status_code == 200
    assert client.get(f"/admin/progress_updates/edit/{update.pk}/").status_code == 302


def test_coordinator_edits_any_update_of_the_country(
    client, commitment, ke_police_drafter, ke_coordinator
):
    update = services.progress_update_create(
        actor=ke_police_drafter,
        commitment=commitment,
        status="on_track",
        progress=5,
        narrative="x",
        publish=True,
    )
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/progress_updates/edit/{update.pk}/",
        form(commitment, progress="55", loaded_version=update.updated_at.isoformat()),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Commitment.objects.get(pk=commitment.pk).progress == 55


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"progress": "120"}, "progress"),
        ({"reporting_date": (TODAY + datetime.timedelta(days=3)).isoformat()}, "reporting_date"),
    ],
)
def test_bad_update_gets_a_field_error(client, commitment, ke_police_drafter, overrides, field):
    client.force_login(ke_police_drafter)
    response = client.post(ADD, form(commitment, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_measurement_for_another_commitments_indicator_is_a_form_error(
    client, ke_plan, ke_police, ke_police_drafter, commitment
):
    other = make_commitment(ke_plan, ke_police, title="Other")
    plan_services.commitment_save_draft(
        actor=None, commitment=other, indicators=[other.indicators.model(name="Officers")]
    )
    Commitment.objects.get(pk=other.pk).get_latest_revision().publish()
    indicator = Commitment.objects.get(pk=other.pk).indicators.get()
    client.force_login(ke_police_drafter)
    data = form(
        commitment,
        **{
            "measurements-TOTAL_FORMS": "1",
            "measurements-0-indicator": str(indicator.pk),
            "measurements-0-measured_on": TODAY.isoformat(),
            "measurements-0-value": "12",
            "measurements-0-source": "",
            "measurements-0-ORDER": "1",
            "measurements-0-id": "",
            "measurements-0-DELETE": "",
        },
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "belongs to another commitment" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_add_form_opens_and_offers_only_reportable_commitments(
    client, commitment, ke_plan, ke_helpline, ke_police_drafter
):
    other = make_commitment(ke_plan, ke_helpline, title="Helpline only")
    client.force_login(ke_police_drafter)
    response = client.get(ADD)
    assert response.status_code == 200
    offered = set(response.context["form"].fields["commitment"].queryset)
    assert commitment in offered and other not in offered
