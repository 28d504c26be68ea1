"""Coordinators bring new people into their own country's agencies by invitation: an
account with a membership, and an e-mail with a link to choose a password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from plans.models import Commitment
from stakeholders.models import Membership
from stakeholders.services import INVITE_EMAIL_TAKEN

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
INVITE = "/admin/memberships/invite/"
NEW_PASSWORD = "a-long-new-password-2026"


def invite(client, **data):
    return client.post(
        INVITE,
        {"email": "wanjiru@police.example.org", "first_name": "Wanjiru", "role": "drafter", **data},
    )


def test_invited_drafter_sets_a_password_signs_in_and_edits_only_their_agencys_work(
    client, ke_coordinator, ke_plan, ke_police, ke_helpline, django_capture_on_commit_callbacks
):
    mine = make_commitment(ke_plan, ke_police, title="Train police investigators")
    theirs = make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    client.force_login(ke_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, agency=ke_police.pk)
    assert response.status_code == 302, response.content.decode()[:3000]
    person = get_user_model().objects.get(email="wanjiru@police.example.org")
    assert not person.has_usable_password()
    assert person.memberships.get().role == Membership.Role.DRAFTER

    (message,) = mail.outbox
    assert message.to == ["wanjiru@police.example.org"]
    assert ke_police.name in message.subject
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    client.logout()
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.login(username=person.username, password=NEW_PASSWORD)

    base = "/admin/snippets/plans/commitment/edit"
    assert client.get(f"{base}/{mine.pk}/").status_code == 200
    assert client.get(f"{base}/{theirs.pk}/").status_code in (302, 403)
    assert client.get(path, follow=True).context.get("validlink") is False, "the link is used up"
    assert Commitment.objects.count() == 2


def test_coordinator_cannot_invite_a_reviewer(client, ke_coordinator, ke_police):
    client.force_login(ke_coordinator)
    response = invite(client, agency=ke_police.pk, role="reviewer")
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="wanjiru@police.example.org").exists()
    assert not mail.outbox


def test_coordinator_cannot_invite_into_another_country(client, ke_coordinator, jo_police):
    client.force_login(ke_coordinator)
    response = invite(client, agency=jo_police.pk)
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="wanjiru@police.example.org").exists()


def test_an_existing_address_is_refused_with_a_reason(client, ke_coordinator, ke_police):
    client.force_login(ke_coordinator)
    response = invite(client, agency=ke_police.pk, email=ke_coordinator.email)
    assert response.status_code == 200
    assert INVITE_EMAIL_TAKEN.split(".")[0] in response.content.decode()
    assert not mail.outbox


def test_drafters_cannot_invite(client, ke_police_drafter, ke_police):
    client.force_login(ke_police_drafter)
    assert client.get(INVITE).status_code in (302, 403)
    invite(client, agency=ke_police.pk)
    assert not get_user_model().objects.filter(email="wanjiru@police.example.org").exists()
