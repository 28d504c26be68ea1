"""Wagtail's review signals, turned into tasks that e-mail the people concerned.

Only dispatching lives here; who is told what is in `plans.notifications`.
"""

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from home import outbox

from . import tasks


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
