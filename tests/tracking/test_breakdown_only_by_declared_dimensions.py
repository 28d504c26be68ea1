"""A measurement is broken down only by the dimensions its indicator declares, into the
fixed groups of each (region: a name), each group once; aggregates only. Refused with a
message that says why, and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tracking.models import DIMENSION_NOT_DECLARED, IndicatorMeasurement, ProgressUpdate

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        indicators=[{"name": "Calls answered", "disaggregation": ["sex", "region"]}],
    )
    return commitment.indicators.get()


def _report(indicator, *breakdown):
    return make_update(
        indicator.commitment,
        measurements=[
            {
                "indicator": indicator,
                "value": 100,
                "measured_on": datetime.date(2026, 6, 30),
                "breakdown": list(breakdown),
            }
        ],
    )


def test_a_dimension_the_indicator_does_not_declare_is_refused(indicator):
    with pytest.raises(ValidationError) as refused:
        _report(indicator, {"dimension": "age_group", "category": "12-14", "value": 40})
    expected = str(DIMENSION_NOT_DECLARED) % {"indicator": indicator, "dimension": "Age group"}
    assert expected in refused.value.messages
    assert not ProgressUpdate.objects.exists()


def test_declared_dimensions_are_kept(indicator):
    _report(
        indicator,
        {"dimension": "sex", "category": "female", "value": 60},
        {"dimension": "sex", "category": "male", "value": 40},
        {"dimension": "region", "region": "Nairobi", "value": 30},
    )
    measurement = IndicatorMeasurement.objects.get()
    assert [str(v) for v in measurement.breakdown.all()] == [
        "Female: 60.00",
        "Male: 40.00",
        "Nairobi: 30.00",
    ]


@pytest.mark.parametrize(
    "value",
    [
        {"dimension": "sex", "category": "12-14", "value": 5},  # a group of another dimension
        {"dimension": "region", "value": 5},  # a region without its name
        {"dimension": "sex", "category": "female", "region": "Nairobi", "value": 5},
    ],
)
def test_a_group_that_is_not_of_its_dimension_is_refused(indicator, value):
    with pytest.raises(ValidationError):
        _report(indicator, value)
    assert not IndicatorMeasurement.objects.exists()


def test_a_group_given_twice_is_refused(indicator):
    row = {"dimension": "sex", "category": "female", "value": 5}
    with pytest.raises(ValidationError):
        _report(indicator, row, dict(row))


def test_the_update_form_refuses_an_undeclared_dimension(client, indicator, ke_police_drafter):
    client.force_login(ke_police_drafter)
    update = make_update(indicator.commitment, actor=ke_police_drafter)
    url = f"/admin/progress_updates/edit/{update.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        "commitment": indicator.commitment.pk,
        "reporting_date": update.reporting_date.isoformat(),
        "status": "on_track",
        "progress": "10",
        "narrative": "Started.",
        "loaded_version": form["loaded_version"].value(),
        "measurements-TOTAL_FORMS": "1",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
        "measurements-0-id": "",
        "measurements-0-ORDER": "1",
        "measurements-0-indicator": str(indicator.pk),
        "measurements-0-measured_on": "2026-06-30",
        "measurements-0-value": "100",
        "measurements-0-breakdown-TOTAL_FORMS": "1",
        "measurements-0-breakdown-INITIAL_FORMS": "0",
        "measurements-0-breakdown-MIN_NUM_FORMS": "0",
        "measurements-0-breakdown-MAX_NUM_FORMS": "1000",
        "measurements-0-breakdown-0-id": "",
        "measurements-0-breakdown-0-ORDER": "1",
        "measurements-0-breakdown-0-dimension": "age_group",
        "measurements-0-breakdown-0-category": "12-14",
        "measurements-0-breakdown-0-value": "40",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the message
    assert "is not disaggregated by Age group" in response.content.decode()
    assert not IndicatorMeasurement.objects.exists()


def test_the_reviewer_reads_the_period_and_the_breakdown(client, indicator, ke_police_drafter):
    update = _report(indicator, {"dimension": "sex", "category": "female", "value": 60})
    client.force_login(ke_police_drafter)
    html = client.get(f"/admin/progress_updates/inspect/{update.pk}/").content.decode()
    assert "Calls answered: 100.00 (" in html and "Female: 60.00" in html
