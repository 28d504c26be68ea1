"""Every page, export and admin view of a plan costs the same number of SQL queries at 10
and at 100 commitments (issue 10; `make bench` measures 10, 100 and 1,000).

Commitments are written as `make bench` writes them (`bench.data.fill_plan`): live, with
revisions, object permissions, supporting agencies, INSPIRE strategies, two indicators and
ten published progress updates with measurements each.
"""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import fill_plan
from publishing import caching

pytestmark = pytest.mark.django_db


def _queries(client, url, *, before=None):
    client.get(url)  # warm per-process caches (content types, site root paths)
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _counts(client, admin, world, ids):
    plan = world.plan
    middle = ids[len(ids) // 2]

    def uncached():
        caching.invalidate_plan(plan.pk)

    counts = {
        "plan page": _queries(client, plan.url, before=uncached),
        "plan page, filtered": _queries(client, f"{plan.url}?status=on_track", before=uncached),
        "commitment page": _queries(client, f"{plan.url}commitments/{middle}/", before=uncached),
        "admin commitment listing": _queries(admin, "/admin/snippets/plans/commitment/"),
        "admin commitment edit form": _queries(
            admin, f"/admin/snippets/plans/commitment/edit/{middle}/"
        ),
        "coordinator dashboard": _queries(admin, "/admin/"),
    }
    for fmt in ("csv", "json", "pdf"):
        counts[f"export.{fmt}"] = _queries(client, f"{plan.url}export.{fmt}", before=uncached)
    return counts


class _NoPdf:
    """WeasyPrint's layout takes seconds and no query: the PDF's queries are the HTML's."""

    def __init__(self, string):
        self.string = string

    def write_pdf(self):
        return b"%PDF-1.7 stub"


def test_query_counts_are_the_same_at_10_and_100_commitments(client, world):
    admin = client.__class__()
    admin.force_login(world.coordinator)
    with mock.patch("weasyprint.HTML", _NoPdf):
        ids = fill_plan(world, 10)
        at_10 = _counts(client, admin, world, ids)
        ids += fill_plan(world, 90, start=10)
        at_100 = _counts(client, admin, world, ids)
    print("queries at 10 and 100 commitments:", {k: (at_10[k], at_100[k]) for k in at_10})
    assert at_100 == at_10
