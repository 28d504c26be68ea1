"""Reads, as querysets named for the question they answer.

What the public may see is decided here, once: `published_plans()` and
`public_commitment_rows()`. The public site's own reads (`publishing.selectors`) build
on them.
"""

from django.db.models import Q
from wagtail.models import Locale

from . import permissions
from .models import Commitment, NationalPlanPage


def public_commitment_q(prefix: str = "") -> Q:
    """The rule of `public_commitment_rows()`, for a relation (`prefix="commitments__"`)."""
    return Q(**{f"{prefix}live": True, f"{prefix}is_internal": False})


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


def public_commitment_rows():
    """Commitments the public may see, in any plan: the one place that says which.

    A commitment's row holds its live version (drafts live in revisions), so `live` rows
    are what was published; internal commitments are never public, whatever their state.
    """
    return Commitment.objects.filter(public_commitment_q())


def commitments_naming_agency(*, agency):
    """Public commitments that print this agency's name, as lead or supporting agency."""
    rows = public_commitment_rows()
    return rows.filter(pk__in=rows.filter(Q(lead_agency=agency) | Q(supporting_agencies=agency)))


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
