"""A plan with a published translation has its exports in that language too: the PDF of
Peru's English translation is built and printed in English (it was refused as "being
prepared" for ever, since only originals were built), and an export read through the
translation is renewed when anything of the plan is published."""

import io
import json

import pytest
from pypdf import PdfReader

from plans import services
from plans.models import Capability

from ..factories import AgencyFactory, CountryFactory, make_plan_in_its_language, translate_page

pytestmark = pytest.mark.django_db

SLUG = "pe-2025-2030"
TITLE_EN = "Peru: National Plan of Action"


@pytest.fixture
def pe_commitment(db):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    capability = Capability.objects.get(framework__code="MNR-2016", number=4)
    plan = make_plan_in_its_language(
        peru,
        title="Perú: Plan Nacional de Acción",
        objective="Fortalecer la investigación",
        start=2025,
        end=2030,
        slug=SLUG,
    )
    commitment = services.commitment_create(
        actor=None,
        plan=plan,
        capability=capability,
        title="Capacitar a fiscales",
        lead_agency=AgencyFactory(country=peru, name="Ministerio Público", acronym="MP"),
        translations=[{"language_code": "en", "title": "Train prosecutors"}],
        publish=True,
    )
    translate_page(plan, "en", title=TITLE_EN)
    return commitment


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_english_translations_pdf_is_built_in_english(client, pe_commitment):
    response = client.get(f"/plans/{SLUG}/export.pdf")
    assert response.status_code == 200, response.content[:200]
    text = pdf_text(response)
    assert TITLE_EN in text and "Train prosecutors" in text
    assert "Plan Nacional" not in text
    spanish = pdf_text(client.get(f"/es/plans/{SLUG}/export.pdf"))
    assert "Plan Nacional" in spanish and "Capacitar a fiscales" in spanish


def test_an_export_through_the_translation_follows_a_new_publication(client, pe_commitment):
    url = f"/plans/{SLUG}/export.json"
    assert [c["title"] for c in json.loads(client.get(url).content)["commitments"]] == [
        "Train prosecutors"
    ]
    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title="Train prosecutors and judges",
        publish=True,
    )
    assert [c["title"] for c in json.loads(client.get(url).content)["commitments"]] == [
        "Train prosecutors and judges"
    ]
