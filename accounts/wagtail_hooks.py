from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_views
from .audit import ACTIONS
from .permissions import has_two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", admin_views.setup, name="accounts_two_factor_setup"),
        # Under setup/, so the two-factor redirect lets it through (accounts.middleware).
        path(
            "two-factor/setup/<uidb64>/<token>/", admin_views.link, name="accounts_two_factor_link"
        ),
        path("two-factor/verify/", admin_views.verify, name="accounts_two_factor_verify"),
    ]


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    on = has_two_factor(request.user)
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Two-factor authentication") if on else _("Set up two-factor authentication"),
        "help_text": _("On: a code from your authenticator app is asked at every sign-in.")
        if on
        else _("Ask for a code from an authenticator app at every sign-in."),
    }
