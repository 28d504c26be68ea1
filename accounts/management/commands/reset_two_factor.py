from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user

from accounts.audit import OTP_RESET, log_account_event


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator devices (lost or replaced phone). Whoever must use "
        "two-factor authentication sets it up again at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        log_account_event(OTP_RESET, account=user, devices=len(devices))
        self.stdout.write(self.style.SUCCESS(f"Removed {len(devices)} device(s) of {username}."))
