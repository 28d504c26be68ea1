"""Public search finds a commitment by the words of its published translations as well as
its own, and a plan by the words of its live translations; each result is shown in the
visitor's language where it has a translation, else as written, marked with `lang`."""

import re

import pytest

from plans import services
from plans.models import NationalPlanPage

from ..factories import (
    AgencyFactory,
    CountryFactory,
    make_commitment,
    make_plan_in_its_language,
    translate_page,
)

pytestmark = pytest.mark.django_db

JO_AR = "إنشاء وحدة متخصصة للتحقيق في الجرائم الإلكترونية ضد الأطفال"
JO_EN = "Set up a specialised unit investigating cybercrime against children"
PE_ES = "Capacitar a fiscales en investigación digital"
PE_ES_TEXT = "Cursos para fiscales provinciales sobre evidencia digital."
PE_EN = "Train prosecutors in digital investigation"
PE_PLAN_ES = "Perú: Plan Nacional de Acción 2025-2030"
PE_PLAN_EN = "Peru: National Plan of Action 2025-2030"


def _plan(country, title, slug):
    return make_plan_in_its_language(
        country,
        title=title,
        objective="—",
        start=2025,
        end=2030,
        slug=slug,
    )


@pytest.fixture
def jo_commitment(jordan, jo_police):
    plan = _plan(jordan, "الإطار الوطني لحماية الطفل", "jo-2025-2030")
    commitment = make_commitment(plan, jo_police, title=JO_AR)
    services.commitment_translate(
        actor=None, commitment=commitment, language_code="en", title=JO_EN, publish=True
    )
    return commitment


@pytest.fixture
def pe_commitment(db):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    police = AgencyFactory(country=peru, name="Policía Nacional del Perú", acronym="PNP")
    plan = _plan(peru, PE_PLAN_ES, "pe-2025-2030")
    return make_commitment(
        plan,
        police,
        title=PE_ES,
        description=PE_ES_TEXT,
        translations=[{"language_code": "en", "title": PE_EN, "description": "Courses."}],
    )


def results(client, query, prefix=""):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="results"')[1].split("</main>")[0] if 'id="results"' in html else ""


def text_of(html):
    return re.sub(r"<[^>]+>", "", html)


def test_an_english_visitor_finds_an_arabic_commitment_by_its_english_title(client, jo_commitment):
    html = results(client, "cybercrime specialised")
    assert "1 result" in text_of(html)
    assert JO_EN in text_of(html) and JO_AR not in html
    assert f"/commitments/{jo_commitment.pk}/" in html
    # Shown in the visitor's language: no `lang`, no "(in Arabic)" (its plan has no English
    # translation: the plan's title is marked).
    assert re.search(r'commitments/\d+/" dir="auto">', html) and "(in Arabic)" not in html
    assert '<bdi lang="ar">' in html
    # Its Arabic words find it too, and it is shown in English all the same.
    assert JO_EN in text_of(results(client, "الجرائم"))


def test_an_arabic_visitor_sees_it_in_arabic_whichever_words_found_it(client, jo_commitment):
    html = results(client, "cybercrime", prefix="/ar")
    assert JO_AR in text_of(html) and JO_EN not in text_of(html)
    assert f"/ar/plans/jo-2025-2030/commitments/{jo_commitment.pk}/" in html


def test_a_spanish_visitor_finds_peru_by_its_spanish_words_and_reads_spanish(client, pe_commitment):
    html = results(client, "fiscales", prefix="/es")
    assert PE_ES in text_of(html) and PE_EN not in html
    assert "evidencia digital" in text_of(html)
    assert 'lang="es"' not in html  # the page is Spanish already
    # Under English the same words find its English translation, shown in English.
    english = results(client, "fiscales")
    assert PE_EN in text_of(english) and PE_ES not in text_of(english)
    # And its English words find it under /es/, shown in Spanish.
    assert PE_ES in text_of(results(client, "prosecutors", prefix="/es"))


def test_without_a_translation_in_the_visitors_language_it_is_shown_as_written(
    client, pe_commitment
):
    html = results(client, "prosecutors", prefix="/fr")
    assert PE_ES in text_of(html)
    assert re.search(r'href="/fr/plans/pe-2025-2030/commitments/\d+/" dir="auto" lang="es">', html)
    assert 'class="snippet" dir="auto" lang="es"' in html
    assert f'<bdi lang="es">{PE_PLAN_ES}</bdi>' in html


def test_the_beginning_of_a_translated_word_is_enough(client, jo_commitment):
    html = results(client, "specialis")
    assert JO_EN in text_of(html) and "begin the same way" in html


def test_a_commitment_written_in_english_is_found_by_its_spanish_translation(
    client, ke_plan, ke_police
):
    commitment = make_commitment(ke_plan, ke_police, title="Open a helpline chat service")
    services.commitment_translate(
        actor=None,
        commitment=commitment,
        language_code="es",
        title="Abrir un servicio de chat de la línea de ayuda",
        publish=True,
    )
    html = results(client, "servicio", prefix="/es")
    assert "Abrir un <mark>servicio</mark> de chat" in html
    assert "Open a helpline" not in html


def test_a_plan_is_found_by_the_words_of_its_live_translation_and_listed_once(
    client, pe_commitment
):
    plan = NationalPlanPage.objects.get(slug="pe-2025-2030")
    translate_page(plan, "en", title=PE_PLAN_EN)
    html = results(client, "National Action")
    assert PE_PLAN_EN in text_of(html) and PE_PLAN_ES not in text_of(html)
    assert "1 result" in text_of(html)
    # Found by its Spanish words too, once, and shown as written where no translation is.
    french = results(client, "Nacional", prefix="/fr")
    assert text_of(french).count(PE_PLAN_ES) == 1
    assert 'href="/fr/plans/pe-2025-2030/" dir="auto" lang="es">' in french
