"""After adoption: what each agency reports on the commitments it leads or supports.

Progress updates and indicator measurements are plain models with django-reversion
history. A published update by the lead agency sets the commitment's current status and
progress (`services.progress_update_publish`); the commitment's own content keeps its
review lifecycle.
"""

import datetime

import reversion
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from plans.models import Commitment, Dimension, Frequency
from plans.models.indicators import UNKNOWN_DIMENSION
from terminology.fields import quotations_field

from .evidence import is_country_evidence

DATED_IN_FUTURE = _("An update cannot be dated in the future.")
EVIDENCE_OF_ANOTHER_COUNTRY = _(
    "This document is not in your country's evidence collection. Upload the evidence "
    "there first, then choose it."
)
INDICATOR_OF_ANOTHER_COMMITMENT = _("This indicator belongs to another commitment.")
PERIOD_IN_FUTURE = _("The period a figure covers cannot end in the future.")
PERIOD_ENDS_BEFORE_START = _("The period cannot end before it starts.")
DIMENSION_NOT_DECLARED = _(
    "“%(indicator)s” is not disaggregated by %(dimension)s: add the dimension to the "
    "indicator first, or leave this value out."
)
CATEGORY_NOT_OF_DIMENSION = _("Choose a group of the dimension %(dimension)s.")
REGION_NEEDED = _("Name the region (and choose no group): the region dimension is free text.")
REGION_NOT_EXPECTED = _("Only the region dimension has a name here: clear it.")
GROUP_TWICE = _("“%(group)s” is there twice: one value per group.")
PROGRESS_RANGE = _("Progress is a percentage from 0 to 100.")
# Which of the commitment's own status and progress and an update's wins: the rule
# `services.commitment_roll_up` applies, said where people report.
STATUS_RULE = _(
    "The lead agency's latest published update (by reporting date) sets the commitment's "
    "status and progress; a supporting agency's contribution does not. A status set on the "
    "commitment itself (marking it dropped, say) holds until the next update is published."
)


def today():
    return timezone.localdate()


