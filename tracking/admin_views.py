"""Admin views for progress updates: scoped by `permissions`, saved with history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from home.admin_permissions import InstancePermissionViewMixin, VisibleInstancesIndexMixin
from home.concurrency import STALE_SAVE
from stakeholders.models import Country
from stakeholders.permissions import user_coordinates

from . import evidence, permissions, selectors, services
from .models import ProgressUpdate, ReportingPeriod, Training

SUBMITTED_MESSAGE = _(
    "Progress update '%(object)s' submitted for review: it is public once a national "
    "coordinator of %(country)s approves it."
)
APPROVED_MESSAGE = _("Progress update '%(object)s' approved and published.")
CHANGES_REQUESTED_MESSAGE = _(
    "Progress update '%(object)s' sent back to %(agency)s with your comment."
)


class SaveUpdateMixin:
    def save_instance(self):
        return services.progress_update_save(
            actor=self.request.user,
            form=self.form,
            publish=bool(self.form.cleaned_data.get("publish_now")),
        )

    def get_success_message(self, instance=None):
        update = instance or self.object
        if update.is_submitted:
            return SUBMITTED_MESSAGE % {
                "object": update,
                "country": update.commitment.plan.country,
            }
        if instance is None:
            return super().get_success_message()
        return super().get_success_message(instance)


class UpdateIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("commitment", "agency")


class EvidenceCollectionMixin:
    """Make sure the user's country has its private evidence collection before they report."""

    def dispatch(self, request, *args, **kwargs):
        for country in Country.objects.filter(agencies__memberships__user=request.user).distinct():
            evidence.country_evidence_collection(country=country)
        return super().dispatch(request, *args, **kwargs)


class ExplainedRefusalMixin:
    """Where someone who reads an update may not change it because of the country's
    review, say so and show them the update, instead of Wagtail's bare refusal."""

    def refuse(self, request):
        update = self.guarded_object
        if permissions.progress_update_policy.user_has_permission_for_instance(
            request.user, "view", update
        ):
            reason = services.review_refusal(update=update, action=self.object_action)
            if reason is not None:
                messages.error(request, reason)
                return redirect("progress_updates:inspect", update.pk)
        return super().refuse(request)


class ReviewButtonMixin:
    """A "Review" button for the coordinator, on an update waiting for their review."""

    @cached_property
    def may_review(self):
        return permissions.user_may_review(user=self.request.user, update=self.guarded_object)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "may_review": self.may_review}

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        update = self.guarded_object
        if self.may_review:
            buttons.append(
                HeaderButton(
                    _("Review"),
                    url=reverse("progress_updates:review", args=[update.pk]),
                    icon_name="check",
                )
            )
        return buttons


