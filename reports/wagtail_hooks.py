"""Reports that read several apps: the menu items and URLs of each, for those who may."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from plans.selectors import commitments_visible_to
from stakeholders.permissions import coordinates_any_country

from .activity import ActivityReportView
from .gaps import PlanGapsView
from .terminology import TerminologyReportView, user_reads_report
from .tracker import CommitmentTrackerView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/activity/", ActivityReportView.as_view(), name="activity_report"),
        path(
            "reports/activity/results/",
            ActivityReportView.as_view(results_only=True),
            name="activity_report_results",
        ),
        path("reports/tracker/", CommitmentTrackerView.as_view(), name="commitment_tracker"),
        path(
            "reports/tracker/results/",
            CommitmentTrackerView.as_view(results_only=True),
            name="commitment_tracker_results",
        ),
        path("reports/terminology/", TerminologyReportView.as_view(), name="terminology_report"),
        path("plans/overview/<int:pk>/gaps/", PlanGapsView.as_view(), name="plan_gaps"),
    ]


class ReportMenuItem(MenuItem):
    """A Reports menu item shown to those `shown_to(user)` says may read the report."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


@hooks.register("register_reports_menu_item")
def register_tracker_menu_item():
    return ReportMenuItem(
        _("Commitment tracker"),
        reverse("commitment_tracker"),
        icon_name="tasks",
        order=40,
        shown_to=lambda user: commitments_visible_to(user=user).exists(),
    )


@hooks.register("register_reports_menu_item")
def register_activity_menu_item():
    return ReportMenuItem(
        _("Activity"),
        reverse("activity_report"),
        icon_name="history",
        order=50,
        shown_to=lambda user: coordinates_any_country(user=user),
    )


@hooks.register("register_reports_menu_item")
def register_terminology_menu_item():
    return ReportMenuItem(
        _("Terminology findings"),
        reverse("terminology_report"),
        icon_name="warning",
        order=60,
        shown_to=lambda user: user_reads_report(user=user),
    )
