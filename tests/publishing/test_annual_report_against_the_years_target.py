"""The annual report compares each indicator's figure for the period's year with that
year's target, and knows nothing of later years."""

import datetime

import pytest

from publishing import annual_reports
from tests.factories import make_indicator_commitment, make_update, open_period

pytestmark = pytest.mark.django_db


def measure(commitment, value, *, year, period=None):
    end = min(datetime.date(year, 12, 31), datetime.date.today())
    return make_update(
        commitment,
        reporting_date=end,
        period=period,
        measurements=[
            {
                "indicator": commitment.indicators.get(),
                "value": value,
                "measured_on": end,
                "period_start": datetime.date(year, 1, 1),
                "period_end": end,
            }
        ],
        publish=True,
    )


def test_the_periods_figure_is_compared_with_that_years_target(ke_plan, ke_police):
    period = open_period(ke_plan, 2025)
    commitment = make_indicator_commitment(ke_plan, ke_police)
    measure(commitment, 120, year=2025, period=period)
    measure(commitment, 150, year=2026)  # the next year's so far: not in the 2025 report
    report = annual_reports.period_close(actor=None, period=period)
    (indicator,) = report.snapshot["content"]["en"]["capabilities"][0]["commitments"][0][
        "indicators"
    ]
    assert indicator["year_target"] == "100.00"
    assert indicator["value"] == "120.00"
    assert indicator["met"] is True
    assert (indicator["period_start"], indicator["period_end"]) == ("2025-01-01", "2025-12-31")
    assert [row["year"] for row in indicator["series"]] == [2025]
