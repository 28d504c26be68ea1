"""The Kenyan coordinator changes the plan page's title and submits it; the reviewer
approves it from the page editor's primary button, and the public plan shows it."""

import re

from .conftest import JOURNEY

pytestmark = JOURNEY

NEW_TITLE = "Kenya national plan 2025-2029, revised after the mid-term review"


def test_coordinator_submits_a_plan_change_and_the_reviewer_approves_it_in_the_editor(
    person, ke_plan, ke_coordinator, ke_reviewer
):
    edit = f"/admin/pages/{ke_plan.pk}/edit/"
    coordinator = person(ke_coordinator, "coordinator")
    page = coordinator.goto(edit)
    page.fill("#id_title", NEW_TITLE)
    page.locator("footer").get_by_role("button", name="More actions").click()
    coordinator.shot("plan-submit-menu")
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name=re.compile("^Submit to")).click()
    assert NEW_TITLE not in coordinator.goto(ke_plan.url).locator("main").inner_text()

    reviewer = person(ke_reviewer, "reviewer")
    page = reviewer.goto(edit)
    primary = page.locator("footer .w-dropdown-button > button").first
    assert primary.inner_text().strip() == "Approve and Publish"
    reviewer.shot("plan-editor-in-review")
    with page.expect_navigation():
        primary.click()
    assert (
        f"Approved by ke-rev: “{NEW_TITLE}” is published." in page.locator(".messages").inner_text()
    )
    reviewer.shot("plan-approved")

    assert NEW_TITLE in reviewer.goto(ke_plan.url).locator("main").inner_text()
