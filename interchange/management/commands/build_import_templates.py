"""`manage.py build_import_templates`: write the import templates from their one column list.

Run it after changing `interchange/importing/template.py`, and commit the files.
"""

from django.core.management.base import BaseCommand

from interchange.importing.template import write_templates


class Command(BaseCommand):
    help = "Write interchange/import_templates/plan-import-template.{csv,xlsx}."

    def handle(self, *args, **options):
        for path in write_templates():
            self.stdout.write(f"Wrote {path}")
