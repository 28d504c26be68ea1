"""The commitment tracker report: filter by status, agency, capability, overdue, stale."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect

from plans import selectors as plan_selectors
from plans.models import Capability, Commitment
from stakeholders.models import Agency
from tracking import selectors


def _visible(user):
    return plan_selectors.commitments_visible_to(user=user).filter(live=True)


class TrackerFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), method="filter_overdue", widget=BooleanRadioSelect
    )
    stale = django_filters.BooleanFilter(
        label=_("Stale"), method="filter_stale", widget=BooleanRadioSelect
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        visible = _visible(request.user)
        self.filters["lead_agency"].queryset = Agency.objects.filter(
            pk__in=visible.values("lead_agency")
        )
        self.filters["capability"].queryset = Capability.objects.filter(
            pk__in=visible.values("capability")
        )

    def _split(self, queryset, matching, value):
        if value is None:
            return queryset
        ids = matching.values("pk")
        return queryset.filter(pk__in=ids) if value else queryset.exclude(pk__in=ids)

    def filter_overdue(self, queryset, name, value):
        today = timezone.localdate()
        return self._split(queryset, selectors.commitments_overdue(on=today), value)

    def filter_stale(self, queryset, name, value):
        today = timezone.localdate()
        return self._split(queryset, selectors.commitments_stale(on=today), value)

    class Meta:
        model = Commitment
        fields = ["status", "lead_agency", "capability", "kind"]


class CommitmentTrackerView(ReportView):
    page_title = _("Commitment tracker")
    header_icon = "tasks"
    filterset_class = TrackerFilterSet
    index_url_name = "commitment_tracker"
    index_results_url_name = "commitment_tracker_results"
    model = Commitment
    columns = [
        TitleColumn(
            "title",
            label=_("Commitment"),
            url_name="wagtailsnippets_plans_commitment:inspect",
        ),
        Column("lead_agency", label=_("Lead agency")),
        Column("capability", label=_("MNR capability")),
        Column("get_status_display", label=_("Status")),
        Column("progress", label=_("Progress (%)")),
        DateColumn("due_date", label=_("Due")),
        DateColumn("last_update_on", label=_("Last update")),
    ]
    list_export = [
        "id",
        "title",
        "plan",
        "lead_agency",
        "capability",
        "kind",
        "status",
        "progress",
        "start_date",
        "due_date",
        "last_update_on",
    ]

    def dispatch(self, request, *args, **kwargs):
        from django.core.exceptions import PermissionDenied

        if not _visible(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return True  # decided in dispatch: anyone who may see some live commitment

    def get_queryset(self):
        return (
            selectors.with_last_update(_visible(self.request.user))
            .select_related("lead_agency", "capability", "plan")
            .order_by("due_date", "title")
        )

    def get_filename(self):
        return f"commitments-{timezone.localdate():%Y-%m-%d}"
