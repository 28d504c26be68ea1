"""Tanzania reviews in two steps: the head of the lead agency approves first, then the
national reviewer; each approves from the editor's primary button, and only the second
approval makes the commitment public."""

import re

from plans import services
from stakeholders.models import Agency, Membership

from ..factories import (
    AgencyFactory,
    CountryFactory,
    UserFactory,
    make_commitment,
    make_plan,
    member,
)
from .conftest import JOURNEY

pytestmark = JOURNEY

EDIT = "/admin/snippets/plans/commitment/edit/{pk}/"
TITLE = "Train gender desk officers"


def primary_button(page):
    return page.locator("footer .w-dropdown-button > button").first


def test_the_lead_agencys_head_approves_then_the_national_reviewer(person):
    tanzania = CountryFactory(code="tz", name="Tanzania", default_language="sw")
    services.country_review_setup(country=tanzania, agency_heads_first=True)
    plan = make_plan(tanzania)
    police = AgencyFactory(
        country=tanzania, name="Gender and Children Desks", sector=Agency.Sector.LAW_ENFORCEMENT
    )
    ministry = AgencyFactory(
        country=tanzania, name="Ministry", sector=Agency.Sector.GOVERNMENT_MINISTRY
    )
    users = {}
    for name, agency, role in [
        ("police", police, Membership.Role.DRAFTER),
        ("police-head", police, Membership.Role.HEAD),
        ("reviewer", ministry, Membership.Role.REVIEWER),
    ]:
        users[name] = UserFactory(username=f"tz-{name}")
        member(users[name], agency, role)
    commitment = make_commitment(plan, police, title=TITLE, publish=False)
    edit = EDIT.format(pk=commitment.pk)

    drafter = person(users["police"], "tz-drafter")
    page = drafter.goto(edit)
    page.locator("footer").get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name=re.compile("^Submit to")).click()

    head = person(users["police-head"], "tz-head")
    page = head.goto(edit)
    assert primary_button(page).inner_text().strip() == "Approve"
    head.shot("editor-first-step")
    with page.expect_navigation():
        primary_button(page).click()
    message = page.locator(".messages").inner_text()
    assert f"Approved by tz-police-head: “{TITLE}” goes on to the next step." in message
    head.shot("approved-first-step")
    assert TITLE not in head.goto(plan.url).locator("main").inner_text()

    reviewer = person(users["reviewer"], "tz-reviewer")
    page = reviewer.goto(edit)
    assert primary_button(page).inner_text().strip() == "Approve and Publish"
    with page.expect_navigation():
        primary_button(page).click()
    assert (
        f"Approved by tz-reviewer: “{TITLE}” is published."
        in page.locator(".messages").inner_text()
    )
    reviewer.shot("approved-second-step")
    assert TITLE in reviewer.goto(plan.url).locator("main").inner_text()