@reversion.register(follow=("measurements", "trainees"))
class ProgressUpdate(ClusterableModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="progress_updates"
    )
    agency = models.ForeignKey(
        "stakeholders.Agency",
        on_delete=models.PROTECT,
        related_name="progress_updates",
        verbose_name=_("reporting agency"),
    )
    is_contribution = models.BooleanField(
        _("contribution of a supporting agency"),
        default=False,
        help_text=_("A supporting agency's report; it does not change the commitment's status."),
    )
    reporting_date = models.DateField(_("reporting date"), default=today)
    status = models.CharField(_("status"), max_length=16, choices=Commitment.Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        validators=[MinValueValidator(0, PROGRESS_RANGE), MaxValueValidator(100, PROGRESS_RANGE)],
    )
    narrative = models.TextField(_("what happened"), help_text=_("No information about children."))
    terminology_quotations = quotations_field()
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence document"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # the system (demo loader, imports) reports without a person
        editable=False,
        related_name="+",
    )
    # Review, where the country asks for it (Country.update_review): submitted, then
    # published on approval or sent back with a comment. Only `published_at` makes an
    # update public; `tracking.services` moves an update between these states.
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    rejected_at = models.DateTimeField(
        _("changes requested"), null=True, blank=True, editable=False
    )
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    rejected_comment = models.TextField(_("coordinator's comment"), blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        # A select of the commitments the user may report on, not the snippet chooser.
        FieldPanel("commitment", widget=forms.Select),
        FieldRowPanel([FieldPanel("reporting_date"), FieldPanel("status"), FieldPanel("progress")]),
        FieldPanel("narrative"),
        FieldPanel("terminology_quotations"),
        MultiFieldPanel(
            [FieldPanel("evidence_url"), FieldPanel("evidence_document")], heading=_("Evidence")
        ),
        InlinePanel("measurements", heading=_("Indicator measurements"), label=_("measurement")),
        InlinePanel(
            "trainees",
            heading=_("People trained (training commitments)"),
            label=_("audience"),
        ),
        FieldPanel("publish_now"),
    ]

    class Meta:
        ordering = ["-reporting_date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        indexes = [models.Index(fields=["commitment", "published_at", "reporting_date"])]

    def __str__(self):
        return f"{self.commitment} · {self.reporting_date:%Y-%m-%d}"

    @classproperty
    def base_form_class(cls):
        # The form module imports these models.
        from .forms import ProgressUpdateForm

        return ProgressUpdateForm

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_submitted(self):
        """Waiting for a coordinator's review."""
        return self.submitted_at is not None and not self.is_published

    @property
    def state(self) -> str:
        if self.is_published:
            return self.State.PUBLISHED
        if self.is_submitted:
            return self.State.SUBMITTED
        if self.rejected_at is not None:
            return self.State.CHANGES_REQUESTED
        return self.State.DRAFT

    def get_state_display(self):
        return self.State(self.state).label

    def clean(self):
        super().clean()
        if self.reporting_date and self.reporting_date > today():
            raise ValidationError({"reporting_date": ValidationError(DATED_IN_FUTURE)})
        if (
            self.evidence_document_id
            and self.commitment_id
            and not is_country_evidence(
                document=self.evidence_document, country=self.commitment.plan.country
            )
        ):
            raise ValidationError(
                {"evidence_document": ValidationError(EVIDENCE_OF_ANOTHER_COUNTRY)}
            )


class Audience(models.TextChoices):
    HELPLINE_STAFF = "helpline_staff", _("Helpline staff")
    POLICE = "police", _("Police")
    PROSECUTORS = "prosecutors", _("Prosecutors")
    JUDGES = "judges", _("Judges")
    SOCIAL_WORKERS = "social_workers", _("Social workers")
    HEALTH_WORKERS = "health_workers", _("Health workers")
    EDUCATORS = "educators", _("Educators")
    NGOS = "ngos", _("NGOs")


@reversion.register(follow=("breakdown",))
class IndicatorMeasurement(ClusterableModel):
    """A figure for an indicator, for the period it covers, with its break-down by the
    indicator's dimensions (`breakdown`): aggregates about groups of people only."""

    update = ParentalKey(ProgressUpdate, on_delete=models.CASCADE, related_name="measurements")
    indicator = models.ForeignKey(
        "plans.CommitmentIndicator",
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    measured_on = models.DateField(_("measured on"), default=today)
    # Empty in the form: the indicator's collection period up to the day measured
    # (`default_period`), so a quarterly figure measured on 3 December covers 1 October
    # to 3 December.
    period_start = models.DateField(
        _("period from"),
        null=True,
        blank=True,
        help_text=_("The first day the figure covers; empty: the start of the indicator's period."),
    )
    period_end = models.DateField(
        _("period to"),
        null=True,
        blank=True,
        help_text=_("The last day the figure covers; empty: the day it was measured."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        help_text=_("An aggregate figure: never data about an individual child."),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        ordering = ["-measured_on", "-pk"]
        verbose_name = _("indicator measurement")
        verbose_name_plural = _("indicator measurements")

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("source"),
        InlinePanel(
            "breakdown",
            heading=_("Disaggregated values"),
            label=_("disaggregated value"),
            help_text=_(
                "The figure broken down by the indicator's dimensions (sex, age group, ...): "
                "aggregate figures only, never data about an individual child."
            ),
        ),
    ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.measured_on:%Y-%m-%d})"

    @property
    def year(self) -> int:
        """The year the figure counts for: the year its period ends in."""
        return (self.period_end or self.measured_on).year

    def clean(self):
        super().clean()
        if (
            self.indicator_id
            and self.update_id
            and self.indicator.commitment_id != self.update.commitment_id
        ):
            raise ValidationError({"indicator": ValidationError(INDICATOR_OF_ANOTHER_COMMITMENT)})
        if self.measured_on and self.measured_on > today():
            raise ValidationError({"measured_on": ValidationError(DATED_IN_FUTURE)})
        if self.indicator_id and (self.period_end or self.measured_on):
            self.period_end = self.period_end or self.measured_on
            if self.period_start is None:
                self.period_start = default_period(self.indicator.frequency, self.period_end)[0]
        if self.period_end and self.period_end > today():
            raise ValidationError({"period_end": ValidationError(PERIOD_IN_FUTURE)})
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": ValidationError(PERIOD_ENDS_BEFORE_START)})


def default_period(frequency: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The collection period (by the indicator's frequency) that `day` falls in, from its
    first day up to `day`: the month, quarter, half-year or year so far; `once`: the day."""
    months = {
        Frequency.MONTHLY: 1,
        Frequency.QUARTERLY: 3,
        Frequency.HALF_YEARLY: 6,
        Frequency.YEARLY: 12,
    }.get(frequency)
    if months is None:
        return day, day
    first_month = (day.month - 1) // months * months + 1
    return day.replace(month=first_month, day=1), day


# What each dimension breaks a figure down into. Groups of people, never a person: the
# age groups are those child-protection statistics use; region is the agency's own name
# for it (free text); audiences are the trainings' (`Audience`).
SEX_CATEGORIES = (
    ("female", _("Female")),
    ("male", _("Male")),
    ("other_or_not_recorded", _("Other or not recorded")),
)
AGE_GROUPS = (
    ("0-5", _("0–5 years")),
    ("6-11", _("6–11 years")),
    ("12-14", _("12–14 years")),
    ("15-17", _("15–17 years")),
    ("18+", _("18 years and over")),
    ("age_not_recorded", _("Age not recorded")),
)
DISABILITY_CATEGORIES = (
    ("with_disability", _("With a disability")),
    ("without_disability", _("Without a disability")),
    ("disability_not_recorded", _("Disability not recorded")),
)


def categories_of(dimension: str):
    """The fixed categories of a dimension, or None for one of free text (region)."""
    return {
        Dimension.SEX: SEX_CATEGORIES,
        Dimension.AGE_GROUP: AGE_GROUPS,
        Dimension.DISABILITY: DISABILITY_CATEGORIES,
        Dimension.AUDIENCE: tuple(Audience.choices),
    }.get(dimension)


CATEGORY_CHOICES = [
    (label, list(categories))
    for label, categories in (
        (_("Sex"), SEX_CATEGORIES),
        (_("Age group"), AGE_GROUPS),
        (_("Disability"), DISABILITY_CATEGORIES),
        (_("Training audience"), tuple(Audience.choices)),
    )
]


@reversion.register()
class MeasurementValue(models.Model):
    """One group's share of a measurement: the figure for women, for 12-14-year-olds, for
    a region. Aggregates only."""

    measurement = ParentalKey(
        IndicatorMeasurement, on_delete=models.CASCADE, related_name="breakdown"
    )
    dimension = models.CharField(_("dimension"), max_length=16, choices=Dimension.choices)
    category = models.CharField(
        _("group"),
        max_length=32,
        choices=CATEGORY_CHOICES,
        blank=True,
        help_text=_("For every dimension but region."),
    )
    region = models.CharField(
        _("region"), max_length=64, blank=True, help_text=_("For the region dimension: its name.")
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The aggregate figure for this group, never data about an individual child."),
    )

    panels = [
        FieldRowPanel([FieldPanel("dimension"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("value")]),
    ]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("disaggregated value")
        verbose_name_plural = _("disaggregated values")

    def __str__(self):
        return f"{self.group_label}: {self.value}"

    @property
    def group_label(self) -> str:
        if self.dimension == Dimension.REGION:
            return self.region
        return str(dict(categories_of(self.dimension) or ()).get(self.category, self.category))

    def clean(self):
        super().clean()
        self.region = (self.region or "").strip()
        categories = categories_of(self.dimension)
        if self.dimension == Dimension.REGION:
            if not self.region or self.category:
                raise ValidationError({"region": ValidationError(REGION_NEEDED)})
        elif categories is not None and self.category not in dict(categories):
            raise ValidationError(
                {
                    "category": ValidationError(
                        CATEGORY_NOT_OF_DIMENSION,
                        params={"dimension": Dimension(self.dimension).label},
                    )
                }
            )
        elif self.region:
            raise ValidationError({"region": ValidationError(REGION_NOT_EXPECTED)})


def breakdown_errors(*, indicator, values) -> list[str]:
    """A measurement's break-down against its indicator: only the dimensions the
    indicator declares, each group once. The progress update's form and the services
    ask here."""
    problems, seen = [], set()
    declared = set(indicator.disaggregation or [])
    for value in values:
        if value.dimension not in declared:
            problems.append(
                str(DIMENSION_NOT_DECLARED)
                % {"indicator": indicator, "dimension": Dimension(value.dimension).label}
                if value.dimension in Dimension.values
                else str(UNKNOWN_DIMENSION) % {"dimension": value.dimension}
            )
            continue
        key = (value.dimension, value.category, value.region.casefold())
        if key in seen:
            problems.append(str(GROUP_TWICE) % {"group": value.group_label})
        seen.add(key)
    return problems


@reversion.register()
class TraineeCount(models.Model):
    """People trained, per audience, reported with an update of a training commitment."""

    update = ParentalKey(ProgressUpdate, on_delete=models.CASCADE, related_name="trainees")
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices)
    people = models.PositiveIntegerField(_("people trained"))

    class Meta:
        verbose_name = _("people trained")
        verbose_name_plural = _("people trained")
        constraints = [
            models.UniqueConstraint("update", "audience", name="trainees_one_row_per_audience")
        ]

    panels = [FieldRowPanel([FieldPanel("audience"), FieldPanel("people")])]

    def __str__(self):
        return f"{self.get_audience_display()}: {self.people}"


class SentReminder(models.Model):
    """A reminder or digest claimed for one user, subject and period, before it is sent.

    The unique constraint is what makes sending idempotent: a rerun (or a second worker)
    cannot claim the same row, so nobody gets the same reminder twice.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        DIGEST = "digest", _("Weekly digest")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    subject = models.CharField(max_length=64, help_text="commitment id, or 'digest'")
    period = models.CharField(max_length=32, help_text="e.g. the due date, or the ISO week")
    claimed_at = models.DateTimeField(auto_now_add=True)
    # Set, with a token of the run, by the single UPDATE that claims a batch; the run then
    # sends exactly the rows carrying its token.
    claim_token = models.CharField(max_length=32, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "user", "kind", "subject", "period", name="reminder_once_per_period"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.subject} {self.period} → {self.user_id}"


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"
