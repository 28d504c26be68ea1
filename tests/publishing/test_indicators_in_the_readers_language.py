"""A commitment's indicators read in the reader's language once their translation is
published with the commitment; until then they are shown as written, marked `lang`."""

import json

import pytest

from plans import services
from plans.models import Capability

from ..factories import AgencyFactory, CountryFactory, make_plan_in_its_language

pytestmark = pytest.mark.django_db

SLUG = "pe-2025-2030"
NAME_ES = "Fiscales capacitados"
NAME_EN = "Prosecutors trained"


@pytest.fixture
def pe_commitment(db):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    capability = Capability.objects.get(framework__code="MNR-2016", number=4)
    plan = make_plan_in_its_language(
        peru,
        title="Plan Nacional",
        objective="Fortalecer la investigación",
        start=2025,
        end=2030,
        slug=SLUG,
    )
    return services.commitment_create(
        actor=None,
        plan=plan,
        capability=capability,
        title="Capacitar a fiscales",
        lead_agency=AgencyFactory(country=peru, name="Ministerio Público", acronym="MP"),
        indicators=[{"name": NAME_ES, "unit": "fiscales", "baseline": 0, "target": 40}],
        publish=True,
    )


def detail(client, commitment, prefix=""):
    return client.get(f"{prefix}/plans/{SLUG}/commitments/{commitment.pk}/").content.decode()


def test_an_untranslated_indicator_is_marked_with_its_language(client, pe_commitment):
    html = detail(client, pe_commitment)
    assert f'<td lang="es"><bdi dir="ltr">\u2068{NAME_ES}\u2069</bdi>' in html
    assert f'<td><bdi dir="ltr">\u2068{NAME_ES}' in detail(client, pe_commitment, "/es")


def test_a_published_indicator_translation_is_read_in_english_a_draft_never(client, pe_commitment):
    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title="Train prosecutors",
        indicators=[{"indicator": 0, "name": "Draft indicator name", "unit": "prosecutors"}],
    )
    html = detail(client, pe_commitment)
    assert NAME_ES in html and "Draft indicator name" not in html, "a draft stays private"

    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title="Train prosecutors",
        indicators=[{"indicator": 0, "name": NAME_EN, "unit": "prosecutors"}],
        publish=True,
    )
    html = detail(client, pe_commitment)
    assert f"{NAME_EN}\u2069</bdi> (<bdi" in html and "prosecutors" in html
    assert NAME_ES not in html
    assert NAME_ES in detail(client, pe_commitment, "/es")
    assert NAME_EN in client.get(f"/plans/{SLUG}/").content.decode()
    exported = json.loads(client.get(f"/plans/{SLUG}/export.json").content)
    assert exported["commitments"][0]["indicators"][0]["name"] == NAME_EN
    spanish = json.loads(client.get(f"/es/plans/{SLUG}/export.json").content)
    assert spanish["commitments"][0]["indicators"][0]["name"] == NAME_ES


def test_an_indicator_translation_in_the_plans_own_language_is_refused(pe_commitment):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.commitment_create(
            actor=None,
            plan=pe_commitment.plan,
            capability=pe_commitment.capability,
            title="Capacitar a jueces",
            lead_agency=pe_commitment.lead_agency,
            indicators=[{"name": "Jueces capacitados"}],
            indicator_translations=[{"indicator": 0, "language_code": "es", "name": "Otra vez"}],
        )
    assert "written in Spanish already" in str(refused.value.message_dict)
    assert pe_commitment.plan.commitments.count() == 1
