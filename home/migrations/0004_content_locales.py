"""The five content languages as Wagtail locales; English stays the locale of existing pages.

Wagtail created the English locale itself (wagtailcore 0054) and gave it every page.
"""

from django.db import migrations

LANGUAGES = ["en", "ar", "es", "fr", "sw"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_site_name"),
        ("wagtailcore", "0057_page_locale_fields_notnull"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
