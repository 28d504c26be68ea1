"""Wagtail's pages API (/api/v2/pages/) lists plans in as many SQL queries for one
country as for four: each page's locale comes with the page (found by make bench-network)."""

import pytest

from tests.factories import CountryFactory, make_plan

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/?type=plans.NationalPlanPage"


def _queries(client, django_assert_max_num_queries, limit=50):
    client.get(URL)  # warm per-process caches
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured), len(response.json()["items"])


def test_plan_listing_queries_do_not_grow_with_countries(client, django_assert_max_num_queries):
    make_plan(CountryFactory(code="ke", name="Kenya"))
    one, listed = _queries(client, django_assert_max_num_queries)
    assert listed == 1
    for code, name in (("tz", "Tanzania"), ("ug", "Uganda"), ("gh", "Ghana")):
        make_plan(CountryFactory(code=code, name=name))
    _count, listed = _queries(client, django_assert_max_num_queries, limit=one)
    assert listed == 4
