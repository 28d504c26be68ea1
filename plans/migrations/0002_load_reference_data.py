from django.db import migrations

from plans import reference_data


def load(apps, schema_editor):
    Framework = apps.get_model("plans", "Framework")
    Domain = apps.get_model("plans", "Domain")
    Capability = apps.get_model("plans", "Capability")
    InspireStrategy = apps.get_model("plans", "InspireStrategy")

    mnr, _ = Framework.objects.update_or_create(
        code=reference_data.MNR_2016["code"], defaults=reference_data.MNR_2016
    )
    for domain_number, domain_name, capabilities in reference_data.MNR_DOMAINS:
        domain, _ = Domain.objects.update_or_create(
            framework=mnr, number=domain_number, defaults={"name": domain_name}
        )
        for number, name, description in capabilities:
            Capability.objects.update_or_create(
                framework=mnr,
                number=number,
                defaults={"domain": domain, "name": name, "description": description},
            )

    inspire, _ = Framework.objects.update_or_create(
        code=reference_data.INSPIRE_2016["code"], defaults=reference_data.INSPIRE_2016
    )
    for number, letter, name, description in reference_data.INSPIRE_STRATEGIES:
        InspireStrategy.objects.update_or_create(
            framework=inspire,
            number=number,
            defaults={"letter": letter, "name": name, "description": description},
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
