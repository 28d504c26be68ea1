"""Who takes part in a national plan: countries, their agencies, and people's roles there.

Each agency and each country owns Django groups; the groups are what permissions are
granted to (django-guardian object permissions on commitments, Wagtail page permissions
on a country's plan). Membership rows are the source of truth; `services.sync_user_groups`
keeps a user's groups in step with them.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .names import country_name_in

DUPLICATE_AGENCY_NAME = _("%(country)s already has an agency called “%(name)s”.")
# Its memberships, commitments and history belong to its country.
AGENCY_COUNTRY_FIXED = _(
    "An agency never moves to another country: its people, commitments and history belong "
    "to this one. Add the agency to the other country instead."
)
UNKNOWN_COUNTRY_CODE = _("“%(code)s” is not an ISO 3166-1 alpha-2 country code.")
# A person works for one country: it is the simplest guarantee that nobody from one
# country can change another's plan. Work in a second country needs a second account.
MEMBERSHIP_OTHER_COUNTRY = _(
    "%(user)s already belongs to agencies of %(country)s. A person works for one country "
    "only; create a separate account for work in another country."
)


def validate_country_code(value):
    if not value or countries.alpha2(value) != value.upper():
        raise ValidationError(UNKNOWN_COUNTRY_CODE, code="unknown_country", params={"code": value})


@reversion.register(exclude=("coordinators_group", "reviewers_group", "viewers_group"))
class Country(models.Model):
    class UpdateReview(models.TextChoices):
        # Today's behaviour: the lead agency's own "Publish now" makes an update public.
        LEAD_AGENCY = "lead_agency", _("Published by the lead agency")
        COORDINATOR = "coordinator", _("Reviewed by the national coordinator first")

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[validate_country_code],
        help_text=_("Two-letter ISO 3166-1 code in lower case, for example “ke” for Kenya."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Language the country's plan is usually written in."),
    )
    update_review = models.CharField(
        _("progress updates"),
        max_length=16,
        choices=UpdateReview.choices,
        default=UpdateReview.LEAD_AGENCY,
        help_text=_(
            "Whether an agency's progress update is public as soon as the agency publishes "
            "it, or only once a national coordinator of the country has approved it. Only "
            "the site administrator changes this."
        ),
    )
    coordinators_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="coordinated_country", editable=False
    )
    reviewers_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="reviewed_country", editable=False
    )
    viewers_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="viewed_country", editable=False
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("default_language"),
        FieldPanel("update_review", widget=forms.RadioSelect),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The country's name in the language being rendered (CLDR's, through Babel, which
        has Swahili where django-countries does not); the stored English name where CLDR
        has none. Exports and the API keep `name`: data, not a page."""
        return country_name_in(self.code, translation.get_language()) or self.name

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().lower()

    @property
    def reviews_updates(self) -> bool:
        return self.update_review == self.UpdateReview.COORDINATOR


@reversion.register(exclude=("group", "heads_group"))
class Agency(index.Indexed, models.Model):
    class Sector(models.TextChoices):
        GOVERNMENT_MINISTRY = "ministry", _("Government ministry")
        LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
        PROSECUTION_JUDICIARY = "prosecution_judiciary", _("Prosecution / judiciary")
        CHILD_HELPLINE = "child_helpline", _("Child helpline")
        SOCIAL_WELFARE = "social_welfare", _("Social welfare")
        HEALTH = "health", _("Health")
        EDUCATION = "education", _("Education")
        ICT_REGULATOR = "ict_regulator", _("ICT regulator")
        CIVIL_SOCIETY = "civil_society", _("Civil society / NGO")
        INDUSTRY = "industry", _("Industry")
        INTERNATIONAL_PARTNER = "international_partner", _("International partner")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="agencies", verbose_name=_("country")
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    name_language = models.CharField(
        _("language of the name"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "Set it when the name is written in another language than the plans, such as "
            "an English name in an Arabic plan: screen readers then read it in that language."
        ),
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on its role.")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive agencies keep their history but cannot lead new commitments."),
    )
    # People who act for the agency on the commitments it leads: drafters and heads.
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="agency", editable=False
    )
    # Heads approve their agency's commitments first where a country's workflow asks for it.
    heads_group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="headed_agency", editable=False
    )

    panels = [
        FieldPanel("country"),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("acronym"),
                FieldPanel("name_language"),
                FieldPanel("sector"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("is_active"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("country"),
        index.FilterField("sector"),
        # The listing narrows to the user's country by id before it searches.
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["country__name", "name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(
                "country",
                Lower("name"),
                name="agency_unique_name_per_country",
                violation_error_message=_("This country already has an agency with this name."),
            )
        ]

    def __str__(self):
        if self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name

    @classproperty
    def base_form_class(cls):
        # The form module imports these models.
        from .forms import AgencyForm

        return AgencyForm

    def clean(self):
        super().clean()
        self.name = " ".join((self.name or "").split())
        if self.pk and self.country_id:
            saved = Agency.objects.filter(pk=self.pk).values_list("country_id", flat=True).first()
            if saved not in (None, self.country_id):
                raise ValidationError({"country": ValidationError(AGENCY_COUNTRY_FIXED)})
        if self.country_id and self.name:
            twins = Agency.objects.filter(country_id=self.country_id, name__iexact=self.name)
            if twins.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "name": ValidationError(
                            DUPLICATE_AGENCY_NAME,
                            code="duplicate_name",
                            params={"country": self.country, "name": self.name},
                        )
                    }
                )


@reversion.register()
class Membership(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("National coordinator")
        REVIEWER = "reviewer", _("Reviewer")
        HEAD = "head", _("Head of agency")
        DRAFTER = "drafter", _("Drafter")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("agency")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("user"), FieldPanel("agency"), FieldPanel("role")]

    class Meta:
        ordering = ["agency__country__name", "agency__name", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                "user",
                "agency",
                name="membership_one_per_user_and_agency",
                violation_error_message=_("This person is already a member of this agency."),
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.agency}"

    @classproperty
    def base_form_class(cls):
        # The form module imports these models.
        from .forms import MembershipForm

        return MembershipForm

    @property
    def country(self):
        return self.agency.country

    def clean(self):
        super().clean()
        if not (self.user_id and self.agency_id):
            return
        elsewhere = (
            Membership.objects.filter(user_id=self.user_id)
            .exclude(pk=self.pk)
            .exclude(agency__country_id=self.agency.country_id)
            .select_related("agency__country", "user")
            .first()
        )
        if elsewhere:
            raise ValidationError(
                {
                    "agency": ValidationError(
                        MEMBERSHIP_OTHER_COUNTRY,
                        code="other_country",
                        params={"user": elsewhere.user, "country": elsewhere.agency.country},
                    )
                }
            )
