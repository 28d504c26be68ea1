"""A commitment's funding lines: who pays how much in which year, pledged or secured.

Lines are children of the commitment (a ParentalKey), so they live in its revisions: a
draft's lines are reviewed with the rest of the draft and reach the database row (what
the public reads) only when that revision is published. Amounts are in the commitment's
currency (which starts as the plan's country's currency).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .commitments import Commitment

PARTNER_NAME_MISSING = _("Name the development partner.")
PARTNER_NAME_NOT_EXPECTED = _(
    "Only a development partner has a name here: choose “Development partner” or clear the name."
)
AMOUNT_NEGATIVE = _("The amount cannot be negative.")
YEAR_OUTSIDE_PERIOD = _("The year must be within the plan's period, %(start)s to %(end)s.")


class FundingLine(Orderable):
    """One year's amount from one source, pledged or secured."""

    class Source(models.TextChoices):
        NATIONAL_BUDGET = "national_budget", _("National budget")
        PARTNER = "partner", _("Development partner")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        SECURED = "secured", _("Secured")

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="funding_lines")
    source = models.CharField(
        _("source"), max_length=32, choices=Source.choices, default=Source.NATIONAL_BUDGET
    )
    partner = models.CharField(
        _("development partner"),
        max_length=255,
        blank=True,
        help_text=_("For a development partner: its name, e.g. UNICEF."),
    )
    state = models.CharField(
        _("state"),
        max_length=16,
        choices=State.choices,
        default=State.PLEDGED,
        help_text=_("Secured: committed in a budget or an agreement. Pledged: promised only."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0, message=AMOUNT_NEGATIVE)],
        help_text=_("In the commitment's currency."),
    )

    panels = [
        FieldRowPanel([FieldPanel("source"), FieldPanel("partner")]),
        FieldRowPanel([FieldPanel("state"), FieldPanel("year"), FieldPanel("amount")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        indexes = [models.Index(fields=["commitment", "state"])]

    def __str__(self):
        return f"{self.source_name} {self.year}: {self.amount} ({self.get_state_display()})"

    @property
    def source_name(self) -> str:
        """The partner's name for a development partner, else the kind of source."""
        if self.source == self.Source.PARTNER and self.partner:
            return self.partner
        return str(self.get_source_display())

    def clean(self):
        super().clean()
        self.partner = (self.partner or "").strip()
        if self.source == self.Source.PARTNER and not self.partner:
            raise ValidationError({"partner": ValidationError(PARTNER_NAME_MISSING, "partner")})
        if self.source != self.Source.PARTNER and self.partner:
            raise ValidationError(
                {"partner": ValidationError(PARTNER_NAME_NOT_EXPECTED, "partner_not_expected")}
            )


def funding_line_period_errors(line, *, plan) -> dict:
    """{field: ValidationError} for a line outside the plan's period (the admin form and
    the services both ask here; the line alone does not know its plan)."""
    if plan is None or line.year is None:
        return {}
    start, end = plan.period_start, plan.period_end
    if start and end and not start <= line.year <= end:
        return {
            "year": ValidationError(
                YEAR_OUTSIDE_PERIOD,
                code="year_outside_period",
                params={"start": start, "end": end},
            )
        }
    return {}
