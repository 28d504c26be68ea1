from wagtail import hooks

from accounts.permissions import DEMO_ACCOUNTS_HOOK

from .countries import demo_usernames

hooks.register(DEMO_ACCOUNTS_HOOK, demo_usernames)
