"""Admin views of the findings register (/admin/findings/), each asking
`permissions.finding_policy` about the finding at hand through the one per-object guard
(`home.admin_permissions`); saves and deletes go through the services."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.admin_permissions import InstancePermissionViewMixin, VisibleInstancesIndexMixin

from . import services
from .forms import FindingForm
from .models import Finding


class FindingSaveMixin:
    """Create/edit through `services.finding_save` (validated, atomic, logged once)."""

    def save_instance(self):
        return services.finding_save(
            actor=self.request.user,
            finding=self.form.instance,
            capabilities=self.form.cleaned_data.get("capabilities", []),
        )


class FindingIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    pass


class FindingCreateView(FindingSaveMixin, generic.CreateView):
    pass


class FindingEditView(InstancePermissionViewMixin, FindingSaveMixin, generic.EditView):
    object_action = "change"


class FindingDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    object_action = "delete"

    def delete_action(self):
        services.finding_delete(actor=self.request.user, finding=self.object)


class FindingInspectView(InstancePermissionViewMixin, generic.InspectView):
    object_action = "view"


class FindingHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    object_action = "view"


class FindingUsageView(InstancePermissionViewMixin, generic.UsageView):
    object_action = "view"


class FindingViewSet(ModelViewSet):
    model = Finding
    name = "findings"
    icon = "search"
    menu_label = _("Findings")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["title", "country", "source_kind", "severity", "status", "public"]
    list_filter = ["country", "source_kind", "severity", "status", "public", "capabilities"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = FindingIndexView
    add_view_class = FindingCreateView
    edit_view_class = FindingEditView
    delete_view_class = FindingDeleteView
    inspect_view_class = FindingInspectView
    history_view_class = FindingHistoryView
    usage_view_class = FindingUsageView

    edit_handler = ObjectList(
        [
            FieldPanel("country"),
            FieldPanel("title"),
            FieldPanel("text"),
            FieldPanel("terminology_quotations"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("source_kind"), FieldPanel("date")]),
                    FieldPanel("source_title"),
                    FieldPanel("source_url"),
                ],
                heading=_("Source"),
            ),
            FieldPanel("capabilities"),
            FieldRowPanel([FieldPanel("severity"), FieldPanel("status")]),
            FieldPanel("reason"),
            FieldPanel("public"),
        ],
        base_form_class=FindingForm,
    )
