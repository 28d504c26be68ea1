"""National plans of action and the frameworks they are structured by.

The reference data (MNR capabilities, INSPIRE strategies) is loaded by a data migration,
so every database has it, and carries its framework edition so that a later edition
(the 2022 MNR maturity model) can sit beside the 2016 one instead of overwriting it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Domain(models.Model):
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
        return self.name


class Capability(models.Model):
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
        return f"{self.number}. {self.name}"


class InspireStrategy(models.Model):
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
        return self.name


class MaturityLevel(models.Model):
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

    @property
    def display_name(self) -> str:
        """The name in the visitor's language when it is one of the default names."""
        from django.utils.translation import gettext

        return gettext(self.name) if self.name else ""
