"""Writes of consultation rounds (see `plans.models.consultation`): open, comment, change a
comment, answer, close, publish the summary. Each checks `permissions`, validates, changes
nothing when refused, and leaves one entry in the round's history.

A round takes comments while it is open and until its deadline (the whole day). A comment
that has its answer is no longer changed: the answer is to the words it answered.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from home import outbox

from . import permissions, tasks
from .models import ConsultationComment, ConsultationRound

NOT_COORDINATOR = _("Only the national coordinator of the plan's country runs its consultations.")
NOT_CONSULTED = _("Only members of the agencies consulted comment in this round.")
NOT_AUTHOR = _("Only its author changes a comment.")
ROUND_CLOSED = _("This consultation round is closed: comments can no longer be added or changed.")
DEADLINE_PASSED = _(
    "The deadline of this consultation round has passed: comments can no longer be added or "
    "changed."
)
NOT_YET_OPEN = _("This consultation round opens on %(day)s: comment from that day.")
ALREADY_ANSWERED = _(
    "This comment has its response already: it is no longer changed. Add a new comment instead."
)
AGENCY_NOT_OF_COUNTRY = _("Only agencies of the plan's country are consulted on it.")
NO_AGENCY = _("Choose at least one agency to consult.")
NOT_AN_AGENCY_OF_YOURS = _("You comment for an agency consulted in this round that you belong to.")
EMPTY_COMMENT = _("Write the comment.")
SECTION_NOT_IN_PLAN = _("This plan has no section for that capability.")
COMMITMENT_NOT_OPEN_TO_YOU = _("You comment only on commitments you can open.")
UNKNOWN_RESPONSE = _("Choose accepted, partly accepted or not accepted.")
NOT_WHILE_CLOSED = _("This consultation round is closed: its responses are final.")
ALREADY_CLOSED = _("This consultation round is closed already.")
SUMMARY_ONLY_WHEN_CLOSED = _("A round's summary is published once the round is closed.")


def unanswered_refusal(count: int) -> str:
    return ngettext(
        "%(count)s comment has no response yet: answer every comment before closing the round.",
        "%(count)s comments have no response yet: answer every comment before closing the round.",
        count,
    ) % {"count": count}


ACTIONS = {
    "plans.consultation_opened": (_("Open consultation"), _("Consultation round opened")),
    "plans.consultation_commented": (_("Comment"), _("Consultation comment added")),
    "plans.consultation_comment_changed": (_("Change comment"), _("Consultation comment changed")),
    "plans.consultation_responded": (_("Respond"), _("Consultation comment answered")),
    "plans.consultation_closed": (_("Close consultation"), _("Consultation round closed")),
    "plans.consultation_summary_published": (
        _("Publish summary"),
        _("Consultation summary published"),
    ),
    "plans.consultation_summary_withdrawn": (
        _("Withdraw summary"),
        _("Consultation summary withdrawn"),
    ),
}


def register_log_actions(actions) -> None:
    for name, (label, message) in ACTIONS.items():
        actions.register_action(name, label, message)


def _log(consultation, action, actor, **data):
    log(instance=consultation, action=action, user=actor, data=data)


def _check_coordinator(*, actor, consultation) -> None:
    if actor is not None and not permissions.user_can_manage_consultation(
        user=actor, consultation=consultation
    ):
        raise PermissionDenied(NOT_COORDINATOR)


def _lock(consultation) -> ConsultationRound:
    """The round as saved, locked: a close and a comment arriving together are ordered."""
    return ConsultationRound.objects.select_for_update().get(pk=consultation.pk)


def check_takes_comments(consultation, *, on) -> None:
    """Refuse (ValidationError) unless the round takes comments on day `on`."""
    if not consultation.is_open:
        raise ValidationError(ROUND_CLOSED)
    if on > consultation.deadline:
        raise ValidationError(DEADLINE_PASSED)
    if on < consultation.opens_on:
        raise ValidationError(NOT_YET_OPEN % {"day": consultation.opens_on.isoformat()})


def takes_comments(consultation, *, on) -> bool:
    try:
        check_takes_comments(consultation, on=on)
    except ValidationError:
        return False
    return True


@transaction.atomic
def consultation_open(
    *, actor, plan, title: str, agencies, deadline, purpose=None, opens_on=None
) -> ConsultationRound:
    """Open a round on a plan for some of its country's agencies.

    `actor` None means the system (the demo loader): no permission check.
    """
    if actor is not None and not permissions.user_can_open_consultation(user=actor, plan=plan):
        raise PermissionDenied(NOT_COORDINATOR)
    agencies = list(agencies)
    if not agencies:
        raise ValidationError({"agencies": NO_AGENCY})
    if any(agency.country_id != plan.country_id for agency in agencies):
        raise ValidationError({"agencies": AGENCY_NOT_OF_COUNTRY})
    consultation = ConsultationRound(
        plan=plan,
        title=title,
        purpose=purpose or ConsultationRound.Purpose.BEFORE_ADOPTION,
        opens_on=opens_on or timezone.localdate(),
        deadline=deadline,
        created_by=actor,
    )
    consultation.full_clean()
    consultation.save()
    consultation.agencies.set(agencies)
    _log(
        consultation,
        "plans.consultation_opened",
        actor,
        plan=plan.pk,
        agencies=[agency.pk for agency in agencies],
        deadline=consultation.deadline.isoformat(),
    )
    outbox.send_on_commit(tasks.send_consultation_opened, consultation.pk)
    return consultation


def _working_section_capabilities(plan) -> set[int]:
    # The plan as it is being drafted: sections added in a draft are commented on too.
    working = plan.get_latest_revision_as_object()
    return {section.capability_id for section in working.capability_sections.all()}


@transaction.atomic
def consultation_comment_add(
    *, actor, consultation, text: str, capability=None, commitment=None, agency=None, on=None
) -> ConsultationComment:
    """A consulted member's comment on the plan, one of its sections or one commitment."""
    speaks_for = permissions.agencies_user_speaks_for(user=actor, consultation=consultation)
    if not speaks_for.exists():
        raise PermissionDenied(NOT_CONSULTED)
    consultation = _lock(consultation)
    check_takes_comments(consultation, on=on or timezone.localdate())
    if agency is None:
        agency = speaks_for.first()
    elif not speaks_for.filter(pk=agency.pk).exists():
        raise ValidationError({"agency": NOT_AN_AGENCY_OF_YOURS})
    if not (text or "").strip():
        raise ValidationError({"text": EMPTY_COMMENT})
    if capability is not None and capability.pk not in _working_section_capabilities(
        consultation.plan
    ):
        raise ValidationError({"capability": SECTION_NOT_IN_PLAN})
    if (
        commitment is not None
        and not permissions.commitment_policy.user_has_permission_for_instance(
            actor, "view", commitment
        )
    ):
        raise ValidationError({"commitment": COMMITMENT_NOT_OPEN_TO_YOU})
    comment = ConsultationComment(
        round=consultation,
        author=actor,
        agency=agency,
        capability=capability,
        commitment=commitment,
        text=text.strip(),
    )
    comment.full_clean()
    comment.save()
    _log(
        consultation,
        "plans.consultation_commented",
        actor,
        comment=comment.pk,
        agency=agency.pk,
        target=comment.target_kind,
    )
    return comment


