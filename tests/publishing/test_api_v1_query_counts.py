"""Every read API endpoint costs the same number of SQL queries at 10 and at 100
commitments (written as `make bench` writes them: live, with supporting agencies, INSPIRE
strategies, indicators, published updates with measurements, trainings with people
trained), on one page of all of them and on a detail, and with one and with three
countries' published plans (the lists read the published plans' ids first)."""

import pytest

from bench.data import World, fill_plan

from ..factories import AgencyFactory, CountryFactory, make_plan

pytestmark = pytest.mark.django_db

LISTS = ("plans", "commitments", "indicators", "progress-updates")


def _urls(client, ids):
    middle = ids[len(ids) // 2]
    urls = {endpoint: f"/api/v1/{endpoint}/?page_size=200" for endpoint in LISTS}
    urls["commitment"] = f"/api/v1/commitments/{middle}/"
    urls["filtered"] = "/api/v1/commitments/?page_size=200&overdue=true&updated_since=2000-01-01"
    indicator = client.get(urls["commitment"]).json()["indicators"][0]["id"]
    urls["indicator"] = f"/api/v1/indicators/{indicator}/"
    return urls


def _counts(client, ids, django_assert_max_num_queries, limits=None):
    counts = {}
    for name, url in _urls(client, ids).items():
        client.get(url)  # warm per-process caches (content types, site root paths)
        with django_assert_max_num_queries(limits[name] if limits else 50) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(captured)
    return counts


def test_queries_do_not_grow_with_commitments(
    client, world, settings, django_assert_max_num_queries
):
    settings.API_THROTTLE_RATE = "10000/minute"
    ids = fill_plan(world, 10)
    at_10 = _counts(client, ids, django_assert_max_num_queries)
    ids += fill_plan(world, 90, start=10)
    data = client.get("/api/v1/commitments/?page_size=200").json()
    assert len(data["results"]) == 100
    assert any(c["training"] and c["training"]["people_trained"] for c in data["results"])
    assert any(c["funding"] for c in data["results"])
    _counts(client, ids, django_assert_max_num_queries, limits=at_10)
    print("queries at 10 commitments:", at_10)


def test_queries_do_not_grow_with_countries(client, world, settings, django_assert_max_num_queries):
    settings.API_THROTTLE_RATE = "10000/minute"
    ids = fill_plan(world, 10)
    at_1 = _counts(client, ids, django_assert_max_num_queries)
    for n, code in enumerate(("jo", "pe"), start=1):
        country = CountryFactory(code=code, name=f"Country {code}")
        agencies = [AgencyFactory(country=country, name=f"Agency {code} {k}") for k in range(2)]
        other = World(
            country=country,
            plan=make_plan(country),
            agencies=agencies,
            coordinator=None,
            drafters=[],
        )
        fill_plan(other, 10, start=10 * n)
    data = client.get("/api/v1/progress-updates/?page_size=200").json()
    assert len({row["commitment"] for row in data["results"]}) > 10  # more than Kenya's
    _counts(client, ids, django_assert_max_num_queries, limits=at_1)
    print("queries with one country:", at_1)
