from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.concurrency import STALE_SAVE
from plans.models import CommitmentIndicator
from terminology.forms import TerminologyFormMixin

from .models import INDICATOR_OF_ANOTHER_COMMITMENT, STATUS_RULE, breakdown_errors
from .permissions import (
    commitments_user_may_report_on,
    countries_reviewing_updates_of,
    review_required,
)

SUBMIT_HELP = _(
    "%(country)s reviews progress updates: a national coordinator approves this one before "
    "it is public. Untick it to keep the update as a draft."
)


class ProgressUpdateForm(TerminologyFormMixin, WagtailAdminModelForm):
    # Updates have no revisions: the version this form was opened on is its last save's
    # time, sent back with the form, so a save from a stale form is refused.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)
    publish_now = forms.BooleanField(label=_("Publish now"), required=False, help_text=STATUS_RULE)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()
        reportable = commitments_user_may_report_on(user=for_user)
        if self.instance.pk:
            self.fields["commitment"].queryset = reportable.model.objects.filter(
                pk=self.instance.commitment_id
            )
            self.fields["commitment"].disabled = True
        else:
            self.fields["commitment"].queryset = reportable
        self._limit_indicators(reportable)
        self.set_up_publish_now()

    def _chosen_commitment_id(self):
        if self.instance.pk:
            return self.instance.commitment_id
        raw = self.data.get(self.add_prefix("commitment")) if self.is_bound else None
        raw = raw or self.initial.get("commitment")
        try:
            return int(getattr(raw, "pk", raw))
        except (TypeError, ValueError):
            return None

    def _limit_indicators(self, reportable):
        """The measurement rows offer the chosen commitment's indicators only (else those
        of every commitment the user reports on, named with their commitment); another
        commitment's indicator is refused with a message that says so."""
        measurements = self.formsets.get("measurements")
        if measurements is None:
            return
        indicators = CommitmentIndicator.objects.filter(commitment__in=reportable)
        chosen = self._chosen_commitment_id()
        if chosen is not None and not self.is_bound:
            indicators = indicators.filter(commitment_id=chosen)
        indicators = indicators.select_related("commitment")
        label = (lambda i: i.name) if chosen else (lambda i: f"{i.name} ({i.commitment})")
        base = measurements.form

        class MeasurementForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["indicator"]
                field.queryset = indicators
                field.label_from_instance = label
                field.error_messages["invalid_choice"] = INDICATOR_OF_ANOTHER_COMMITMENT

        # Every row, the blank one the "Add" button copies included, is built from this.
        measurements.form = MeasurementForm
        measurements.__dict__.pop("forms", None)

    @staticmethod
    def _check_breakdown(form, indicator):
        """A measurement's disaggregated values only by the dimensions its indicator
        declares, each group once (`models.breakdown_errors`)."""
        nested = form.formsets.get("breakdown") if hasattr(form, "formsets") else None
        if nested is None:
            return
        values = [
            row.instance
            for row in nested.forms
            if hasattr(row, "cleaned_data")
            and row.cleaned_data
            and not row.cleaned_data.get("DELETE")
        ]
        for problem in breakdown_errors(indicator=indicator, values=values):
            form.add_error(None, problem)

    def set_up_publish_now(self):
        """ "Publish now", or "Submit for review" where the user's country reviews updates
        (`services` decides again when saving)."""
        field = self.fields["publish_now"]
        if self.instance.is_published:
            field.label, field.initial, field.disabled = _("Published"), True, True
            return
        if self.instance.pk:
            country = self.instance.commitment.plan.country
            reviewed = review_required(user=self.user, country=country)
        else:
            country = countries_reviewing_updates_of(user=self.user).first()
            reviewed = country is not None
        if reviewed:
            field.label = _("Submit for review")
            field.initial = self.instance.is_submitted
            field.help_text = f"{SUBMIT_HELP % {'country': country}} {STATUS_RULE}"

    def terminology_leads_to_public(self):
        # Publishing or submitting an update, or editing a published one, leads to the public.
        return bool(self.data.get("publish_now")) or self.instance.is_published

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            current = type(self.instance).objects.filter(pk=self.instance.pk)
            current = current.values_list("updated_at", flat=True).first()
            if current and cleaned_data.get("loaded_version") != current.isoformat():
                self.add_error(None, STALE_SAVE)
        commitment = (
            cleaned_data.get("commitment")
            or self.instance.commitment_id
            and self.instance.commitment
        )
        measurements = self.formsets.get("measurements")
        if commitment and measurements is not None and measurements.is_bound:
            measurements.is_valid()
            for form in measurements.forms:
                indicator = getattr(form, "cleaned_data", {}).get("indicator")
                if indicator and indicator.commitment_id != commitment.pk:
                    form.add_error("indicator", INDICATOR_OF_ANOTHER_COMMITMENT)
                elif indicator and not form.cleaned_data.get("DELETE"):
                    self._check_breakdown(form, indicator)
        return cleaned_data
