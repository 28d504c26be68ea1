"""The plan page, a commitment page, the exports, the PDF and /compare/ cost the same
number of queries however many commitments and funding lines there are (two sizes, as
tests/publishing/test_query_counts.py)."""

from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import fill_plan
from plans.models import Commitment, FundingLine
from publishing import caching

from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def add_lines(ids, per_commitment):
    FundingLine.objects.bulk_create(
        FundingLine(
            commitment_id=pk,
            sort_order=k,
            source=FundingLine.Source.PARTNER if k % 2 else FundingLine.Source.NATIONAL_BUDGET,
            partner="UNICEF" if k % 2 else "",
            state=FundingLine.State.SECURED if k % 3 else FundingLine.State.PLEDGED,
            year=2025 + k % 5,
            amount=Decimal(100 + k),
        )
        for pk in ids
        for k in range(per_commitment)
    )


def _queries(client, url, plan):
    client.get(url)
    caching.invalidate_plan(plan.pk)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def counts(client, world, ids):
    plan = world.plan
    # One whose budget is public, so that its funding lines are shown; an action at both
    # sizes (a training's page reads its trainings too: tests/publishing/
    # test_trainings_query_counts.py counts those).
    public = list(
        Commitment.objects.filter(pk__in=ids, budget_visibility="public", kind="action")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    urls = {
        "plan page": plan.url,
        "commitment page": f"{plan.url}commitments/{public[len(public) // 2]}/",
        "export.json": f"{plan.url}export.json",
        "export.csv": f"{plan.url}export.csv",
        "export.pdf": f"{plan.url}export.pdf",
        "compare": "/compare/",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_funding_query_counts_do_not_grow(client, world):
    with mock.patch("weasyprint.HTML", _NoPdf):
        ids = fill_plan(world, 10)
        add_lines(ids, 1)
        small = counts(client, world, ids)
        more = fill_plan(world, 50, start=10)
        add_lines(more, 4)
        add_lines(ids, 3)
        large = counts(client, world, ids + more)
    assert FundingLine.objects.count() == 10 * 4 + 50 * 4
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small
