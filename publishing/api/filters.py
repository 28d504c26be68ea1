"""The API's query parameters: parsed and checked by django-filter (a bad value is a 400
naming the parameter), described in the schema, and applied by `publishing.selectors`,
so that `overdue` means what it means on the plan page (`tracking.selectors.overdue_q`)."""

import django_filters
from django import forms

from plans.models import Commitment, CommitmentIndicator, Finding, NationalPlanPage
from tracking.models import ProgressUpdate, Training

from .. import selectors

COUNTRY = "The plan's country, as an ISO 3166-1 alpha-2 code (e.g. `ke`)."
CAPABILITY = "An MNR capability number (1-21)."
STATUS = "A commitment status, or `overdue` (as on the plan page)."
OVERDUE = "`true`: due date passed, neither completed nor dropped; `false`: the others."
UPDATED_SINCE = "ISO 8601 date or date-time: only what changed at or after it."
STATUS_CHOICES = [*Commitment.Status.choices, (selectors.OVERDUE, "Overdue")]


class StrictBooleanField(forms.NullBooleanField):
    """`true` or `false` (or `1`, `0`); anything else is an error, not "no filter"."""

    widget = forms.TextInput  # the raw value (NullBooleanSelect makes "perhaps" None)

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise forms.ValidationError("Use true or false.", code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class _Filters(django_filters.FilterSet):
    """Parse every parameter, then hand them all to one selector (`select`)."""

    def filter_queryset(self, queryset):
        values = {
            name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")
        }
        return self.select(queryset, **values)

    def select(self, queryset, **values):
        raise NotImplementedError


class CommitmentFilters(_Filters):
    """The commitment filters; indicators and progress updates take them too, through
    their commitment."""

    country = django_filters.CharFilter(help_text=COUNTRY)
    capability = django_filters.NumberFilter(field_name="capability__number", help_text=CAPABILITY)
    plan = django_filters.NumberFilter(field_name="plan__id", help_text="A plan's id.")
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, help_text=STATUS)
    overdue = BooleanFilter(help_text=OVERDUE)
    updated_since = django_filters.IsoDateTimeFilter(
        help_text=UPDATED_SINCE + " A commitment changes when a new version of it is "
        "published or a progress update on it is."
    )

    class Meta:
        model = Commitment
        fields = []

    @staticmethod
    def commitment_filters(values):
        values = dict(values)
        if "capability" in values:
            values["capability"] = int(values["capability"])
        if "plan" in values:
            values["plan"] = int(values["plan"])
        return values

    def select(self, queryset, **values):
        return selectors.commitments_matching(queryset, **self.commitment_filters(values))


class _ThroughCommitment(CommitmentFilters):
    """Filters of objects that belong to a public commitment: all but `updated_since`
    narrow the commitments (`commitments_matching`); `updated_since` is the object's own.
    (`field_name`s only tell the schema each parameter's type.)"""

    capability = django_filters.NumberFilter(
        field_name="commitment__capability__number", help_text=CAPABILITY
    )
    plan = django_filters.NumberFilter(field_name="commitment__plan__id", help_text="A plan's id.")
    commitment = django_filters.NumberFilter(
        field_name="commitment__id", help_text="A commitment's id."
    )

    def select(self, queryset, **values):
        since = values.pop("updated_since", None)
        commitment = values.pop("commitment", None)
        if commitment is not None:
            queryset = queryset.filter(commitment_id=int(commitment))
        if values:
            commitments = selectors.commitments_matching(
                selectors.public_commitments_everywhere(), **self.commitment_filters(values)
            )
            queryset = queryset.filter(commitment__in=commitments)
        return queryset if since is None else self.changed_since(queryset, since=since)


class IndicatorFilters(_ThroughCommitment):
    updated_since = django_filters.IsoDateTimeFilter(
        help_text=UPDATED_SINCE + " An indicator changes when its commitment is published "
        "again or a progress update measuring it is published."
    )

    class Meta:
        model = CommitmentIndicator
        fields = []

    @staticmethod
    def changed_since(queryset, *, since):
        return selectors.indicators_changed_since(queryset, since=since)


class ProgressUpdateFilters(_ThroughCommitment):
    updated_since = django_filters.IsoDateTimeFilter(
        help_text=UPDATED_SINCE + " An update changes when it is published or corrected."
    )

    class Meta:
        model = ProgressUpdate
        fields = []

    @staticmethod
    def changed_since(queryset, *, since):
        return selectors.updates_changed_since(queryset, since=since)


class TrainingFilters(_Filters):
    country = django_filters.CharFilter(help_text=COUNTRY)
    plan = django_filters.NumberFilter(
        field_name="update__commitment__plan__id", help_text="A plan's id."
    )
    commitment = django_filters.NumberFilter(
        field_name="update__commitment__id", help_text="A commitment's id."
    )
    mode = django_filters.ChoiceFilter(choices=Training.Mode.choices, help_text="How it was given.")

    class Meta:
        model = Training
        fields = []

    def select(self, queryset, country=None, plan=None, commitment=None, mode=None):
        if country:
            queryset = queryset.filter(update__commitment__plan__country__code=country.lower())
        if plan is not None:
            queryset = queryset.filter(update__commitment__plan_id=int(plan))
        if commitment is not None:
            queryset = queryset.filter(update__commitment_id=int(commitment))
        if mode:
            queryset = queryset.filter(mode=mode)
        return queryset


class PlanFilters(_Filters):
    country = django_filters.CharFilter(help_text=COUNTRY)
    status = django_filters.ChoiceFilter(
        choices=NationalPlanPage.PlanStatus.choices, help_text="The plan's status."
    )
    updated_since = django_filters.IsoDateTimeFilter(
        help_text=UPDATED_SINCE + " A plan changes when a new version of its page is published."
    )

    class Meta:
        model = NationalPlanPage
        fields = []

    def select(self, queryset, **values):
        return selectors.plans_matching(queryset, **values)


class FindingFilters(_Filters):
    country = django_filters.CharFilter(help_text="The finding's country (ISO 3166-1 alpha-2).")
    capability = django_filters.NumberFilter(
        field_name="capabilities__number", help_text=CAPABILITY
    )
    status = django_filters.ChoiceFilter(
        choices=Finding.Status.choices,
        help_text="As the public sees it: `answered` when a public commitment answers it.",
    )

    class Meta:
        model = Finding
        fields = []

    def select(self, queryset, **values):
        if "capability" in values:
            values["capability"] = int(values["capability"])
        return selectors.findings_matching(queryset, **values)
