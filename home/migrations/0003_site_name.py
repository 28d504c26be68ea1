from django.db import migrations

SITE_NAME = "National action plans against online child sexual exploitation"


def name_site(apps, schema_editor):
    apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True, site_name="").update(
        site_name=SITE_NAME
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
