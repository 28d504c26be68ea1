"""A country's coordinators open and close its plan's reporting periods; its drafters
follow them; nobody of another country sees them. Through the admin's real URLs."""

import pytest

from publishing.models import AnnualReport
from tests.factories import make_commitment, make_update, open_period
from tracking.models import ReportingPeriod

pytestmark = pytest.mark.django_db

FORM = {
    "title": "2025",
    "slug": "2025",
    "starts_on": "2025-01-01",
    "ends_on": "2025-12-31",
    "deadline": "2026-01-31",
}


@pytest.fixture
def period(ke_plan):
    return open_period(ke_plan, 2025)


def test_coordinator_opens_a_period_of_their_plan(client, ke_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.post("/admin/reporting_periods/new/", {**FORM, "plan": ke_plan.pk})
    assert response.status_code == 302
    period = ReportingPeriod.objects.get()
    assert (period.plan, period.state, period.opened_by) == (ke_plan, "open", ke_coordinator)


def test_a_drafter_cannot_open_a_period(client, ke_plan, ke_police_drafter):
    client.force_login(ke_police_drafter)
    response = client.post("/admin/reporting_periods/new/", {**FORM, "plan": ke_plan.pk})
    assert response.status_code in (302, 403)
    assert not ReportingPeriod.objects.exists()


def test_another_countrys_coordinator_cannot_open_one_for_kenya(client, ke_plan, jo_coordinator):
    client.force_login(jo_coordinator)
    response = client.post("/admin/reporting_periods/new/", {**FORM, "plan": ke_plan.pk})
    assert response.status_code == 200  # the form again: Kenya's plan is not a choice
    assert not ReportingPeriod.objects.exists()


def test_overlapping_periods_are_refused_with_a_reason(client, ke_plan, ke_coordinator, period):
    client.force_login(ke_coordinator)
    response = client.post(
        "/admin/reporting_periods/new/",
        {
            **FORM,
            "plan": ke_plan.pk,
            "slug": "2025-bis",
            "starts_on": "2025-07-01",
            "ends_on": "2026-06-30",
        },
    )
    assert "overlaps “2025”".encode() in response.content
    assert ReportingPeriod.objects.count() == 1


def test_drafter_follows_the_period_but_cannot_close_it(client, ke_plan, ke_police_drafter, period):
    client.force_login(ke_police_drafter)
    page = client.get(f"/admin/reporting_periods/inspect/{period.pk}/")
    assert page.status_code == 200 and b"Period reports" in page.content
    assert b"Close and publish" not in page.content
    client.post(f"/admin/reporting-periods/{period.pk}/close/")
    period.refresh_from_db()
    assert period.state == "open"


def test_another_country_cannot_read_or_close_kenyas_period(client, jo_coordinator, period):
    client.force_login(jo_coordinator)
    assert client.get(f"/admin/reporting_periods/inspect/{period.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/reporting-periods/{period.pk}/close/").status_code in (302, 403)
    listing = client.get("/admin/reporting_periods/")
    assert listing.status_code == 200
    assert period not in list(listing.context["object_list"])
    period.refresh_from_db()
    assert period.state == "open" and not AnnualReport.objects.exists()


def test_a_period_with_reports_awaiting_review_cannot_close(
    client, kenya, ke_plan, ke_police, ke_police_drafter, ke_coordinator, period
):
    kenya.update_review = kenya.UpdateReview.COORDINATOR
    kenya.save()
    commitment = make_commitment(ke_plan, ke_police)
    make_update(commitment, actor=ke_police_drafter, period=period, publish=True)
    client.force_login(ke_coordinator)
    page = client.get(f"/admin/reporting_periods/inspect/{period.pk}/")
    assert b"1 period report waits for review" in page.content
    response = client.post(f"/admin/reporting-periods/{period.pk}/close/", follow=True)
    assert b"wait for review" in response.content
    period.refresh_from_db()
    assert period.state == "open"


def test_an_update_cannot_name_a_closed_period(ke_plan, ke_police, period):
    from django.core.exceptions import ValidationError

    from publishing import annual_reports

    commitment = make_commitment(ke_plan, ke_police)
    annual_reports.period_close(actor=None, period=period)
    with pytest.raises(ValidationError, match="closed"):
        make_update(commitment, period=period)
