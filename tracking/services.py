"""Writes: progress updates, their review, and the roll-up of a published update onto
its commitment.

An update is a draft until it is published; only `progress_update_publish` makes it
public. Where the country reviews updates (`Country.update_review`), an agency's members
submit theirs (`progress_update_submit`) and a national coordinator approves
(`progress_update_approve`, which publishes) or sends it back with a comment
(`progress_update_request_changes`).
"""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from home import outbox
from home.i18n import in_default_locale
from plans import permissions as plan_permissions
from plans.models import Commitment
from terminology.services import ensure_publishable

from . import permissions, tasks
from .models import (
    DUPLICATE_PARTICIPANTS,
    INDICATOR_OF_ANOTHER_COMMITMENT,
    PERIOD_CLOSED,
    IndicatorMeasurement,
    MeasurementValue,
    ProgressUpdate,
    ReportingPeriod,
    Training,
    TrainingParticipants,
    breakdown_errors,
)

NOT_YOUR_COMMITMENT = "You may not report on this commitment."
NOT_TRAINING = "People trained are reported on training commitments only."
NOT_SUBMITTED = (
    "This update is not waiting for review any more: it was published, sent back or "
    "withdrawn in the meantime."
)
NOT_YOUR_REVIEW = "Only the national coordinators of %(country)s review its progress updates."
COMMENT_REQUIRED = "Say what should change, so that the agency knows what to do."
ALREADY_PUBLISHED = "This update is published already."
PUBLISHED_NEEDS_COORDINATOR = (
    "This update is public, and %(country)s reviews progress updates, so only its national "
    "coordinators change or delete it. To report something new, add a new update."
)

# Audit log actions of the review (registered in wagtail_hooks).
SUBMIT = "tracking.submit"
APPROVE = "tracking.approve"
REQUEST_CHANGES = "tracking.request_changes"
WITHDRAW = "tracking.withdraw"


def _country(update):
    return update.commitment.plan.country


def _log(update, action, actor, **data):
    """Every entry names the country and agency, so the country's Activity report finds it
    even after the update is deleted."""
    country = _country(update)
    data = {"country": country.code, "agency": update.agency_id, **data}
    log(instance=update, action=action, user=actor, data=data)


def _notify(event, update, actor):
    outbox.send_on_commit(
        tasks.send_update_review_notification, event, update.pk, getattr(actor, "pk", None)
    )


def _measurement(row) -> IndicatorMeasurement:
    """A measurement from a dict (its fields, and `breakdown`: dicts of dimension,
    category or region, and value)."""
    row = dict(row)
    values = [MeasurementValue(**value) for value in row.pop("breakdown", ())]
    return IndicatorMeasurement(breakdown=values, **row)


