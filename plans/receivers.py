"""Signals, turned into tasks: review notifications and public cache invalidation.

Only dispatching lives here; who is told what is in `plans.notifications`, and what a
cache key covers is in `plans.caching`.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save

from home import outbox

from . import caching, tasks


def _dispatch(event, **ids):
    outbox.send_on_commit(tasks.send_review_notification, event, **ids)


def on_task_submitted(sender, instance, user=None, **kwargs):
    _dispatch("submitted", task_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def on_workflow_approved(sender, instance, user=None, **kwargs):
    _dispatch("approved", workflow_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    _dispatch("rejected", workflow_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def connect():
    """Replace Wagtail's synchronous review e-mails with ours (sent by Celery)."""
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import (
        task_submitted,
        workflow_approved,
        workflow_rejected,
        workflow_submitted,
    )

    task_submitted.disconnect(
        sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    for signal, uid in (
        (workflow_submitted, "workflow_state_submitted_email_notification"),
        (workflow_rejected, "workflow_state_rejected_email_notification"),
        (workflow_approved, "workflow_state_approved_email_notification"),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
    task_submitted.connect(on_task_submitted, dispatch_uid="plans_task_submitted")
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="plans_workflow_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="plans_workflow_rejected"
    )


# --- Public cache --------------------------------------------------------------------


def _plan_changed(plan_id):
    # Now, so this request's own next read is fresh; again after commit, in a task.
    caching.invalidate_plan(plan_id)
    outbox.send_on_commit(tasks.refresh_public_cache, plan_id)


def _everything_changed(**kwargs):
    caching.invalidate_everything()
    outbox.send_on_commit(tasks.refresh_public_cache, everything=True)


def on_page_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    from home.i18n import in_default_locale

    from .models import NationalPlanPage

    if isinstance(instance, NationalPlanPage):
        # A translation shares the English plan's commitments, cache generation and PDF.
        _plan_changed(in_default_locale(instance).pk)
    elif isinstance(instance, Page):
        # The home page, the plan index, or a page deleted under them.
        _everything_changed()


def on_commitment_changed(sender, instance, **kwargs):
    if instance.plan_id:
        _plan_changed(instance.plan_id)


def on_progress_update_changed(sender, instance, **kwargs):
    if instance.published_at is None:
        return
    try:
        plan_id = instance.commitment.plan_id
    except ObjectDoesNotExist:  # deleted with its commitment, which says so itself
        return
    _plan_changed(plan_id)


def connect_public_cache():
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    from stakeholders.models import Agency, Country
    from tracking.models import ProgressUpdate

    from .models import Capability, Commitment, Domain, MaturityLevel

    page_published.connect(on_page_changed, dispatch_uid="public_cache_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="public_cache_page_unpublished")
    post_page_move.connect(_everything_changed, dispatch_uid="public_cache_page_moved")
    # Without a sender: deleting a page deletes a row of each of its page classes.
    post_delete.connect(on_page_changed, dispatch_uid="public_cache_page_deleted")
    for signal in (published, unpublished):
        signal.connect(on_commitment_changed, sender=Commitment, dispatch_uid=f"pc_{signal}")
    post_delete.connect(on_commitment_changed, sender=Commitment, dispatch_uid="pc_commit_del")
    for signal in (post_save, post_delete):
        signal.connect(
            on_progress_update_changed, sender=ProgressUpdate, dispatch_uid=f"pc_update_{signal}"
        )
    # Names shown on every public page, who may see a page, and which page a site's path
    # is (the cache's fast path maps a site and path to a cached page).
    for model in (Agency, Country, Capability, Domain, MaturityLevel, PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                _everything_changed, sender=model, dispatch_uid=f"pc_{model.__name__}_{signal}"
            )
