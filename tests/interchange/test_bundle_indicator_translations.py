"""An indicator's translations travel in plan bundles: the live ones come back on the
restored indicators, and a draft revision's translation still points at its indicator."""

import json

import pytest
from django.core.management import call_command

from plans import services as plan_services
from plans.models import Commitment, CommitmentIndicatorTranslation, NationalPlanPage

from ..factories import make_commitment
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


def test_indicator_translations_round_trip_through_a_bundle(client, tmp_path, ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        indicators=[{"name": "Officers certified", "unit": "officers"}],
        indicator_translations=[
            {"indicator": 0, "language_code": "sw", "name": "Maafisa waliothibitishwa"}
        ],
    )
    plan_services.commitment_translate(
        actor=None,
        commitment=commitment,
        language_code="fr",
        title="Former les enquêteurs",
        indicators=[{"indicator": 0, "name": "Agents certifiés"}],
    )
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not CommitmentIndicatorTranslation.objects.exists()
    call_command("import_plan_bundle", str(path))

    restored = Commitment.objects.get(title="Train investigators")
    indicator = restored.indicators.get()
    assert [(t.language_code, t.name) for t in indicator.translations.all()] == [
        ("sw", "Maafisa waliothibitishwa")
    ]
    plan = NationalPlanPage.objects.get(country__code="ke")
    swahili = json.loads(client.get(f"/sw/plans/{plan.slug}/export.json").content)
    assert swahili["commitments"][0]["indicators"][0]["name"] == "Maafisa waliothibitishwa"

    draft = restored.get_latest_revision_as_object()
    rows = {t.language_code: t for t in draft.indicator_translations.all()}
    assert rows["fr"].name == "Agents certifiés" and rows["fr"].indicator_id == indicator.pk
    restored.latest_revision.publish(user=None, skip_permission_checks=True)
    assert set(indicator.translations.values_list("language_code", flat=True)) == {"sw", "fr"}
