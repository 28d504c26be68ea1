"""An indicator has at most one target per year, within the plan's period and not before
its baseline year; its yearly targets are edited with the commitment (nested in its
indicator's row) and wait in the draft like any change. Refused with a message that says
why, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans import services
from plans.models import Commitment, IndicatorTarget
from plans.models.indicators import TARGET_YEAR_TWICE

from ..factories import make_commitment
from .test_commitment_admin import edit_form_data, edit_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(
        ke_plan,
        ke_police,
        indicators=[
            {
                "name": "Officers certified",
                "baseline": 0,
                "baseline_year": 2025,
                "target": 100,
                "targets": [{"year": 2026, "value": 40}],
            }
        ],
    )


def _indicator(**fields):
    return {"name": "Officers certified", "baseline_year": 2025, **fields}


def test_two_targets_for_one_year_are_refused(ke_plan, ke_police):
    targets = [{"year": 2026, "value": 40}, {"year": 2026, "value": 50}]
    with pytest.raises(ValidationError) as refused:
        make_commitment(ke_plan, ke_police, title="Twice", indicators=[_indicator(targets=targets)])
    assert f"Indicator 1: {TARGET_YEAR_TWICE % {'year': 2026}}" in refused.value.messages
    assert not Commitment.objects.filter(title="Twice").exists()


@pytest.mark.parametrize("year", [2024, 2031])
def test_a_target_before_the_baseline_year_or_outside_the_plan_is_refused(ke_plan, ke_police, year):
    with pytest.raises(ValidationError):
        make_commitment(
            ke_plan,
            ke_police,
            indicators=[_indicator(targets=[{"year": year, "value": 1}])],
        )
    assert not IndicatorTarget.objects.exists()


def test_the_database_keeps_one_target_per_indicator_and_year(commitment):
    indicator = commitment.indicators.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorTarget.objects.create(indicator=indicator, year=2026, value=1)


def _with_targets(data, *years):
    """The form as the browser sends it after "Add yearly target" for each year, below
    the rows the indicator has."""
    data = data.copy()
    prefix = "indicators-0-targets"
    existing = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(existing + len(years))
    for i, year in enumerate(years, start=existing):
        data.update(
            {
                f"{prefix}-{i}-id": "",
                f"{prefix}-{i}-ORDER": str(i + 1),
                f"{prefix}-{i}-DELETE": "",
                f"{prefix}-{i}-year": str(year),
                f"{prefix}-{i}-value": "10",
            }
        )
    return data


def test_the_editor_refuses_a_year_twice(client, commitment, ke_police_drafter):
    data = edit_form_data(client, ke_police_drafter, commitment)
    assert data.get("indicators-0-targets-0-year") == "2026"
    revisions = commitment.revisions.count()
    response = client.post(edit_url(commitment), _with_targets(data, 2026))
    assert response.status_code == 200
    assert "Only one target per year: 2026 is there twice." in response.content.decode()
    assert commitment.revisions.count() == revisions


def test_yearly_targets_edited_in_the_editor_wait_in_the_draft(
    client, commitment, ke_police_drafter
):
    data = edit_form_data(client, ke_police_drafter, commitment)
    response = client.post(edit_url(commitment), _with_targets(data, 2027, 2028))
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Commitment.objects.get(pk=commitment.pk).get_latest_revision_as_object()
    assert [t.year for t in draft.indicators.get().targets.all()] == [2026, 2027, 2028]
    # The live version keeps its targets until a reviewer publishes the draft.
    assert list(IndicatorTarget.objects.values_list("year", flat=True)) == [2026]


def test_publishing_the_draft_publishes_its_targets(commitment):
    indicator = commitment.indicators.get()
    services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        indicators=[
            {"pk": indicator.pk, **_indicator(targets=[{"year": 2027, "value": 60}])},
        ],
    )
    Commitment.objects.get(pk=commitment.pk).latest_revision.publish()
    assert list(IndicatorTarget.objects.values_list("year", flat=True)) == [2027]
    assert commitment.indicators.get().pk == indicator.pk
