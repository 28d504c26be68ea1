"""Baseline, target and the estimated current maturity level of a capability."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from plans.models import MaturityLevel, PlanCapabilitySection
from publishing.selectors import capability_map
from tracking.maturity import estimate

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def level(order):
    return MaturityLevel.objects.get(order=order)


def test_four_default_levels_are_loaded_in_order():
    assert list(MaturityLevel.objects.values_list("order", "name")) == [
        (1, "Not yet in place"),
        (2, "Being developed"),
        (3, "Partly in place"),
        (4, "Fully in place"),
    ]


def test_default_level_names_are_shown_in_the_visitors_language():
    with translation.override("fr"):
        assert str(level(1)) != "Not yet in place"


def test_a_renamed_level_is_shown_as_written():
    first = level(1)
    first.name = "Absent"
    first.save()
    with translation.override("fr"):
        assert str(first) == "Absent"


@pytest.mark.parametrize(
    ("baseline", "target", "progress", "current"),
    [
        (1, 3, None, 1),  # no public commitment yet: still at the baseline
        (1, 3, 0, 1),
        (1, 3, 40, 1),  # 1.8: level 2 is not reached yet
        (1, 3, 50, 2),
        (1, 3, 99, 2),
        (1, 3, 100, 3),
        (2, 4, 75, 3),
        (1, 4, 100, 4),
        (3, 3, 20, 3),  # keep a capability where it is
    ],
)
def test_current_level_is_the_baseline_moved_towards_the_target_by_progress(
    baseline, target, progress, current
):
    levels = list(MaturityLevel.objects.all())
    result = estimate(
        baseline=level(baseline), target=level(target), progress=progress, levels=levels
    )
    assert result.current.order == current
    assert result.progress == progress


def test_no_estimate_without_baseline_or_target():
    levels = list(MaturityLevel.objects.all())
    assert estimate(baseline=None, target=level(3), progress=50, levels=levels).current is None
    assert estimate(baseline=level(1), target=None, progress=50, levels=levels).current is None


def test_target_below_baseline_is_refused_with_a_clear_message(ke_plan):
    section = ke_plan.capability_sections.get(capability__number=4)
    section.baseline_level, section.target_level = level(3), level(2)
    with pytest.raises(ValidationError) as error:
        section.full_clean()
    message = error.value.message_dict["target_level"][0]
    assert "cannot be below the baseline level" in message
    assert "Partly in place" in message and "Being developed" in message


def test_target_equal_to_or_above_baseline_is_accepted(ke_plan):
    section = ke_plan.capability_sections.get(capability__number=4)
    section.baseline_level, section.target_level = level(2), level(2)
    section.full_clean()


def test_capability_map_estimates_from_public_commitments_only(ke_plan, ke_police):
    PlanCapabilitySection.objects.filter(plan=ke_plan, capability__number=4).update(
        baseline_level=level(1), target_level=level(4)
    )
    make_commitment(ke_plan, ke_police, title="Public", progress=100)
    make_commitment(ke_plan, ke_police, title="Internal", progress=0, is_internal=True)
    make_commitment(ke_plan, ke_police, title="Never published", progress=0, publish=False)
    item = next(
        item
        for entry in capability_map(plan=ke_plan)
        for item in entry["capabilities"]
        if item["capability"].number == 4
    )
    assert item["maturity"].baseline.order == 1
    assert item["maturity"].target.order == 4
    assert item["maturity"].current.order == 4
    assert item["average"] == 100
