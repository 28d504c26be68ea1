"""The coordinator's listing costs the same number of queries at 10 and 200 rows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

URL = "/admin/snippets/plans/commitment/?per_page=50"


def _fill(plan, agency, start, stop):
    for i in range(start, stop):
        make_commitment(plan, agency, title=f"Commitment {i:03d}")


def _count_queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    rows = set(
        re.findall(r"/admin/snippets/plans/commitment/edit/(\d+)/", response.content.decode())
    )
    return len(captured), len(rows)


def test_listing_query_count_does_not_grow_with_rows(
    client, django_assert_max_num_queries, ke_plan, ke_police, ke_coordinator
):
    client.force_login(ke_coordinator)
    _fill(ke_plan, ke_police, 0, 10)
    client.get(URL)  # warm per-process caches (content types, site root)
    with django_assert_max_num_queries(30):
        at_10, rows = _count_queries(client)
    assert rows == 10

    _fill(ke_plan, ke_police, 10, 200)
    with django_assert_max_num_queries(30):
        at_200, rows = _count_queries(client)
    assert rows == 50, "one page of 50 rows"
    print(f"commitment listing: {at_10} queries at 10 rows, {at_200} at 200")
    assert at_200 == at_10
