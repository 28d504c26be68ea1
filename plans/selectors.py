"""Reads, as querysets named for the question they answer.

What the public may see is decided here, once: `published_plans()` and
`public_commitment_rows()`. The public site's own reads (`publishing.selectors`) build
on them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, WorkflowState

from home.i18n import in_default_locale

from . import permissions
from .models import (
    Capability,
    Commitment,
    ConsultationComment,
    ConsultationRound,
    Finding,
    LegislativeReview,
    NationalPlanPage,
)


def public_commitment_q(prefix: str = "") -> Q:
    """The rule of `public_commitment_rows()`, for a relation (`prefix="commitments__"`)."""
    return Q(**{f"{prefix}live": True, f"{prefix}is_internal": False})


def published_plans():
    """Plans anyone may read: live and not behind a view restriction.

    One row per plan: the original (in its country's language); translations are other
    pages.
    """
    return (
        NationalPlanPage.objects.live()
        .public()
        .originals()
        .select_related("country", "locale")
        .order_by("country__name", "-period_start")
    )


def public_commitment_rows():
    """Commitments the public may see, in any plan: the one place that says which.

    A commitment's row holds its live version (drafts live in revisions), so `live` rows
    are what was published; internal commitments are never public, whatever their state.
    """
    return Commitment.objects.filter(public_commitment_q())


def public_budget_q(prefix: str = "") -> Q:
    """The rule of `public_budget_rows()`, for a relation."""
    return public_commitment_q(prefix) & Q(
        **{f"{prefix}budget_visibility": Commitment.BudgetVisibility.PUBLIC}
    )


def public_budget_rows():
    """Public commitments whose cost and funding the public may see: the budget of an
    internal-budget commitment (unconfirmed figures) is never shown, nor summed."""
    return Commitment.objects.filter(public_budget_q())


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


# --- Where a commitment stands in its review (for the admin) ------------------------


def _workflow_states():
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Commitment),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )


def with_review_state(queryset):
    """Annotate `review_step` (the task of a review in progress) and `changes_requested`:
    with `live` and `has_unpublished_changes`, all `review_state_label` needs, in one query."""
    in_progress = _workflow_states().filter(status=WorkflowState.STATUS_IN_PROGRESS)
    return queryset.annotate(
        review_step=Subquery(in_progress.values("current_task_state__task__name")[:1]),
        changes_requested=Exists(
            _workflow_states().filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        ),
    )


REVIEW_STATES = {
    "draft": _("Draft"),
    "in_review": _("In review"),
    "changes_requested": _("Changes requested"),
    "live": _("Live"),
    "live_with_changes": _("Live, with unpublished changes"),
}


def review_state(commitment) -> str:
    """One of REVIEW_STATES, from `with_review_state`'s annotations (or the object itself)."""
    if not hasattr(commitment, "review_step"):
        task = commitment.current_workflow_task if commitment.pk else None
        commitment.review_step = task.name if task else None
        state = commitment.current_workflow_state if commitment.pk else None
        commitment.changes_requested = bool(
            state and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        )
    if commitment.review_step:
        return "in_review"
    if commitment.changes_requested:
        return "changes_requested"
    if commitment.live:
        return "live_with_changes" if commitment.has_unpublished_changes else "live"
    return "draft"


def review_state_label(commitment) -> str:
    state = review_state(commitment)
    label = str(REVIEW_STATES[state])
    return f"{label}: {commitment.review_step}" if state == "in_review" else label


def plan_translations(plan) -> list[dict]:
    """Every other language of the site, with the plan's translation into it and its
    review state, or none yet: what a coordinator needs to translate the plan."""
    translations = {
        page.locale_id: page
        for page in NationalPlanPage.objects.filter(translation_key=plan.translation_key)
        .exclude(pk=plan.pk)
        .exclude(alias_of__isnull=False)
    }
    rows = []
    for locale in Locale.objects.exclude(pk=plan.locale_id).order_by("language_code"):
        page = translations.get(locale.pk)
        rows.append(
            {
                "locale": locale,
                "language": locale.get_display_name(),
                "page": page,
                "state": review_state(page) if page else None,
                "label": review_state_label(page) if page else _("Not started"),
            }
        )
    return rows


# --- The findings register -----------------------------------------------------------


def findings_answered_q(prefix: str = "") -> Q:
    """A finding is answered by the plan when a live commitment links to it: computed,
    never stored. Public and internal live commitments both answer it (for the public,
    `public_findings_answered_q` counts only the public ones)."""
    return Q(**{f"{prefix}commitments__live": True})


def findings_with_answers(queryset):
    """Annotate `answered` (a live commitment links to it) on each finding, in the query."""
    answering = Commitment.objects.filter(live=True, findings=OuterRef("pk"))
    return queryset.annotate(answered=Exists(answering))


def finding_state(finding) -> str:
    """What to show as the finding's status: "addressed" and "not accepted" as recorded;
    otherwise "answered" when a live commitment answers it (`answered` annotation), else
    "open"."""
    if finding.status in (Finding.Status.ADDRESSED, Finding.Status.NOT_ACCEPTED):
        return finding.status
    return Finding.Status.ANSWERED if finding.answered else Finding.Status.OPEN


def findings_of_country(*, country_id):
    """A country's whole register, internal findings included (admin reads only)."""
    return findings_with_answers(Finding.objects.filter(country_id=country_id))


def public_finding_rows():
    """Findings the public may see, in any country: the one place that says which."""
    return Finding.objects.filter(public=True)


def public_findings(plan):
    """The published findings of the plan's country, each with `answered` (a public,
    live commitment of the plan answers it) and `public_commitments` (those commitments,
    ids and titles only). Three queries, however many findings."""
    plan = in_default_locale(plan)
    answering = public_commitment_rows().filter(plan=plan)
    return (
        public_finding_rows()
        .filter(country_id=plan.country_id)
        .annotate(answered=Exists(answering.filter(findings=OuterRef("pk"))))
        .prefetch_related(
            Prefetch("capabilities", queryset=Capability.objects.order_by("number")),
            Prefetch(
                "commitments",
                queryset=answering.only("pk", "title", "plan_id").order_by("pk"),
                to_attr="public_commitments",
            ),
        )
        .order_by("-date", "title")
    )


UNSETTLED = (Finding.Status.OPEN, Finding.Status.ANSWERED)


def public_findings_unanswered(plan):
    """Published findings that nothing answers yet: no public commitment of the plan
    links to them, and they are neither addressed nor not accepted."""
    return public_findings(plan).filter(answered=False, status__in=UNSETTLED)


def public_finding_state(finding) -> str:
    """`finding_state` for a row of `public_findings` (answered by public commitments)."""
    return finding_state(finding)


# --- The legislative review ------------------------------------------------------------


def public_legislative_review_rows():
    """Legislative reviews the public may see: the ones the coordinator published."""
    return LegislativeReview.objects.filter(public=True)


# --- Consultation rounds -------------------------------------------------------------


def public_consultation_rounds():
    """Rounds the public may read: closed, their summary published by the coordinator,
    on a published plan. The one place that says which."""
    return ConsultationRound.objects.filter(
        state=ConsultationRound.State.CLOSED,
        summary_public=True,
        plan__in=published_plans().values("pk"),
    )


def consultation_comments_prefetch():
    return Prefetch(
        "comments",
        queryset=ConsultationComment.objects.select_related(
            "agency", "capability", "commitment__capability"
        ),
    )


def consultation_counts(comments) -> dict:
    """How many comments, and how many of each response (every kind, zeros included)."""
    counts = {kind: 0 for kind in ConsultationComment.Response.values}
    for comment in comments:
        if comment.response:
            counts[comment.response] += 1
    return {
        "comments": len(comments),
        "unanswered": len(comments) - sum(counts.values()),
        "responses": counts,
        "response_rows": [
            (label, counts[value]) for value, label in ConsultationComment.Response.choices
        ],
    }


def consultation_target_order(comment) -> tuple:
    """The plan as a whole first, then by capability, each section before its commitments."""
    if comment.commitment_id:
        return (1, comment.commitment.capability.number, 1, comment.commitment_id)
    if comment.capability_id:
        return (1, comment.capability.number, 0, 0)
    return (0, 0, 0, 0)


def consultation_groups(comments, *, shown_commitment_ids) -> list[dict]:
    """A round's comments grouped by what they are on, in plan order. A commitment not in
    `shown_commitment_ids` is named by its capability only (the reader may not read it)."""
    groups: dict = {}
    for comment in sorted(comments, key=consultation_target_order):
        commitment = comment.commitment
        if commitment is not None and commitment.pk not in shown_commitment_ids:
            key = ("hidden", commitment.capability_id)
            group = {"kind": "hidden_commitment", "capability": commitment.capability}
        elif commitment is not None:
            key = ("commitment", commitment.pk)
            group = {"kind": "commitment", "capability": commitment.capability}
        elif comment.capability_id:
            key = ("capability", comment.capability_id)
            group = {"kind": "capability", "capability": comment.capability}
        else:
            key = ("plan", 0)
            group = {"kind": "plan", "capability": None}
        group["commitment"] = commitment if group["kind"] == "commitment" else None
        groups.setdefault(key, {**group, "comments": []})["comments"].append(comment)
    return list(groups.values())
