"""Reports → Terminology findings: per plan, what each object says and what to use.

For the country's coordinators and reviewers; reads the working copies of the plan, its
commitments and their progress updates (what reviewers are asked to approve).
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from home.admin_pages import HeadedAdminPageMixin
from plans.models import Finding, NationalPlanPage
from stakeholders.permissions import (
    coordinated_or_reviewed_countries,
    coordinates_any_country,
    reviews_any_country,
)
from terminology.selectors import findings_for_instance, rules_for
from tracking.models import ProgressUpdate


def plans_for_report(*, user):
    """Plans whose findings the user reads: their country's, as its coordinator or reviewer."""
    plans = NationalPlanPage.objects.select_related("country").order_by("country__name", "title")
    return plans.filter(country__in=coordinated_or_reviewed_countries(user=user))


def user_reads_report(*, user) -> bool:
    """Asked by the Reports menu on every admin page: one query a request at most."""
    return coordinates_any_country(user=user) or reviews_any_country(user=user)


def _working_copy(obj):
    if getattr(obj, "latest_revision_id", None):
        return obj.get_latest_revision_as_object()
    return obj


def plan_findings(*, plan) -> list[dict]:
    """Findings in the working copy of the plan, its commitments and their progress
    updates, and in its country's findings register (each in its own language).

    Working copies (latest revisions) are what reviewers are asked to approve, so that is
    what is checked; rows say whether the object is live.
    """
    rules = rules_for(plan)
    rows = []

    def add(obj, url, live, *, own_rules=rules, internal=False):
        for finding in findings_for_instance(obj, rules=own_rules):
            rows.append(
                {"object": obj, "url": url, "live": live, "internal": internal, "finding": finding}
            )

    add(_working_copy(plan), reverse("wagtailadmin_pages:edit", args=[plan.pk]), plan.live)
    for commitment in plan.commitments.select_related("latest_revision").order_by("pk"):
        url = reverse("wagtailsnippets_plans_commitment:edit", args=[commitment.pk])
        add(_working_copy(commitment), url, commitment.live)
    updates = ProgressUpdate.objects.filter(commitment__plan=plan).prefetch_related("measurements")
    for update in updates.select_related("commitment").order_by("pk"):
        add(update, reverse("progress_updates:edit", args=[update.pk]), update.is_published)
    # The register is written in its country's language (one query for its rules).
    register_rules = rules_for(Finding(country=plan.country))
    for entry in Finding.objects.filter(country=plan.country_id).order_by("pk"):
        url = reverse("findings:edit", args=[entry.pk])
        add(entry, url, entry.public, own_rules=register_rules, internal=not entry.public)
    return rows


class TerminologyReportView(HeadedAdminPageMixin, TemplateView):
    """Reports → Terminology findings: per plan, what each object says and what to use."""

    template_name = "terminology/report.html"
    header_icon = "warning"
    page_title = _("Terminology findings")

    def dispatch(self, request, *args, **kwargs):
        if not user_reads_report(user=request.user):
            raise PermissionDenied
        self.plans = plans_for_report(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("plan")
        plans = self.plans.filter(pk=chosen) if chosen and chosen.isdigit() else self.plans
        context["all_plans"] = self.plans
        context["chosen"] = chosen
        context["reports"] = [{"plan": plan, "rows": plan_findings(plan=plan)} for plan in plans]
        return context
