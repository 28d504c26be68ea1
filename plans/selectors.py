"""Reads, as querysets named for the question they answer."""

from collections import OrderedDict

from django.conf import settings
from django.db.models import Avg, Count, Prefetch, Q
from wagtail.models import Locale

from home.i18n import in_default_locale

from . import permissions
from .models import Capability, Commitment, Domain, NationalPlanPage, PlanCapabilitySection


def published_plans():
    """Plans anyone may read: live and not behind a view restriction.

    One row per plan: the English (default-locale) page; translations are other pages.
    """
    return (
        NationalPlanPage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("country")
        .order_by("country__name", "-period_start")
    )


def published_plans_in_language():
    """Each published plan once: its live translation in the active language, else English."""
    plans = list(published_plans())
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return plans
    if locale.language_code == settings.LANGUAGE_CODE or not plans:
        return plans
    translations = {
        page.translation_key: page
        for page in NationalPlanPage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=[plan.translation_key for plan in plans])
        .select_related("country")
    }
    return [translations.get(plan.translation_key, plan) for plan in plans]


def public_commitments(*, plan):
    """The live version of each published commitment of a plan: all the public sees.

    Commitments belong to the English plan; a translated plan page shows those.
    """
    return (
        Commitment.objects.filter(plan=in_default_locale(plan), live=True)
        .select_related("lead_agency", "capability__domain")
        .prefetch_related("supporting_agencies", "inspire_strategies", "indicators")
        .order_by("capability__number", "title")
    )


def plan_public_structure(*, plan, capability=None, agency=None, status=None):
    """Domains -> capability sections -> live commitments, for the public plan page.

    The optional filters (a capability number, an agency id, a status) narrow the
    commitments shown; sections stay, so the plan's structure remains readable.
    """
    commitments = public_commitments(plan=plan)
    if capability:
        commitments = commitments.filter(capability__number=capability)
    if agency:
        commitments = commitments.filter(
            Q(lead_agency_id=agency) | Q(supporting_agencies__id=agency)
        ).distinct()
    if status:
        commitments = commitments.filter(status=status)
    commitments_by_capability = {}
    for commitment in commitments:
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


def capability_map(*, plan):
    """All six MNR domains and 21 capabilities: which the plan covers, and how far it got.

    Progress is the average of the plan's live commitments under each capability.
    """
    covered = set(plan.capability_sections.values_list("capability_id", flat=True))
    progress = {
        row["capability_id"]: row
        for row in Commitment.objects.filter(plan=in_default_locale(plan), live=True)
        .values("capability_id")
        .annotate(count=Count("pk"), average=Avg("progress"))
    }
    domains = []
    for domain in Domain.objects.filter(framework__code="MNR-2016").prefetch_related(
        Prefetch("capabilities", queryset=Capability.objects.order_by("number"))
    ):
        capabilities = []
        for capability in domain.capabilities.all():
            row = progress.get(capability.pk, {})
            capabilities.append(
                {
                    "capability": capability,
                    "covered": capability.pk in covered,
                    "count": row.get("count", 0),
                    "average": round(row["average"]) if row.get("average") is not None else None,
                }
            )
        domains.append({"domain": domain, "capabilities": capabilities})
    return domains


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
