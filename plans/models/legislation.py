"""A country's legislative review (MNR capability 3): its laws against a checklist.

The checklist (`LegislativeCriterion`) is reference data shared by every country, loaded
by a data migration from `plans/reference_data.py`: the five criteria of ICMEC's *Child
Sexual Abuse Material: Model Legislation & Global Review* (9th edition, 2018), plus online
grooming, sexual extortion and data retention. Each country has one review
(`LegislativeReview`), kept up to date by its coordinator: one assessment per criterion
(met, partly, not met, not assessed, with the law and article cited) and the bills pending.

Criteria not met or partly met become findings of the register
(`plans.services.legislative_review_sync_findings`), which commitments answer. A review is
internal until the coordinator publishes it. It describes laws only: never a child, a
case or a person.
"""

import reversion
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from terminology.fields import quotations_field

from .findings import NO_CHILD_DATA
from .frameworks import TranslatedReference

LEGISLATION_CAPABILITY = 3  # MNR-2016: Legislation


@reversion.register()
class LegislativeCriterion(TranslatedReference):
    """One question of the checklist every country's laws are reviewed against."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the criterion comes from.")
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("legislative criterion")
        verbose_name_plural = _("legislative criteria")

    def __str__(self):
        return self.display_name


class LegislativeReview(ClusterableModel):
    """A country's laws against the checklist: one review per country, kept current."""

    country = models.OneToOneField(
        "stakeholders.Country",
        on_delete=models.PROTECT,
        related_name="legislative_review",
        verbose_name=_("country"),
    )
    title = models.CharField(
        _("source document"),
        max_length=255,
        help_text=_("The title of the review, e.g. the national legislative review of 2025."),
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Of the review."))
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True, help_text=NO_CHILD_DATA)
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Published by the national coordinator: shown on /compare/ and the plan page, "
            "and the findings it raises are published with it. Otherwise internal, for this "
            "country's users only."
        ),
    )
    # Laws are cited by their official titles ("Anti-Child Pornography Act of 2009").
    terminology_quotations = quotations_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("legislative review")
        verbose_name_plural = _("legislative reviews")

    def __str__(self):
        return self.title


class AssessmentStatus(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


# What becomes a finding of the register.
UNMET_STATUSES = (AssessmentStatus.NOT_MET, AssessmentStatus.PARTLY)


class LegislativeAssessment(models.Model):
    """How the country's law stands on one criterion, and where it says so."""

    review = ParentalKey(LegislativeReview, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(
        LegislativeCriterion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("criterion"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.NOT_ASSESSED,
        help_text=_("Not met or partly met: the criterion becomes a finding of the register."),
    )
    law = models.CharField(
        _("law"), max_length=255, blank=True, help_text=_("Its official title and year.")
    )
    article = models.CharField(
        _("article or section"), max_length=100, blank=True, help_text=_("e.g. s. 24, art. 183-A")
    )
    note = models.TextField(_("note"), blank=True, help_text=NO_CHILD_DATA)

    panels = [
        FieldRowPanel([FieldPanel("criterion"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("law"), FieldPanel("article")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["criterion__order"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="legislative_assessment_one_per_criterion"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_status_display()}"


class PendingBill(ClusterableModel):
    """A bill before the legislature that would change how the country stands."""

    class Stage(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        TABLED = "tabled", _("Tabled in parliament")
        COMMITTEE = "committee", _("In committee")
        ONE_CHAMBER = "one_chamber", _("Passed one chamber")
        ASSENT = "assent", _("Awaiting assent")

    review = ParentalKey(LegislativeReview, on_delete=models.CASCADE, related_name="pending_bills")
    title = models.CharField(_("bill"), max_length=255)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.DRAFTED
    )
    criteria = ParentalManyToManyField(
        LegislativeCriterion,
        blank=True,
        related_name="pending_bills",
        verbose_name=_("criteria it would meet"),
    )
    note = models.TextField(_("note"), blank=True, help_text=NO_CHILD_DATA)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("stage")]),
        FieldPanel("criteria", widget=forms.CheckboxSelectMultiple),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pending bill")
        verbose_name_plural = _("pending bills")

    def __str__(self):
        return self.title
