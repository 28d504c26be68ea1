"""`manage.py import_plan FILE --country ke [--plan X] [--dry-run]`: a spreadsheet into a plan.

Runs as the system (no user): the audit log records the import without a user. Exits
non-zero, having changed nothing, when any row has a problem.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from interchange import services
from plans.models import NationalPlanPage
from stakeholders.models import Country


class Command(BaseCommand):
    help = "Import commitments from a .csv or .xlsx file into a country's plan, as drafts."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .csv or .xlsx file (see the template).")
        parser.add_argument("--country", required=True, help="ISO code, e.g. ke.")
        parser.add_argument("--plan", help="Plan id or slug; needed when the country has several.")
        parser.add_argument("--dry-run", action="store_true", help="Check and show, write nothing.")

    def handle(self, *args, file, country, plan=None, dry_run=False, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        plan = self._plan(country, plan)
        result = services.plan_import(
            actor=None,
            plan=plan,
            file_name=file.name,
            content=file.read_bytes(),
            dry_run=dry_run,
        )
        for row in result.rows:
            if row.action != "unchanged":
                verb = row.action if result.done else f"would {row.action}"
                self.stdout.write(f"  row {row.row}: {verb} “{row.title}” ({row.lead_agency})")
        for note in result.notes:
            self.stdout.write(f"note: {note}")
        for problem in result.problems:
            self.stderr.write(str(problem))
        self.stdout.write(f"{plan}: {result.summary()}")
        if result.problems:
            raise CommandError(f"{len(result.problems)} problem(s); nothing was imported.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def _plan(self, code, ref):
        country = Country.objects.filter(code=code.strip().lower()).first()
        if country is None:
            raise CommandError(f"No country with code “{code}”.")
        plans = (
            NationalPlanPage.objects.originals().filter(country=country).order_by("-period_start")
        )
        if ref:
            found = plans.filter(pk=int(ref)) if ref.isdigit() else plans.filter(slug=ref)
            if not found.exists():
                raise CommandError(f"{country} has no plan “{ref}”: {self._list(plans)}")
            return found.get()
        count = plans.count()
        if count == 0:
            raise CommandError(f"{country} has no plan yet.")
        if count > 1:
            raise CommandError(
                f"{country} has {count} plans; choose one with --plan: {self._list(plans)}"
            )
        return plans.get()

    @staticmethod
    def _list(plans):
        return "; ".join(f"{p.pk} ({p.slug}, {p.title})" for p in plans) or "none"
