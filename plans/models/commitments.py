"""A commitment: one action of a plan, led by one agency, drafted and reviewed on its own.

It is a snippet with Wagtail's workflow, draft, lock and revision mixins, so drafts,
moderation, locking, history, compare and revert come with it. The database row is the
live (published) version; drafts live in revisions. The public only ever sees the row of
a live commitment.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import classproperty
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from plans.panels import ReviewFeedbackPanel, UnpublishedChangesPanel
from terminology.fields import quotations_field

from .indicators import Dimension, DimensionsField, Frequency, Level
from .workflows import CountryReviewSetup

OUTPUT_NOT_IN_PLAN = _(
    "“%(output)s” is an output of another plan. Choose one of this plan's outputs."
)
CAPABILITY_NOT_IN_PLAN = _(
    "“%(capability)s” is not one of this plan's capability sections. Choose one of the "
    "plan's sections, or ask the national coordinator to add it to the plan."
)
LEAD_AGENCY_OTHER_COUNTRY = _("The lead agency must be an agency of %(country)s.")
LEAD_AGENCY_INACTIVE = _("%(agency)s is inactive and cannot lead a new commitment.")
DUE_BEFORE_START = _("The due date cannot be before the start date.")
SUPPORTING_OTHER_COUNTRY = _("Supporting agencies must be agencies of %(country)s: %(agencies)s.")
LEAD_ALSO_SUPPORTING = _("The lead agency cannot also be a supporting agency.")
FOCAL_NOT_OF_LEAD = _("The focal person must be a drafter or head of the lead agency (%(agency)s).")
DEPUTY_NOT_OF_LEAD = _("The deputy must be a drafter or head of the lead agency (%(agency)s).")
FOCAL_IS_DEPUTY = _("The focal person and the deputy must be two different people.")
FOCAL_OF_OLD_AGENCY = _(
    "The focal person or deputy is of the former lead agency: choose a new focal person "
    "of %(agency)s, or clear them."
)
# Who may be a commitment's focal person or deputy (plans.permissions.DRAFTING_ROLES).
FOCAL_ROLES = ("drafter", "head")
FINDING_OTHER_COUNTRY = _(
    "A commitment answers only findings of its own country (%(country)s): %(findings)s."
)


class Commitment(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        DELAYED = "delayed", _("Delayed")
        COMPLETED = "completed", _("Completed")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(
        "plans.NationalPlanPage",
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("plan"),
    )
    capability = models.ForeignKey(
        "plans.Capability",
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("MNR capability"),
    )
    output = models.ForeignKey(
        "plans.PlanOutput",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("output"),
        help_text=_("The output of the plan's results chain this commitment delivers."),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What will be done, by whom, for whom.")
    )
    lead_agency = models.ForeignKey(
        "stakeholders.Agency",
        on_delete=models.PROTECT,
        related_name="led_commitments",
        verbose_name=_("lead agency"),
    )
    supporting_agencies = ParentalManyToManyField(
        "stakeholders.Agency",
        blank=True,
        related_name="supported_commitments",
        verbose_name=_("supporting agencies"),
    )
    # Staff names: shown in the admin only, never on public pages or in exports.
    focal_person = models.ForeignKey(
        "stakeholders.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focal_for",
        verbose_name=_("focal person"),
        help_text=_("A drafter or head of the lead agency who answers for this commitment."),
    )
    focal_deputy = models.ForeignKey(
        "stakeholders.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputy_for",
        verbose_name=_("deputy focal person"),
        help_text=_("Takes over when the focal person leaves the agency."),
    )
    inspire_strategies = ParentalManyToManyField(
        "plans.InspireStrategy",
        blank=True,
        related_name="commitments",
        verbose_name=_("INSPIRE strategies"),
    )
    findings = ParentalManyToManyField(
        "plans.Finding",
        blank=True,
        related_name="commitments",
        verbose_name=_("findings answered"),
        help_text=_("Findings of this country's register that this commitment answers."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    estimated_cost = models.DecimalField(
        _("estimated cost"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("The cost cannot be negative."))],
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 code, e.g. KES."))
        ],
    )
    # Kept from before funding lines: a note in words (lines carry the figures). Not
    # turned into a line, since it has neither an amount nor a year.
    funding_source = models.CharField(
        _("source of funding"),
        max_length=255,
        blank=True,
        help_text=_("A note in words; the funding lines below carry the amounts."),
    )

    class BudgetVisibility(models.TextChoices):
        PUBLIC = "public", _("Public: publish the cost and its funding")
        INTERNAL = "internal", _("Internal: figures are unconfirmed, never publish them")

    # Budget figures are often unconfirmed while a plan is drafted, so they stay internal
    # until someone says otherwise.
    budget_visibility = models.CharField(
        _("budget visibility"),
        max_length=16,
        choices=BudgetVisibility.choices,
        default=BudgetVisibility.INTERNAL,
    )
    is_internal = models.BooleanField(
        _("internal commitment"),
        default=False,
        help_text=_(
            "Not for the public, e.g. operational details of law-enforcement work. An internal "
            "commitment is visible only to this country's users in the admin: never on the "
            "public site, its exports, the API, search or the PDF."
        ),
    )
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("For the people working on this plan only; never published."),
    )
    terminology_quotations = quotations_field()

    class Kind(models.TextChoices):
        ACTION = "action", _("Action")
        TRAINING = "training", _("Training")

    class Delivery(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        E_LEARNING = "e_learning", _("E-learning")
        BLENDED = "blended", _("In person and e-learning")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ACTION)
    delivery = models.CharField(
        _("training delivery"),
        max_length=16,
        choices=Delivery.choices,
        blank=True,
        help_text=_("For trainings: how it is delivered."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[
            MinValueValidator(0, message=_("Progress is a percentage from 0 to 100.")),
            MaxValueValidator(100, message=_("Progress is a percentage from 0 to 100.")),
        ],
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    ReviewFeedbackPanel(),
                    UnpublishedChangesPanel(),
                    # A select, not the page chooser: it offers only the user's plans.
                    FieldPanel("plan", widget=forms.Select),
                    FieldPanel("capability"),
                    FieldPanel("output"),
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("delivery")]),
                    FieldPanel("terminology_quotations"),
                ],
                heading=_("What"),
            ),
            ObjectList(
                [
                    FieldPanel("lead_agency"),
                    FieldRowPanel([FieldPanel("focal_person"), FieldPanel("focal_deputy")]),
                    FieldPanel("supporting_agencies", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Who"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")]),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("estimated_cost"), FieldPanel("currency")]),
                            FieldPanel("funding_source"),
                        ],
                        heading=_("Cost and funding"),
                    ),
                    InlinePanel(
                        "funding_lines",
                        heading=_("Funding lines"),
                        label=_("funding line"),
                        help_text=_(
                            "One line per source, state and year, in the commitment's "
                            "currency. The gap is the estimated cost minus secured funding."
                        ),
                    ),
                ],
                heading=_("When and cost"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
                    InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
                    InlinePanel(
                        "training_targets",
                        heading=_("People to train (training commitments)"),
                        label=_("audience"),
                        help_text=_(
                            "How many people of each audience the plan will train: the "
                            "public pages show the people trained against these."
                        ),
                    ),
                ],
                heading=_("Progress and indicators"),
            ),
            ObjectList(
                [FieldPanel("inspire_strategies", widget=forms.CheckboxSelectMultiple)],
                heading=_("INSPIRE"),
            ),
            ObjectList(
                [FieldPanel("findings", widget=forms.CheckboxSelectMultiple)],
                heading=_("Findings"),
            ),
            ObjectList(
                [
                    FieldPanel("is_internal"),
                    FieldPanel("budget_visibility", widget=forms.RadioSelect),
                    FieldPanel("internal_notes"),
                ],
                heading=_("Internal"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "translations",
                        heading=_("Translations"),
                        label=_("translation"),
                        help_text=_(
                            "The commitment in another language, reviewed and published "
                            "with the commitment like any change."
                        ),
                    ),
                    InlinePanel(
                        "indicator_translations",
                        heading=_("Indicators in other languages"),
                        label=_("indicator translation"),
                        help_text=_(
                            "An indicator's name and unit in another language. Indicators "
                            "added in this edit can be translated once it is saved."
                        ),
                    ),
                ],
                heading=_("Translations"),
            ),
        ]
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        # Its published translations (the rows; drafts of them live in revisions), so a
        # reader finds it in their language as well as in the plan's.
        index.RelatedFields(
            "translations",
            [
                index.SearchField("title"),
                index.SearchField("description"),
                index.AutocompleteField("title"),
            ],
        ),
        index.FilterField("plan"),
        index.FilterField("capability"),
        index.FilterField("lead_agency"),
        index.FilterField("status"),
        index.FilterField("live"),
        index.FilterField("is_internal"),
        # Permission filtering narrows search results by id.
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["capability__number", "title"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        # Declared so migrations create them; Wagtail would otherwise add them after migrate.
        permissions = [
            ("publish_commitment", "Can publish commitment"),
            ("lock_commitment", "Can lock commitment"),
            ("unlock_commitment", "Can unlock commitment"),
        ]
        indexes = [models.Index(fields=["plan", "live"])]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search index is written on post_save, from the database, before
        # ClusterableModel writes the children: index again once the translations (a child
        # relation) are saved, so a published translation is found at once.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "translations" in update_fields:
            index.insert_or_update_object(self)

    @property
    def budget_is_public(self) -> bool:
        return self.budget_visibility == self.BudgetVisibility.PUBLIC

    def __str__(self):
        return self.title

    @classproperty
    def base_form_class(cls):
        # Imported late: the form asks `permissions`, which imports this module.
        from plans.forms import CommitmentForm

        return CommitmentForm

    @property
    def country(self):
        return self.plan.country

    def get_workflow(self):
        """The review workflow of the commitment's country (Wagtail's default is per model)."""
        if not self.plan_id:
            return None
        return CountryReviewSetup.commitment_workflow_of(country__plans=self.plan_id)

    def clean(self):
        super().clean()
        errors = {}
        plan = self.plan if self.plan_id else None
        if (
            plan
            and self.capability_id
            and not plan.capability_sections.filter(capability_id=self.capability_id).exists()
        ):
            errors["capability"] = ValidationError(
                CAPABILITY_NOT_IN_PLAN,
                code="capability_not_in_plan",
                params={"capability": self.capability},
            )
        if plan and self.lead_agency_id:
            if self.lead_agency.country_id != plan.country_id:
                errors["lead_agency"] = ValidationError(
                    LEAD_AGENCY_OTHER_COUNTRY,
                    code="lead_agency_country",
                    params={"country": plan.country},
                )
            elif not self.lead_agency.is_active and self._lead_agency_changed():
                errors["lead_agency"] = ValidationError(
                    LEAD_AGENCY_INACTIVE,
                    code="lead_agency_inactive",
                    params={"agency": self.lead_agency},
                )
        if self.lead_agency_id and not errors.get("lead_agency"):
            errors.update(self._focal_errors())
        if plan and self.output_id and self.output.outcome.plan_id != plan.pk:
            errors["output"] = ValidationError(
                OUTPUT_NOT_IN_PLAN, code="output_not_in_plan", params={"output": self.output}
            )
        if self.start_date and self.due_date and self.due_date < self.start_date:
            errors["due_date"] = ValidationError(DUE_BEFORE_START, code="due_before_start")
        if plan:
            errors.update(self._supporting_agency_errors(plan))
            errors.update(self._finding_errors(plan))
        if errors:
            raise ValidationError(errors)

    def _lead_agency_changed(self):
        if self.pk is None:
            return True
        saved = type(self).objects.filter(pk=self.pk).values_list("lead_agency_id", flat=True)
        return saved.first() != self.lead_agency_id

    def _focal_errors(self):
        """Focal person and deputy: two reporting members of the lead agency."""
        errors = {}
        people = {"focal_person": self.focal_person, "focal_deputy": self.focal_deputy}
        people = {name: m for name, m in people.items() if m is not None}
        old_agency = any(m.agency_id != self.lead_agency_id for m in people.values())
        if old_agency and self.pk is not None and self._lead_agency_changed():
            errors["focal_person"] = ValidationError(
                FOCAL_OF_OLD_AGENCY,
                code="focal_of_old_agency",
                params={"agency": self.lead_agency},
            )
            return errors
        for name, message in (
            ("focal_person", FOCAL_NOT_OF_LEAD),
            ("focal_deputy", DEPUTY_NOT_OF_LEAD),
        ):
            member = people.get(name)
            if member and (
                member.agency_id != self.lead_agency_id or member.role not in FOCAL_ROLES
            ):
                errors[name] = ValidationError(
                    message, code="focal_not_of_lead", params={"agency": self.lead_agency}
                )
        if not errors and self.focal_person_id and self.focal_person_id == self.focal_deputy_id:
            errors["focal_deputy"] = ValidationError(FOCAL_IS_DEPUTY, code="focal_is_deputy")
        return errors

    def _supporting_agency_errors(self, plan):
        supporting = list(self.supporting_agencies.all())
        foreign = [a for a in supporting if a.country_id != plan.country_id]
        if foreign:
            return {
                "supporting_agencies": ValidationError(
                    SUPPORTING_OTHER_COUNTRY,
                    code="supporting_country",
                    params={"country": plan.country, "agencies": ", ".join(map(str, foreign))},
                )
            }
        if self.lead_agency_id and any(a.pk == self.lead_agency_id for a in supporting):
            return {
                "supporting_agencies": ValidationError(LEAD_ALSO_SUPPORTING, code="lead_supporting")
            }
        return {}

    def _finding_errors(self, plan):
        foreign = [f for f in self.findings.all() if f.country_id != plan.country_id]
        if not foreign:
            return {}
        return {
            "findings": ValidationError(
                FINDING_OTHER_COUNTRY,
                code="finding_country",
                params={"country": plan.country, "findings": ", ".join(map(str, foreign))},
            )
        }

    def get_preview_template(self, request, mode_name):
        return "plans/commitment_preview.html"

    # --- The commitment in the reader's language --------------------------------------
    # Written in its plan's language; its published translations are its `translations`
    # rows (drafts of them live in revisions, like every change).

    @property
    def language(self) -> str:
        """The language the commitment is written in: its plan's."""
        return self.plan.locale.language_code

    def translation_for(self, language_code):
        """The published translation in that language, or None (uses a prefetch)."""
        for row in self.translations.all():
            if row.language_code == language_code:
                return row
        return None

    def _shown(self):
        language = get_language() or settings.LANGUAGE_CODE
        if language == self.language:
            return None
        return self.translation_for(language)

    @property
    def shown_language(self) -> str:
        """The language of the text the reader sees (the original without a translation)."""
        shown = self._shown()
        return shown.language_code if shown else self.language

    @property
    def shown_title(self) -> str:
        shown = self._shown()
        return shown.title if shown else self.title

    @property
    def shown_description(self) -> str:
        shown = self._shown()
        return shown.description if shown and shown.description else self.description

    @property
    def shown_funding_source(self) -> str:
        shown = self._shown()
        return shown.funding_source if shown and shown.funding_source else self.funding_source


