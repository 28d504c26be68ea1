"""An administrator's route to a first set-up: `reset_two_factor --link` after a lost
phone, `two_factor_link` for a new account; for people with no e-mail address, printed."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.audit import OTP_LINK_ISSUED, OTP_LINK_SENT, OTP_RESET
from stakeholders.models import Membership

from ..factories import UserFactory, member
from .two_factor import BASE_URL, LINK, SETUP, VERIFY, code_for, shown_key, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def printed_link(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue(), LINK.search(out.getvalue()).group(1)


def set_up_with(client, link):
    key = shown_key(client.get(link, follow=True))
    assert key
    assert client.post(SETUP, {"token": code_for(key)})["Location"] == "/admin/"
    return key


def test_reset_with_link_removes_the_phone_and_prints_a_link_that_works(client, ke_reviewer):
    TOTPDevice.objects.create(user=ke_reviewer, name="old phone", confirmed=True)
    output, link = printed_link("reset_two_factor", ke_reviewer.username, "--link")
    assert "Removed 1 device(s)" in output
    assert ModelLogEntry.objects.filter(action=OTP_RESET).count() == 1
    assert ModelLogEntry.objects.get(action=OTP_LINK_ISSUED).data["delivery"] == "printed"
    assert mail.outbox == []

    sign_in(client, ke_reviewer)
    set_up_with(client, link)
    assert TOTPDevice.objects.get(user=ke_reviewer).name != "old phone"
    assert client.get("/admin/").status_code == 200


def test_a_new_account_without_e_mail_gets_a_printed_link(client, ke_children_services):
    newcomer = UserFactory(username="ke-new-reviewer", email="")
    member(newcomer, ke_children_services, Membership.Role.REVIEWER)
    _output, link = printed_link("two_factor_link", newcomer.username)
    sign_in(client, newcomer)
    key = set_up_with(client, link)

    again = Client()
    sign_in(again, newcomer)
    assert again.post(VERIFY, {"token": code_for(key, 1)})["Location"] == "/admin/"
    # The printed link is dead once used.
    third = Client()
    sign_in(third, newcomer)
    assert shown_key(third.get(link, follow=True)) is None


def test_a_link_can_be_e_mailed_instead(ke_reviewer, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("two_factor_link", ke_reviewer.username, "--send", stdout=out)
    assert "k***@e***.org" in out.getvalue()
    [message] = mail.outbox
    assert message.to == [ke_reviewer.email]
    assert LINK.search(message.body)
    sent = ModelLogEntry.objects.get(action=OTP_LINK_SENT)
    assert sent.user is None and sent.data["why"] == "an administrator"


def test_no_link_over_a_working_phone(ke_reviewer):
    TOTPDevice.objects.create(user=ke_reviewer, name="phone", confirmed=True)
    with pytest.raises(CommandError, match="reset_two_factor --link"):
        call_command("two_factor_link", ke_reviewer.username)
    assert ModelLogEntry.objects.filter(action=OTP_LINK_ISSUED).count() == 0


def test_no_e_mail_address_no_sending(ke_reviewer):
    ke_reviewer.email = ""
    ke_reviewer.save()
    with pytest.raises(CommandError, match="no e-mail address"):
        call_command("two_factor_link", ke_reviewer.username, "--send")


def test_an_unknown_username_is_refused(db):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("reset_two_factor", "nobody", "--link")
