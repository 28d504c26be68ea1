"""The search page costs the same number of SQL queries with 3 and with 12 results per
country, in every language, translated or not (plans in two languages, commitments with
published translations), and for a word in every commitment with one and with three
countries' plans (a full page of results either way)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import World, fill_plan
from bench.network import index_plans
from publishing import caching
from publishing.search import RESULTS

from ..factories import (
    AgencyFactory,
    CountryFactory,
    make_commitment,
    make_plan,
    make_plan_in_its_language,
    translate_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_plans(ke_plan, ke_police):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    pe_police = AgencyFactory(country=peru, name="Policía Nacional del Perú", acronym="PNP")
    pe_plan = make_plan_in_its_language(
        peru,
        title="Perú: Plan Nacional de Acción",
        objective="—",
        start=2025,
        end=2030,
        slug="pe-2025-2030",
    )
    translate_page(pe_plan, "en", title="Peru: National Plan of Action")
    return ke_plan, ke_police, pe_plan, pe_police


def _add(two_plans, start, count):
    ke_plan, ke_police, pe_plan, pe_police = two_plans
    for i in range(start, start + count):
        make_commitment(
            ke_plan,
            ke_police,
            title=f"Forensics step {i}",
            translations=[{"language_code": "es", "title": f"Forense paso {i}"}],
        )
        make_commitment(
            pe_plan,
            pe_police,
            title=f"Forense peruano {i}",
            description="Forense y digital.",
            translations=[{"language_code": "en", "title": f"Forensics in Peru {i}"}],
        )


def _queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


URLS = {
    "english": "/search/?q=forensics",
    "spanish": "/es/search/?q=forense",
    "french": "/fr/search/?q=forense",
    "prefix": "/search/?q=forens",
    "plans": "/search/?q=national",
}


def test_search_queries_do_not_grow_with_results(client, two_plans):
    _add(two_plans, 0, 3)
    at_3 = {}
    for name, url in URLS.items():
        at_3[name], html = _queries(client, url)
    assert "6 results" in _queries(client, URLS["english"])[1]
    _add(two_plans, 3, 9)
    at_12 = {}
    for name, url in URLS.items():
        at_12[name], html = _queries(client, url)
    assert "24 results" in _queries(client, URLS["english"])[1]
    print("search queries at 3 and 12 results per country:", at_3, at_12)
    assert at_12 == at_3


def test_a_word_in_every_commitment_costs_the_same_queries_with_more_countries(client, world):
    worlds = [world]
    fill_plan(world, RESULTS + 5, updates_each=0)  # "strengthen" in every title
    index_plans(worlds)
    one, html = _queries(client, "/search/?q=strengthen")
    assert f"{RESULTS} results" in html
    for n, code in enumerate(("jo", "pe"), start=1):
        country = CountryFactory(code=code, name=f"Country {code}")
        agencies = [AgencyFactory(country=country, name=f"Agency {code} {k}") for k in range(2)]
        worlds.append(
            World(
                country=country,
                plan=make_plan(country),
                agencies=agencies,
                coordinator=None,
                drafters=[],
            )
        )
        fill_plan(worlds[-1], RESULTS + 5, start=(RESULTS + 5) * n, updates_each=0)
    index_plans(worlds)
    caching.invalidate_everything()  # rows written in bulk sent no publication signal
    three, html = _queries(client, "/search/?q=strengthen")
    assert f"{RESULTS} results" in html
    assert three == one