def _validate_children(update, measurements, trainings):
    for measurement in measurements:
        measurement.update = update
        measurement.full_clean(exclude=["update"])
        if measurement.indicator.commitment_id != update.commitment_id:
            raise ValidationError({"measurements": INDICATOR_OF_ANOTHER_COMMITMENT})
        values = list(measurement.breakdown.all())
        for value in values:
            value.full_clean(exclude=["measurement"])
        problems = breakdown_errors(indicator=measurement.indicator, values=values)
        if problems:
            raise ValidationError({"measurements": problems})
    if trainings and update.commitment.kind != Commitment.Kind.TRAINING:
        raise ValidationError({"trainings": NOT_TRAINING})


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
    trainings=(),
    period: ReportingPeriod | None = None,
    funding_spent=None,
    publish: bool = False,
) -> ProgressUpdate:
    """Report progress on a commitment; publishing it moves the commitment's status.

    The reporting agency follows from who reports: the lead agency's members (and the
    country's coordinators) report for the lead agency, a supporting agency's members add
    a contribution. `actor` None is the system (the demo loader): it reports for the lead.
    `trainings`: the keyword arguments of `training_create` for each training it reports.
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
        period=period,
        funding_spent=funding_spent,
        author=actor,
    )
    if reporting_date is not None:
        update.reporting_date = reporting_date
    measurements = [_measurement(m) for m in measurements]
    update.full_clean()
    _validate_children(update, measurements, trainings)
    update.measurements = measurements
    with reversion.create_revision():
        if actor is not None:
            reversion.set_user(actor)
        reversion.set_comment("Added progress update")
        update.save()
        for training in trainings:
            training_create(actor=actor, update=update, **training)
    _log(update, "wagtail.create", actor)
    if publish:
        _make_public_or_submit(actor=actor, update=update)
    return update


def _make_public_or_submit(*, actor, update):
    """What "Publish now" does: publish, or submit where the country reviews updates;
    a coordinator publishing an update waiting for review approves it."""
    if update.is_submitted and permissions.user_may_review(user=actor, update=update):
        return progress_update_approve(actor=actor, update=update)
    if permissions.review_required(user=actor, country=_country(update)):
        return progress_update_submit(actor=actor, update=update)
    return progress_update_publish(actor=actor, update=update)


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
    _log(update, "wagtail.create" if is_new else "wagtail.edit", actor)
    if publish and not update.is_published:
        _make_public_or_submit(actor=actor, update=update)
    elif update.is_submitted and permissions.review_required(user=actor, country=_country(update)):
        # The box unticked on an update waiting for review: back to a draft.
        progress_update_withdraw(actor=actor, update=update)
    elif update.is_published and not update.is_contribution:
        commitment_roll_up(commitment=update.commitment)
    return update


def review_refusal(*, update, action) -> str | None:
    """Why an agency's member may not do `action` to this update because of the country's
    review of updates or a closed reporting period, if that is the reason."""
    if action != "view" and permissions.in_closed_period(update):
        return str(PERIOD_CLOSED)
    country = _country(update)
    if (
        update.is_published
        and action in ("change", "delete")
        and permissions.country_reviews_updates(country)
    ):
        return PUBLISHED_NEEDS_COORDINATOR % {"country": country}
    return None


def refuse_unless(actor, action, update):
    """For every service: PermissionDenied, with the reason, unless the actor may."""
    if actor is None or permissions.progress_update_policy.user_has_permission_for_instance(
        actor, action, update
    ):
        return
    raise PermissionDenied(review_refusal(update=update, action=action) or NOT_YOUR_COMMITMENT)


@transaction.atomic
def progress_update_submit(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    """Ask the country's coordinators to approve an update; it stays private meanwhile."""
    refuse_unless(actor, "submit", update)
    if update.is_published:
        raise ValidationError(ALREADY_PUBLISHED)
    ensure_publishable(instance=update)
    was_submitted = update.is_submitted
    update.submitted_at, update.submitted_by = timezone.now(), actor
    update.rejected_at, update.rejected_by, update.rejected_comment = None, None, ""
    update.save(
        update_fields=[
            "submitted_at",
            "submitted_by",
            "rejected_at",
            "rejected_by",
            "rejected_comment",
        ]
    )
    if not was_submitted:
        _log(update, SUBMIT, actor)
        _notify("submitted", update, actor)
    return update


