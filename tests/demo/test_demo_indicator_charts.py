"""The demo's indicators have levels, yearly targets and measurements with periods (some
broken down by sex), so its commitment pages show the charts of figures against targets."""

import pytest

from plans.models import CommitmentIndicator, IndicatorTarget
from tracking.models import IndicatorMeasurement, MeasurementValue

pytestmark = pytest.mark.django_db


def test_demo_indicators_have_targets_measurements_and_a_breakdown(demo):
    assert IndicatorTarget.objects.exists()
    assert CommitmentIndicator.objects.filter(level="outcome").exists()
    assert not IndicatorMeasurement.objects.filter(period_start__isnull=True).exists()
    assert MeasurementValue.objects.filter(dimension="sex", category="female").exists()


def test_a_demo_commitment_page_shows_a_chart(demo, client):
    indicator = (
        CommitmentIndicator.objects.filter(
            commitment__live=True,
            commitment__is_internal=False,
            commitment__plan__country__code="ke",
            measurements__update__published_at__isnull=False,
        )
        .select_related("commitment__plan")
        .first()
    )
    plan = indicator.commitment.plan
    html = client.get(f"{plan.url}commitments/{indicator.commitment_id}/").content.decode()
    assert 'class="ind-chart"' in html
    assert "Figures against targets, by year" in html
