"""A drafter of the Kenyan police opens a commitment Childline Kenya leads: instead of a
bare "permission denied" she reads who leads it and whom to ask."""

from ..factories import UserFactory, make_commitment, member
from .conftest import JOURNEY

pytestmark = JOURNEY

EDIT = "/admin/snippets/plans/commitment/edit/{pk}/"


def test_police_drafter_reads_why_and_whom_to_ask(
    person, ke_plan, ke_helpline, ke_police, ke_police_drafter, ke_coordinator
):
    amani = UserFactory(username="amani", first_name="Amani", last_name="Otieno")
    member(amani, ke_helpline)
    theirs = make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    shared = make_commitment(
        ke_plan, ke_helpline, title="Joint referral desk", capability=11, supporting=[ke_police]
    )

    drafter = person(ke_police_drafter, "drafter")
    page = drafter.page
    response = page.goto(drafter.base_url + EDIT.format(pk=theirs.pk))
    assert response.status == 403
    text = page.locator("main").inner_text()
    assert "Led by Childline Kenya (116)" in text
    assert "Amani Otieno" in text and "ke-coord" in text
    assert "Helpline hours" not in text
    drafter.shot("refused")

    page = drafter.goto(EDIT.format(pk=shared.pk))
    assert page.url.endswith(f"/inspect/{shared.pk}/"), "she may read it, not change it"
    text = page.locator("main").inner_text()
    assert "Led by Childline Kenya (116)" in text and "Amani Otieno" in text
    assert "Joint referral desk" in text
    drafter.shot("read-only")
