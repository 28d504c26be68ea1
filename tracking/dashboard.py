"""Admin home panels: each user sees the tracking they are responsible for.

Every panel costs a fixed number of queries, whatever the number of commitments.
"""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from plans.models import Commitment, NationalPlanPage
from stakeholders.models import Membership
from stakeholders.permissions import coordinated_countries

from . import selectors
from .models import Audience
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


def panels_for(user):
    today = timezone.localdate()
    panels = []
    agencies = list(
        Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values_list(
            "agency", flat=True
        )
    )
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
