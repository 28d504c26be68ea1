"""Every read API endpoint costs the same number of SQL queries at 10 and at 100
commitments (written as `make bench` writes them: live, with supporting agencies, INSPIRE
strategies, indicators, published updates with measurements, trainings with people
trained), on one page of all of them and on a detail."""

import pytest

from bench.data import fill_plan

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
