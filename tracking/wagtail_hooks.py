from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from plans.admin_views import LISTING_COLUMNS_HOOK

from . import admin_views, selectors
from .dashboard import panels_for
from .models import ProgressUpdate
from .permissions import progress_update_policy

# Policy first: the viewset below refuses to register without it.
register_permission_policy(ProgressUpdate, progress_update_policy)


class ProgressUpdateViewSet(ModelViewSet):
    model = ProgressUpdate
    name = "progress_updates"
    icon = "time"
    menu_label = _("Progress updates")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["commitment", "agency", "reporting_date", "status", "progress", "published_at"]
    list_filter = ["status", "is_contribution", "reporting_date"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = admin_views.UpdateIndexView
    add_view_class = admin_views.UpdateCreateView
    edit_view_class = admin_views.UpdateEditView
    delete_view_class = admin_views.UpdateDeleteView
    inspect_view_class = admin_views.UpdateInspectView
    history_view_class = admin_views.UpdateHistoryView
    usage_view_class = admin_views.UpdateUsageView


@hooks.register("register_admin_viewset")
def register_viewset():
    return ProgressUpdateViewSet()


@hooks.register("construct_homepage_panels")
def add_tracking_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register(LISTING_COLUMNS_HOOK)
def lateness_in_the_commitment_listing():
    """Overdue and the last published update, beside each commitment in the listing."""

    def annotate(queryset):
        return selectors.with_lateness(queryset, on=timezone.localdate())

    return annotate, [
        Column(
            "is_overdue",
            label=_("Overdue"),
            accessor=lambda c: _("Overdue") if getattr(c, "is_overdue", False) else "",
        ),
        DateColumn("last_update_on", label=_("Last update")),
    ]
