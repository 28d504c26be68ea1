"""Admin forms: offer each user only the plans, agencies and capabilities valid for them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.currencies import country_currency, currency_choices
from home.formsets import LimitedInlineFormsMixin
from stakeholders.models import Agency, Membership
from terminology.forms import TerminologyFormMixin

from . import permissions, services
from .models import (
    Capability,
    CommitmentIndicator,
    ConsultationComment,
    ConsultationRound,
    Finding,
    LegislativeCriterion,
    NationalPlanPage,
    PlanOutput,
)
from .models.commitments import FOCAL_ROLES
from .models.findings import NO_CHILD_DATA
from .models.funding import funding_line_period_errors
from .models.indicators import indicator_errors

INDICATOR_REMOVED = _("This indicator is being removed: remove its translation too.")
NOT_YOUR_PLAN_OR_AGENCY = _(
    "You can only add commitments to your country's plan, led by an agency you draft for."
)


def _with_inline_order(data, prefix):
    """Give inline rows without an ORDER value their position.

    Wagtail's InlinePanel sorts rows by ORDER when it shows the form again, and fails
    with a KeyError (a server error) when a hand-made or truncated request left it out;
    browsers always send it.
    """
    if data is None or not hasattr(data, "get"):
        return data
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000)
    except (TypeError, ValueError):
        return data
    missing = [i for i in range(total) if f"{prefix}-{i}-ORDER" not in data]
    if not missing:
        return data
    data = data.copy()
    for i in missing:
        data[f"{prefix}-{i}-ORDER"] = str(i + 1)
    return data


def _nested_prefixes(data, prefix, child):
    """The prefixes of the inline panels nested in each row of `prefix` (an indicator's
    yearly targets: `indicators-0-targets`)."""
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000) if data is not None else 0
    except (AttributeError, TypeError, ValueError):
        return ()
    return tuple(f"{prefix}-{i}-{child}" for i in range(total))


# The commitment's inline panels (child relations edited in the form).
INLINE_PREFIXES = (
    "indicators",
    "funding_lines",
    "training_targets",
    "translations",
    "indicator_translations",
)


class CommitmentForm(LimitedInlineFormsMixin, TerminologyFormMixin, WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        data = args[0] if args else kwargs.get("data")
        for prefix in (*INLINE_PREFIXES, *_nested_prefixes(data, "indicators", "targets")):
            if args:
                args = (_with_inline_order(args[0], prefix), *args[1:])
            elif kwargs.get("data") is not None:
                kwargs["data"] = _with_inline_order(kwargs["data"], prefix)
        super().__init__(*args, for_user=for_user, **kwargs)
        self.user = for_user
        if self.instance.pk:
            self._limit_for_existing()
        else:
            self._limit_for_new()
        self._currency_choices()
        self._limit_indicator_translations()
        self._limit_focal_persons()
        self._limit_indicator_reporters()

    def _limit_focal_persons(self):
        """Focal person and deputy are picked among the drafters and heads of the lead
        agency (of the agencies this user may make lead, so a coordinator handing the
        commitment over can name the new agency's); the model checks the pair against
        the lead agency chosen."""
        if "lead_agency" in self.fields:
            agencies = self.fields["lead_agency"].queryset
        else:
            agencies = Agency.objects.filter(pk=self.instance.lead_agency_id)
        members = Membership.objects.filter(
            agency__in=agencies, role__in=FOCAL_ROLES
        ).select_related("user", "agency")
        for name in ("focal_person", "focal_deputy"):
            self._set_queryset(name, members)

    def _limit_indicator_reporters(self):
        """An indicator's reporting agency is an agency of the plan's country, and its
        focal person a drafter or head of one of them (the model's rule, `indicator_errors`,
        checks the pair). People are offered only from the agencies that lead or report
        (`_indicator_focal_agencies`), never every agency's staff."""
        formset = self.formsets.get("indicators") if hasattr(self, "formsets") else None
        if formset is None:
            return
        if self.instance.pk:
            agencies = Agency.objects.filter(country=self.instance.plan.country_id)
        else:
            countries = permissions.plans_user_may_add_to(user=self.user).values("country")
            agencies = Agency.objects.filter(country__in=countries)
        members = Membership.objects.filter(
            agency__in=self._indicator_focal_agencies(agencies), role__in=FOCAL_ROLES
        ).select_related("user", "agency")

        class LimitedForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["reporting_agency"].queryset = agencies
                self.fields["focal_person"].queryset = members
                self.fields["focal_deputy"].queryset = members

        formset.form = LimitedForm
        formset.__dict__.pop("forms", None)

    def _indicator_focal_agencies(self, agencies):
        """Whose people an indicator's focal person is chosen among: the lead agencies
        this form offers, and the agencies named as reporting agencies, saved or in the
        data sent (so a focal person can be named in the same save as their agency)."""
        if "lead_agency" in self.fields:
            named = set(self.fields["lead_agency"].queryset.values_list("pk", flat=True))
        else:
            named = {self.instance.lead_agency_id}
        if self.instance.pk:
            named |= {i.reporting_agency_id for i in self.instance.indicators.all()}
        for key, value in self.data.items() if self.is_bound else ():
            sent = key.startswith("indicators-") and key.endswith("-reporting_agency")
            if sent and str(value).isdigit():
                named.add(int(value))
        return agencies.filter(pk__in=named)

    def _limit_indicator_translations(self):
        """An indicator translation picks one of this commitment's saved indicators, and
        never sees another commitment's (the form's blank row is built from the same
        class, so it is limited too)."""
        formset = self.formsets.get("indicator_translations") if hasattr(self, "formsets") else None
        if formset is None:
            return
        indicators = (
            CommitmentIndicator.objects.filter(commitment=self.instance)
            if self.instance.pk
            else CommitmentIndicator.objects.none()
        )

        class LimitedForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["indicator"].queryset = indicators

        formset.form = LimitedForm

    def _set_queryset(self, name, queryset):
        if name in self.fields:
            self.fields[name].queryset = queryset

    def _limit_for_new(self):
        plans = permissions.plans_user_may_add_to(user=self.user)
        countries = plans.values("country")
        self._set_queryset("plan", plans)
        self._set_queryset("lead_agency", permissions.agencies_user_may_lead_for(user=self.user))
        self._set_queryset(
            "capability",
            Capability.objects.filter(plan_sections__plan__in=plans).distinct(),
        )
        self._set_queryset(
            "supporting_agencies",
            Agency.objects.filter(country__in=countries, is_active=True),
        )
        self._set_queryset("findings", Finding.objects.filter(country__in=countries))
        self._set_queryset(
            "output", PlanOutput.objects.filter(outcome__plan__in=plans).select_related("outcome")
        )
        self._preselect_single_choices("plan", "lead_agency", "capability")

    def _preselect_single_choices(self, *names):
        """A select with one possible answer starts on it."""
        for name in names:
            field = self.fields.get(name)
            if field is not None and field.initial is None:
                only = list(field.queryset[:2])
                if len(only) == 1:
                    field.initial = only[0].pk

    def _currency_choices(self):
        """ISO 4217 codes in use, with names; a new commitment starts in its country's."""
        field = self.fields.get("currency")
        if field is None:
            return
        choices = currency_choices()
        current = self.instance.currency
        if current and current not in dict(choices):
            choices.append((current, current))  # a code from before the list, kept
        field.widget = forms.Select(choices=[("", "---------"), *choices])
        if not self.instance.pk and not current:
            plans = self.fields["plan"].queryset if "plan" in self.fields else []
            countries = {plan.country.code for plan in plans}
            if len(countries) == 1:
                field.initial = country_currency(countries.pop())

    def _limit_for_existing(self):
        plan = self.instance.plan
        # A commitment never moves to another plan: its rights and history belong there.
        self._set_queryset("plan", NationalPlanPage.objects.filter(pk=plan.pk))
        if "plan" in self.fields:
            self.fields["plan"].disabled = True
        self._set_queryset(
            "capability", Capability.objects.filter(plan_sections__plan=plan).distinct()
        )
        country_agencies = Agency.objects.filter(country=plan.country_id)
        self._set_queryset("supporting_agencies", country_agencies)
        self._set_queryset("findings", Finding.objects.filter(country=plan.country_id))
        self._set_queryset(
            "output", PlanOutput.objects.filter(outcome__plan=plan).select_related("outcome")
        )
        if "lead_agency" in self.fields:
            if permissions.user_can_reassign_lead(user=self.user, commitment=self.instance):
                self.fields["lead_agency"].queryset = country_agencies
            else:
                self.fields["lead_agency"].queryset = country_agencies.filter(
                    pk=self.instance.lead_agency_id
                )
                self.fields["lead_agency"].disabled = True
                self.fields["lead_agency"].help_text = _(
                    "Only the national coordinator can hand this commitment to another agency."
                )

    def clean(self):
        cleaned_data = super().clean()
        plan = cleaned_data.get("plan")
        lead_agency = cleaned_data.get("lead_agency")
        if self.instance.pk:
            # Raises a field error on lead_agency; Django's form machinery shows it.
            services.validate_lead_agency_change(
                user=self.user, commitment=self.instance, lead_agency=lead_agency
            )
        elif (
            plan
            and lead_agency
            and not permissions.user_can_add_commitment(
                user=self.user, plan=plan, lead_agency=lead_agency
            )
        ):
            self.add_error("lead_agency", NOT_YOUR_PLAN_OR_AGENCY)
        return cleaned_data

    def is_valid(self):
        """Also check each funding line's year against the plan's period (a line alone
        does not know its plan; the services ask the same function), and that each
        translation is in another language than the plan's, once per language."""
        valid = super().is_valid()
        formset = self.formsets.get("funding_lines")
        plan = self.cleaned_data.get("plan") if hasattr(self, "cleaned_data") else None
        plan = plan or (self.instance.plan if self.instance.plan_id else None)
        if plan is not None:
            valid = self._translations_valid(plan) and valid
            valid = self._indicators_valid(plan) and valid
        if formset is None or plan is None:
            return valid
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if not form.has_changed() and form.instance.pk is None:
                continue
            for field, error in funding_line_period_errors(form.instance, plan=plan).items():
                if field not in form.errors:
                    form.add_error(field, error)
                    valid = False
        return valid

    def _kept_forms(self, name):
        formset = self.formsets.get(name)
        for form in formset.forms if formset is not None else ():
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if not form.has_changed() and form.instance.pk is None:
                continue
            yield form

    def _indicators_valid(self, plan) -> bool:
        """Each indicator's reporting agency, focal person and yearly targets, as the
        services check them (`indicator_errors`), shown on the indicator's row."""
        valid = True
        lead = getattr(self, "cleaned_data", {}).get("lead_agency") or (
            self.instance.lead_agency if self.instance.lead_agency_id else None
        )
        for form in self._kept_forms("indicators"):
            nested = form.formsets.get("targets") if hasattr(form, "formsets") else None
            targets = [
                target.instance
                for target in (nested.forms if nested is not None else ())
                if hasattr(target, "cleaned_data") and not target.cleaned_data.get("DELETE")
            ]
            for problem in indicator_errors(
                form.instance, plan=plan, lead_agency=lead, targets=targets
            ):
                form.add_error(None, problem)
                valid = False
        return valid

    def _translations_valid(self, plan) -> bool:
        valid = True
        original = plan.locale.language_code
        removed = {
            form.instance.pk
            for form in (self.formsets["indicators"].forms if "indicators" in self.formsets else ())
            if getattr(form, "cleaned_data", {}).get("DELETE") and form.instance.pk
        }
        for name, key in (
            ("translations", lambda data: data.get("language_code")),
            (
                "indicator_translations",
                lambda data: (data.get("indicator"), data.get("language_code")),
            ),
        ):
            seen = set()
            for form in self._kept_forms(name):
                data = form.cleaned_data
                problem = services.translation_language_problem(
                    data.get("language_code"), original=original, key=key(data), seen=seen
                )
                if problem:
                    form.add_error("language_code", problem)
                    valid = False
                indicator = data.get("indicator")
                if name == "indicator_translations" and indicator and indicator.pk in removed:
                    form.add_error("indicator", INDICATOR_REMOVED)
                    valid = False
        return valid


class CountryRegisterForm(LimitedInlineFormsMixin, TerminologyFormMixin, WagtailAdminModelForm):
    """Something a country keeps about itself (a finding, its legislative review), for a
    country the user coordinates; its country is fixed once saved.

    Checked for terminology in its country's language: a term to avoid is a warning on an
    internal one, and refused on a public one (making it public is publishing it).
    """

    def terminology_leads_to_public(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("public"))

    def countries_for_new(self, user):
        raise NotImplementedError

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("country")
        if field is None:
            return
        if self.instance.pk:
            field.queryset = field.queryset.filter(pk=self.instance.country_id)
            field.disabled = True
        else:
            field.queryset = self.countries_for_new(for_user)
            only = list(field.queryset[:2])
            if len(only) == 1:
                field.initial = only[0].pk


class FindingForm(CountryRegisterForm):
    def countries_for_new(self, user):
        return permissions.findings_user_may_manage_countries(user=user)


class LegislativeReviewForm(CountryRegisterForm):
    """A new review opens with a row for every criterion of the checklist (a row left
    as it is is saved as "not assessed")."""

    def countries_for_new(self, user):
        countries = permissions.legislative_review_countries_user_may_manage(user=user)
        return countries.filter(legislative_review__isnull=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("assessments")
        if formset is None or self.instance.pk or self.is_bound:
            return
        criteria = list(LegislativeCriterion.objects.all())
        formset.__dict__.pop("forms", None)  # built already, by the terminology check
        formset.initial = [{"criterion": criterion.pk} for criterion in criteria]
        formset.extra = len(criteria)


# --- Consultation rounds -----------------------------------------------------------------


class ConsultationOpenForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=ConsultationRound.Purpose.choices, widget=forms.RadioSelect
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies consulted"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their members read the draft's consultation and comment on it."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day on which comments are taken."),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.filter(
            country=plan.country_id, is_active=True
        ).order_by("name")


def consultation_target_choices(*, plan, commitments) -> list:
    """The plan as a whole, each capability section of its working copy, and the given
    commitments (those the commenter may read)."""
    working = plan.get_latest_revision_as_object()
    sections = sorted(
        working.capability_sections.all(), key=lambda section: section.capability.number
    )
    choices = [("plan", _("The plan as a whole"))]
    choices += [
        (
            f"capability:{s.capability_id}",
            _("Section: %(capability)s") % {"capability": s.capability},
        )
        for s in sections
    ]
    choices += [
        (f"commitment:{c.pk}", _("Commitment: %(title)s") % {"title": c.title}) for c in commitments
    ]
    return choices


class ConsultationCommentForm(forms.Form):
    # Commitment titles are long: the list must not push the page wider than a phone.
    target = forms.ChoiceField(label=_("On"), widget=forms.Select(attrs={"style": "width: 100%"}))
    agency = forms.ModelChoiceField(
        label=_("For"), queryset=Agency.objects.none(), empty_label=None
    )
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_CHILD_DATA,
    )

    def __init__(self, *args, plan, commitments, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = {c.pk: c for c in commitments}
        self.fields["target"].choices = consultation_target_choices(
            plan=plan, commitments=commitments
        )
        self.fields["agency"].queryset = agencies
        self.agencies = list(agencies)
        if len(self.agencies) < 2:
            # One voice only: nothing to choose, the comment is for that agency.
            self.fields["agency"].widget = forms.HiddenInput()
            self.fields["agency"].required = False

    def clean_agency(self):
        agency = self.cleaned_data.get("agency")
        if agency is None and len(self.agencies) == 1:
            return self.agencies[0]
        return agency

    def target_kwargs(self) -> dict:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind == "capability":
            return {"capability": Capability.objects.get(pk=pk)}
        if kind == "commitment":
            return {"commitment": self.commitments[int(pk)]}
        return {}


class ConsultationCommentEditForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}), help_text=NO_CHILD_DATA
    )


class ConsultationResponseForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Response"),
        choices=ConsultationComment.Response.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required unless the comment is accepted. Published with the summary."),
    )
