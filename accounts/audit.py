"""Sign-in events in Wagtail's audit log (Reports → Site history, for superusers).

Each entry is about the account concerned (a user log entry); the person acting is the
account itself after a successful sign-in, and nobody (shown as "system") for failures,
since whoever typed the password is unknown. Passwords are never recorded; a username
that matches no account is not recorded either (people type passwords into it).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

LOGIN = "accounts.login"
LOGIN_FAILED = "accounts.login_failed"
LOCKED_OUT = "accounts.locked_out"
OTP_SETUP = "accounts.otp_setup"
OTP_VERIFIED = "accounts.otp_verified"
OTP_FAILED = "accounts.otp_failed"
OTP_RESET = "accounts.otp_reset"
OTP_LINK_SENT = "accounts.otp_link_sent"
OTP_LINK_ISSUED = "accounts.otp_link_issued"
OTP_LINK_OPENED = "accounts.otp_link_opened"
OTP_LINK_REFUSED = "accounts.otp_link_refused"

ACTIONS = (
    (LOGIN, _("Sign in"), _("Signed in")),
    (LOGIN_FAILED, _("Failed sign-in"), _("Sign-in failed")),
    (LOCKED_OUT, _("Locked out"), _("Locked out after repeated failed sign-ins")),
    (OTP_SETUP, _("Two-factor set up"), _("Two-factor authentication set up")),
    (OTP_VERIFIED, _("Two-factor code accepted"), _("Two-factor code accepted")),
    (OTP_FAILED, _("Two-factor code refused"), _("Two-factor code refused")),
    (OTP_RESET, _("Two-factor reset"), _("Two-factor authentication reset")),
    (OTP_LINK_SENT, _("Two-factor link e-mailed"), _("Two-factor set-up link e-mailed")),
    (
        OTP_LINK_ISSUED,
        _("Two-factor link issued"),
        _("Two-factor set-up link issued by an administrator"),
    ),
    (OTP_LINK_OPENED, _("Two-factor link opened"), _("Two-factor set-up link opened")),
    (OTP_LINK_REFUSED, _("Two-factor link refused"), _("Two-factor set-up link refused")),
)
# An entry about a username that matches no account still needs an object id; no user
# has primary key 0, so Wagtail's listings show it without an object.
UNKNOWN_ACCOUNT_ID = "0"


def axes_client_ip(request) -> str | None:
    """The client's address for django-axes (AXES_CLIENT_IP_CALLABLE).

    Behind TRUSTED_PROXY_COUNT trusted proxies that each append to X-Forwarded-For, the
    client is that many entries from the right; anything further left could be forged.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def client_ip(request) -> str | None:
    if request is None:
        return None
    # django-axes has already worked it out (with its proxy settings) on sign-in requests.
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")


def find_user(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


def _unwrap(user):
    """request.user is a lazy object, which Wagtail's log registry does not recognise."""
    if isinstance(user, LazyObject):
        user.pk  # noqa: B018 - evaluates it
        return user._wrapped
    return user


def log_account_event(action, *, account, request=None, by=None, **data):
    """Record `action` about `account` (a user, or None for an unknown username)."""
    data = {"ip": client_ip(request), **data}
    account, by = _unwrap(account), _unwrap(by)
    if account is not None:
        return log(account, action, user=by, data=data)
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=UNKNOWN_ACCOUNT_ID,
        label=str(_("unknown username")),
        action=action,
        data={**data, "unknown_username": True},
        timestamp=timezone.now(),
        user=by,
    )
