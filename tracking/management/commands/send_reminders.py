import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from tracking import reminders


class Command(BaseCommand):
    help = "Send due-soon and overdue reminders (and, with --digest, coordinators' digests)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show, send nothing.")
        parser.add_argument("--digest", action="store_true", help="Also the weekly digests.")
        parser.add_argument("--on", type=datetime.date.fromisoformat, help="As if on YYYY-MM-DD.")

    def handle(self, *args, dry_run=False, digest=False, on=None, **options):
        on = on or timezone.localdate()
        outcomes = [("reminders", reminders.send_reminders(on=on, dry_run=dry_run))]
        if digest:
            outcomes.append(("digests", reminders.send_digests(on=on, dry_run=dry_run)))
        for name, outcome in outcomes:
            for line in outcome.lines:
                self.stdout.write(f"  would send {line}")
            if dry_run:
                self.stdout.write(f"{name}: {outcome.planned} would be sent (dry run)")
            else:
                self.stdout.write(
                    f"{name}: {outcome.sent} of {outcome.planned} sent "
                    f"in {outcome.emails} e-mails ({outcome.planned - outcome.sent} sent before)"
                )
            if outcome.unreached:
                many = outcome.unreached != 1
                self.stderr.write(
                    f"{name}: {outcome.unreached} commitment{'s' if many else ''} "
                    f"reach{'' if many else 'es'} nobody: no drafter or head of the lead "
                    "agency and no coordinator of its country has an account with an e-mail"
                )
