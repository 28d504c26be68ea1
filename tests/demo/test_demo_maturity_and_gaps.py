"""The demo shows maturity levels on the capability map and countries with uncovered
capabilities, so the gap analysis and the comparison have something to show."""

import pytest

from plans.models import PlanCapabilitySection
from plans.selectors import published_plans
from tracking.gaps import plan_gaps

pytestmark = pytest.mark.django_db


def test_demo_has_levels_and_uncovered_capabilities(demo):
    sections = PlanCapabilitySection.objects.filter(plan__in=published_plans())
    assert sections.exists()
    assert not sections.filter(baseline_level__isnull=True).exists()
    assert not sections.filter(target_level__isnull=True).exists()
    uncovered = {
        plan.country.code: {c.number for c in plan_gaps(plan, public=True).uncovered_capabilities}
        for plan in published_plans()
    }
    assert 1 in uncovered["pe"] and 1 not in uncovered["ke"]
