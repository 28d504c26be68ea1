"""A national plan of action is a Wagtail page, so workflows, previews and scheduling apply."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.concurrency import STALE_SAVE, posted_from_stale_revision
from home.formsets import LimitedInlineFormsMixin
from home.i18n import LocalizedPageMixin, LocalizedUrlMixin, original_q
from home.rendering import RenderedPageMixin, renderer_for
from plans.panels import ReviewFeedbackPanel, UnpublishedChangesPanel
from stakeholders.permissions import coordinated_countries
from terminology.fields import quotations_field
from terminology.forms import TerminologyFormMixin

RICH_TEXT = ["h3", "h4", "bold", "italic", "link", "ol", "ul"]


DUPLICATE_SECTION = _("“%(capability)s” is already a section of this plan.")
PERIOD_BACKWARDS = _("The plan cannot end before it starts.")
PLAN_PERIOD_TAKEN = _("%(country)s already has a plan for %(start)s–%(end)s.")
# The country decides who drafts, reviews and reads a plan's drafts: moving a plan to
# another country would hand it to that country's people.
PLAN_COUNTRY_FIXED = _(
    "A plan's country cannot be changed: its agencies, commitments, reviewers and history "
    "belong to that country. Create a new plan for the other country instead."
)
# Plans of every language share /plans/<slug>/ (a Spanish plan is read at /plans/<slug>/
# too): two plans with one slug would hide one of them.
SLUG_TAKEN = _(
    "Another plan, in another language, already has the address “%(slug)s”: plan "
    "addresses are shared by every language. Choose another slug."
)
TARGET_BELOW_BASELINE = _(
    "The target level (“%(target)s”) cannot be below the baseline level (“%(baseline)s”): "
    "a plan aims to keep or improve a capability."
)


class PlanIndexPage(RenderedPageMixin, LocalizedPageMixin, Page):
    """`/plans/`: every published national plan, one link each."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["plans.NationalPlanPage"]
    max_count = 1

    class Meta:
        verbose_name = _("plan index")


