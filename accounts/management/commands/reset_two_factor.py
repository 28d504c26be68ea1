from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp import devices_for_user

from accounts.audit import OTP_RESET, log_account_event

from ._links import add_link_arguments, find_user, hand_over_link


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator devices (lost or replaced phone). They set it up "
        "again through a link: e-mailed by the set-up page, or given with --link / --send."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        add_link_arguments(parser)

    def handle(self, *args, username, **options):
        user = find_user(username)
        with transaction.atomic():
            devices = list(devices_for_user(user, confirmed=None))
            for device in devices:
                device.delete()
            log_account_event(OTP_RESET, account=user, devices=len(devices))
        self.stdout.write(self.style.SUCCESS(f"Removed {len(devices)} device(s) of {username}."))
        hand_over_link(self, user, **options)
