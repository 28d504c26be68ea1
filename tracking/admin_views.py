"""Admin views for progress updates: scoped by `permissions`, saved with history."""

from django.db import transaction
from wagtail.admin.views import generic

from home.admin_permissions import InstancePermissionViewMixin, VisibleInstancesIndexMixin
from stakeholders.models import Country

from . import evidence, services
from .models import ProgressUpdate


class SaveUpdateMixin:
    def save_instance(self):
        return services.progress_update_save(
            actor=self.request.user,
            form=self.form,
            publish=bool(self.form.cleaned_data.get("publish_now")),
        )


class UpdateIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("commitment", "agency")


class EvidenceCollectionMixin:
    """Make sure the user's country has its private evidence collection before they report."""

    def dispatch(self, request, *args, **kwargs):
        for country in Country.objects.filter(agencies__memberships__user=request.user).distinct():
            evidence.country_evidence_collection(country=country)
        return super().dispatch(request, *args, **kwargs)


class UpdateCreateView(EvidenceCollectionMixin, SaveUpdateMixin, generic.CreateView):
    def get_initial(self):
        # "Add a progress update" from a commitment's row says which commitment.
        initial = super().get_initial()
        chosen = self.request.GET.get("commitment", "")
        if chosen.isdigit():
            initial["commitment"] = int(chosen)
        return initial


class UpdateEditView(InstancePermissionViewMixin, SaveUpdateMixin, generic.EditView):
    model = ProgressUpdate
    object_action = "change"

    def post(self, request, *args, **kwargs):
        # The row lock makes a second save at the same moment wait for the first, then
        # find the form stale (ProgressUpdateForm.loaded_version).
        with transaction.atomic():
            ProgressUpdate.objects.select_for_update().filter(pk=self.guarded_object.pk).first()
            return super().post(request, *args, **kwargs)


class UpdateDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    model = ProgressUpdate
    object_action = "delete"


class UpdateInspectView(InstancePermissionViewMixin, generic.InspectView):
    model = ProgressUpdate
    object_action = "view"


class UpdateHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    model = ProgressUpdate
    object_action = "view"


class UpdateUsageView(InstancePermissionViewMixin, generic.UsageView):
    model = ProgressUpdate
    object_action = "view"
