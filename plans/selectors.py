"""Reads, as querysets named for the question they answer."""

from collections import OrderedDict

from . import permissions
from .models import Commitment, NationalPlanPage, PlanCapabilitySection


def published_plans():
    """Plans anyone may read: live and not behind a view restriction."""
    return (
        NationalPlanPage.objects.live()
        .public()
        .select_related("country")
        .order_by("country__name", "-period_start")
    )


def public_commitments(*, plan):
    """The live version of each published commitment of a plan: all the public sees."""
    return (
        Commitment.objects.filter(plan=plan, live=True)
        .select_related("lead_agency", "capability__domain")
        .prefetch_related("supporting_agencies", "inspire_strategies", "indicators")
        .order_by("capability__number", "title")
    )


def plan_public_structure(*, plan):
    """Domains -> capability sections -> live commitments, for the public plan page."""
    commitments_by_capability = {}
    for commitment in public_commitments(plan=plan):
        commitments_by_capability.setdefault(commitment.capability_id, []).append(commitment)
    sections = (
        PlanCapabilitySection.objects.filter(plan=plan)
        .select_related("capability__domain")
        .order_by("capability__number")
    )
    domains = OrderedDict()
    for section in sections:
        domain = section.capability.domain
        entry = domains.setdefault(domain.pk, {"domain": domain, "sections": []})
        section.public_commitments = commitments_by_capability.get(section.capability_id, [])
        entry["sections"].append(section)
    return list(domains.values())


def commitments_visible_to(*, user):
    """Every commitment the user may at least view in the admin (drafts included)."""
    return permissions.commitment_policy.instances_user_has_permission_for(user, "view")


def commitments_led_by_users_agencies(*, user):
    """The drafter's default listing: what their agencies lead."""
    agencies = user.memberships.filter(role__in=permissions.DRAFTING_ROLES).values("agency")
    return commitments_visible_to(user=user).filter(lead_agency__in=agencies)


def user_drafts_only(*, user) -> bool:
    """A drafter (or head) with no country-wide role: their listing starts with their agency."""
    if not user.is_authenticated or user.is_superuser:
        return False
    roles = set(user.memberships.values_list("role", flat=True))
    return bool(roles) and roles <= set(permissions.DRAFTING_ROLES)


def public_commitment_detail(*, plan, commitment_id):
    """A live commitment of a plan with its published updates and indicator progress."""
    from tracking import selectors as tracking

    commitment = public_commitments(plan=plan).filter(pk=commitment_id).first()
    if commitment is None:
        return None
    indicators = []
    for indicator in commitment.indicators.all():
        latest, percent = tracking.indicator_progress(indicator=indicator)
        indicators.append({"indicator": indicator, "latest": latest, "percent": percent})
    return {
        "commitment": commitment,
        "updates": list(tracking.published_updates(commitment=commitment)),
        "indicators": indicators,
    }
