"""First enrolment of an authenticator app: through a link e-mailed to the account.

A security review found that the set-up page kept an unconfirmed device and showed its key
to every session, so whoever signed in with the password before the real user enrolled
had the key, and valid codes ever after. Now the password alone never shows a key:

* The set-up page e-mails a link (`send_link`, through the Celery outbox), or an
  administrator prints one (`manage.py two_factor_link`, `reset_two_factor --link`).
* The link is a token like Django's password-reset token: signed, for one user, for
  TWO_FACTOR_LINK_TIMEOUT seconds, and dead once that user's password or e-mail address
  changes, once they have a confirmed device, and once it has been opened (its hash holds
  the latest "opened", "set up" and "reset" entry of the audit log).
* Opening the link signed in as its user puts a fresh secret in that session only
  (`start`); the device is created, confirmed, when a code from it is entered (`confirm`).
"""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from wagtail.models import ModelLogEntry

from home import outbox
from home.mail import send_templated_mail, user_token_link

from .audit import (
    OTP_LINK_ISSUED,
    OTP_LINK_OPENED,
    OTP_LINK_SENT,
    OTP_RESET,
    OTP_SETUP,
    log_account_event,
)

DEVICE_NAME = "Authenticator app"
SESSION_KEY = "accounts.two_factor_candidate"
# Events after which every earlier link is dead.
STATE_ACTIONS = (OTP_LINK_OPENED, OTP_SETUP, OTP_RESET)
# "Send it again": at most one e-mail a minute, and a few an hour, per account.
RESEND_INTERVAL = timedelta(minutes=1)
SENDS_PER_HOUR = 5

LINK_INVALID = _(
    "This set-up link does not work: it has expired, has been used already, or is for "
    "another account. Use the latest link sent to you, or ask for a new one."
)
LINK_RESENT_TOO_SOON = _("A link was sent less than a minute ago. Wait a minute, then ask again.")
LINK_TOO_MANY = _(
    "Too many links were sent in the last hour. Try again later, or ask a site administrator."
)
LINK_ON_ITS_WAY = _("A new link is on its way to %(address)s.")


class EnrolmentTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.enrolment.EnrolmentTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Not last_login (Django's choice for password resets): people sign in before
        # they open the link. The audit-log entry id never goes back, unlike the devices
        # (a reset removes them).
        email = getattr(user, user.get_email_field_name(), "") or ""
        devices = sorted(d.persistent_id for d in devices_for_user(user, confirmed=True))
        latest = _log(user).filter(action__in=STATE_ACTIONS).order_by("-pk").first()
        state = f"{devices}{latest.pk if latest else ''}"
        return f"{user.pk}{user.password}{timestamp}{email}{state}"

    def check_token(self, user, token):
        if not super().check_token(user, token):
            return False
        timestamp = base36_to_int(token.split("-")[0])
        return self._num_seconds(self._now()) - timestamp <= settings.TWO_FACTOR_LINK_TIMEOUT


token_generator = EnrolmentTokenGenerator()


def _log(user):
    return ModelLogEntry.objects.for_instance(user)


def link_url(user) -> str:
    return user_token_link("accounts_two_factor_link", user=user, token_generator=token_generator)


def user_for_link(uidb64, token):
    """The user the link is for, if it is still good; None otherwise."""
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model()._default_manager.get(pk=pk)
    except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
        return None
    if not user.is_active or not token_generator.check_token(user, token):
        return None
    return user


def mask_email(address: str) -> str:
    """r***@p***.go.ke: enough for the owner to recognise, little for anyone else."""
    local, _, domain = address.partition("@")
    host, dot, rest = domain.partition(".")
    return f"{local[:1]}***@{host[:1]}***{dot}{rest}"


def has_live_link(user) -> bool:
    """Was a link e-mailed that is young enough and not yet made dead?"""
    latest_sent = _log(user).filter(action=OTP_LINK_SENT).order_by("-pk").first()
    if latest_sent is None:
        return False
    age = timezone.now() - latest_sent.timestamp
    if age > timedelta(seconds=settings.TWO_FACTOR_LINK_TIMEOUT):
        return False
    return not _log(user).filter(action__in=STATE_ACTIONS, pk__gt=latest_sent.pk).exists()


def resend_refusal(user) -> str | None:
    """Why another e-mail may not be sent now (a message constant), or None."""
    now = timezone.now()
    sends = _log(user).filter(action=OTP_LINK_SENT)
    if sends.filter(timestamp__gt=now - RESEND_INTERVAL).exists():
        return LINK_RESENT_TOO_SOON
    if sends.filter(timestamp__gt=now - timedelta(hours=1)).count() >= SENDS_PER_HOUR:
        return LINK_TOO_MANY
    return None


def request_link(user, *, request=None, reason: str) -> None:
    """E-mail `user` a link (after the current transaction), and record that it was asked."""
    from . import tasks  # the task module imports this one

    by = user if request is not None else None
    to = mask_email(user.email)
    log_account_event(OTP_LINK_SENT, account=user, request=request, by=by, to=to, why=reason)
    outbox.send_on_commit(tasks.send_enrolment_link, user.pk)


def print_link(user) -> str:
    """A link for an administrator to hand over in person, recorded."""
    log_account_event(OTP_LINK_ISSUED, account=user, delivery="printed")
    return link_url(user)


def send_link(user_id) -> int:
    """The e-mail itself (run by the Celery task): the token is made now, not queued."""
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or user_has_device(user, confirmed=True):
        return 0
    context = {
        "user": user,
        "url": link_url(user),
        "minutes": settings.TWO_FACTOR_LINK_TIMEOUT // 60,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return send_templated_mail("accounts/email/enrolment_link", to=user.email, context=context)


def start(request, user) -> None:
    """The link was good: kill it, and give this session alone a fresh secret."""
    log_account_event(OTP_LINK_OPENED, account=user, request=request, by=user)
    request.session[SESSION_KEY] = {"user": user.pk, "key": random_hex(20)}


def candidate(request) -> TOTPDevice | None:
    """The unsaved device of this session's set-up, if a link was opened in it."""
    data = request.session.get(SESSION_KEY)
    if not data or data.get("user") != request.user.pk:
        return None
    return TOTPDevice(user=request.user, name=DEVICE_NAME, key=data["key"], confirmed=True)


def discard_unconfirmed(user) -> None:
    """Devices the old set-up page left behind: their keys were shown to any session."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()


def confirm(request, device: TOTPDevice, token: str) -> bool:
    """Save the session's device if `token` is its current code; True if so."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(token), device.tolerance):
        return False
    user = device.user
    with transaction.atomic():
        # Two sessions of one user confirming at once: one device, not two.
        get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
        if user_has_device(user, confirmed=True):
            return False
        device.last_t = totp.t()
        device.drift = totp.drift
        device.set_last_used_timestamp(commit=False)
        device.save()
        discard_unconfirmed(user)
        log_account_event(OTP_SETUP, account=user, request=request, by=user)
    del request.session[SESSION_KEY]
    return True
