"""The MNR domains and capabilities, the INSPIRE strategies and the maturity levels in
Arabic, Spanish, French and Swahili (`plans/reference_translations.py`: which names are
published translations and which are drafts)."""

from django.db import migrations

from plans import reference_translations as data

LANGUAGES = (data.AR, data.ES, data.FR, data.SW)


def _rows(apps):
    """(model, lookup, {language: (name, description)}, {language: source}) for each row."""
    Domain = apps.get_model("plans", "Domain")
    Capability = apps.get_model("plans", "Capability")
    InspireStrategy = apps.get_model("plans", "InspireStrategy")
    MaturityLevel = apps.get_model("plans", "MaturityLevel")
    for number, names in data.DOMAINS.items():
        texts = {language: (name, "") for language, name in names.items()}
        yield Domain, {"framework__code": "MNR-2016", "number": number}, texts, {}
    for number, texts in data.CAPABILITIES.items():
        yield Capability, {"framework__code": "MNR-2016", "number": number}, texts, {}
    for number, texts in data.INSPIRE_STRATEGIES.items():
        lookup = {"framework__code": "INSPIRE", "number": number}
        yield InspireStrategy, lookup, texts, data.INSPIRE_SOURCES
    for order, texts in data.MATURITY_LEVELS.items():
        yield MaturityLevel, {"order": order}, texts, {}


def load(apps, schema_editor):
    for model, lookup, texts, sources in _rows(apps):
        for row in model.objects.filter(**lookup):
            translations = dict(row.translations or {})
            for language, (name, description) in texts.items():
                # Only where missing: a superuser's translation is never overwritten.
                translations.setdefault(
                    language,
                    data.entry(row.name, name, description, sources.get(language, "")),
                )
            row.translations = translations
            row.save(update_fields=["translations"])


def unload(apps, schema_editor):
    for model, lookup, texts, _sources in _rows(apps):
        for row in model.objects.filter(**lookup):
            translations = dict(row.translations or {})
            for language, (name, _description) in texts.items():
                if translations.get(language, {}).get("name") == name:
                    translations.pop(language)
            row.translations = translations
            row.save(update_fields=["translations"])


class Migration(migrations.Migration):
    dependencies = [("plans", "0011_reference_translations_field")]

    operations = [migrations.RunPython(load, unload)]
