"""Writes of the interchange: a spreadsheet imported into a plan, all rows or none."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from plans import permissions
from plans import services as plan_services
from plans.models import Commitment, NationalPlanPage

from . import importing
from .importing.checking import IN_REVIEW

NOT_ALLOWED_TO_IMPORT = "Only the national coordinators of %(country)s may import into %(plan)s."
IMPORT_ROW_FAILED = "Refused while importing: %(error)s. Nothing was imported."


def plan_import(*, actor, plan: NationalPlanPage, file_name: str, content: bytes, dry_run=False):
    """Import commitments from a spreadsheet into `plan`: all of them as drafts, or none.

    Rows with the id of one of the plan's commitments become a new draft revision of it
    (never published: it goes through review like any edit); other rows become new draft
    commitments. Any problem in any row, found by the check or by a service below,
    leaves the database as it was. `actor` None means the system (the management command).
    """
    if actor is not None and not permissions.user_can_import_into_plan(user=actor, plan=plan):
        raise PermissionDenied(NOT_ALLOWED_TO_IMPORT % {"country": plan.country, "plan": plan})
    result = importing.check_import(plan=plan, name=file_name, content=content, actor=actor)
    if dry_run or result.problems:
        return result
    try:
        with transaction.atomic():
            _plan_import_write(actor=actor, plan=plan, result=result)
    except _ImportRowFailed as failure:
        result.problems.append(
            importing.Problem(failure.row, "", IMPORT_ROW_FAILED % {"error": failure.error})
        )
        return result
    result.done = True
    return result


class _ImportRowFailed(Exception):
    def __init__(self, row, error):
        super().__init__(row, error)
        self.row, self.error = row, error


def _refuse_if_in_review(row) -> None:
    """The check refused commitments in review; one may have been submitted since."""
    # A fresh copy: the checked one carries the review states prefetched at check time.
    commitment = Commitment.objects.get(pk=row.commitment.pk)
    if commitment.workflow_in_progress:
        title = commitment.get_latest_revision_as_object().title
        raise _ImportRowFailed(row.row, IN_REVIEW % {"pk": commitment.pk, "title": title})


def _plan_import_write(*, actor, plan, result) -> None:
    for row in result.rows:
        try:
            if row.action == "create":
                row.commitment = plan_services.commitment_create(
                    actor=actor, plan=plan, publish=False, **row.values
                )
            elif row.action == "update":
                _refuse_if_in_review(row)
                plan_services.commitment_save_draft(
                    actor=actor, commitment=row.commitment, **row.values
                )
        except (ValidationError, PermissionDenied) as error:
            # The check validated each row; what is left is what only the write can find
            # (rights changed meanwhile, a row another user just edited). Roll back all.
            message = "; ".join(getattr(error, "messages", None) or [str(error)])
            raise _ImportRowFailed(row.row, message) from error
    log(
        instance=plan,
        action="plans.import",
        user=actor,
        data={
            "file": result.file_name,
            "created": len(result.to_create),
            "updated": len(result.to_update),
        },
    )
