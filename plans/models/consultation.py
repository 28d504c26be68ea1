"""Consultation while drafting: a round of comments from chosen agencies on a draft plan.

OGP's co-creation standards ask for a forum of the people concerned and a *reasoned
response* to every input. A country's coordinator opens a round on a plan (before its
adoption or for a revision) for some of the country's agencies, with a deadline; their
members comment on the plan as a whole, one capability section or one commitment; the
coordinator answers each comment (accepted, partly, not accepted, with a reason). A round
closes only once every comment has its answer, and its summary reaches the public only
when the coordinator publishes it.

Wagtail's own comments are for page editors: they do not reach snippets' readers in other
agencies, and carry no response, so the product keeps its own.

A comment targets a section by its capability (stable reference data): the section rows of
a plan page are rewritten by its revisions, the capability they stand for is not.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .findings import NO_CHILD_DATA

DEADLINE_BEFORE_OPENING = _("The deadline cannot be before the day the round opens.")
REASON_REQUIRED = _("Say why: a comment that is partly or not accepted needs a reason.")
ONE_TARGET = _("A comment is on the plan as a whole, one capability section or one commitment.")
COMMITMENT_NOT_IN_PLAN = _("That commitment belongs to another plan.")


class ConsultationRound(models.Model):
    class Purpose(models.TextChoices):
        BEFORE_ADOPTION = "before_adoption", _("Before adoption")
        REVISION = "revision", _("Revision")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(
        "plans.NationalPlanPage",
        on_delete=models.CASCADE,
        related_name="consultation_rounds",
        verbose_name=_("plan"),
    )
    title = models.CharField(_("title"), max_length=255)
    purpose = models.CharField(
        _("purpose"), max_length=16, choices=Purpose.choices, default=Purpose.BEFORE_ADOPTION
    )
    agencies = models.ManyToManyField(
        "stakeholders.Agency",
        related_name="consultation_rounds",
        verbose_name=_("agencies consulted"),
        help_text=_("Agencies of the plan's country whose members may comment."),
    )
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(
        _("deadline"), help_text=_("The last day on which comments are taken.")
    )
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.OPEN)
    summary_public = models.BooleanField(
        _("summary published"),
        default=False,
        help_text=_("Shown on the public plan page once the round is closed."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("consultation round")
        verbose_name_plural = _("consultation rounds")

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    def clean(self):
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": DEADLINE_BEFORE_OPENING})


class ConsultationComment(models.Model):
    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")

    round = models.ForeignKey(
        ConsultationRound,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("consultation round"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    # The agency the author spoke for: the summary names it, never the person.
    agency = models.ForeignKey(
        "stakeholders.Agency",
        on_delete=models.PROTECT,
        related_name="consultation_comments",
        verbose_name=_("agency"),
    )
    capability = models.ForeignKey(
        "plans.Capability",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("capability section"),
    )
    commitment = models.ForeignKey(
        "plans.Commitment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultation_comments",
        verbose_name=_("commitment"),
    )
    text = models.TextField(_("comment"), help_text=NO_CHILD_DATA)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    response = models.CharField(_("response"), max_length=16, choices=Response.choices, blank=True)
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_(
            "Why the comment is accepted, partly accepted or not accepted (required unless "
            "it is accepted). Published with the summary."
        ),
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responded by"),
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")

    def __str__(self):
        return self.text[:60]

    @property
    def target_kind(self) -> str:
        if self.commitment_id:
            return "commitment"
        return "capability" if self.capability_id else "plan"

    def clean(self):
        if self.capability_id and self.commitment_id:
            raise ValidationError(ONE_TARGET)
        plan_id = self.round.plan_id if self.round_id else None
        if self.commitment_id and self.commitment.plan_id != plan_id:
            raise ValidationError({"commitment": COMMITMENT_NOT_IN_PLAN})
        if (
            self.response in (self.Response.PARTLY, self.Response.NOT_ACCEPTED)
            and not (self.reason or "").strip()
        ):
            raise ValidationError({"reason": REASON_REQUIRED})
