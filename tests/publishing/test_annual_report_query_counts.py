"""Making an annual report, and the plan page that lists the reports, cost the same
number of queries whatever the number of commitments and of earlier periods (two sizes,
as tests/publishing/test_query_counts.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import fill_plan
from publishing import annual_reports
from tests.factories import open_period
from tracking.models import ProgressUpdate

from .test_funding_query_counts import _queries

pytestmark = pytest.mark.django_db


def period(world, year):
    made = open_period(world.plan, year)
    # Every commitment's updates of that year are its period reports.
    ProgressUpdate.objects.filter(commitment__plan=world.plan).update(period=made)
    return made


def snapshot_queries(made) -> int:
    annual_reports.build_snapshot(made)  # warms what a process reads once (the Site's roots)
    with CaptureQueriesContext(connection) as queries:
        annual_reports.build_snapshot(made)
    return len(queries)


def test_report_generation_and_the_plan_page_do_not_grow(client, world):
    fill_plan(world, 10)
    first = period(world, 2025)
    small = {"snapshot": snapshot_queries(first)}
    annual_reports.period_close(actor=None, period=first)
    small["plan page"] = _queries(client, world.plan.url, world.plan)

    fill_plan(world, 40, start=10)
    second = period(world, 2026)
    large = {"snapshot": snapshot_queries(second)}
    annual_reports.period_close(actor=None, period=second)
    large["plan page"] = _queries(client, world.plan.url, world.plan)

    content = second.annual_report.snapshot["content"]["en"]
    assert sum(len(s["commitments"]) for s in content["capabilities"]) == 50
    assert content["summary"]["reported"] == 50
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small
