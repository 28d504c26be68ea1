"""Reading the stored figures costs the same number of queries for 2 plans as for 5, on
`/`, `/plans/`, the comparison and its CSV, and `/api/v1/plans/`; and a new cache epoch
(an agency renamed, reference data) re-renders those pages without recomputing any
figure: no query reads a commitment."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publishing import caching

from ..factories import AgencyFactory, CountryFactory, make_commitment, make_plan

pytestmark = pytest.mark.django_db

URLS = ("/", "/plans/", "/compare/", "/compare/export.csv", "/api/v1/plans/")
COUNTRIES = [("ke", "Kenya"), ("jo", "Jordan"), ("pe", "Peru"), ("ph", "Philippines")]
COUNTRIES += [("tz", "Tanzania")]


def _add_countries(codes):
    for code, name in codes:
        country = CountryFactory(code=code, name=name, default_language="en")
        agency = AgencyFactory(country=country)
        plan = make_plan(country)
        make_commitment(plan, agency, title=f"{name}'s first", progress=20)
        make_commitment(plan, agency, title=f"{name}'s second", capability=11, kind="training")


def _counts(client):
    for url in URLS:
        client.get(url)  # the figures stored, per-process caches warm
    caching.invalidate_everything()
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        assert response.get("X-Cache") in (None, "miss"), url
        counts[url] = len(captured)
        read = [q["sql"] for q in captured if '"plans_commitment"' in q["sql"]]
        assert not read, f"{url} read commitments after an epoch bump: {read}"
    return counts


def test_stored_figures_are_read_in_the_same_number_of_queries_for_2_and_5_plans(client, settings):
    settings.API_THROTTLE_RATE = "10000/minute"
    _add_countries(COUNTRIES[:2])
    at_2 = _counts(client)
    _add_countries(COUNTRIES[2:])
    at_5 = _counts(client)
    print("queries at 2 and 5 plans:", {url: (at_2[url], at_5[url]) for url in URLS})
    assert at_5 == at_2
