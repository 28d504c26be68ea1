"""Capability sections become translatable with their plan page (wagtail-localize).

Each existing section takes its plan's locale; a section and its counterparts on the
plan's translations (same capability) share one translation key, as wagtail-localize
would have given them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def keys_and_locales(apps, schema_editor):
    Section = apps.get_model("plans", "PlanCapabilitySection")
    keys = {}
    for section in Section.objects.select_related("plan").order_by("pk"):
        group = (section.plan.translation_key, section.capability_id)
        section.translation_key = keys.setdefault(group, uuid.uuid4())
        section.locale_id = section.plan.locale_id
        section.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0015_findings_register"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="plancapabilitysection",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="plancapabilitysection",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(keys_and_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="plancapabilitysection",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="plancapabilitysection",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="plancapabilitysection",
            unique_together={("translation_key", "locale")},
        ),
    ]