class CommitmentIndicator(ClusterableModel, Orderable):
    """How progress on a commitment is measured, as a monitoring officer records it: the
    level it measures, baseline and its year, the end target and a target per year
    (`targets`), the data source and how often it is collected, who reports it, and the
    dimensions its figures are broken down by (aggregates only)."""

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=255)
    level = models.CharField(
        _("level"),
        max_length=8,
        choices=Level.choices,
        default=Level.OUTPUT,
        help_text=_("What it measures in the results chain: an output, an outcome or impact."),
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("e.g. officers, %"))
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The end target; the yearly targets below lead to it."),
    )
    means_of_verification = models.CharField(_("means of verification"), max_length=255, blank=True)
    data_source = models.CharField(
        _("data source"),
        max_length=255,
        blank=True,
        help_text=_("Where the figures come from, e.g. the helpline's case management system."),
    )
    frequency = models.CharField(
        _("collection frequency"),
        max_length=16,
        choices=Frequency.choices,
        default=Frequency.QUARTERLY,
    )
    reporting_agency = models.ForeignKey(
        "stakeholders.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_indicators",
        verbose_name=_("reporting agency"),
        help_text=_("Who reports the figures; empty: the lead agency."),
    )
    # A staff name: shown in the admin only, never on public pages or in exports.
    focal_person = models.ForeignKey(
        "stakeholders.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_for_indicators",
        verbose_name=_("indicator focal person"),
        help_text=_("A drafter or head of the reporting agency who reports the figures."),
    )
    focal_deputy = models.ForeignKey(
        "stakeholders.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_for_indicators",
        verbose_name=_("indicator deputy"),
        help_text=_(
            "Another drafter or head of the reporting agency: reminded with the focal "
            "person, and the focal person when they leave."
        ),
    )
    disaggregation = DimensionsField(
        _("disaggregated by"),
        help_text=_(
            "The groups its figures are broken down by. Aggregate figures only: never data "
            "about an individual child."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("level")]),
        FieldRowPanel(
            [
                FieldPanel("unit"),
                FieldPanel("baseline"),
                FieldPanel("baseline_year"),
                FieldPanel("target"),
            ]
        ),
        FieldRowPanel([FieldPanel("data_source"), FieldPanel("frequency")]),
        FieldPanel("means_of_verification"),
        # One under the other: agency names are long enough to push a neighbour away.
        FieldPanel("reporting_agency"),
        FieldPanel("focal_person"),
        FieldPanel("focal_deputy"),
        FieldPanel("disaggregation"),
        InlinePanel("targets", heading=_("Yearly targets"), label=_("yearly target")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    @property
    def disaggregation_labels(self) -> list[str]:
        """The dimensions it is broken down by, named in the reader's language."""
        return [str(Dimension(value).label) for value in self.disaggregation or []]

    @property
    def agency_reporting(self):
        """The agency that reports the figures: the one named, else the lead agency."""
        return self.reporting_agency if self.reporting_agency_id else self.commitment.lead_agency

    def __str__(self):
        return self.name

    # --- In the reader's language (see Commitment.shown_title) -------------------------

    def _shown(self):
        language = get_language() or settings.LANGUAGE_CODE
        if language == self.commitment.language:
            return None
        for row in self.translations.all():  # prefetched by the public selectors
            if row.language_code == language:
                return row
        return None

    @property
    def shown_language(self) -> str:
        shown = self._shown()
        return shown.language_code if shown else self.commitment.language

    @property
    def shown_name(self) -> str:
        shown = self._shown()
        return shown.name if shown else self.name

    @property
    def shown_unit(self) -> str:
        shown = self._shown()
        return shown.unit if shown and shown.unit else self.unit


class CommitmentTranslation(Orderable):
    """The commitment's text in another language: a child of the commitment, so it is
    drafted, reviewed and published in the commitment's revisions like any change."""

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    funding_source = models.CharField(_("funding source"), max_length=255, blank=True)

    panels = [
        FieldPanel("language_code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("funding_source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment translation")
        verbose_name_plural = _("commitment translations")

    def __str__(self):
        return f"{self.language_code}: {self.title}"

    @property
    def terminology_language(self) -> str:
        """Checked for terminology in its own language, not the commitment's."""
        return self.language_code


class CommitmentIndicatorTranslation(Orderable):
    """An indicator's name and unit in another language. A child of the commitment (not
    of the indicator: Wagtail edits one level of inline panels), so it is drafted,
    reviewed and published with the commitment like its other translations."""

    commitment = ParentalKey(
        Commitment, on_delete=models.CASCADE, related_name="indicator_translations"
    )
    indicator = models.ForeignKey(
        CommitmentIndicator,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("indicator"),
        help_text=_("One of this commitment's saved indicators."),
    )
    language_code = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=50, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("language_code")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator translation")
        verbose_name_plural = _("indicator translations")

    def __str__(self):
        return f"{self.language_code}: {self.name}"

    @property
    def terminology_language(self) -> str:
        """Checked for terminology in its own language, not the commitment's."""
        return self.language_code
