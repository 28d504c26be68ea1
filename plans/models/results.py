"""A plan's results chain: its goal, the outcomes it aims at, and the outputs under them.

Commitments are the activities: each may name the output it delivers. Outcomes and
outputs are children of the plan page (outputs nested in their outcome), so they are
drafted, reviewed and published with the plan's revisions, never on their own. They are
written in the plan's language; a translation of the plan reads its original's chain,
because commitments point at the original's outputs.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

WEIGHT_HELP = _(
    "How much this counts in the progress of the level above, relative to its siblings "
    "(1 unless some count more)."
)
TARGET_BEFORE_BASELINE = _("The target year cannot be before the baseline year.")


def _weight_field():
    return models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[
            MinValueValidator(1, message=_("A weight is a whole number from 1 to 100.")),
            MaxValueValidator(100, message=_("A weight is a whole number from 1 to 100.")),
        ],
        help_text=WEIGHT_HELP,
    )


class PlanOutcome(ClusterableModel, Orderable):
    """A change the plan aims at, for one capability or across several."""

    plan = ParentalKey("plans.NationalPlanPage", on_delete=models.CASCADE, related_name="outcomes")
    title = models.CharField(_("outcome"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    capability = models.ForeignKey(
        "plans.Capability",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("capability"),
        help_text=_("Leave empty for an outcome across capabilities."),
    )
    weight = _weight_field()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("capability"), FieldPanel("weight")]),
        FieldPanel("description"),
        InlinePanel("indicators", heading=_("Outcome indicators"), label=_("indicator")),
        InlinePanel("outputs", heading=_("Outputs"), label=_("output")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.title


class OutcomeIndicator(Orderable):
    """How an outcome (or the impact beyond it) is measured, with its baseline and target."""

    class Level(models.TextChoices):
        IMPACT = "impact", _("Impact")
        OUTCOME = "outcome", _("Outcome")

    outcome = ParentalKey(PlanOutcome, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=255)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, default=Level.OUTCOME)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    data_source = models.CharField(_("data source"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("level")]),
        FieldRowPanel(
            [
                FieldPanel("unit"),
                FieldPanel("baseline"),
                FieldPanel("baseline_year"),
                FieldPanel("target"),
                FieldPanel("target_year"),
            ]
        ),
        FieldPanel("data_source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome indicator")
        verbose_name_plural = _("outcome indicators")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.baseline_year and self.target_year and self.target_year < self.baseline_year:
            raise ValidationError({"target_year": ValidationError(TARGET_BEFORE_BASELINE)})


class PlanOutput(Orderable):
    """What the plan's agencies deliver towards an outcome; commitments deliver it."""

    outcome = ParentalKey(PlanOutcome, on_delete=models.CASCADE, related_name="outputs")
    title = models.CharField(_("output"), max_length=255)
    weight = _weight_field()

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("weight")])]

    class Meta(Orderable.Meta):
        verbose_name = _("output")
        verbose_name_plural = _("outputs")

    def __str__(self):
        # Named with its outcome in the commitment's choice of output, where titles repeat.
        return f"{self.title} ({self.outcome.title})"
