"""The framework has its names and short descriptions in Arabic, Spanish, French and Swahili,
with the published names marked as such and every other one marked as a draft."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from plans.models import Capability, Commitment, Domain, InspireStrategy, MaturityLevel
from stakeholders.models import Agency
from tests.publishing.test_translations import parse_po
from tracking.models import Audience

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "es", "fr", "sw"]
MIGRATION = importlib.import_module("plans.migrations.0012_load_reference_translations")
# WHO/PAHO's Spanish edition of INSPIRE (2017).
PAHO_SPANISH = [
    "Implementación y vigilancia del cumplimiento de las leyes",
    "Normas y valores",
    "Seguridad en el entorno",
    "Padres, madres y cuidadores reciben apoyo",
    "Ingresos y fortalecimiento económico",
    "Respuesta de los servicios de atención y apoyo",
    "Educación y aptitudes para la vida",
]


def reference_rows():
    yield from Domain.objects.filter(framework__code="MNR-2016")
    yield from Capability.objects.filter(framework__code="MNR-2016")
    yield from InspireStrategy.objects.filter(framework__code="INSPIRE")
    yield from MaturityLevel.objects.all()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_name_and_description_is_translated(language):
    rows = list(reference_rows())
    assert len(rows) == 6 + 21 + 7 + 4
    for row in rows:
        translated = row.translation_in(language)
        assert translated.get("name") and translated["english"] == row.name, (row, language)
        assert row.name_in(language) == translated["name"]
        if getattr(row, "description", ""):
            assert row.description_in(language) not in ("", row.description), (row, language)


def test_names_follow_the_language_being_rendered():
    helpline = Capability.objects.get(framework__code="MNR-2016", number=11)
    with translation.override("es"):
        assert str(helpline) == "11. Línea de ayuda a la infancia"
        assert str(helpline.domain) == "Víctimas"
    with translation.override("ar"):
        assert helpline.display_name == "خط مساعدة الأطفال"
    assert str(helpline) == "11. Child helpline"


def test_published_names_name_their_source_and_the_others_are_drafts():
    strategies = InspireStrategy.objects.filter(framework__code="INSPIRE").order_by("number")
    assert [s.name_in("es") for s in strategies] == PAHO_SPANISH
    for strategy in strategies:
        assert not strategy.is_draft_in("es")
        assert "OPS/OMS" in strategy.translation_in("es")["source"]
        assert strategy.is_draft_in("ar") and strategy.is_draft_in("sw")
    for capability in Capability.objects.all():
        assert all(capability.is_draft_in(language) for language in LANGUAGES)


def test_english_stays_where_a_name_has_no_translation_or_was_renamed_since():
    capability = Capability.objects.get(framework__code="MNR-2016", number=13)
    assert capability.name_in("de") == "Education programme"
    capability.name = "Education and awareness programme"
    capability.save()
    assert capability.name_in("es") == "Education and awareness programme"
    assert capability.description_in("es") == capability.description


def test_the_migration_can_be_undone_and_redone():
    MIGRATION.unload(apps, None)
    assert Capability.objects.get(number=1).translations == {}
    assert Capability.objects.get(number=4).name_in("fr") == "Dedicated law enforcement"
    MIGRATION.load(apps, None)
    assert Capability.objects.get(number=4).name_in("fr") == "Services répressifs spécialisés"


CHOICES = {
    "commitment status": Commitment.Status.labels,
    "agency sector": Agency.Sector.labels,
    "training audience": Audience.labels,
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_statuses_sectors_and_audiences_are_translated(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = {entry["msgid"]: entry for entry in parse_po(path)}
    for kind, labels in CHOICES.items():
        for label in labels:
            entry = entries.get(str(label))
            assert entry and all(entry["msgstrs"]), (kind, label, language)
            assert "fuzzy" not in entry["flags"], (kind, label, language)
