"""The national coordinator asks for changes to a progress update with a comment; the
drafter reads the comment on opening the update, changes it and sends it again."""

from stakeholders import services as stakeholder_services
from stakeholders.models import Country
from tracking import services as tracking_services
from tracking.models import ProgressUpdate

from ..factories import make_commitment, make_update
from .conftest import JOURNEY

pytestmark = JOURNEY

COMMENT = "Say how many of the forty were women, as the indicator asks"


def test_coordinator_requests_changes_and_the_drafter_reads_why(
    person, kenya, ke_plan, ke_police, ke_police_drafter, ke_coordinator
):
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    update = make_update(commitment, actor=ke_police_drafter, narrative="Forty trained")
    tracking_services.progress_update_submit(actor=ke_police_drafter, update=update)

    coordinator = person(ke_coordinator, "coordinator")
    page = coordinator.goto(f"/admin/progress_updates/review/{update.pk}/")
    page.fill("#id_comment", COMMENT)
    with page.expect_navigation():
        page.get_by_role("button", name="Request changes").click()
    coordinator.shot("changes-requested")
    update.refresh_from_db()
    assert update.state == "changes_requested" and not update.is_published

    drafter = person(ke_police_drafter, "drafter")
    page = drafter.page
    panel = page.locator("#updates-in-review-heading").locator("xpath=..")
    assert COMMENT in panel.inner_text()
    with page.expect_navigation():
        panel.get_by_role("link", name="Train investigators").click()
    assert COMMENT in page.locator("main").inner_text()
    drafter.shot("editor-with-comment")
    page.fill("#id_narrative", "Forty trained, twelve of them women")
    page.get_by_role("checkbox", name="Submit for review").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "submitted for review" in page.content()
    update = ProgressUpdate.objects.get(pk=update.pk)
    assert update.is_submitted and "twelve" in update.narrative
