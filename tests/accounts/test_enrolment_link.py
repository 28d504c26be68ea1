"""A first two-factor set-up needs the link e-mailed to the account: the password alone
never shows a key (the outside security review's finding)."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts import enrolment
from accounts.audit import OTP_LINK_OPENED, OTP_LINK_REFUSED, OTP_LINK_SENT, OTP_SETUP

from ..factories import PASSWORD
from .two_factor import (
    BASE_URL,
    SETUP,
    VERIFY,
    code_for,
    enrol,
    links_sent_to,
    open_setup,
    shown_key,
    sign_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_a_session_with_only_the_password_never_sees_a_key_that_later_verifies(
    client, ke_reviewer, capture
):
    intruder = Client()
    sign_in(intruder, ke_reviewer)
    harvested = [shown_key(open_setup(intruder, capture))]

    # The reviewer signs in and sets it up as the pages say; meanwhile the intruder looks.
    sign_in(client, ke_reviewer)
    page = open_setup(client, capture)
    if shown_key(page) is None:
        client.get(links_sent_to(ke_reviewer)[-1])
    harvested.append(shown_key(open_setup(intruder, capture)))
    key = enrol(client, ke_reviewer, capture)

    harvested = [k for k in harvested if k]
    assert key not in harvested
    for steps, stolen in enumerate(harvested, start=1):
        late = Client()
        sign_in(late, ke_reviewer)
        late.post(VERIFY, {"token": code_for(stolen, steps)})
        assert late.get("/admin/")["Location"].startswith(VERIFY)


def test_without_the_link_no_key_is_shown(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    page = open_setup(client, capture)
    html = page.content.decode()
    assert page.status_code == 200
    assert shown_key(page) is None
    assert "otpauth://" not in html and "two-factor-qr" not in html
    assert "we sent a link to <strong>k***@e***.org</strong>" in html  # ke-reviewer@example.org
    assert not TOTPDevice.objects.filter(user=ke_reviewer).exists()
    [message] = mail.outbox
    assert message.to == [ke_reviewer.email]
    assert f"{BASE_URL}/admin/two-factor/setup/" in message.body
    # Seeing the page again sends nothing more while that link is good.
    open_setup(client, capture)
    assert len(mail.outbox) == 1


def test_the_link_shows_a_fresh_key_and_works_once(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    [link] = links_sent_to(ke_reviewer)
    page = client.get(link, follow=True)
    assert page.redirect_chain == [(SETUP, 302)]  # no token in the address bar
    first = shown_key(page)
    assert first
    assert ModelLogEntry.objects.filter(action=OTP_LINK_OPENED).count() == 1

    other_browser = Client()
    sign_in(other_browser, ke_reviewer)
    again = other_browser.get(link, follow=True)
    assert shown_key(again) is None
    assert str(enrolment.LINK_INVALID) in again.content.decode()
    assert ModelLogEntry.objects.filter(action=OTP_LINK_REFUSED).count() == 1
    # The first browser keeps its own key until it is confirmed.
    assert shown_key(client.get(SETUP)) == first


def test_the_link_works_only_for_its_user(client, ke_reviewer, ke_coordinator, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    [link] = links_sent_to(ke_reviewer)
    someone_else = Client()
    sign_in(someone_else, ke_coordinator)
    page = someone_else.get(link, follow=True)
    assert shown_key(page) is None
    assert str(enrolment.LINK_INVALID) in page.content.decode()
    # Not used up by the wrong account.
    assert shown_key(client.get(link, follow=True))


def test_opened_while_signed_out_it_works_after_signing_in(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    [link] = links_sent_to(ke_reviewer)
    fresh = Client()
    to_login = fresh.get(link)
    assert to_login["Location"].startswith("/admin/login/")
    signed_in = fresh.post(
        "/admin/login/",
        {"username": ke_reviewer.username, "password": PASSWORD, "next": link},
        follow=True,
    )
    assert shown_key(signed_in)


def test_after_enrolment_the_link_is_dead(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    unused = enrolment.link_url(ke_reviewer).removeprefix(BASE_URL)  # one more, not opened
    enrol(client, ke_reviewer, capture)
    assert ModelLogEntry.objects.filter(action=OTP_SETUP).count() == 1
    TOTPDevice.objects.filter(user=ke_reviewer).delete()  # even with the device gone again
    later = Client()
    sign_in(later, ke_reviewer)
    page = later.get(unused, follow=True)
    assert shown_key(page) is None


def test_a_code_from_the_enrolled_device_is_accepted(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    key = enrol(client, ke_reviewer, capture)
    assert client.get("/admin/").status_code == 200
    device = TOTPDevice.objects.get(user=ke_reviewer)
    assert device.confirmed and device.name == enrolment.DEVICE_NAME

    client.logout()
    sign_in(client, ke_reviewer)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"token": code_for(key, 1), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_at_set_up_saves_nothing(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    key = shown_key(client.get(links_sent_to(ke_reviewer)[-1], follow=True))
    wrong = "000000" if code_for(key) != "000000" else "111111"
    response = client.post(SETUP, {"token": wrong})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert shown_key(response) == key
    assert not TOTPDevice.objects.filter(user=ke_reviewer).exists()


def test_a_password_change_kills_the_link(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    [link] = links_sent_to(ke_reviewer)
    ke_reviewer.set_password("another-long-passphrase-7")
    ke_reviewer.save()
    fresh = Client()
    fresh.force_login(ke_reviewer)
    assert shown_key(fresh.get(link, follow=True)) is None


def test_the_link_expires_after_an_hour(client, ke_reviewer, capture, monkeypatch):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    [link] = links_sent_to(ke_reviewer)
    later = datetime.now() + timedelta(minutes=61)
    monkeypatch.setattr(enrolment.token_generator, "_now", lambda: later)
    assert shown_key(client.get(link, follow=True)) is None


def test_keys_left_by_the_old_set_up_page_are_deleted(client, ke_reviewer, capture):
    TOTPDevice.objects.create(user=ke_reviewer, name="Authenticator app", confirmed=False)
    sign_in(client, ke_reviewer)
    open_setup(client, capture)
    assert not TOTPDevice.objects.filter(user=ke_reviewer).exists()


def test_sending_again_is_rate_limited_and_audited(client, ke_reviewer, capture):
    sign_in(client, ke_reviewer)
    open_setup(client, capture)  # the first link, sent at once

    def send_again():
        with capture(execute=True):
            return client.post(SETUP, {"send": "1"}, follow=True).content.decode()

    assert str(enrolment.LINK_RESENT_TOO_SOON) in send_again()
    assert len(mail.outbox) == 1
    sent = ModelLogEntry.objects.filter(action=OTP_LINK_SENT, object_id=str(ke_reviewer.pk))
    for _ in range(enrolment.SENDS_PER_HOUR - 1):
        sent.update(timestamp=datetime.now().astimezone() - timedelta(minutes=2))
        assert "A new link is on its way to k***@e***.org" in send_again()
    assert len(mail.outbox) == enrolment.SENDS_PER_HOUR
    sent.update(timestamp=datetime.now().astimezone() - timedelta(minutes=2))
    assert str(enrolment.LINK_TOO_MANY) in send_again()
    assert len(mail.outbox) == enrolment.SENDS_PER_HOUR
    entry = sent.first()
    assert entry.user == ke_reviewer
    assert entry.data["to"] == "k***@e***.org"
    assert entry.data["ip"] == "127.0.0.1"


def test_without_an_e_mail_address_they_ask_an_administrator(client, ke_reviewer, capture):
    ke_reviewer.email = ""
    ke_reviewer.save()
    sign_in(client, ke_reviewer)
    page = open_setup(client, capture)
    assert "has no e-mail address" in page.content.decode()
    assert shown_key(page) is None
    assert mail.outbox == []
