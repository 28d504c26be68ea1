from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import loader as demo


class Command(BaseCommand):
    help = (
        "Create the demo countries, agencies, plans and accounts. Idempotent: running it "
        "again updates the same rows. Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (creates accounts with a published password).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a real deployment, and the demo creates "
                "accounts with a published password. Use --force if you really mean it."
            )
        usernames = demo.load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Accounts (password for all: {demo.DEMO_PASSWORD}):")
        for username in usernames:
            self.stdout.write(f"  {username}")
