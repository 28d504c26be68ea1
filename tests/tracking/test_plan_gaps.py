"""Gap analysis on crafted plans: each kind of gap is found, and none on a sound plan."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from plans.models import Commitment
from stakeholders.models import Agency
from tracking.gaps import plan_gaps

from ..factories import AgencyFactory, make_commitment, make_plan

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SOUND = {
    "indicators": [{"name": "Done", "baseline": 0, "target": 1}],
    "estimated_cost": Decimal("1000"),
    "currency": "KES",
    "budget_visibility": Commitment.BudgetVisibility.PUBLIC,
    "status": Commitment.Status.ON_TRACK,
    "due_date": TODAY + datetime.timedelta(days=365),
}


@pytest.fixture
def agencies(kenya, ke_police, ke_helpline, ke_education):
    ministry = AgencyFactory(
        country=kenya, name="Ministry", sector=Agency.Sector.GOVERNMENT_MINISTRY
    )
    regulator = AgencyFactory(country=kenya, name="Regulator", sector=Agency.Sector.ICT_REGULATOR)
    # The sector each MNR-2016 domain expects a lead from (see tracking.gaps).
    return {1: ministry, 2: ke_police, 3: ke_helpline, 4: ke_education, 5: regulator, 6: ministry}


@pytest.fixture
def sound_plan(kenya, agencies):
    """All 21 capabilities, each with one sound public commitment led by the right sector."""
    from plans.models import Capability

    plan = make_plan(kenya, capabilities=range(1, 22))
    for capability in Capability.objects.filter(framework__code="MNR-2016"):
        make_commitment(
            plan,
            agencies[capability.domain.number],
            title=f"Commitment {capability.number}",
            capability=capability.number,
            **SOUND,
        )
    return plan


@pytest.mark.parametrize("public", [False, True])
def test_no_gap_on_a_sound_plan(sound_plan, public):
    gaps = plan_gaps(sound_plan, public=public)
    assert gaps.total == 0, gaps


def test_uncovered_capabilities_are_gaps(ke_plan):
    gaps = plan_gaps(ke_plan)
    assert len(gaps.uncovered_capabilities) == 18  # the plan has sections 4, 11 and 21
    assert 4 not in {c.number for c in gaps.uncovered_capabilities}


def test_capability_with_no_commitment(ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, capability=4, **SOUND)
    make_commitment(ke_plan, ke_police, capability=11, status=Commitment.Status.DROPPED)
    numbers = {c.number for c in plan_gaps(ke_plan).capabilities_without_commitment}
    assert numbers == {11, 21}  # a dropped commitment covers nothing


def test_capability_whose_commitments_are_all_overdue_or_stale(ke_plan, ke_police, settings):
    settings.TRACKING_STALE_AFTER_DAYS = 90
    overdue = make_commitment(ke_plan, ke_police, title="Overdue", capability=4, **SOUND)
    stale = make_commitment(ke_plan, ke_police, title="Stale", capability=4, **SOUND)
    fine_late = make_commitment(ke_plan, ke_police, title="Late", capability=11, **SOUND)
    make_commitment(ke_plan, ke_police, title="Fine", capability=11, **SOUND)
    long_ago = timezone.now() - datetime.timedelta(days=200)
    Commitment.objects.filter(pk=overdue.pk).update(due_date=TODAY - datetime.timedelta(days=1))
    Commitment.objects.filter(pk__in=[stale.pk, fine_late.pk]).update(first_published_at=long_ago)
    late = plan_gaps(ke_plan).capabilities_all_late
    assert [(c.number, {x.title for x in rows}) for c, rows in late] == [(4, {"Overdue", "Stale"})]


def test_domain_without_a_lead_from_its_sectors(ke_plan, ke_helpline, ke_police):
    # Criminal justice (capability 4) led by the helpline only: no police, no prosecutors.
    make_commitment(ke_plan, ke_helpline, capability=4, **SOUND)
    make_commitment(ke_plan, ke_helpline, capability=11, **SOUND)
    gaps = plan_gaps(ke_plan)
    numbers = {gap.domain.number for gap in gaps.domains_without_sector_lead}
    assert 2 in numbers and 3 not in numbers
    criminal_justice = next(g for g in gaps.domains_without_sector_lead if g.domain.number == 2)
    assert "Law enforcement" in criminal_justice.expected_sectors
    make_commitment(ke_plan, ke_police, capability=4, **SOUND)
    assert 2 not in {g.domain.number for g in plan_gaps(ke_plan).domains_without_sector_lead}


def test_domain_sectors_are_configurable(ke_plan, ke_helpline, settings):
    make_commitment(ke_plan, ke_helpline, capability=4, **SOUND)
    settings.PLAN_GAP_DOMAIN_SECTORS = {2: (Agency.Sector.CHILD_HELPLINE,)}
    assert not plan_gaps(ke_plan).domains_without_sector_lead


def test_commitments_with_no_indicator_or_no_budget(ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Sound", **SOUND)
    make_commitment(ke_plan, ke_police, title="No indicator", **{**SOUND, "indicators": []})
    make_commitment(ke_plan, ke_police, title="No budget", **{**SOUND, "estimated_cost": None})
    make_commitment(
        ke_plan,
        ke_police,
        title="Internal budget",
        **{**SOUND, "budget_visibility": Commitment.BudgetVisibility.INTERNAL},
    )
    gaps = plan_gaps(ke_plan)
    assert [c.title for c in gaps.commitments_without_indicator] == ["No indicator"]
    assert [c.title for c in gaps.commitments_without_budget] == ["No budget"]
    public = plan_gaps(ke_plan, public=True)
    # Publicly, an internal budget is no published budget.
    assert {c.title for c in public.commitments_without_budget} == {"No budget", "Internal budget"}


def test_public_gaps_count_only_public_commitments(ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, capability=4, is_internal=True, **SOUND)
    make_commitment(ke_plan, ke_police, capability=11, publish=False, **SOUND)
    admin = plan_gaps(ke_plan)
    public = plan_gaps(ke_plan, public=True)
    assert {c.number for c in admin.capabilities_without_commitment} == {21}
    assert {c.number for c in public.capabilities_without_commitment} == {4, 11, 21}
    assert not public.commitments_without_indicator and not public.commitments_without_budget
