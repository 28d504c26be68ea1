"""The Kenyan coordinator invites a new drafter for the police; she follows the link in
the e-mail, chooses a password, signs in, and may edit her agency's commitments only."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from ..factories import PASSWORD, make_commitment
from .conftest import JOURNEY, Person

pytestmark = JOURNEY

EMAIL = "wanjiru@police.example.org"
EDIT = "/admin/snippets/plans/commitment/edit/{pk}/"


def test_invited_drafter_sets_a_password_and_edits_only_her_agencys_commitments(
    person, chromium, live_server, ke_plan, ke_police, ke_helpline, ke_coordinator
):
    mine = make_commitment(ke_plan, ke_police, title="Train police investigators")
    theirs = make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)

    coordinator = person(ke_coordinator, "coordinator")
    page = coordinator.page
    page.get_by_role("button", name="Stakeholders").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Memberships").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("First name").fill("Wanjiru")
    page.get_by_label("Agency").select_option(label=str(ke_police))
    page.get_by_label("Role").select_option("drafter")
    coordinator.shot("invite-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the invitation").click()
    assert f"{EMAIL} is invited as Drafter of {ke_police}" in page.locator(".messages").inner_text()
    coordinator.shot("invited")

    (message,) = mail.outbox
    assert message.to == [EMAIL]
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)
    invitee = get_user_model().objects.get(email=EMAIL)
    wanjiru = Person(chromium, live_server.url, invitee, "invitee")
    try:
        page = wanjiru.goto(re.sub(r"^https?://[^/]+", "", link))
        assert "Set your new password" in page.locator("h1").inner_text()
        page.fill("#id_new_password1", PASSWORD)
        page.fill("#id_new_password2", PASSWORD)
        wanjiru.shot("set-password")
        with page.expect_navigation():
            page.get_by_role("button", name="Reset password").click()
        assert "Password change successful" in page.locator("h1").inner_text()

        wanjiru.sign_in()
        page = wanjiru.goto(EDIT.format(pk=mine.pk))
        assert page.locator("#id_title").input_value() == "Train police investigators"
        wanjiru.shot("her-commitment")
        response = page.goto(live_server.url + EDIT.format(pk=theirs.pk))
        assert response.status == 403
        assert "Led by Childline Kenya (116)" in page.locator("main").inner_text()
        wanjiru.shot("not-hers")
    finally:
        wanjiru.close()
