"""The Kenyan reviewer asks for changes to a submitted commitment with a comment; the
police drafter, opening the editor, reads who asked and what at the top."""

import re

from ..factories import make_commitment
from .conftest import JOURNEY

pytestmark = JOURNEY

EDIT = "/admin/snippets/plans/commitment/edit/{pk}/"
COMMENT = "Name the agencies that refer cases to the unit."


def test_reviewer_requests_changes_and_the_drafter_reads_the_comment(
    person, ke_plan, ke_police, ke_police_drafter, ke_reviewer
):
    commitment = make_commitment(ke_plan, ke_police, title="Referral protocol", publish=False)
    drafter = person(ke_police_drafter, "drafter")
    page = drafter.goto(EDIT.format(pk=commitment.pk))
    page.locator("footer").get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name=re.compile("^Submit to")).click()

    reviewer = person(ke_reviewer, "reviewer")
    page = reviewer.goto(EDIT.format(pk=commitment.pk))
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.locator("footer").get_by_role("button", name="Request changes").click()
    modal = page.locator(".modal-content")
    modal.locator("textarea[name=comment]").fill(COMMENT)
    reviewer.shot("request-changes")
    with page.expect_navigation():
        modal.get_by_role("button", name="Request changes").click()
    assert "Changes requested by ke-rev" in page.locator(".messages").inner_text()

    page = drafter.goto(EDIT.format(pk=commitment.pk))
    feedback = page.locator("section[aria-labelledby=review-feedback-heading]")
    assert "Changes requested by ke-rev" in feedback.inner_text()
    assert COMMENT in feedback.inner_text()
    drafter.shot("commitment-editor-with-comment")
