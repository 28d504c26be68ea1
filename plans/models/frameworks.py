"""National plans of action and the frameworks they are structured by.

The reference data (MNR capabilities, INSPIRE strategies) is loaded by a data migration,
so every database has it, and carries its framework edition so that a later edition
(the 2022 MNR maturity model) can sit beside the 2016 one instead of overwriting it.
"""

import reversion
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.i18n import base_language

SOURCE_LANGUAGE = "en"


def _base_language(language: str | None) -> str:
    return base_language(language or SOURCE_LANGUAGE)


def translated_languages() -> list[tuple[str, str]]:
    """The languages a reference name is translated into: every site language but English."""
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


class TranslatedReference(models.Model):
    """Names and descriptions of a piece of reference data in every site language.

    English stays in `name` and `description` (what exports, the API and the framework's
    edition carry); the other languages live beside it in one JSON field of the same row,
    `{"es": {"name": .., "description": .., "source": .., "draft": true}, ..}`, so a
    public page reads every language in the query it already makes and a capability stays
    one row of its framework edition. `draft` marks a name that is the development team's
    translation rather than a published one, to be reviewed by a native speaker; `source`
    names the publication a name was taken from; `english` is the English name it translates,
    so that renaming the English name makes its translations stale instead of wrong.
    """

    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("Name and description in each language other than English."),
    )

    class Meta:
        abstract = True

    def translation_in(self, language: str | None) -> dict:
        entry = (self.translations or {}).get(_base_language(language))
        return entry if isinstance(entry, dict) else {}

    def name_in(self, language: str | None) -> str:
        """The name in `language`, falling back to English where there is none, or where
        the English name was changed after it was translated (a renamed capability never
        shows the old name's translation)."""
        translated = self._current_translated_name(language)
        return translated or self.name

    def _current_translated_name(self, language) -> str:
        entry = self.translation_in(language)
        if entry.get("english", self.name) != self.name:
            return ""
        return entry.get("name") or ""

    def description_in(self, language: str | None) -> str:
        description = getattr(self, "description", "")
        if not self._current_translated_name(language):
            return description
        return self.translation_in(language).get("description") or description

    def is_draft_in(self, language: str | None) -> bool:
        return bool(self.translation_in(language).get("draft"))

    @property
    def display_name(self) -> str:
        """The name in the language being rendered (the visitor's, or the PDF's)."""
        return self.name_in(translation.get_language())

    @property
    def display_description(self) -> str:
        return self.description_in(translation.get_language())


@reversion.register()
class Framework(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True, help_text="e.g. MNR-2016")
    name = models.CharField(_("name"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    url = models.URLField(_("reference"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self):
        return self.name


@reversion.register()
class Domain(TranslatedReference):
    """One of the MNR's six domains (policy and governance, criminal justice, ...)."""

    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="domains", verbose_name=_("framework")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("MNR domain")
        verbose_name_plural = _("MNR domains")
        constraints = [
            models.UniqueConstraint("framework", "number", name="domain_unique_number"),
        ]

    def __str__(self):
        return self.display_name


@reversion.register()
class Capability(TranslatedReference):
    """One of the MNR's 21 capabilities, numbered as in its edition."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        related_name="capabilities",
        verbose_name=_("framework"),
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="capabilities", verbose_name=_("domain")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("MNR capability")
        verbose_name_plural = _("MNR capabilities")
        constraints = [
            models.UniqueConstraint("framework", "number", name="capability_unique_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.display_name}"


@reversion.register()
class InspireStrategy(TranslatedReference):
    """One of the seven INSPIRE strategies to end violence against children."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        related_name="inspire_strategies",
        verbose_name=_("framework"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    # The initials spell INSPIRE, so two strategies share the letter I.
    letter = models.CharField(_("letter"), max_length=1)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["framework", "number"]
        verbose_name = _("INSPIRE strategy")
        verbose_name_plural = _("INSPIRE strategies")
        constraints = [
            models.UniqueConstraint("framework", "number", name="inspire_unique_number"),
        ]

    def __str__(self):
        return self.display_name


@reversion.register()
class MaturityLevel(TranslatedReference):
    """One phase of a capability's maturity, from "not yet in place" to "fully in place".

    The four default phases are loaded by a data migration; superusers may rename them or
    describe them differently. A level's `order` is what baselines, targets and the
    current estimate are compared by.
    """

    order = models.PositiveSmallIntegerField(_("order"), unique=True, help_text=_("1 is lowest."))
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("maturity level")
        verbose_name_plural = _("maturity levels")

    def __str__(self):
        return self.display_name

    def name_in(self, language: str | None) -> str:
        """Its translation when it has one; a default name is also in the interface
        catalogues, so a level without translations still reads in the visitor's language
        (and a renamed one as written)."""
        translated = self._current_translated_name(language)
        if translated or not self.name:
            return translated or self.name
        with translation.override(_base_language(language)):
            return translation.gettext(self.name)
