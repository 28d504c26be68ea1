"""The IATI export declares the language the plan is written in (Peru's: Spanish), and
adds each published translation as a narrative with its `xml:lang`: the plan page's live
translations and the live commitment's translations, never a draft. Still valid IATI 2.03."""

from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from plans import services
from plans.models import Capability

from ..factories import AgencyFactory, CountryFactory, make_plan_in_its_language, translate_page

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(settings.BASE_DIR) / "publishing" / "iati_schema" / "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SLUG = "pe-2025-2030"
TITLE_ES = "Perú: Plan Nacional de Acción 2025-2030"
TITLE_EN = "Peru: National Plan of Action 2025-2030"
COMMITMENT_ES = "Capacitar a fiscales en investigación digital"
COMMITMENT_EN = "Train prosecutors in digital investigation"
DESCRIPTION_ES = "Cursos para fiscales de todo el país."
DESCRIPTION_EN = "Courses for prosecutors across the country."


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


@pytest.fixture
def peru(db):
    return CountryFactory(code="pe", name="Peru", default_language="es")


@pytest.fixture
def pe_plan(peru):
    return make_plan_in_its_language(
        peru,
        title=TITLE_ES,
        objective="Fortalecer la investigación",
        start=2025,
        end=2030,
        slug=SLUG,
    )


@pytest.fixture
def pe_commitment(pe_plan, peru):
    police = AgencyFactory(country=peru, name="Policía Nacional del Perú", acronym="PNP")
    return services.commitment_create(
        actor=None,
        plan=pe_plan,
        capability=Capability.objects.get(framework__code="MNR-2016", number=4),
        title=COMMITMENT_ES,
        description=DESCRIPTION_ES,
        lead_agency=police,
        translations=[
            {"language_code": "en", "title": COMMITMENT_EN, "description": DESCRIPTION_EN}
        ],
        publish=True,
    )


def iati(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    root = etree.fromstring(response.content)
    schema.assertValid(root)
    return root


def narratives(element, path):
    return [(n.get(XML_LANG), n.text) for n in element.find(path).iter("narrative")]


def activities(root):
    plan, *commitments = root.iter("iati-activity")
    return plan, commitments


def test_the_activities_declare_the_plans_language(client, pe_commitment, schema):
    root = iati(client, f"/es/plans/{SLUG}/export.iati.xml", schema)
    plan, (commitment,) = activities(root)
    assert plan.get(XML_LANG) == "es"
    assert commitment.get(XML_LANG) == "es"
    assert narratives(plan, "title") == [(None, TITLE_ES)]
    # The commitment's published English translation follows the Spanish original.
    assert narratives(commitment, "title") == [(None, COMMITMENT_ES), ("en", COMMITMENT_EN)]
    assert narratives(commitment, "description") == [
        (None, DESCRIPTION_ES),
        ("en", DESCRIPTION_EN),
    ]
    assert narratives(commitment, "document-link/title")[1] == ("en", COMMITMENT_EN)
    # What the site writes itself is English, and says so.
    government = commitment.find("participating-org[@role='2']/narrative")
    assert government.get(XML_LANG) == "en"


def test_a_published_plan_translation_adds_its_narratives(client, pe_commitment, schema):
    plan_page = pe_commitment.plan
    translate_page(plan_page, "en", title=TITLE_EN)
    for url in (f"/es/plans/{SLUG}/export.iati.xml", f"/plans/{SLUG}/export.iati.xml"):
        plan, _commitments = activities(iati(client, url, schema))
        assert plan.get(XML_LANG) == "es", url
        assert narratives(plan, "title") == [(None, TITLE_ES), ("en", TITLE_EN)], url


def test_a_draft_translation_is_not_exported(client, pe_commitment, schema):
    services.commitment_translate(
        actor=None, commitment=pe_commitment, language_code="fr", title="Brouillon seulement"
    )
    text = etree.tostring(iati(client, f"/es/plans/{SLUG}/export.iati.xml", schema)).decode()
    assert "Brouillon seulement" not in text
    assert 'xml:lang="fr"' not in text


def test_an_english_plan_declares_english(client, ke_plan, ke_police, schema):
    from ..factories import make_commitment

    make_commitment(ke_plan, ke_police, title="Train investigators")
    plan, (commitment,) = activities(iati(client, f"{ke_plan.url}export.iati.xml", schema))
    assert plan.get(XML_LANG) == commitment.get(XML_LANG) == "en"
    assert narratives(commitment, "title") == [(None, "Train investigators")]


def test_an_indicators_published_translation_is_a_narrative(client, pe_commitment, schema):
    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title=COMMITMENT_EN,
        publish=True,
    )
    commitment = services.commitment_create(
        actor=None,
        plan=pe_commitment.plan,
        capability=pe_commitment.capability,
        title="Capacitar a jueces",
        lead_agency=pe_commitment.lead_agency,
        indicators=[{"name": "Jueces capacitados", "baseline": 0, "target": 30}],
        indicator_translations=[{"indicator": 0, "language_code": "en", "name": "Judges trained"}],
        publish=True,
    )
    _plan, commitments = activities(iati(client, f"/es/plans/{SLUG}/export.iati.xml", schema))
    (activity,) = [a for a in commitments if "Capacitar a jueces" in etree.tostring(a).decode()]
    assert narratives(activity, "result/indicator/title") == [
        (None, "Jueces capacitados"),
        ("en", "Judges trained"),
    ]
    assert commitment.indicators.get().translations.count() == 1
