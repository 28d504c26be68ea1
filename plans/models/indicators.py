"""What a monitoring officer records about a commitment's indicator, besides its name:
the level of the results chain it measures, how and how often it is collected, who
reports it, how its figures are broken down, and a target for each year.

Yearly targets are children of the indicator (nested in the commitment's editor), so they
are drafted, reviewed and published in the commitment's revisions; the public reads only
the rows of the live version. The end target stays the indicator's `target`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

TARGET_YEAR_TWICE = _("Only one target per year: %(year)s is there twice.")
TARGET_BEFORE_BASELINE_YEAR = _("A yearly target cannot be before the baseline year (%(year)s).")
TARGET_YEAR_OUTSIDE_PERIOD = _(
    "A yearly target's year must be within the plan's period, %(start)s to %(end)s."
)
REPORTING_AGENCY_OTHER_COUNTRY = _("The reporting agency must be an agency of %(country)s.")
INDICATOR_FOCAL_NOT_OF_AGENCY = _(
    "The indicator's focal person must be a drafter or head of the reporting agency (%(agency)s)."
)
INDICATOR_DEPUTY_NOT_OF_AGENCY = _(
    "The indicator's deputy must be a drafter or head of the reporting agency (%(agency)s)."
)
INDICATOR_DEPUTY_IS_FOCAL = _("The indicator's deputy must be someone other than its focal person.")
UNKNOWN_DIMENSION = _("“%(dimension)s” is not a disaggregation this site knows.")
INDICATOR_PROBLEM = _("Indicator %(number)s: %(problem)s")


class Level(models.TextChoices):
    IMPACT = "impact", _("Impact")
    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")
    ONCE = "once", _("Once")


class Dimension(models.TextChoices):
    """How an indicator's figures may be broken down. Each breaks down an aggregate (a
    count or a share of a group of people); none ever describes an individual."""

    SEX = "sex", _("Sex")
    AGE_GROUP = "age_group", _("Age group")
    DISABILITY = "disability", _("Disability")
    REGION = "region", _("Region")
    AUDIENCE = "audience", _("Training audience")


class DimensionsField(models.JSONField):
    """A list of `Dimension` values, edited as checkboxes (a JSON list in the row and in
    revisions, so it needs no table of its own and works on SQLite and PostgreSQL)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Dimension.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        for dimension in value or []:
            if dimension not in Dimension.values:
                raise ValidationError(
                    UNKNOWN_DIMENSION, code="unknown_dimension", params={"dimension": dimension}
                )


class IndicatorTarget(Orderable):
    """The value an indicator should reach by the end of one year."""

    indicator = ParentalKey(
        "plans.CommitmentIndicator", on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        constraints = [
            models.UniqueConstraint("indicator", "year", name="indicator_target_once_a_year")
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"


def indicator_errors(indicator, *, plan, lead_agency, targets=None) -> list[str]:
    """What is wrong with an indicator that only its commitment can tell: its reporting
    agency and focal person, and its yearly targets (once a year, not before the baseline
    year, within the plan's period). The commitment's form and the services both ask here.
    """
    problems = []
    agency = indicator.reporting_agency if indicator.reporting_agency_id else lead_agency
    if plan is not None and agency is not None and agency.country_id != plan.country_id:
        problems.append(REPORTING_AGENCY_OTHER_COUNTRY % {"country": plan.country})
    for field, message in (
        ("focal_person", INDICATOR_FOCAL_NOT_OF_AGENCY),
        ("focal_deputy", INDICATOR_DEPUTY_NOT_OF_AGENCY),
    ):
        member = getattr(indicator, field) if getattr(indicator, f"{field}_id") else None
        if member is not None and (
            agency is None
            or member.agency_id != agency.pk
            or member.role not in ("drafter", "head")
        ):
            problems.append(message % {"agency": agency})
    if indicator.focal_person_id and indicator.focal_person_id == indicator.focal_deputy_id:
        problems.append(INDICATOR_DEPUTY_IS_FOCAL)
    if targets is None:
        targets = list(indicator.targets.all())
    problems.extend(target_errors(targets, indicator=indicator, plan=plan))
    return problems


def target_errors(targets, *, indicator, plan) -> list[str]:
    problems, seen = [], set()
    start, end = (plan.period_start, plan.period_end) if plan is not None else (None, None)
    for target in targets:
        year = target.year
        if year is None:
            continue
        if year in seen:
            problems.append(TARGET_YEAR_TWICE % {"year": year})
        seen.add(year)
        if indicator.baseline_year and year < indicator.baseline_year:
            problems.append(TARGET_BEFORE_BASELINE_YEAR % {"year": indicator.baseline_year})
        elif start and end and not start <= year <= end:
            problems.append(TARGET_YEAR_OUTSIDE_PERIOD % {"start": start, "end": end})
    return problems
