"""The Kenyan coordinator translates the plan into Swahili herself: she starts the
translation from "Our plan", translates the title in wagtail-localize's editor and
submits it; the reviewer approves it from the dashboard; Swahili readers see it."""

from .conftest import JOURNEY

pytestmark = JOURNEY

SWAHILI_TITLE = "Mpango wa kitaifa wa Kenya 2025-2029"


def open_the_plan(coordinator, plan):
    page = coordinator.page
    with page.expect_navigation():
        page.get_by_role("link", name="Our plan").click()
    with page.expect_navigation():
        page.get_by_role("link", name=plan.title).click()
    return page


def test_coordinator_translates_the_title_and_the_reviewer_approves_it(
    person, ke_plan, ke_coordinator, ke_reviewer
):
    coordinator = person(ke_coordinator, "coordinator")
    page = open_the_plan(coordinator, ke_plan)
    translations = page.locator("section[aria-labelledby=translations-heading]")
    coordinator.shot("translations")
    with page.expect_navigation():
        translations.get_by_role("button", name="Start a translation into Swahili").click()

    title = page.locator("li:has(> p.title)")
    title.get_by_role("button", name="Translate").click()
    title.locator("textarea").fill(SWAHILI_TITLE)
    title.get_by_role("button", name="Save").click()
    page.locator("li.complete:has(> p.title)").wait_for()
    coordinator.shot("translation-editor")

    page = open_the_plan(coordinator, ke_plan)
    translations = page.locator("section[aria-labelledby=translations-heading]")
    with page.expect_navigation():
        translations.get_by_role("button", name="Submit for review").click()
    coordinator.shot("translation-submitted")
    public = f"/sw/plans/{ke_plan.slug}/"
    assert SWAHILI_TITLE not in coordinator.goto(public).locator("main").inner_text()

    reviewer = person(ke_reviewer, "reviewer")
    page = reviewer.page
    row = page.locator("tr", has_text=SWAHILI_TITLE)
    row.get_by_role("button", name="Actions").click()
    reviewer.shot("dashboard-translation-in-review")
    with page.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()

    assert SWAHILI_TITLE in reviewer.goto(public).locator("main").inner_text()
