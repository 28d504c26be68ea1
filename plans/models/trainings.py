"""What a training commitment plans to reach: people to train, per audience.

The audiences are the programme's (helpline staff, police, prosecutors, ...). The targets
are part of the commitment, so they are drafted, reviewed and published with it (its
revisions); the public reads the live version's. The people trained come from the
trainings reported with published progress updates (`tracking.models.Training`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .commitments import Commitment

TARGET_NOT_TRAINING = _("People to train are planned on training commitments only.")


class Audience(models.TextChoices):
    HELPLINE_STAFF = "helpline_staff", _("Helpline staff")
    POLICE = "police", _("Police")
    PROSECUTORS = "prosecutors", _("Prosecutors")
    JUDGES = "judges", _("Judges")
    SOCIAL_WORKERS = "social_workers", _("Social workers")
    HEALTH_WORKERS = "health_workers", _("Health workers")
    EDUCATORS = "educators", _("Educators")
    NGOS = "ngos", _("NGOs")


class TrainingTarget(Orderable):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="training_targets")
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices)
    people = models.PositiveIntegerField(
        _("people to train"), help_text=_("How many people of this audience the plan will train.")
    )

    panels = [FieldRowPanel([FieldPanel("audience"), FieldPanel("people")])]

    class Meta(Orderable.Meta):
        verbose_name = _("people to train")
        verbose_name_plural = _("people to train")
        constraints = [
            models.UniqueConstraint(
                "commitment", "audience", name="training_target_one_per_audience"
            )
        ]

    def __str__(self):
        return f"{self.get_audience_display()}: {self.people}"

    def clean(self):
        super().clean()
        commitment = getattr(self, "commitment", None)
        if commitment is not None and commitment.kind != Commitment.Kind.TRAINING:
            raise ValidationError(TARGET_NOT_TRAINING)