class TrainingsOfUpdateMixin:
    """The update's trainings, with a link to add one, above the update's form."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        update = self.object
        if update.commitment.kind == update.commitment.Kind.TRAINING:
            context["trainings"] = list(update.trainings.prefetch_related("participants"))
            context["add_training_url"] = reverse("trainings:add") + f"?update={update.pk}"
        return context


class UpdateCreateView(EvidenceCollectionMixin, SaveUpdateMixin, generic.CreateView):
    def get_initial(self):
        # "Add a progress update" from a commitment's row says which commitment.
        initial = super().get_initial()
        chosen = self.request.GET.get("commitment", "")
        if chosen.isdigit():
            initial["commitment"] = int(chosen)
        return initial


class UpdateEditView(
    TrainingsOfUpdateMixin,
    ExplainedRefusalMixin,
    ReviewButtonMixin,
    InstancePermissionViewMixin,
    SaveUpdateMixin,
    generic.EditView,
):
    model = ProgressUpdate
    object_action = "change"

    def post(self, request, *args, **kwargs):
        # The row lock makes a second save at the same moment wait for the first, then
        # find the form stale (ProgressUpdateForm.loaded_version).
        with transaction.atomic():
            ProgressUpdate.objects.select_for_update().filter(pk=self.guarded_object.pk).first()
            return super().post(request, *args, **kwargs)


class UpdateDeleteView(ExplainedRefusalMixin, InstancePermissionViewMixin, generic.DeleteView):
    model = ProgressUpdate
    object_action = "delete"

    def delete_action(self):
        services.progress_update_delete(actor=self.request.user, update=self.object)


class UpdateInspectView(ReviewButtonMixin, InstancePermissionViewMixin, generic.InspectView):
    """The update as a reader (the supporting agency, the reviewing coordinator) needs it:
    words instead of True, None and raw lists."""

    model = ProgressUpdate
    object_action = "view"

    def get_is_contribution_display_value(self):
        return _("Yes") if self.object.is_contribution else _("No, the lead agency's report")

    def get_evidence_document_display_value(self):
        return self.object.evidence_document or "—"

    def get_period_display_value(self):
        period = self.object.period
        return period.title if period else _("None: an update between period reports")

    def get_funding_spent_display_value(self):
        spent = self.object.funding_spent
        return "—" if spent is None else number_format(spent, force_grouping=True)

    def get_evidence_url_display_value(self):
        return self.object.evidence_url or "—"

    def get_measurements_display_value(self):
        measurements = self.object.measurements.select_related("indicator").prefetch_related(
            "breakdown"
        )
        return "; ".join(_measurement_text(m) for m in measurements) or "—"

    def get_trainings_display_value(self):
        return training_summaries(self.object) or "—"

    def get_author_display_value(self):
        author = self.object.author
        return (author.get_full_name() or author.get_username()) if author else _("the system")

    def get_state_display_value(self):
        return self.object.get_state_display()

    def get_published_at_display_value(self):
        if self.object.published_at is None:
            return "—"
        return date_format(timezone.localtime(self.object.published_at), "DATETIME_FORMAT")

    def get_terminology_quotations_display_value(self):
        return self.object.terminology_quotations or "—"

    def get_field_label(self, field_name, field):
        labels = {
            "measurements": _("Indicator measurements"),
            "trainings": _("Trainings"),
            "state": _("State"),
        }
        return labels.get(field_name) or super().get_field_label(field_name, field)


def training_summaries(update) -> str:
    """Each training of an update in one line, for whoever reads or reviews it."""
    lines = []
    for training in update.trainings.prefetch_related("participants"):
        rows = ", ".join(str(row) for row in training.participants.all())
        lines.append(
            f"{training.title} ({date_format(training.starts_on)}–{date_format(training.ends_on)}, "
            f"{training.get_mode_display()}{', ' + training.city if training.city else ''}): "
            f"{rows or '—'}"
        )
    return "; ".join(lines)


def _measurement_text(measurement) -> str:
    """What the reviewing coordinator reads of a measurement: "Calls answered: 120
    (1 Oct 2026 – 3 Dec 2026; Female: 60, Male: 60)"."""
    parts = []
    if measurement.period_start and measurement.period_end:
        parts.append(
            f"{date_format(measurement.period_start)} – {date_format(measurement.period_end)}"
        )
    breakdown = ", ".join(str(value) for value in measurement.breakdown.all())
    if breakdown:
        parts.append(breakdown)
    details = f" ({'; '.join(parts)})" if parts else ""
    return f"{measurement.indicator}: {measurement.value}{details}"