class NationalPlanPageForm(LimitedInlineFormsMixin, TerminologyFormMixin, WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "country" not in self.fields:
            return
        if self.instance.pk:
            self.fields["country"].disabled = True
            self.fields["country"].help_text = PLAN_COUNTRY_FIXED
        elif for_user is not None and not for_user.is_superuser:
            self.fields["country"].queryset = coordinated_countries(user=for_user)

    def clean(self):
        cleaned_data = super().clean()
        # Wagtail refuses a stale page save only for autosave (home/concurrency.py).
        if self.instance.pk and posted_from_stale_revision(
            data=self.data, latest_revision=self.instance.latest_revision
        ):
            self.add_error(None, STALE_SAVE)
        sections = self.formsets.get("capability_sections")
        if sections is None or not sections.is_bound:
            return cleaned_data
        # ClusterForm validates formsets after this form; validate them now to compare rows.
        sections.is_valid()
        seen = set()
        for form in sections.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            capability = form.cleaned_data.get("capability")
            if capability is None:
                continue
            if capability.pk in seen:
                form.add_error(
                    "capability",
                    ValidationError(
                        DUPLICATE_SECTION, code="duplicate", params={"capability": capability}
                    ),
                )
            seen.add(capability.pk)
        return cleaned_data


class NationalPlanPageQuerySet(PageQuerySet):
    def originals(self):
        """The plans as written, one row per plan: not their translations.

        The original is in its country's language (a Peruvian plan in Spanish): the locale
        of its first wagtail-localize source. Commitments, rights and imports belong to the
        original; a translation is the same plan read in another language.
        """
        return self.filter(original_q())


class NationalPlanPage(RenderedPageMixin, LocalizedUrlMixin, RoutablePageMixin, Page):
    class PlanStatus(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        CONSULTATION = "consultation", _("Consultation")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    objects = PageManager.from_queryset(NationalPlanPageQuerySet)()

    country = models.ForeignKey(
        "stakeholders.Country",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("country"),
    )
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    plan_status = models.CharField(
        _("plan status"),
        max_length=16,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFTING,
    )
    summary = RichTextField(_("summary"), blank=True, features=RICH_TEXT)
    vision = RichTextField(_("vision and goal"), blank=True, features=RICH_TEXT)
    goal = models.TextField(
        _("goal"),
        blank=True,
        help_text=_("The one change the whole plan aims at: the top of its results chain."),
    )
    situation_analysis = RichTextField(
        _("situation analysis and baseline"),
        blank=True,
        features=RICH_TEXT,
        help_text=_("What the needs assessment and legislative review found."),
    )
    coordination_body = RichTextField(
        _("coordination body"),
        blank=True,
        features=RICH_TEXT,
        help_text=_("Who leads and coordinates the plan, and how agencies meet."),
    )
    monitoring_evaluation = RichTextField(
        _("monitoring and evaluation"), blank=True, features=RICH_TEXT
    )
    terminology_quotations = quotations_field()

    content_panels = [
        ReviewFeedbackPanel(),
        UnpublishedChangesPanel(),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("plan_status"),
            ],
            heading=_("Plan"),
        ),
        FieldPanel("summary"),
        FieldPanel("vision"),
        FieldPanel("situation_analysis"),
        InlinePanel(
            "capability_sections",
            heading=_("MNR capability sections"),
            label=_("capability section"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("goal"),
                InlinePanel("outcomes", heading=_("Outcomes"), label=_("outcome")),
            ],
            heading=_("Results chain"),
            help_text=_(
                "Goal, outcomes and the outputs under them. Commitments name the output "
                "they deliver once this plan's revision with it is published."
            ),
        ),
        FieldPanel("coordination_body"),
        FieldPanel("monitoring_evaluation"),
        FieldPanel("terminology_quotations"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("vision"),
        index.FilterField("country"),
    ]

    api_fields = [
        APIField("country_code", serializer=serializers.CharField(source="country.code")),
        APIField("period_start"),
        APIField("period_end"),
        APIField("plan_status"),
        APIField("summary"),
        APIField("vision"),
        APIField("public_commitments"),
    ]

    base_form_class = NationalPlanPageForm
    parent_page_types = ["plans.PlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("national plan of action")
        verbose_name_plural = _("national plans of action")

    def get_admin_display_title(self):
        # Admin listings, choosers, reports and messages are seen by every country; a
        # published plan shows its published title there, never an unreviewed draft's.
        if self.live:
            return self.title
        return super().get_admin_display_title()

    @property
    def public_commitments(self):
        """For the read API: the live version of each live commitment, as exported."""
        return renderer_for(self).public_commitments(self)

    @property
    def period_label(self):
        return f"{self.period_start}–{self.period_end}"

    def clean(self):
        super().clean()
        if self.pk and self.country_id:
            saved = NationalPlanPage.objects.filter(pk=self.pk).values_list("country_id", flat=True)
            if saved.first() not in (None, self.country_id):
                raise ValidationError({"country": ValidationError(PLAN_COUNTRY_FIXED)})
        if self.slug and (
            NationalPlanPage.objects.filter(slug=self.slug)
            .exclude(translation_key=self.translation_key)  # itself and its translations
            .exists()
        ):
            raise ValidationError({"slug": ValidationError(SLUG_TAKEN, params={"slug": self.slug})})
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": ValidationError(PERIOD_BACKWARDS)})
        if self.country_id and self.period_start and self.period_end:
            twins = NationalPlanPage.objects.filter(
                country_id=self.country_id,
                period_start=self.period_start,
                period_end=self.period_end,
            ).exclude(translation_key=self.translation_key)  # itself and its translations
            if twins.exists():
                raise ValidationError(
                    {
                        "period_start": ValidationError(
                            PLAN_PERIOD_TAKEN,
                            params={
                                "country": self.country,
                                "start": self.period_start,
                                "end": self.period_end,
                            },
                        )
                    }
                )

    def get_sitemap_urls(self, request=None):
        """The plan, and the page of each commitment the public may see (publishing)."""
        return renderer_for(self).sitemap_urls(self, super().get_sitemap_urls(request))

    @path("commitments/<int:commitment_id>/", name="commitment")
    def commitment_view(self, request, commitment_id):
        """One commitment, as published: shown by the plan's renderer (publishing)."""
        return renderer_for(self).serve_commitment(self, request, commitment_id)


class PlanCapabilitySection(TranslatableMixin, Orderable):
    """One MNR capability the plan addresses, with its objective and baseline.

    Translatable, so wagtail-localize offers its objective, baseline finding and sources
    for translation with the page (as segments) and a translated page has its own copy of
    each section, in its locale, under the original's translation key."""

    plan = ParentalKey(
        NationalPlanPage, on_delete=models.CASCADE, related_name="capability_sections"
    )
    capability = models.ForeignKey(
        "plans.Capability",
        on_delete=models.PROTECT,
        related_name="plan_sections",
        verbose_name=_("MNR capability"),
    )
    objective = models.TextField(_("objective"), help_text=_("What the plan aims to achieve."))
    baseline_finding = models.TextField(
        _("baseline finding"),
        blank=True,
        help_text=_("What the needs assessment found for this capability."),
    )
    baseline_level = models.ForeignKey(
        "plans.MaturityLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("baseline level"),
        help_text=_("How mature the capability was when the needs assessment looked at it."),
    )
    target_level = models.ForeignKey(
        "plans.MaturityLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target level"),
        help_text=_("How mature the capability should be at the end of the plan."),
    )
    baseline_sources = models.TextField(
        _("baseline sources"),
        blank=True,
        help_text=_("Where the baseline comes from: needs assessment, legislative review, data."),
    )

    panels = [
        FieldPanel("capability"),
        FieldPanel("objective"),
        FieldRowPanel([FieldPanel("baseline_level"), FieldPanel("target_level")]),
        FieldPanel("baseline_finding"),
        FieldPanel("baseline_sources"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("capability section")
        verbose_name_plural = _("capability sections")
        constraints = [
            models.UniqueConstraint("plan", "capability", name="plan_section_unique_capability")
        ]

    def __str__(self):
        return str(self.capability)

    def save(self, *args, **kwargs):
        # A section is in its plan's language: one added in the editor of an Arabic
        # original is Arabic, whatever the site's default locale.
        plan = self._state.fields_cache.get("plan") or (self.plan if self.plan_id else None)
        if plan is not None and plan.locale_id:
            self.locale_id = plan.locale_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (
            self.baseline_level_id
            and self.target_level_id
            and self.target_level.order < self.baseline_level.order
        ):
            raise ValidationError(
                {
                    "target_level": ValidationError(
                        TARGET_BELOW_BASELINE,
                        code="target_below_baseline",
                        params={"target": self.target_level, "baseline": self.baseline_level},
                    )
                }
            )
