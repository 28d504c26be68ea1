from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from interchange.bundles import BundleError, default_filename, export_bundle
from stakeholders.models import Country


class Command(BaseCommand):
    help = (
        "Write one country's plans, commitments (with all revisions), progress updates, "
        "agencies and evidence documents to a self-contained .zip (see interchange/bundles.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--country", required=True, help="ISO code, e.g. ke")
        parser.add_argument(
            "--output", "-o", help="File to write (default: plan-bundle-<cc>-<time>.zip here)"
        )

    def handle(self, *args, country, output=None, **options):
        code = country.strip().lower()
        found = Country.objects.filter(code=code).first()
        if found is None:
            raise CommandError(f"No country with code “{code}”.")
        path = Path(output or default_filename(code))
        if path.exists():
            raise CommandError(f"{path} exists; choose another --output.")
        try:
            manifest = export_bundle(country=found, out=path)
        except BundleError as error:
            path.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in manifest["counts"].items())
        self.stdout.write(f"Wrote {path}: {found.name}: {counts}.")
        translated = manifest["not_included"]["translated_plan_pages"]
        if translated:
            self.stdout.write(
                self.style.WARNING(f"{translated} translated plan page(s) are not in the bundle.")
            )
