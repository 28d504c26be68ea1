"""A drafter opening a commitment another agency leads reads it, and is told why it is not
theirs to change and whom to ask; someone of another country learns nothing."""

import pytest

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/plans/commitment"


def test_a_country_colleague_is_told_why_and_whom_to_ask(
    client, ke_plan, ke_helpline, ke_police_drafter, ke_coordinator, ke_children_services
):
    helpline_drafter = UserFactory(username="amani", first_name="Amani", last_name="Otieno")
    member(helpline_drafter, ke_helpline)
    commitment = make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    client.force_login(ke_police_drafter)
    response = client.get(f"{BASE}/edit/{commitment.pk}/")
    assert response.status_code == 403
    html = response.content.decode().replace("&#x27;", "'")
    assert "Led by Childline Kenya (116)" in html
    assert "Amani Otieno" in html and "ke-coord" in html
    assert "Helpline hours" not in html, "a drafter who may not read it reads none of it"


def test_who_may_read_but_not_change_it_lands_on_its_read_only_page(
    client, ke_plan, ke_helpline, ke_police, ke_police_drafter
):
    commitment = make_commitment(
        ke_plan, ke_helpline, title="Helpline hours", capability=11, supporting=[ke_police]
    )
    client.force_login(ke_police_drafter)
    response = client.get(f"{BASE}/edit/{commitment.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"{BASE}/inspect/{commitment.pk}/"
    html = response.content.decode().replace("&#x27;", "'")
    assert "Led by Childline Kenya (116)" in html
    assert "Helpline hours" in html and "Live" in html


def test_someone_of_another_country_is_refused_without_a_word_about_it(
    client, ke_plan, ke_helpline, jo_coordinator
):
    commitment = make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    client.force_login(jo_coordinator)
    response = client.get(f"{BASE}/edit/{commitment.pk}/", follow=True)
    assert "Helpline hours" not in response.content.decode()
    assert "Childline" not in response.content.decode()


def test_the_read_only_page_shows_the_latest_draft_and_its_state(
    client, ke_plan, ke_helpline, ke_police, ke_police_drafter
):
    commitment = make_commitment(
        ke_plan,
        ke_helpline,
        title="Draft hours",
        capability=11,
        supporting=[ke_police],
        publish=False,
    )
    client.force_login(ke_police_drafter)  # a supporting agency reads it
    html = client.get(f"{BASE}/inspect/{commitment.pk}/").content.decode()
    assert "Draft hours" in html and ">Draft<" in html.replace("\n", "").replace(" ", "")


def test_an_unrelated_drafter_may_not_even_read_it(client, ke_plan, ke_helpline, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_helpline, title="Draft hours", publish=False)
    client.force_login(ke_police_drafter)
    response = client.get(f"{BASE}/inspect/{commitment.pk}/")
    assert response.status_code == 403 and "Draft hours" not in response.content.decode()


def test_the_read_only_page_says_why_once(
    client, ke_plan, ke_helpline, ke_police, ke_police_drafter
):
    """The page itself says who leads it and whom to ask: no message repeating it above."""
    commitment = make_commitment(
        ke_plan, ke_helpline, title="Helpline hours", capability=11, supporting=[ke_police]
    )
    client.force_login(ke_police_drafter)
    response = client.get(f"{BASE}/edit/{commitment.pk}/", follow=True)
    html = response.content.decode().replace("&#x27;", "'")
    assert html.count("Led by Childline Kenya (116)") == 1
