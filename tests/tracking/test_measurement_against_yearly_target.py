"""A measurement counts for the year its period ends in, and is compared with that
year's target (issue 19, item 2: "a measurement for a period compared with that year's
target"); the latest in a year wins; a falling indicator meets its target from below."""

import datetime
from decimal import Decimal

import pytest

from publishing import selectors
from tracking.models import IndicatorMeasurement, default_period

from ..factories import make_indicator_commitment, make_update

pytestmark = pytest.mark.django_db


def _measure(commitment, value, *, start, end, measured_on=None, publish=True):
    indicator = commitment.indicators.get()
    return make_update(
        commitment,
        reporting_date=measured_on or end,
        measurements=[
            {
                "indicator": indicator,
                "value": value,
                "measured_on": measured_on or end,
                "period_start": start,
                "period_end": end,
            }
        ],
        publish=publish,
    )


def _series(plan, commitment):
    detail = selectors.public_commitment_detail(plan=plan, commitment_id=commitment.pk)
    return {row["year"]: row for row in detail["indicators"][0]["series"]}


def test_a_measurement_for_a_period_is_compared_with_that_years_target(ke_plan, ke_police):
    commitment = make_indicator_commitment(ke_plan, ke_police)
    _measure(commitment, 120, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    # Measured in 2026, for a period of 2025: it counts for 2025.
    _measure(
        commitment,
        90,
        start=datetime.date(2025, 7, 1),
        end=datetime.date(2025, 9, 30),
        measured_on=datetime.date(2026, 1, 20),
    )
    _measure(commitment, 150, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30))

    series = _series(ke_plan, commitment)

    assert series[2025]["target"] == Decimal(100)
    # The latest period of 2025 ends on 31 December: 120, not the later-measured 90.
    assert series[2025]["actual"] == Decimal(120)
    assert series[2025]["met"] is True
    assert series[2026]["target"] == Decimal(180)
    assert series[2026]["actual"] == Decimal(150)
    assert series[2026]["met"] is False
    assert list(series) == [2025, 2026]


def test_a_year_with_a_target_and_no_figure_has_no_verdict(ke_plan, ke_police):
    commitment = make_indicator_commitment(ke_plan, ke_police)
    series = _series(ke_plan, commitment)
    assert series[2025]["actual"] is None and series[2025]["met"] is None


def test_a_falling_indicator_meets_its_target_below_it(ke_plan, ke_police):
    commitment = make_indicator_commitment(
        ke_plan,
        ke_police,
        name="Days to take reported material down",
        baseline=10,
        target=2,
        targets=[{"year": 2025, "value": 6}],
    )
    _measure(commitment, 5, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    assert _series(ke_plan, commitment)[2025]["met"] is True


def test_the_period_defaults_to_the_indicators_collection_period(ke_plan, ke_police):
    commitment = make_indicator_commitment(ke_plan, ke_police, frequency="quarterly")
    day = datetime.date(2026, 5, 20)
    update = make_update(
        commitment,
        reporting_date=day,
        measurements=[{"indicator": commitment.indicators.get(), "value": 7, "measured_on": day}],
    )
    measurement = IndicatorMeasurement.objects.get(update=update)
    assert (measurement.period_start, measurement.period_end) == (datetime.date(2026, 4, 1), day)
    assert default_period("yearly", day)[0] == datetime.date(2026, 1, 1)
    assert default_period("once", day) == (day, day)
