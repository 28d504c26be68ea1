from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.concurrency import STALE_SAVE
from home.formsets import LimitedInlineFormsMixin
from plans.models import CommitmentIndicator, Finding, NationalPlanPage
from stakeholders.permissions import coordinated_countries
from terminology.forms import TerminologyFormMixin

from .models import (
    DUPLICATE_PARTICIPANTS,
    INDICATOR_OF_ANOTHER_COMMITMENT,
    PERIOD_CLOSED,
    STATUS_RULE,
    ProgressUpdate,
    ReportingPeriod,
    breakdown_errors,
)
from .permissions import (
    commitments_user_may_report_on,
    countries_reviewing_updates_of,
    review_required,
    updates_user_may_add_trainings_to,
)

PERIOD_CHOICE = _("%(title)s (period reports due by %(deadline)s)")
SUBMIT_HELP = _(
    "%(country)s reviews progress updates: a national coordinator approves this one before "
    "it is public. Untick it to keep the update as a draft."
)


class ProgressUpdateForm(LimitedInlineFormsMixin, TerminologyFormMixin, WagtailAdminModelForm):
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
        self._limit_periods(reportable)
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

    def _limit_periods(self, reportable):
        """Only open periods of the plans the user reports on (a closed one is frozen)."""
        field = self.fields.get("period")
        if field is None:
            return
        periods = ReportingPeriod.objects.filter(state=ReportingPeriod.State.OPEN)
        if self.instance.pk:
            periods = periods.filter(plan_id=self.instance.commitment.plan_id)
        else:
            periods = periods.filter(plan__in=reportable.values("plan"))
        field.queryset = periods.select_related("plan").order_by("plan__title", "-ends_on")
        field.error_messages["invalid_choice"] = PERIOD_CLOSED
        several_plans = len({period.plan_id for period in field.queryset}) > 1

        def label(period):
            deadline = date_format(period.deadline, "DATE_FORMAT")
            text = PERIOD_CHOICE % {"title": period.title, "deadline": deadline}
            return f"{period.plan} · {text}" if several_plans else text

        field.label_from_instance = label

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


class ReportingPeriodForm(WagtailAdminModelForm):
    """Opening or correcting a reporting period: of a plan the user coordinates."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        plans = NationalPlanPage.objects.originals().filter(
            country__in=coordinated_countries(user=for_user)
        )
        field = self.fields["plan"]
        if self.instance.pk:
            # The plan carries the rights (its country's coordinators): fixed once opened.
            field.queryset = plans.filter(pk=self.instance.plan_id)
            field.disabled = True
        else:
            field.queryset = plans.order_by("title")


class TrainingForm(WagtailAdminModelForm):
    """A training, on one of the updates of training commitments the user may change; its
    findings among those of the commitments of those updates (the model says which)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        allowed = Q(pk__in=updates_user_may_add_trainings_to(user=for_user).values("pk"))
        if self.instance.pk:
            allowed |= Q(pk=self.instance.update_id)
        updates = ProgressUpdate.objects.filter(allowed).select_related("commitment")
        self.fields["update"].queryset = updates
        self.fields["findings"].queryset = Finding.objects.filter(
            commitments__in=updates.values("commitment")
        ).distinct()

    def clean(self):
        cleaned_data = super().clean()
        update = cleaned_data.get("update")
        if update is not None and "findings" in cleaned_data:
            self.instance.update = update
            try:
                self.instance.clean_findings(cleaned_data["findings"])
            except ValidationError as error:
                self.add_error(None, error)
        participants = self.formsets.get("participants")
        if participants is not None and participants.is_bound and participants.is_valid():
            seen = set()
            for form in participants.forms:
                data = getattr(form, "cleaned_data", {})
                if not data or data.get("DELETE"):
                    continue
                key = (data.get("audience"), data.get("sex"))
                if key in seen:
                    form.add_error("audience", DUPLICATE_PARTICIPANTS)
                seen.add(key)
        return cleaned_data