@transaction.atomic
def consultation_comment_edit(*, actor, comment, text: str, on=None) -> ConsultationComment:
    if not permissions.user_can_edit_consultation_comment(user=actor, comment=comment):
        raise PermissionDenied(NOT_AUTHOR)
    check_takes_comments(_lock(comment.round), on=on or timezone.localdate())
    comment = ConsultationComment.objects.select_for_update().get(pk=comment.pk)
    if comment.response:
        raise ValidationError(ALREADY_ANSWERED)
    if not (text or "").strip():
        raise ValidationError({"text": EMPTY_COMMENT})
    comment.text = text.strip()
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["text", "edited_at"])
    _log(comment.round, "plans.consultation_comment_changed", actor, comment=comment.pk)
    return comment


@transaction.atomic
def consultation_respond(*, actor, comment, response: str, reason: str = "") -> ConsultationComment:
    """The coordinator's reasoned response to one comment (it may be changed until the
    round closes)."""
    _check_coordinator(actor=actor, consultation=comment.round)
    if not _lock(comment.round).is_open:
        raise ValidationError(NOT_WHILE_CLOSED)
    if response not in ConsultationComment.Response.values:
        raise ValidationError({"response": UNKNOWN_RESPONSE})
    comment = ConsultationComment.objects.select_for_update().get(pk=comment.pk)
    comment.response = response
    comment.reason = (reason or "").strip()
    comment.responded_by = actor
    comment.responded_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["response", "reason", "responded_by", "responded_at"])
    _log(
        comment.round,
        "plans.consultation_responded",
        actor,
        comment=comment.pk,
        response=response,
    )
    return comment


@transaction.atomic
def consultation_close(*, actor, consultation) -> ConsultationRound:
    """Close a round whose every comment has its response."""
    _check_coordinator(actor=actor, consultation=consultation)
    consultation = _lock(consultation)
    if not consultation.is_open:
        raise ValidationError(ALREADY_CLOSED)
    unanswered = consultation.comments.filter(response="").count()
    if unanswered:
        raise ValidationError(unanswered_refusal(unanswered))
    consultation.state = ConsultationRound.State.CLOSED
    consultation.closed_at = timezone.now()
    consultation.closed_by = actor
    consultation.save(update_fields=["state", "closed_at", "closed_by"])
    _log(consultation, "plans.consultation_closed", actor, comments=consultation.comments.count())
    return consultation


@transaction.atomic
def consultation_publish_summary(*, actor, consultation, public: bool = True) -> ConsultationRound:
    """Show (or withdraw) a closed round's summary on the public plan page."""
    _check_coordinator(actor=actor, consultation=consultation)
    consultation = _lock(consultation)
    if public and consultation.is_open:
        raise ValidationError(SUMMARY_ONLY_WHEN_CLOSED)
    consultation.summary_public = public
    consultation.save(update_fields=["summary_public"])
    action = "published" if public else "withdrawn"
    _log(consultation, f"plans.consultation_summary_{action}", actor)
    return consultation
