"""A drafter of the Kenyan police reports progress; Kenya reviews updates, so it waits for
the national coordinator, who approves it from the dashboard; only then is it public."""

import re

from stakeholders import services as stakeholder_services
from stakeholders.models import Country
from tracking.models import ProgressUpdate

from ..factories import make_commitment
from .conftest import JOURNEY

pytestmark = JOURNEY

NARRATIVE = "Forty investigators trained in digital forensics"


def public_commitment(person, plan, commitment):
    return person.goto(f"{plan.url}commitments/{commitment.pk}/").content()


def test_drafter_reports_progress_and_the_coordinator_approves_it(
    person, kenya, ke_plan, ke_police, ke_police_drafter, ke_coordinator
):
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")

    drafter = person(ke_police_drafter, "drafter")
    page = drafter.goto("/admin/progress_updates/new/")
    page.select_option("#id_commitment", str(commitment.pk))
    page.select_option("#id_status", "on_track")
    page.fill("#id_progress", "45")
    page.fill("#id_narrative", NARRATIVE)
    page.get_by_role("checkbox", name="Submit for review").check()
    drafter.shot("update-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Create", exact=True).click()
    assert "submitted for review" in page.content()
    drafter.shot("submitted")
    update = ProgressUpdate.objects.get()
    assert update.is_submitted and not update.is_published
    assert NARRATIVE not in public_commitment(drafter, ke_plan, commitment)

    coordinator = person(ke_coordinator, "coordinator")
    page = coordinator.page
    panel = page.locator("#updates-in-review-heading").locator("xpath=..")
    assert "Progress updates waiting for your review" in panel.inner_text()
    coordinator.shot("dashboard")
    panel.get_by_role("link", name="Train investigators").click()
    page.wait_for_url(re.compile(r"/admin/progress_updates/review/"))
    assert NARRATIVE in page.content()
    coordinator.shot("review")
    with page.expect_navigation():
        page.get_by_role("button", name="Approve and publish").click()
    coordinator.shot("approved")

    update.refresh_from_db()
    assert update.is_published
    assert NARRATIVE in public_commitment(coordinator, ke_plan, commitment)
