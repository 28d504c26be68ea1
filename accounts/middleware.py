"""Sends people who must use two-factor authentication to set it up, then to verify.

Runs after AuthenticationMiddleware and django_otp's OTPMiddleware (which gives
`request.user.is_verified()`). Only the admin and private documents are guarded: the
public site has nothing more for a logged-in user than for anyone.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .permissions import has_two_factor, two_factor_exempt, two_factor_required

GUARDED_PREFIXES = ("/admin/", "/documents/")


def _exempt_paths() -> tuple[str, ...]:
    """Pages a person who still has to verify may reach: signing in and out, resetting a
    forgotten password, the two-factor pages themselves, and the admin's own assets."""
    return tuple(
        reverse(name)
        for name in (
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_password_reset",
            "wagtailadmin_javascript_catalog",
            "wagtailadmin_sprite",
            "accounts_two_factor_setup",
            "accounts_two_factor_verify",
        )
    )


def two_factor_redirect(request):
    """The redirect this request needs before it may go on, or None."""
    if not getattr(settings, "TWO_FACTOR_ENFORCED", True):
        return None
    # path_info is relative to the site's mount point; reverse() and request.path include it.
    if not request.path_info.startswith(GUARDED_PREFIXES):
        return None
    if request.path.startswith(_exempt_paths()):
        return None
    user = request.user
    if not user.is_authenticated or user.is_verified() or two_factor_exempt(user):
        return None
    if has_two_factor(user):
        target = "accounts_two_factor_verify"
    elif two_factor_required(user):
        target = "accounts_two_factor_setup"
    else:
        return None
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return two_factor_redirect(request) or self.get_response(request)
