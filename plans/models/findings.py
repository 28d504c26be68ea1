"""The findings register: what a country's baseline found, and what the plan answers.

A finding comes from a needs assessment, the legislative review, the national MNR
self-assessment, a UN treaty body or the UPR, research or another source. Commitments
link to the findings they answer (`Commitment.findings`, part of the commitment's
revisions, so a link is reviewed with the rest of a draft). "Answered by the plan" is
never stored: `plans.selectors.findings_answered_q` computes it from live commitments.

A finding is internal until the country's coordinator publishes it (`public`). It holds
no data about any child: it describes laws, services and systems.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from terminology.fields import quotations_field

REASON_REQUIRED = _("Say why the finding is not accepted.")
REASON_NOT_EXPECTED = _("A reason is given only for a finding that is not accepted.")
NO_CHILD_DATA = _(
    "Describe laws, services and systems only: never a child, a case or anything that "
    "could identify a person."
)


class Finding(index.Indexed, models.Model):
    class SourceKind(models.TextChoices):
        NEEDS_ASSESSMENT = "needs_assessment", _("Needs assessment")
        LEGISLATIVE_REVIEW = "legislative_review", _("Legislative review")
        MNR_SELF_ASSESSMENT = "mnr_self_assessment", _("MNR self-assessment")
        UN_RECOMMENDATION = "un_recommendation", _("UN treaty body or UPR recommendation")
        RESEARCH = "research", _("Research")
        OTHER = "other", _("Other")

    class Severity(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered by the plan")
        ADDRESSED = "addressed", _("Addressed")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")

    country = models.ForeignKey(
        "stakeholders.Country",
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name=_("country"),
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("finding"), help_text=NO_CHILD_DATA)
    source_kind = models.CharField(
        _("source"), max_length=32, choices=SourceKind.choices, default=SourceKind.NEEDS_ASSESSMENT
    )
    source_title = models.CharField(
        _("source document"), max_length=255, help_text=_("The title of the report or review.")
    )
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Of the source."))
    capabilities = models.ManyToManyField(
        "plans.Capability",
        blank=True,
        related_name="findings",
        verbose_name=_("MNR capabilities"),
    )
    severity = models.CharField(
        _("severity or priority"), max_length=16, choices=Severity.choices, default=Severity.MEDIUM
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.OPEN,
        help_text=_(
            "A finding a live commitment answers is shown as answered by the plan whatever "
            "is chosen here, unless it is addressed or not accepted."
        ),
    )
    reason = models.TextField(
        _("reason not accepted"), blank=True, help_text=_("Required when not accepted.")
    )
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Published by the national coordinator: shown on the plan page, its exports, "
            "the API and search. Otherwise internal, for this country's users only."
        ),
    )
    # Legislative reviews quote laws by their official titles ("Anti-Child Pornography
    # Act of 2009"): listed here, a term to avoid inside one does not block publishing.
    terminology_quotations = quotations_field()
    # Set on a finding raised by the country's legislative review: the criterion it is
    # about, so the review updates its one finding instead of adding another.
    legislative_criterion = models.ForeignKey(
        "plans.LegislativeCriterion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="findings",
        verbose_name=_("legislative criterion"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title"),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("country"),
        index.FilterField("public"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["country", "-date", "title"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        indexes = [models.Index(fields=["country", "public"])]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "legislative_criterion"],
                condition=models.Q(legislative_criterion__isnull=False),
                name="finding_one_per_legislative_criterion",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        self.reason = (self.reason or "").strip()
        if self.status == self.Status.NOT_ACCEPTED and not self.reason:
            raise ValidationError({"reason": ValidationError(REASON_REQUIRED, "reason_required")})
        if self.status != self.Status.NOT_ACCEPTED and self.reason:
            raise ValidationError(
                {"reason": ValidationError(REASON_NOT_EXPECTED, "reason_not_expected")}
            )
