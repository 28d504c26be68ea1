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
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from plans.models import Audience, Commitment, Dimension, Frequency
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


PERIOD_OF_ANOTHER_PLAN = _("This reporting period belongs to another plan.")
PERIOD_CLOSED = _(
    "This reporting period is closed: its annual report is published and cannot change. "
    "Report on the open period instead."
)
PERIOD_BACKWARDS = _("A reporting period cannot end before it starts.")
DEADLINE_BEFORE_START = _("The deadline cannot be before the period starts.")
PERIOD_OUTSIDE_PLAN = _("The period must fall within the plan's years (%(start)s–%(end)s).")
PERIOD_OVERLAPS = _("This period overlaps “%(other)s”: a plan's reporting periods do not overlap.")
PERIOD_SLUG_TAKEN = _("Another reporting period of this plan has the address “%(slug)s”.")


def today():
    return timezone.localdate()


class ReportingPeriod(models.Model):
    """A reporting cycle of a plan (a calendar or fiscal year): opened by a national
    coordinator with a deadline, reported on by each lead agency (period reports are
    progress updates naming the period), closed by the coordinator. Closing freezes the
    period: its annual progress report is made once from a snapshot (publishing) and its
    reports cannot change any more."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(
        "plans.NationalPlanPage",
        on_delete=models.CASCADE,
        related_name="reporting_periods",
        verbose_name=_("plan"),
    )
    title = models.CharField(
        _("title"), max_length=64, help_text=_("As the report will name it, e.g. “2025”.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=32,
        help_text=_("The report's address under the plan's, e.g. “2025”: …/reports/2025.pdf"),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    deadline = models.DateField(
        _("deadline for period reports"),
        help_text=_("The date by which each lead agency submits its period reports."),
    )
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.OPEN, editable=False
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("plan", widget=forms.Select),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("deadline")]),
    ]

    class Meta:
        ordering = ["-ends_on", "-pk"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint("plan", "slug", name="reporting_period_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="reporting_period_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.plan} · {self.title}"

    @classproperty
    def base_form_class(cls):
        from .forms import ReportingPeriodForm  # the form module imports these models

        return ReportingPeriodForm

    @property
    def is_closed(self) -> bool:
        return self.state == self.State.CLOSED

    def clean(self):
        super().clean()
        if not (self.starts_on and self.ends_on):
            return
        if self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": ValidationError(PERIOD_BACKWARDS)})
        if self.deadline and self.deadline < self.starts_on:
            raise ValidationError({"deadline": ValidationError(DEADLINE_BEFORE_START)})
        if not self.plan_id:
            return
        plan = self.plan
        if self.starts_on.year < plan.period_start or self.ends_on.year > plan.period_end:
            raise ValidationError(
                {
                    "starts_on": ValidationError(
                        PERIOD_OUTSIDE_PLAN,
                        params={"start": plan.period_start, "end": plan.period_end},
                    )
                }
            )
        others = ReportingPeriod.objects.filter(plan_id=self.plan_id).exclude(pk=self.pk)
        overlapping = others.filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on)
        if other := overlapping.first():
            raise ValidationError(
                {"starts_on": ValidationError(PERIOD_OVERLAPS, params={"other": other.title})}
            )
        if self.slug and others.filter(slug=self.slug).exists():
            raise ValidationError(
                {"slug": ValidationError(PERIOD_SLUG_TAKEN, params={"slug": self.slug})}
            )


@reversion.register(follow=("measurements", "trainings"))
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
    # A period report: the update an agency submits for a reporting period (the annual
    # progress report is made from the period's reports when the coordinator closes it).
    period = models.ForeignKey(
        "tracking.ReportingPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("reporting period"),
        help_text=_(
            "Choose the open reporting period this update reports on, to make it the "
            "agency's period report; leave it empty for an update between reports."
        ),
    )
    funding_spent = models.DecimalField(
        _("funding spent in the period"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, _("Funding spent cannot be negative."))],
        help_text=_("In the plan's currency. For period reports."),
    )
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
        FieldRowPanel([FieldPanel("period"), FieldPanel("funding_spent")]),
        FieldPanel("terminology_quotations"),
        MultiFieldPanel(
            [FieldPanel("evidence_url"), FieldPanel("evidence_document")], heading=_("Evidence")
        ),
        InlinePanel("measurements", heading=_("Indicator measurements"), label=_("measurement")),
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
        if self.period_id and self.commitment_id:
            if self.period.plan_id != self.commitment.plan_id:
                raise ValidationError({"period": ValidationError(PERIOD_OF_ANOTHER_PLAN)})
            # From the database: a caller's copy of the period may predate its closing.
            closed = ReportingPeriod.objects.filter(
                pk=self.period_id, state=ReportingPeriod.State.CLOSED
            )
            if closed.exists():
                raise ValidationError({"period": ValidationError(PERIOD_CLOSED)})
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


TRAINING_OF_ANOTHER_KIND = _(
    "Trainings are reported on training commitments only: this commitment is an action."
)
ENDS_BEFORE_START = _("A training cannot end before it starts.")
STARTS_IN_FUTURE = _("Report a training once it has started: this one starts in the future.")
SCORE_RANGE = _("A test average is a percentage from 0 to 100.")
POST_WITHOUT_PRE = _(
    "Give the pre-test average too: a post-test average alone says nothing about what "
    "people learnt."
)
FINDING_NOT_OF_COMMITMENT = _(
    "A training answers only findings its commitment answers: %(findings)s. Add the "
    "finding to the commitment first."
)
PARTICIPANTS_HELP = _(
    "Aggregate counts only: how many people of each audience and sex took part. Never "
    "names, contacts or anything else about a person, and nothing about children."
)
TRAINERS_HELP = _(
    "The organisations or roles that trained, e.g. “Police academy instructors, Childline "
    "Kenya counsellors”. Trainers may be named organisations; never name children."
)
DUPLICATE_PARTICIPANTS = _(
    "Each audience and sex is counted once per training: add the people to the row that "
    "is there already."
)
# The title of the trainings made of the people-trained figures reported before trainings
# existed (the data migration and older bundles).
LEGACY_TRAINING_TITLE = "People trained (reported before trainings were recorded one by one)"
CITY_HELP = _("The city or town only, never an address or a venue.")


# Not its findings: reversion serialises on post_save, before the cluster writes them.
@reversion.register(follow=("participants",), exclude=("findings",))
class Training(ClusterableModel):
    """One training delivered under a training commitment, reported with a progress update.

    A child of the update, so it is drafted, submitted, reviewed and published with it:
    only the trainings of published updates count anywhere public. The commitment's
    people-trained figures are the sum of its trainings' participants.
    """

    # How it was given: the same three ways as a training commitment's delivery.
    Mode = Commitment.Delivery

    update = models.ForeignKey(
        ProgressUpdate,
        on_delete=models.CASCADE,
        related_name="trainings",
        verbose_name=_("progress update"),
        help_text=_(
            "The update of a training commitment that reports this training; the training "
            "is public when the update is published."
        ),
    )
    title = models.CharField(_("title"), max_length=255)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    mode = models.CharField(_("mode"), max_length=16, choices=Mode.choices)
    curriculum = models.CharField(
        _("curriculum or module"),
        max_length=255,
        blank=True,
        help_text=_("The course, curriculum or module taught."),
    )
    trainers = models.TextField(_("trainers"), blank=True, help_text=TRAINERS_HELP)
    city = models.CharField(_("city"), max_length=128, blank=True, help_text=CITY_HELP)
    pre_test_average = models.DecimalField(
        _("pre-test average (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, SCORE_RANGE), MaxValueValidator(100, SCORE_RANGE)],
        help_text=_("Where a test was taken before the training: the average score."),
    )
    post_test_average = models.DecimalField(
        _("post-test average (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, SCORE_RANGE), MaxValueValidator(100, SCORE_RANGE)],
        help_text=_("The average score of the test after it, with the pre-test average."),
    )
    findings = ParentalManyToManyField(
        "plans.Finding",
        blank=True,
        related_name="trainings",
        verbose_name=_("findings it answers"),
        help_text=_("Among the findings its commitment answers."),
    )

    panels = [
        FieldPanel("update", widget=forms.Select),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("mode")]),
        FieldPanel("curriculum"),
        FieldPanel("trainers"),
        FieldPanel("city"),
        InlinePanel(
            "participants",
            heading=_("Participants"),
            label=_("participants"),
            help_text=PARTICIPANTS_HELP,
        ),
        FieldRowPanel([FieldPanel("pre_test_average"), FieldPanel("post_test_average")]),
        FieldPanel("findings", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self):
        return self.title

    @classproperty
    def base_form_class(cls):
        # The form module imports these models.
        from .forms import TrainingForm

        return TrainingForm

    @property
    def people(self) -> int:
        return sum(row.people for row in self.participants.all())

    @property
    def audience_counts(self) -> dict:
        """`{audience: people}` over the sexes, in audience order (from the prefetched
        participant rows)."""
        counts = {}
        for row in sorted(self.participants.all(), key=lambda r: r.audience):
            counts[row.audience] = counts.get(row.audience, 0) + row.people
        return counts

    def clean(self):
        super().clean()
        errors = {}
        if self.update_id and self.update.commitment.kind != Commitment.Kind.TRAINING:
            errors["update"] = ValidationError(TRAINING_OF_ANOTHER_KIND)
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(ENDS_BEFORE_START)
        if self.starts_on and self.starts_on > today():
            errors["starts_on"] = ValidationError(STARTS_IN_FUTURE)
        if self.post_test_average is not None and self.pre_test_average is None:
            errors["pre_test_average"] = ValidationError(POST_WITHOUT_PRE)
        if errors:
            raise ValidationError(errors)

    def clean_findings(self, findings):
        """The findings chosen must be among the commitment's (shared by the form and the
        services): a training cannot claim a finding its commitment does not answer."""
        allowed = set(self.update.commitment.findings.values_list("pk", flat=True))
        foreign = [f for f in findings if f.pk not in allowed]
        if foreign:
            raise ValidationError(
                {
                    "findings": ValidationError(
                        FINDING_NOT_OF_COMMITMENT,
                        params={"findings": ", ".join(map(str, foreign))},
                    )
                }
            )


@reversion.register()
class TrainingParticipants(models.Model):
    """How many people of one audience and sex took part in a training: a count, never a
    person."""

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other or not recorded")

    training = ParentalKey(Training, on_delete=models.CASCADE, related_name="participants")
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, default=Sex.OTHER)
    people = models.PositiveIntegerField(
        _("number of people"), help_text=_("A count of people, never names.")
    )

    panels = [FieldRowPanel([FieldPanel("audience"), FieldPanel("sex"), FieldPanel("people")])]

    class Meta:
        ordering = ["audience", "sex"]
        verbose_name = _("participants")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                "training", "audience", "sex", name="participants_one_row_per_audience_and_sex"
            )
        ]

    def __str__(self):
        return f"{self.get_audience_display()}, {self.get_sex_display()}: {self.people}"


class SentReminder(models.Model):
    """A reminder or digest claimed for one user, subject and period, before it is sent.

    The unique constraint is what makes sending idempotent: a rerun (or a second worker)
    cannot claim the same row, so nobody gets the same reminder twice.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")
        DIGEST = "digest", _("Weekly digest")
        PERIOD_REPORT = "period_report", _("Period report due")
        INDICATOR_FIGURE = "indicator_figure", _("Indicator figure due")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    subject = models.CharField(
        max_length=64, help_text="commitment id, 'indicator:<id>', or 'digest'"
    )
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
