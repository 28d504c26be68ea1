"""A plan is written in its country's language: Peru's in Spanish.

Under /es/ it reads in Spanish; under /en/ (no prefix) and /ar/ it is shown as written,
marked `lang="es"` with one line saying so, until a translation is published. Its
commitments follow: their English translation shows under /en/ once published, never as
a draft.
"""

import json

import pytest

from plans import services
from plans.models import Capability, NationalPlanPage

from ..factories import (
    AgencyFactory,
    CountryFactory,
    make_plan,
    make_plan_in_its_language,
    translate_page,
)

pytestmark = pytest.mark.django_db

SLUG = "pe-2025-2030"
TITLE_ES = "Perú: Plan Nacional de Acción 2025-2030"
COMMITMENT_ES = "Capacitar a fiscales en investigación digital"
COMMITMENT_EN = "Train prosecutors in digital investigation"


@pytest.fixture
def peru(db):
    return CountryFactory(code="pe", name="Peru", default_language="es")


@pytest.fixture
def pe_police(peru):
    return AgencyFactory(country=peru, name="Policía Nacional del Perú", acronym="PNP")


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
def pe_commitment(pe_plan, pe_police):
    return services.commitment_create(
        actor=None,
        plan=pe_plan,
        capability=Capability.objects.get(framework__code="MNR-2016", number=4),
        title=COMMITMENT_ES,
        lead_agency=pe_police,
        publish=True,
    )


def test_the_plan_is_written_in_spanish_and_read_in_spanish_under_es(client, pe_commitment):
    plan = NationalPlanPage.objects.get(slug=SLUG)
    assert plan.locale.language_code == "es"
    assert plan.get_parent().locale.language_code == "es"
    html = client.get(f"/es/plans/{SLUG}/").content.decode()
    assert TITLE_ES in html and COMMITMENT_ES in html
    assert "Shown in" not in html and 'lang="es"' in html  # the page's own <html lang>


def test_under_english_it_is_shown_in_spanish_and_says_so(client, pe_commitment):
    response = client.get(f"/plans/{SLUG}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert f'<h1 dir="auto" lang="es">{TITLE_ES}</h1>' in html
    assert "Shown in Spanish: no English translation yet" in html
    assert f'lang="es"><a href="/plans/{SLUG}/commitments/{pe_commitment.pk}/">' in html
    detail = client.get(f"/plans/{SLUG}/commitments/{pe_commitment.pk}/").content.decode()
    assert f'<h1 dir="auto" lang="es">{COMMITMENT_ES}</h1>' in detail


def test_a_published_commitment_translation_shows_in_english_a_draft_never(client, pe_commitment):
    services.commitment_translate(
        actor=None, commitment=pe_commitment, language_code="en", title="Draft only"
    )
    html = client.get(f"/plans/{SLUG}/").content.decode()
    assert COMMITMENT_ES in html and "Draft only" not in html, "a draft translation is private"

    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title=COMMITMENT_EN,
        publish=True,
    )
    html = client.get(f"/plans/{SLUG}/").content.decode()
    assert COMMITMENT_EN in html and COMMITMENT_ES not in html
    assert COMMITMENT_ES in client.get(f"/es/plans/{SLUG}/").content.decode()
    detail = client.get(f"/plans/{SLUG}/commitments/{pe_commitment.pk}/").content.decode()
    assert f'<h1 dir="auto">{COMMITMENT_EN}</h1>' in detail


def test_commitments_are_created_with_their_translations(pe_plan, pe_police):
    commitment = services.commitment_create(
        actor=None,
        plan=pe_plan,
        capability=Capability.objects.get(framework__code="MNR-2016", number=4),
        title=COMMITMENT_ES,
        lead_agency=pe_police,
        translations=[{"language_code": "en", "title": COMMITMENT_EN}],
        publish=True,
    )
    assert [t.title for t in commitment.translations.all()] == [COMMITMENT_EN]


def test_plans_lists_each_plan_once_in_every_language(client, pe_commitment, kenya):
    make_plan(kenya)
    for prefix in ("", "/es", "/ar", "/sw"):
        html = client.get(f"{prefix}/plans/").content.decode()
        assert html.count(TITLE_ES) == 1, prefix
        assert html.count("Kenya national plan") == 1, prefix
    english = client.get("/plans/").content.decode()
    assert f'href="/plans/{SLUG}/" lang="es">{TITLE_ES}</a>' in english
    assert "(in Spanish)" in english
    assert "(in Spanish)" not in client.get("/es/plans/").content.decode()
    assert TITLE_ES in client.get("/").content.decode()


def test_a_live_english_translation_replaces_the_spanish_under_english(client, pe_commitment):
    plan = NationalPlanPage.objects.get(slug=SLUG)
    translate_page(plan, "en", title="Peru: National Plan of Action 2025-2030")
    html = client.get("/plans/").content.decode()
    assert "Peru: National Plan of Action 2025-2030" in html and TITLE_ES not in html
    page = client.get(f"/plans/{SLUG}/").content.decode()
    assert "Peru: National Plan of Action 2025-2030" in page and "Shown in" not in page
    # Still one plan: the original is the Spanish page.
    assert list(NationalPlanPage.objects.originals().values_list("slug", "locale__language_code"))
    assert NationalPlanPage.objects.originals().get().locale.language_code == "es"


def test_plan_and_commitment_pages_name_their_live_translations(client, pe_commitment):
    plan = NationalPlanPage.objects.get(slug=SLUG)
    html = client.get(f"/plans/{SLUG}/").content.decode()
    assert f'<link rel="alternate" hreflang="es" href="http://testserver/es/plans/{SLUG}/">' in html
    assert 'rel="alternate" hreflang="en"' not in html
    translate_page(plan, "en", title="Peru: National Plan of Action 2025-2030")
    html = client.get(f"/es/plans/{SLUG}/").content.decode()
    assert f'<link rel="alternate" hreflang="en" href="http://testserver/plans/{SLUG}/">' in html
    assert (
        f'<link rel="alternate" hreflang="x-default" href="http://testserver/es/plans/{SLUG}/">'
        in html
    )
    detail = client.get(f"/es/plans/{SLUG}/commitments/{pe_commitment.pk}/").content.decode()
    assert (
        f'hreflang="en" href="http://testserver/plans/{SLUG}/commitments/{pe_commitment.pk}/"'
        in detail
    )


def test_export_json_carries_the_original_language_and_the_translated_text(client, pe_commitment):
    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title=COMMITMENT_EN,
        publish=True,
    )
    spanish = json.loads(client.get(f"/es/plans/{SLUG}/export.json").content)
    assert spanish["language"] == "es"
    assert [c["title"] for c in spanish["commitments"]] == [COMMITMENT_ES]
    english = json.loads(client.get(f"/plans/{SLUG}/export.json").content)
    assert english["language"] == "es"
    assert [c["title"] for c in english["commitments"]] == [COMMITMENT_EN]


def _pdf_text(client, url):
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(client.get(url).content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_under_es_reads_in_spanish_and_under_english_in_english(client, pe_commitment):
    services.commitment_translate(
        actor=None,
        commitment=pe_commitment,
        language_code="en",
        title=COMMITMENT_EN,
        publish=True,
    )
    spanish = _pdf_text(client, f"/es/plans/{SLUG}/export.pdf")
    assert "Capacitar a fiscales" in spanish and "Train prosecutors" not in spanish
    english = _pdf_text(client, f"/plans/{SLUG}/export.pdf")
    assert "Train prosecutors" in english
