"""Admin home panels: each user sees the tracking they are responsible for.

Every panel costs a fixed number of queries, whatever the number of commitments.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from plans.models import Commitment, NationalPlanPage
from stakeholders.models import Country, Membership
from stakeholders.permissions import coordinated_countries

from . import selectors
from .models import Audience, ProgressUpdate
from .permissions import REPORTING_ROLES

BAR_WIDTH = 240


class MyAgencyCommitmentsPanel(Component):
    name = "my_agency_commitments"
    order = 50
    template_name = "tracking/panels/my_agency_commitments.html"

    def __init__(self, *, agencies, today):
        self.agencies, self.today = agencies, today

    def get_context_data(self, parent_context):
        commitments = list(
            selectors.with_lateness(
                Commitment.objects.filter(lead_agency__in=self.agencies, live=True), on=self.today
            )
            .select_related("lead_agency", "capability")
            .order_by("due_date", "title")[:100]
        )
        return {"commitments": commitments, "today": self.today}


class CountryProgressPanel(Component):
    name = "country_progress"
    order = 60
    template_name = "tracking/panels/country_progress.html"

    def __init__(self, *, plan, today):
        self.plan, self.today = plan, today

    def get_context_data(self, parent_context):
        rows = []
        for row in selectors.progress_by_capability(plan=self.plan):
            average = round(row["average"] or 0)
            rows.append({**row, "average": average, "width": BAR_WIDTH * average // 100})
        live = Commitment.objects.filter(plan=self.plan, live=True)
        overdue = list(
            selectors.commitments_overdue(on=self.today, queryset=live)
            .select_related("lead_agency")
            .order_by("due_date")[:20]
        )
        labels = dict(Audience.choices)
        trained = [
            {"audience": labels.get(r["audience"], r["audience"]), "people": r["people"]}
            for r in selectors.people_trained_by_audience(countries=[self.plan.country_id])
        ]
        return {
            "plan": self.plan,
            "rows": rows,
            "bar_width": BAR_WIDTH,
            "chart_height": 28 * len(rows) + 8,
            "overdue": overdue,
            "trained": trained,
            "trained_total": sum(r["people"] for r in trained),
        }


class UpdatesInReviewPanel(Component):
    """Coordinators: the updates waiting for their review. Agencies' members: theirs that
    wait, or that were sent back with a comment."""

    name = "updates_in_review"
    order = 40
    template_name = "tracking/panels/updates_in_review.html"

    def __init__(self, *, updates, for_reviewer):
        self.updates, self.for_reviewer = updates, for_reviewer

    def get_context_data(self, parent_context):
        return {"updates": self.updates, "for_reviewer": self.for_reviewer}


def _updates_in_review_panel(user, agencies):
    in_review = ProgressUpdate.objects.filter(published_at__isnull=True).select_related(
        "commitment", "agency", "submitted_by", "rejected_by"
    )
    countries = coordinated_countries(user=user)
    if user.is_superuser:
        countries = countries.filter(update_review=Country.UpdateReview.COORDINATOR)
    waiting = list(
        in_review.filter(
            commitment__plan__country__in=countries, submitted_at__isnull=False
        ).order_by("submitted_at")[:50]
    )
    if waiting:
        return UpdatesInReviewPanel(updates=waiting, for_reviewer=True)
    mine = list(
        in_review.filter(agency__in=agencies)
        .filter(Q(submitted_at__isnull=False) | Q(rejected_at__isnull=False))
        .order_by("-rejected_at", "-submitted_at")[:50]
    )
    if mine:
        return UpdatesInReviewPanel(updates=mine, for_reviewer=False)
    return None


def panels_for(user):
    today = timezone.localdate()
    panels = []
    agencies = list(
        Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values_list(
            "agency", flat=True
        )
    )
    if review_panel := _updates_in_review_panel(user, agencies):
        panels.append(review_panel)
    if agencies:
        panels.append(MyAgencyCommitmentsPanel(agencies=agencies, today=today))
    if not user.is_superuser:
        plans = (
            NationalPlanPage.objects.originals()
            .filter(country__in=coordinated_countries(user=user))
            .order_by("-period_start")[:1]
        )
        panels += [CountryProgressPanel(plan=plan, today=today) for plan in plans]
    return panels
