"""A drafter of the Kenyan police changes a live commitment and submits it; the Kenyan
reviewer opens it, reads the change and approves it with the editor's primary button;
the public commitment then shows the change."""

import re

from ..factories import make_commitment
from .conftest import JOURNEY

pytestmark = JOURNEY

EDIT = "/admin/snippets/plans/commitment/edit/{pk}/"
NEW_TITLE = "Train 200 investigators in digital forensics"


def test_drafter_submits_and_the_reviewer_approves_from_the_primary_button(
    person, ke_plan, ke_police, ke_police_drafter, ke_reviewer
):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    public = f"{ke_plan.url}commitments/{commitment.pk}/"

    drafter = person(ke_police_drafter, "drafter")
    page = drafter.goto(EDIT.format(pk=commitment.pk))
    page.fill("#id_title", NEW_TITLE)
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    drafter.shot("submit-menu")
    with page.expect_navigation():
        footer.get_by_role("button", name=re.compile("^Submit to")).click()
    assert "submitted" in page.locator(".messages").inner_text().lower()
    assert NEW_TITLE not in drafter.goto(public).content()

    reviewer = person(ke_reviewer, "reviewer")
    page = reviewer.goto(EDIT.format(pk=commitment.pk))
    primary = page.locator("footer .w-dropdown-button > button").first
    assert primary.inner_text().strip() == "Approve and Publish"
    assert NEW_TITLE in page.locator("main").inner_text(), "the reviewer reads the change"
    reviewer.shot("editor-in-review")
    with page.expect_navigation():
        primary.click()
    message = page.locator(".messages").inner_text()
    assert f"Approved by ke-rev: “{NEW_TITLE}” is published." in message
    reviewer.shot("approved")

    assert NEW_TITLE in reviewer.goto(public).locator("main").inner_text()
