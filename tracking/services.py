"""Writes: progress updates, and the roll-up of a published update onto its commitment."""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from plans.models import Commitment
from terminology.services import ensure_publishable

from . import permissions
from .models import (
    INDICATOR_OF_ANOTHER_COMMITMENT,
    IndicatorMeasurement,
    ProgressUpdate,
    TraineeCount,
)

NOT_YOUR_COMMITMENT = "You may not report on this commitment."
NOT_TRAINING = "People trained are reported on training commitments only."


def _validate_children(update, measurements, trainees):
    for measurement in measurements:
        measurement.update = update
        measurement.full_clean(exclude=["update"])
        if measurement.indicator.commitment_id != update.commitment_id:
            raise ValidationError({"measurements": INDICATOR_OF_ANOTHER_COMMITMENT})
    if trainees and update.commitment.kind != Commitment.Kind.TRAINING:
        raise ValidationError({"trainees": NOT_TRAINING})
    for trainee in trainees:
        trainee.update = update
        trainee.full_clean(exclude=["update"])


@transaction.atomic
def progress_update_create(
    *,
    actor,
    commitment: Commitment,
    status: str,
    progress: int,
    narrative: str,
    reporting_date=None,
    evidence_url: str = "",
    evidence_document=None,
    measurements=(),
    trainees=(),
    publish: bool = False,
) -> ProgressUpdate:
    """Report progress on a commitment; publishing it moves the commitment's status.

    The reporting agency follows from who reports: the lead agency's members (and the
    country's coordinators) report for the lead agency, a supporting agency's members add
    a contribution. `actor` None is the system (the demo loader): it reports for the lead.
    """
    if actor is None:
        agency, is_contribution = commitment.lead_agency, False
    else:
        agency, is_contribution = permissions.reporting_agency(user=actor, commitment=commitment)
        if agency is None:
            raise PermissionDenied(NOT_YOUR_COMMITMENT)
    update = ProgressUpdate(
        commitment=commitment,
        agency=agency,
        is_contribution=is_contribution,
        status=status,
        progress=progress,
        narrative=narrative,
        evidence_url=evidence_url,
        evidence_document=evidence_document,
        author=actor,
    )
    if reporting_date is not None:
        update.reporting_date = reporting_date
    measurements = [IndicatorMeasurement(**m) for m in measurements]
    trainees = [TraineeCount(**t) for t in trainees]
    update.full_clean()
    _validate_children(update, measurements, trainees)
    update.measurements = measurements
    update.trainees = trainees
    with reversion.create_revision():
        if actor is not None:
            reversion.set_user(actor)
        reversion.set_comment("Added progress update")
        update.save()
    log(instance=update, action="wagtail.create", user=actor)
    if publish:
        progress_update_publish(actor=actor, update=update)
    return update


def progress_update_assign_reporter(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    """For the admin form: who reports (lead agency or contribution), or refuse."""
    if update.pk is None:
        agency, is_contribution = permissions.reporting_agency(
            user=actor, commitment=update.commitment
        )
        if agency is None:
            raise PermissionDenied(NOT_YOUR_COMMITMENT)
        update.agency, update.is_contribution, update.author = agency, is_contribution, actor
    return update


@transaction.atomic
def progress_update_save(*, actor, form, publish: bool = False) -> ProgressUpdate:
    """Save an update from its admin form, with the measurements and people trained the
    form holds; publish it, or carry a published one's new status onto its commitment."""
    update = progress_update_assign_reporter(actor=actor, update=form.instance)
    is_new = update.pk is None
    with reversion.create_revision():
        reversion.set_user(actor)
        reversion.set_comment("Added progress update" if is_new else "Edited progress update")
        update = form.save()
    log(instance=update, action="wagtail.create" if is_new else "wagtail.edit", user=actor)
    if publish and not update.is_published:
        progress_update_publish(actor=actor, update=update)
    elif update.is_published and not update.is_contribution:
        commitment_roll_up(commitment=update.commitment)
    return update


@transaction.atomic
def progress_update_publish(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    """Publish an update; the lead agency's latest published update sets the status."""
    if (
        actor is not None
        and not permissions.progress_update_policy.user_has_permission_for_instance(
            actor, "publish", update
        )
    ):
        raise PermissionDenied(NOT_YOUR_COMMITMENT)
    ensure_publishable(instance=update)
    update.published_at = timezone.now()
    update.save(update_fields=["published_at"])
    log(instance=update, action="wagtail.publish", user=actor)
    if not update.is_contribution:
        commitment_roll_up(commitment=update.commitment)
    return update


def commitment_roll_up(*, commitment: Commitment) -> None:
    """Set the commitment's current status and progress from its latest published update.

    Written to the live row and into a pending draft alike, so that publishing the draft
    later does not bring back an older status. The commitment's content is untouched.
    """
    latest = (
        ProgressUpdate.objects.filter(
            commitment=commitment, published_at__isnull=False, is_contribution=False
        )
        .order_by("-reporting_date", "-published_at")
        .first()
    )
    if latest is None:
        return
    Commitment.objects.filter(pk=commitment.pk).update(
        status=latest.status, progress=latest.progress
    )
    commitment = Commitment.objects.get(pk=commitment.pk)
    if commitment.has_unpublished_changes and commitment.latest_revision_id:
        revision = commitment.latest_revision
        revision.content = {
            **revision.content,
            "status": latest.status,
            "progress": latest.progress,
        }
        revision.save(update_fields=["content"])
