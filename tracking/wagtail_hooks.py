import django_filters
from django.db.models import Q
from django.urls import path
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from plans.admin_views import LISTING_COLUMNS_HOOK

from . import admin_views, selectors, services
from .dashboard import panels_for
from .models import ProgressUpdate, ReportingPeriod, Training
from .permissions import progress_update_policy, reporting_period_policy, training_policy

# Policies first: the viewsets below refuse to register without them.
register_permission_policy(ProgressUpdate, progress_update_policy)
register_permission_policy(ReportingPeriod, reporting_period_policy)
register_permission_policy(Training, training_policy)

State = ProgressUpdate.State
STATE_Q = {
    State.PUBLISHED: Q(published_at__isnull=False),
    State.SUBMITTED: Q(published_at__isnull=True, submitted_at__isnull=False),
    State.CHANGES_REQUESTED: Q(
        published_at__isnull=True, submitted_at__isnull=True, rejected_at__isnull=False
    ),
    State.DRAFT: Q(published_at__isnull=True, submitted_at__isnull=True, rejected_at__isnull=True),
}


class ProgressUpdateFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=State.choices, method="filter_state", empty_label=_("All")
    )

    class Meta:
        model = ProgressUpdate
        fields = ["status", "is_contribution", "reporting_date"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(STATE_Q[value]) if value in STATE_Q else queryset


class ProgressUpdateViewSet(ModelViewSet):
    model = ProgressUpdate
    name = "progress_updates"
    icon = "time"
    menu_label = _("Progress updates")
    menu_order = 160
    add_to_admin_menu = True
    list_display = [
        "commitment",
        "agency",
        "reporting_date",
        "status",
        "progress",
        Column("state", label=_("State"), accessor="get_state_display"),
    ]
    filterset_class = ProgressUpdateFilterSet
    inspect_view_enabled = True
    inspect_view_fields = [
        "commitment",
        "agency",
        "is_contribution",
        "reporting_date",
        "status",
        "progress",
        "narrative",
        "period",
        "funding_spent",
        "terminology_quotations",
        "evidence_url",
        "evidence_document",
        "measurements",
        "trainings",
        "author",
        "state",
        "published_at",
    ]
    inspect_template_name = "tracking/admin/update_inspect.html"
    edit_template_name = "tracking/admin/update_edit.html"
    copy_view_enabled = False
    index_view_class = admin_views.UpdateIndexView
    add_view_class = admin_views.UpdateCreateView
    edit_view_class = admin_views.UpdateEditView
    delete_view_class = admin_views.UpdateDeleteView
    inspect_view_class = admin_views.UpdateInspectView
    history_view_class = admin_views.UpdateHistoryView
    usage_view_class = admin_views.UpdateUsageView

    @property
    def review_view(self):
        return self.construct_view(
            admin_views.UpdateReviewView,
            **self.get_inspect_view_kwargs(template_name="tracking/admin/update_review.html"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"review/<{self.pk_path_converter}:pk>/", self.review_view, name="review"),
        ]


class ReportingPeriodViewSet(ModelViewSet):
    model = ReportingPeriod
    name = "reporting_periods"
    icon = "date"
    menu_label = _("Reporting periods")
    menu_order = 165
    add_to_admin_menu = True
    list_display = [
        "plan",
        "title",
        "starts_on",
        "ends_on",
        "deadline",
        Column("state", label=_("State"), accessor="get_state_display"),
    ]
    list_filter = ["state"]
    inspect_view_enabled = True
    inspect_view_fields = ["plan", "title", "slug", "starts_on", "ends_on", "deadline", "state"]
    copy_view_enabled = False
    index_view_class = admin_views.PeriodIndexView
    add_view_class = admin_views.PeriodCreateView
    edit_view_class = admin_views.PeriodEditView
    inspect_view_class = admin_views.PeriodInspectView
    delete_view_class = admin_views.PeriodDeleteView
    history_view_class = admin_views.PeriodHistoryView
    usage_view_class = admin_views.PeriodUsageView


class TrainingViewSet(ModelViewSet):
    """Trainings are reported with a progress update of a training commitment: its rights,
    review and publication are the update's."""

    model = Training
    name = "trainings"
    icon = "group"
    menu_label = _("Trainings")
    menu_order = 161
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("commitment", label=_("Commitment"), accessor="update.commitment"),
        "starts_on",
        "mode",
        "city",
        Column("people", label=_("People trained"), accessor="people"),
    ]
    inspect_view_enabled = True
    inspect_view_fields = [
        "update",
        "title",
        "starts_on",
        "ends_on",
        "mode",
        "curriculum",
        "trainers",
        "city",
        "participants",
        "pre_test_average",
        "post_test_average",
        "findings",
    ]
    copy_view_enabled = False
    index_view_class = admin_views.TrainingIndexView
    add_view_class = admin_views.TrainingCreateView
    edit_view_class = admin_views.TrainingEditView
    delete_view_class = admin_views.TrainingDeleteView
    inspect_view_class = admin_views.TrainingInspectView


@hooks.register("register_admin_viewset")
def register_viewset():
    return ProgressUpdateViewSet()


@hooks.register("register_admin_viewset")
def register_period_viewset():
    return ReportingPeriodViewSet()


@hooks.register("register_admin_viewset")
def register_training_viewset():
    return TrainingViewSet()


@hooks.register("construct_homepage_panels")
def add_tracking_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register(LISTING_COLUMNS_HOOK)
def lateness_in_the_commitment_listing():
    """Overdue and the last published update, beside each commitment in the listing."""

    def annotate(queryset):
        return selectors.with_lateness(queryset, on=selectors.today())

    return annotate, [
        Column(
            "is_overdue",
            label=_("Overdue"),
            accessor=lambda c: _("Overdue") if getattr(c, "is_overdue", False) else "",
        ),
        # A reporting day, shown as one: Wagtail's DateColumn would count "hours ago"
        # from its midnight.
        Column(
            "last_update_on",
            label=_("Last update"),
            accessor=lambda c: (
                formats.date_format(c.last_update_on, "DATE_FORMAT")
                if getattr(c, "last_update_on", None)
                else ""
            ),
        ),
    ]


class RequestChangesFormatter(LogFormatter):
    label = _("Request changes")

    def format_message(self, log_entry):
        comment = (log_entry.data or {}).get("comment", "")
        return _("Changes requested: “%(comment)s”") % {"comment": comment}


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(services.SUBMIT, _("Submit for review"), _("Submitted for review"))
    actions.register_action(services.APPROVE, _("Approve"), _("Approved"))
    actions.register_action(
        services.WITHDRAW, _("Withdraw from review"), _("Withdrawn from review")
    )
    actions.register_action(services.REQUEST_CHANGES)(RequestChangesFormatter)
    actions.register_action(
        services.OPEN_PERIOD, _("Open reporting period"), _("Reporting period opened")
    )
    actions.register_action(
        services.CLOSE_PERIOD,
        _("Close reporting period"),
        _("Reporting period closed: its annual progress report made"),
    )
