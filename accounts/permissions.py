"""Who must use two-factor authentication.

Superusers, national coordinators and reviewers must: they change or approve what goes
public. Everybody else (drafters, heads of agency, viewers) may turn it on from their
account, and once they have, they are asked for a code like everybody who must.

The demo accounts are exempt only while DEBUG is on, so a local `make run` works with the
published demo password alone; with DEBUG off they are treated like anybody else.
"""

from functools import cache

from django.conf import settings
from django_otp import user_has_device
from wagtail import hooks

from stakeholders.models import Membership
from stakeholders.permissions import is_active_user

TWO_FACTOR_ROLES = (Membership.Role.COORDINATOR, Membership.Role.REVIEWER)


# The app that creates demo accounts names them through this hook (the `demo` app does).
DEMO_ACCOUNTS_HOOK = "demo_account_usernames"


@cache
def demo_usernames() -> frozenset[str]:
    """The accounts `manage.py load_demo` creates."""
    return frozenset(name for names in hooks.get_hooks(DEMO_ACCOUNTS_HOOK) for name in names())


def two_factor_exempt(user) -> bool:
    """A demo account while DEBUG is on, and never otherwise."""
    return bool(settings.DEBUG) and user.get_username() in demo_usernames()


def two_factor_required(user) -> bool:
    """Must this user confirm a one-time code before using the admin?"""
    if not is_active_user(user) or two_factor_exempt(user):
        return False
    if user.is_superuser:
        return True
    required = getattr(user, "_two_factor_required", None)
    if required is None:
        required = Membership.objects.filter(user=user, role__in=TWO_FACTOR_ROLES).exists()
        user._two_factor_required = required
    return required


def has_two_factor(user) -> bool:
    """Has the user a confirmed authenticator (then they are always asked for a code)?"""
    return is_active_user(user) and user_has_device(user, confirmed=True)
