"""The commitment page, export.json, the API's plan and the PDF cost the same number of
queries however many commitments, yearly targets, measurements and disaggregated values
there are (two sizes, as tests/publishing/test_query_counts.py)."""

from decimal import Decimal
from unittest import mock

import pytest

from bench.data import fill_plan
from plans.models import CommitmentIndicator, IndicatorTarget
from tracking.models import IndicatorMeasurement, MeasurementValue

from .test_funding_query_counts import _queries
from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def add_series(ids, targets_each):
    indicators = list(CommitmentIndicator.objects.filter(commitment_id__in=ids))
    CommitmentIndicator.objects.filter(pk__in=[i.pk for i in indicators]).update(
        disaggregation=["sex"], baseline_year=2025
    )
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=indicator, sort_order=k, year=2025 + k, value=Decimal(10 * k))
        for indicator in indicators
        for k in range(targets_each)
    )
    MeasurementValue.objects.bulk_create(
        MeasurementValue(measurement=m, dimension="sex", category=category, value=Decimal(1))
        for m in IndicatorMeasurement.objects.filter(indicator__in=indicators)
        for category in ("female", "male")
    )


def counts(client, plan, commitment_id):
    urls = {
        "commitment page": f"{plan.url}commitments/{commitment_id}/",
        "export.json": f"{plan.url}export.json",
        "export.pdf": f"{plan.url}export.pdf",
        "pages API": f"/api/v2/pages/{plan.pk}/",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_indicator_series_query_counts_do_not_grow(client, world):
    with mock.patch("weasyprint.HTML", _NoPdf):
        ids = fill_plan(world, 10, updates_each=2)
        add_series(ids, 1)
        small = counts(client, world.plan, ids[3])
        more = fill_plan(world, 40, start=10)
        add_series(more, 5)
        large = counts(client, world.plan, more[3])
    assert IndicatorTarget.objects.count() == 10 * 2 * 1 + 40 * 2 * 5
    assert MeasurementValue.objects.count() > 1000
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small
