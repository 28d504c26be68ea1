from django.db import migrations

from plans import reference_data


def load(apps, schema_editor):
    MaturityLevel = apps.get_model("plans", "MaturityLevel")
    for order, name, description in reference_data.MATURITY_LEVELS:
        # Only where missing: a superuser's renaming is never overwritten.
        MaturityLevel.objects.get_or_create(
            order=order, defaults={"name": str(name), "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0009_maturity_levels_and_section_baseline")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
