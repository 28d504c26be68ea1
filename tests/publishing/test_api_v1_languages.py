"""The read API says what language each commitment and plan is written in and carries
their published translations; `?lang=` gives a commitment's text in that language where
it has a published translation, else as written. Never a draft's."""

import pytest

from plans import services

from ..factories import (
    AgencyFactory,
    CountryFactory,
    make_commitment,
    make_plan_in_its_language,
    translate_page,
)

pytestmark = pytest.mark.django_db

PE_ES = "Capacitar a fiscales en investigación digital"
PE_EN = "Train prosecutors in digital investigation"


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    settings.API_THROTTLE_RATE = "10000/minute"


@pytest.fixture
def pe_plan(db):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    return make_plan_in_its_language(
        peru,
        title="Perú: Plan Nacional de Acción",
        objective="—",
        start=2025,
        end=2030,
        slug="pe-2025-2030",
    )


@pytest.fixture
def pe_commitment(pe_plan):
    police = AgencyFactory(country=pe_plan.country, name="Policía Nacional del Perú")
    commitment = make_commitment(
        pe_plan,
        police,
        title=PE_ES,
        description="Cursos para fiscales.",
        translations=[{"language_code": "en", "title": PE_EN, "description": "Courses."}],
    )
    # A draft translation into French: private until published.
    services.commitment_translate(
        actor=None, commitment=commitment, language_code="fr", title="Brouillon secret"
    )
    return commitment


def _item(client, commitment, **params):
    response = client.get(f"/api/v1/commitments/{commitment.pk}/", params)
    assert response.status_code == 200
    return response.json()


def test_a_commitment_says_its_language_and_carries_its_published_translations(
    client, pe_commitment
):
    item = _item(client, pe_commitment)
    assert item["title"] == PE_ES and item["description"] == "Cursos para fiscales."
    assert item["language"] == "es" and item["text_language"] == "es"
    assert item["translations"] == {"en": {"title": PE_EN, "description": "Courses."}}
    listed = client.get("/api/v1/commitments/").json()["results"]
    assert [c["translations"] for c in listed] == [item["translations"]]
    assert "Brouillon" not in client.get("/api/v1/commitments/").content.decode()


def test_lang_gives_the_translation_where_there_is_one_else_the_original(client, pe_commitment):
    english = _item(client, pe_commitment, lang="en")
    assert english["title"] == PE_EN and english["description"] == "Courses."
    assert english["language"] == "es" and english["text_language"] == "en"
    # French exists only as a draft: the original, and `text_language` says so.
    french = _item(client, pe_commitment, lang="fr")
    assert french["title"] == PE_ES and french["text_language"] == "es"
    assert "Brouillon" not in str(french)
    listed = client.get("/api/v1/commitments/", {"lang": "en"}).json()["results"]
    assert [c["title"] for c in listed] == [PE_EN]
    # The rest of the item does not change with the language asked for.
    for name in set(english) - {"title", "description", "text_language"}:
        assert english[name] == french[name], name


def test_an_unknown_language_is_a_400_naming_the_parameter(client, pe_commitment):
    response = client.get("/api/v1/commitments/", {"lang": "xx"})
    assert response.status_code == 400
    assert "lang" in response.json()


def test_a_plan_says_its_language_and_names_its_live_translations(client, pe_commitment, pe_plan):
    plan = client.get(f"/api/v1/plans/{pe_plan.pk}/").json()
    assert plan["language"] == "es" and plan["translations"] == {}
    translate_page(pe_plan, "en", title="Peru: National Plan of Action")
    plans = client.get("/api/v1/plans/").json()["results"]
    assert len(plans) == 1  # still one plan: the original
    assert plans[0]["language"] == "es" and plans[0]["title"] == "Perú: Plan Nacional de Acción"
    translations = plans[0]["translations"]
    assert list(translations) == ["en"]
    assert translations["en"]["title"] == "Peru: National Plan of Action"
    site = plans[0]["html_url"].split("/plans/")[0].removesuffix("/es")
    assert translations["en"]["html_url"] == f"{site}/plans/pe-2025-2030/"  # no /es/ prefix
    assert client.get("/plans/pe-2025-2030/").status_code == 200


def test_the_schema_describes_languages(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path in ("/api/v1/commitments/", "/api/v1/commitments/{id}/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert sorted(parameters["lang"]["schema"]["enum"]) == ["ar", "en", "es", "fr", "sw"]
    commitment = schema["components"]["schemas"]["Commitment"]["properties"]
    assert {"language", "text_language", "translations"} <= set(commitment)
    plan = schema["components"]["schemas"]["Plan"]["properties"]
    assert {"language", "translations"} <= set(plan)