class UpdateReviewView(UpdateInspectView):
    """A coordinator approves a submitted update (it is published) or sends it back with
    a comment. The form carries the version the coordinator read: an update changed since
    is not approved unread."""

    page_title = _("Review progress update")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        country = self.guarded_object.commitment.plan.country
        if not user_coordinates(user=request.user, country_id=country.pk):
            raise PermissionDenied

    def dispatch(self, request, *args, **kwargs):
        if not self.may_review:
            # Approved, sent back or withdrawn since the link was made.
            messages.warning(request, services.NOT_SUBMITTED)
            return redirect("progress_updates:inspect", self.guarded_object.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        return [*items[:-1], {"url": "", "label": self.page_title}]

    def get_page_subtitle(self):
        return str(self.object)

    def get_header_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["loaded_version"] = self.object.updated_at.isoformat()
        context["comment"] = kwargs.get("comment", "")
        context["errors"] = kwargs.get("errors", [])
        return context

    def post(self, request, *args, **kwargs):
        update, action = self.object, request.POST.get("action")
        comment = request.POST.get("comment", "")
        if request.POST.get("loaded_version") != update.updated_at.isoformat():
            return self._again([STALE_SAVE], comment)
        try:
            if action == "approve":
                services.progress_update_approve(actor=request.user, update=update)
                messages.success(request, APPROVED_MESSAGE % {"object": update})
            elif action == "request_changes":
                services.progress_update_request_changes(
                    actor=request.user, update=update, comment=comment
                )
                messages.success(
                    request,
                    CHANGES_REQUESTED_MESSAGE % {"object": update, "agency": update.agency},
                )
            else:
                return self._again([], comment)
        except ValidationError as error:
            return self._again(error.messages, comment)
        return redirect("progress_updates:index")

    def _again(self, errors, comment):
        return self.render_to_response(self.get_context_data(errors=errors, comment=comment))


class UpdateHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    model = ProgressUpdate
    object_action = "view"


class UpdateUsageView(InstancePermissionViewMixin, generic.UsageView):
    model = ProgressUpdate
    object_action = "view"


# --- Reporting periods --------------------------------------------------------------

PERIOD_FIELDS = ("title", "slug", "starts_on", "ends_on", "deadline")


class PeriodIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("plan__country")


class PeriodSaveMixin:
    """Saved through the services (rights, validation, the audit log), not the form."""

    def save_instance(self):
        data = {name: self.form.cleaned_data[name] for name in PERIOD_FIELDS}
        try:
            if self.form.instance.pk:
                return services.reporting_period_change(
                    actor=self.request.user, period=self.form.instance, **data
                )
            return services.reporting_period_open(
                actor=self.request.user, plan=self.form.cleaned_data["plan"], **data
            )
        except ValidationError as error:
            self.form.add_error(None, error)
            raise

    def form_valid(self, form):
        self.form = form
        try:
            return super().form_valid(form)
        except ValidationError:
            return self.form_invalid(form)


class PeriodCreateView(PeriodSaveMixin, generic.CreateView):
    pass


class PeriodEditView(PeriodSaveMixin, InstancePermissionViewMixin, generic.EditView):
    model = ReportingPeriod
    object_action = "change"


class PeriodInspectView(InstancePermissionViewMixin, generic.InspectView):
    """The period as its coordinator runs it: every commitment of the plan with the state
    of its lead agency's period report, and the button that closes the period."""

    model = ReportingPeriod
    object_action = "view"
    template_name = "tracking/admin/period_inspect.html"

    def get_context_data(self, **kwargs):
        period = self.guarded_object
        return {
            **super().get_context_data(**kwargs),
            "period": period,
            "rows": selectors.period_report_rows(period=period),
            "may_close": permissions.reporting_period_policy.user_has_permission_for_instance(
                self.request.user, "close", period
            ),
            "awaiting_review": services.reports_awaiting_review(period),
        }


class PeriodDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    model = ReportingPeriod
    object_action = "delete"  # nobody: its reports name it, and a closed one has its report


class PeriodHistoryView(InstancePermissionViewMixin, generic.HistoryView):
    model = ReportingPeriod


class PeriodUsageView(InstancePermissionViewMixin, generic.UsageView):
    model = ReportingPeriod


class TrainingCreateView(generic.CreateView):
    def get_initial(self):
        # "Add a training" from an update says which update.
        initial = super().get_initial()
        chosen = self.request.GET.get("update", "")
        if chosen.isdigit():
            initial["update"] = int(chosen)
        return initial

    def save_instance(self):
        return services.training_save(actor=self.request.user, form=self.form)


class TrainingEditView(InstancePermissionViewMixin, generic.EditView):
    model = Training
    object_action = "change"

    def save_instance(self):
        return services.training_save(actor=self.request.user, form=self.form)


class TrainingDeleteView(InstancePermissionViewMixin, generic.DeleteView):
    model = Training
    object_action = "delete"

    def delete_action(self):
        services.training_delete(actor=self.request.user, training=self.object)


class TrainingInspectView(InstancePermissionViewMixin, generic.InspectView):
    model = Training
    object_action = "view"

    def get_participants_display_value(self):
        return "; ".join(str(row) for row in self.object.participants.all()) or "—"

    def get_findings_display_value(self):
        return "; ".join(str(finding) for finding in self.object.findings.all()) or "—"

    def get_field_label(self, field_name, field):
        if field_name == "participants":
            return _("Participants")
        return super().get_field_label(field_name, field)


class TrainingIndexView(VisibleInstancesIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("update__commitment")
