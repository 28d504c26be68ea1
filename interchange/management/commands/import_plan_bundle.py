from django.core.management.base import BaseCommand, CommandError

from interchange.bundles import BundleError, import_bundle


class Command(BaseCommand):
    help = (
        "Restore a plan bundle (made by export_plan_bundle) into a database that does not "
        "have its country yet. All or nothing; rights are recomputed, not copied."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .zip written by export_plan_bundle")

    def handle(self, *args, path, **options):
        try:
            result = import_bundle(path=path)
        except BundleError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in result.counts.items())
        self.stdout.write(f"Imported {result.country.name}: {counts}.")
        if result.skipped_memberships:
            self.stdout.write(
                self.style.WARNING(
                    "Memberships not restored (create the accounts, then add them): "
                    + ", ".join(result.skipped_memberships)
                )
            )
