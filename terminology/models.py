"""The terminology list: reference data shared by every country, versioned."""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .checker import AVOID, CARE, TermRule

REPLACEMENT_NEEDED = _("A term to avoid needs the agreed term to use instead.")


@reversion.register()
class Term(models.Model):
    class Kind(models.TextChoices):
        AVOID = AVOID, _("Avoid")
        CARE = CARE, _("Use with care")

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Text in this language is checked for the term."),
    )
    phrase = models.CharField(
        _("phrase"),
        max_length=120,
        help_text=_(
            "As in the guidelines, in the singular (and masculine, in Spanish and French). "
            "Plurals, hyphens, British/American spellings, accents, gender and Arabic "
            "prefixes and short vowels are found without listing them."
        ),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.AVOID)
    replacement = models.CharField(
        _("use instead"), max_length=255, blank=True, help_text=_("The agreed term.")
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    variants = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_("Further forms to find, one a line (e.g. an abbreviation)."),
    )
    # A citation may name several publications (PostgreSQL refused two of the Spanish
    # ones at 255 characters; SQLite never checks a length).
    source = models.TextField(
        _("source"),
        blank=True,
        help_text=_("Where the term and its agreed alternative are published in this language."),
    )
    draft = models.BooleanField(
        _("draft"),
        default=False,
        help_text=_(
            "Not (entirely) taken from a published source: the development team's "
            "translation, to be reviewed by a native speaker."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "kind", "phrase"]
        verbose_name = _("term")
        verbose_name_plural = _("terminology")
        constraints = [
            models.UniqueConstraint("language", "phrase", name="term_unique_phrase_per_language")
        ]

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        if self.kind == self.Kind.AVOID and not self.replacement.strip():
            raise ValidationError({"replacement": REPLACEMENT_NEEDED})

    def as_rule(self) -> TermRule:
        return TermRule(
            phrase=self.phrase,
            kind=self.kind,
            replacement=self.replacement,
            reason=self.reason,
            variants=tuple(v.strip() for v in self.variants.splitlines() if v.strip()),
            language=self.language,
            key=self.pk,
        )