@transaction.atomic
def progress_update_withdraw(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    refuse_unless(actor, "change", update)
    if not update.is_submitted:
        raise ValidationError(NOT_SUBMITTED)
    update.submitted_at = None
    update.save(update_fields=["submitted_at"])
    _log(update, WITHDRAW, actor)
    return update


def _refuse_unless_reviewer(actor, update):
    update = ProgressUpdate.objects.select_for_update().get(pk=update.pk)
    if not update.is_submitted:
        raise ValidationError(NOT_SUBMITTED)
    if not permissions.user_may_review(user=actor, update=update):
        raise PermissionDenied(NOT_YOUR_REVIEW % {"country": _country(update)})
    return update


@transaction.atomic
def progress_update_approve(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    """A coordinator approves a submitted update: it is published at once."""
    update = _refuse_unless_reviewer(actor, update)
    _log(update, APPROVE, actor)
    progress_update_publish(actor=actor, update=update)
    _notify("approved", update, actor)
    return update


@transaction.atomic
def progress_update_request_changes(
    *, actor, update: ProgressUpdate, comment: str
) -> ProgressUpdate:
    """A coordinator sends a submitted update back, saying what should change."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": COMMENT_REQUIRED})
    update = _refuse_unless_reviewer(actor, update)
    update.submitted_at = None
    update.rejected_at, update.rejected_by, update.rejected_comment = timezone.now(), actor, comment
    update.save(update_fields=["submitted_at", "rejected_at", "rejected_by", "rejected_comment"])
    _log(update, REQUEST_CHANGES, actor, comment=comment)
    _notify("rejected", update, actor)
    return update


@transaction.atomic
def progress_update_delete(*, actor, update: ProgressUpdate) -> None:
    refuse_unless(actor, "delete", update)
    commitment, was_rolled_up = (
        update.commitment,
        update.is_published and not update.is_contribution,
    )
    _log(update, "wagtail.delete", actor)
    update.delete()
    if was_rolled_up:
        commitment_roll_up(commitment=commitment)


@transaction.atomic
def progress_update_publish(*, actor, update: ProgressUpdate) -> ProgressUpdate:
    """Make an update public (the only way to); the lead agency's latest published update
    sets the commitment's status (`commitment_roll_up`).

    Where the country reviews updates only its coordinators may (approving it), so an
    agency's member is refused here whichever way they come.
    """
    refuse_unless(actor, "publish", update)
    ensure_publishable(instance=update)
    update.published_at = timezone.now()
    update.save(update_fields=["published_at"])
    _log(update, "wagtail.publish", actor)
    if not update.is_contribution:
        commitment_roll_up(commitment=update.commitment)
    return update


def commitment_roll_up(*, commitment: Commitment) -> None:
    """Set the commitment's current status and progress from its latest published update.

    The one rule of which wins (`models.STATUS_RULE`, shown in the update form): the
    lead agency's latest published update, by reporting date, sets the commitment's
    status and progress; a contribution, a draft or an update waiting for review never
    does. A status set on the commitment itself (marking it dropped, through review)
    holds until the next update is published.

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


# --- Reporting periods --------------------------------------------------------------

NOT_YOUR_PERIODS = (
    "Only the national coordinators of %(country)s open and close its reporting periods."
)
PERIOD_NOT_OPEN = "This reporting period is closed already."
REPORTS_AWAITING_REVIEW = (
    "%(count)s period reports of “%(period)s” wait for review. Approve them or send them "
    "back before closing the period, so that the annual report holds what was reviewed."
)
OPEN_PERIOD = "tracking.period_open"
CLOSE_PERIOD = "tracking.period_close"


def _refuse_unless_period_manager(actor, plan):
    if actor is not None and not plan_permissions.user_can_manage_reporting_periods(
        user=actor, plan=plan
    ):
        raise PermissionDenied(NOT_YOUR_PERIODS % {"country": plan.country})


def _log_period(period, action, actor):
    log(
        instance=period,
        action=action,
        user=actor,
        data={"country": period.plan.country.code, "plan": period.plan_id, "title": period.title},
    )


@transaction.atomic
def reporting_period_open(
    *, actor, plan, title: str, slug: str, starts_on, ends_on, deadline
) -> ReportingPeriod:
    """Open a reporting cycle: the plan's lead agencies may then file period reports."""
    plan = in_default_locale(plan)  # commitments, and so their reports, belong to it
    _refuse_unless_period_manager(actor, plan)
    period = ReportingPeriod(
        plan=plan,
        title=title,
        slug=slug,
        starts_on=starts_on,
        ends_on=ends_on,
        deadline=deadline,
        opened_by=actor,
    )
    period.full_clean()
    period.save()
    _log_period(period, OPEN_PERIOD, actor)
    return period


@transaction.atomic
def reporting_period_change(*, actor, period: ReportingPeriod, **fields) -> ReportingPeriod:
    """Correct an open period's title, dates or deadline; a closed one is frozen."""
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    _refuse_unless_period_manager(actor, period.plan)
    if period.is_closed:
        raise ValidationError(PERIOD_NOT_OPEN)
    for name, value in fields.items():
        setattr(period, name, value)
    period.full_clean()
    period.save()
    _log_period(period, "wagtail.edit", actor)
    return period


def reports_awaiting_review(period) -> int:
    return period.reports.filter(submitted_at__isnull=False, published_at__isnull=True).count()


def reporting_period_close(*, actor, period: ReportingPeriod) -> ReportingPeriod:
    """Mark a period closed, freezing its reports. Called inside the transaction that
    also freezes the period's snapshot (publishing.annual_reports.period_close), which
    is the one entry point: closing without a report would lose the year's record."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("close a period through publishing.annual_reports.period_close")
    period = (
        ReportingPeriod.objects.select_for_update()
        .select_related("plan__country")
        .get(pk=period.pk)
    )
    _refuse_unless_period_manager(actor, period.plan)
    if period.is_closed:
        raise ValidationError(PERIOD_NOT_OPEN)
    waiting = reports_awaiting_review(period)
    if waiting:
        raise ValidationError(REPORTS_AWAITING_REVIEW % {"count": waiting, "period": period.title})
    period.state = ReportingPeriod.State.CLOSED
    period.closed_by = actor
    period.closed_at = timezone.now()
    period.save(update_fields=["state", "closed_by", "closed_at"])
    _log_period(period, CLOSE_PERIOD, actor)
    return period


# Trainings: children of a progress update, so the rights, the review and publication are
# the update's (`permissions.training_policy` asks the update's policy).


def _training_children(training, participants, findings):
    """Check a training and its participant rows and findings; raise ValidationError."""
    training.full_clean()
    seen = set()
    for row in participants:
        row.training = training
        row.full_clean(exclude=["training"])
        if (row.audience, row.sex) in seen:
            raise ValidationError({"participants": DUPLICATE_PARTICIPANTS})
        seen.add((row.audience, row.sex))
    training.clean_findings(findings)


def _touch(update):
    """A change to its trainings is a change to the update: the coordinator's review of
    an older version is then refused as stale (`ProgressUpdate.updated_at`)."""
    ProgressUpdate.objects.filter(pk=update.pk).update(updated_at=timezone.now())


@transaction.atomic
def training_create(
    *,
    actor,
    update: ProgressUpdate,
    title: str,
    starts_on,
    ends_on,
    mode: str,
    curriculum: str = "",
    trainers: str = "",
    city: str = "",
    pre_test_average=None,
    post_test_average=None,
    participants=(),
    findings=(),
) -> Training:
    """Report a training with an update of a training commitment; `participants` are
    `{audience, sex, people}` counts (aggregates, never people). `actor` None is the
    system (the demo loader)."""
    refuse_unless(actor, "change", update)
    training = Training(
        update=update,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        mode=mode,
        curriculum=curriculum,
        trainers=trainers,
        city=city,
        pre_test_average=pre_test_average,
        post_test_average=post_test_average,
    )
    rows = [TrainingParticipants(**row) for row in participants]
    findings = list(findings)
    _training_children(training, rows, findings)
    training.participants = rows
    training.findings = findings  # a cluster: written with the training's save
    with reversion.create_revision():
        if actor is not None:
            reversion.set_user(actor)
        reversion.set_comment("Added training")
        training.save()
    _after_training_change(actor=actor, update=update, training=training, action="wagtail.create")
    return training


def _after_training_change(*, actor, update, training, action):
    log(instance=training, action=action, user=actor, data={"update": update.pk})
    _touch(update)
    if update.is_submitted and permissions.review_required(user=actor, country=_country(update)):
        # As for the update itself: what the coordinator is reviewing changed, so it is a
        # draft again until the agency submits it anew.
        progress_update_withdraw(actor=actor, update=update)


@transaction.atomic
def training_save(*, actor, form) -> Training:
    """Save a training from its admin form (with its participant rows and findings)."""
    training = form.instance
    if training.pk is not None:
        before = Training.objects.select_related("update").get(pk=training.pk)
        refuse_unless(actor, "change", before.update)
    refuse_unless(actor, "change", training.update)
    is_new = training.pk is None
    with reversion.create_revision():
        reversion.set_user(actor)
        reversion.set_comment("Added training" if is_new else "Edited training")
        training = form.save()
    update = ProgressUpdate.objects.get(pk=training.update_id)
    _after_training_change(
        actor=actor,
        update=update,
        training=training,
        action="wagtail.create" if is_new else "wagtail.edit",
    )
    return training


@transaction.atomic
def training_delete(*, actor, training: Training) -> None:
    update = training.update
    refuse_unless(actor, "change", update)
    _after_training_change(actor=actor, update=update, training=training, action="wagtail.delete")
    training.delete()


@transaction.atomic
def training_answers(*, actor, training: Training, finding) -> Training:
    """Say that a training answers one more of its commitment's findings."""
    refuse_unless(actor, "change", training.update)
    findings = [*training.findings.all(), finding]
    training.clean_findings(findings)
    training.findings = findings
    with reversion.create_revision():
        reversion.set_comment("Edited training")
        training.save()
    _after_training_change(
        actor=actor, update=training.update, training=training, action="wagtail.edit"
    )
    return training
