"""django-axes: five failed sign-ins for one username from one address lock that pair out."""

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from accounts.audit import LOCKED_OUT, LOGIN, LOGIN_FAILED, UNKNOWN_ACCOUNT_ID

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


def sign_in(client, username, password, ip="127.0.0.1"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, ip="127.0.0.1"):
    return [sign_in(client, username, "wrong-password", ip).status_code for _ in range(times)]


def test_five_failures_lock_out_even_the_right_password(client, ke_police_drafter):
    statuses = fail(client, "ke-police-drafter", 5)
    assert statuses[:4] == [200, 200, 200, 200]  # the form again, with its error
    assert statuses[4] == 429
    response = sign_in(client, "ke-police-drafter", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in locked" in html
    assert "locked after 5 failed sign-in attempts" in html
    assert "Try again in 30 minutes" in html
    assert not signed_in(client)


def test_other_accounts_and_other_addresses_are_unaffected(
    client, ke_police_drafter, ke_coordinator
):
    fail(client, "ke-police-drafter", 5)
    assert sign_in(client, "ke-coord", PASSWORD).status_code == 302
    assert signed_in(client)
    client.logout()
    # Locked per username *and* address: the same person from another address may try.
    assert sign_in(client, "ke-police-drafter", PASSWORD, ip="10.0.0.2").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, ke_police_drafter):
    fail(client, "ke-police-drafter", 4)
    assert sign_in(client, "ke-police-drafter", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "ke-police-drafter", 4) == [200] * 4
    assert sign_in(client, "ke-police-drafter", PASSWORD).status_code == 302


def test_an_administrator_lifts_a_lock_out(client, ke_police_drafter):
    fail(client, "ke-police-drafter", 5)
    call_command("axes_reset_username", "ke-police-drafter")
    assert sign_in(client, "ke-police-drafter", PASSWORD).status_code == 302


def test_failures_lock_outs_and_sign_ins_are_in_the_audit_log(client, ke_police_drafter):
    fail(client, "ke-police-drafter", 5)
    entries = ModelLogEntry.objects.filter(object_id=str(ke_police_drafter.pk))
    assert entries.filter(action=LOGIN_FAILED).count() == 5
    locked = entries.get(action=LOCKED_OUT)
    assert locked.data["ip"] == "127.0.0.1"
    assert locked.user is None

    call_command("axes_reset_username", "ke-police-drafter")
    sign_in(client, "ke-police-drafter", PASSWORD, ip="10.0.0.9")
    login = entries.get(action=LOGIN)
    assert login.user == ke_police_drafter
    assert login.data["ip"] == "10.0.0.9"
    assert "Signed in" in login.message


def test_unknown_usernames_are_logged_without_what_was_typed(client, db):
    sign_in(client, "Secret-Typed-In-The-Wrong-Box", "hunter2-hunter2")
    entry = ModelLogEntry.objects.get(action=LOGIN_FAILED)
    assert entry.object_id == UNKNOWN_ACCOUNT_ID
    stored = f"{entry.label} {entry.data}"
    assert "Secret-Typed" not in stored
    assert "hunter2" not in stored
    assert entry.data["unknown_username"] is True


def test_sign_in_entries_do_not_break_the_coordinators_activity_report(
    client, ke_coordinator, ke_police_drafter
):
    fail(client, "ke-police-drafter", 2)
    client.force_login(ke_coordinator)
    response = client.get("/admin/reports/activity/")
    assert response.status_code == 200
