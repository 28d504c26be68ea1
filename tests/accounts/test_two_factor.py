"""Two-factor authentication: who must, who may, and how a session gets verified."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.audit import OTP_FAILED, OTP_SETUP, OTP_VERIFIED
from accounts.permissions import two_factor_required
from stakeholders.models import Membership

from ..factories import UserFactory, member
from .two_factor import BASE_URL, SETUP, VERIFY, code, enrol

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


@pytest.fixture
def set_up(django_capture_on_commit_callbacks):
    """Through the set-up page and the e-mailed link, as a person would."""

    def set_up(client, user):
        client.force_login(user)
        enrol(client, user, django_capture_on_commit_callbacks)
        device = TOTPDevice.objects.get(user=user)
        assert device.confirmed
        return device

    return set_up


@pytest.fixture(params=["coordinator", "reviewer", "superuser"])
def must_use_2fa(request, ke_coordinator, ke_reviewer, superuser):
    return {"coordinator": ke_coordinator, "reviewer": ke_reviewer, "superuser": superuser}[
        request.param
    ]


def test_coordinators_reviewers_and_superusers_are_sent_to_set_it_up(client, must_use_2fa):
    assert two_factor_required(must_use_2fa)
    client.force_login(must_use_2fa)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "we sent a link to" in page.content.decode()  # the key comes with the link


def test_after_set_up_they_get_in(set_up, client, must_use_2fa):
    set_up(client, must_use_2fa)
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action=OTP_SETUP, object_id=str(must_use_2fa.pk)).exists()


def test_a_new_session_must_enter_a_code(set_up, client, ke_reviewer):
    device = set_up(client, ke_reviewer)
    client.logout()
    client.force_login(ke_reviewer)
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    # Setting up another device is no way around it.
    assert client.get(SETUP)["Location"].startswith(VERIFY)

    wrong = client.post(VERIFY, {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert ModelLogEntry.objects.filter(action=OTP_FAILED, object_id=str(ke_reviewer.pk)).exists()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_timestamp = None  # past the one-second wait after a failure
    device.save()
    right = client.post(VERIFY, {"token": code(device, steps_ahead=1), "next": "/admin/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action=OTP_VERIFIED, object_id=str(ke_reviewer.pk)).exists()


def test_wrong_codes_slow_down_further_tries(set_up, client, ke_coordinator):
    device = set_up(client, ke_coordinator)
    client.logout()
    client.force_login(ke_coordinator)
    client.post(VERIFY, {"token": "000000"})
    # Right away, even the right code is refused: each failure doubles the wait.
    response = client.post(VERIFY, {"token": code(device, steps_ahead=1)})
    assert response.status_code == 200
    assert "Too many wrong codes" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_verify_only_redirects_to_this_site(set_up, client, ke_coordinator):
    device = set_up(client, ke_coordinator)
    client.logout()
    client.force_login(ke_coordinator)
    response = client.post(
        VERIFY, {"token": code(device, steps_ahead=1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_drafters_get_in_without_it_and_may_turn_it_on(set_up, client, ke_police_drafter):
    assert not two_factor_required(ke_police_drafter)
    client.force_login(ke_police_drafter)
    assert client.get("/admin/").status_code == 200
    assert SETUP in client.get("/admin/account/").content.decode()
    # Once on, they are asked for a code like everybody else.
    set_up(client, ke_police_drafter)
    client.logout()
    client.force_login(ke_police_drafter)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_private_documents_are_guarded_too(client, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get("/documents/1/evidence.pdf")["Location"].startswith(SETUP)


def test_sign_out_and_the_public_site_need_no_code(client, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get("/healthz/").status_code == 200
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_heads_and_viewers_are_not_required(kenya, ke_police):
    head = UserFactory(username="head")
    member(head, ke_police, Membership.Role.HEAD)
    viewer = UserFactory(username="viewer")
    member(viewer, ke_police, Membership.Role.VIEWER)
    assert not two_factor_required(head)
    assert not two_factor_required(viewer)


@pytest.fixture
def demo_coordinator(ke_children_services):
    user = UserFactory(username="ke-coordinator")
    member(user, ke_children_services, Membership.Role.COORDINATOR)
    return user


def test_demo_accounts_are_exempt_while_debug_is_on(client, settings, demo_coordinator):
    settings.DEBUG = True
    assert not two_factor_required(demo_coordinator)
    client.force_login(demo_coordinator)
    assert client.get("/admin/").status_code == 200


def test_demo_accounts_are_not_exempt_with_debug_off(client, settings, demo_coordinator):
    settings.DEBUG = False
    assert two_factor_required(demo_coordinator)
    client.force_login(demo_coordinator)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_only_the_demo_usernames_are_exempt(client, settings, ke_coordinator):
    settings.DEBUG = True
    assert two_factor_required(ke_coordinator)  # "ke-coord" is no demo account
