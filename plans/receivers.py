"""Wagtail's review signals, turned into tasks that e-mail the people concerned, and the
set-up of plan translations made outside this app's services.

Only dispatching lives here; who is told what is in `plans.notifications`.
"""

from django.db.models.signals import post_save
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from home import outbox

from . import services, tasks
from .models import NationalPlanPage


def _dispatch(event, **ids):
    outbox.send_on_commit(tasks.send_review_notification, event, **ids)


def on_task_submitted(sender, instance, user=None, **kwargs):
    _dispatch("submitted", task_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def on_workflow_approved(sender, instance, user=None, **kwargs):
    _dispatch("approved", workflow_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    _dispatch("rejected", workflow_state_id=instance.pk, actor_id=getattr(user, "pk", None))


def set_up_translated_plan(sender, instance, created, raw=False, **kwargs):
    """A translation made with wagtail-localize's own tools (a superuser's) gets its
    country's rights and review like the original; `plan_setup` is idempotent."""
    if created and not raw and instance.locale_id != Locale.get_default().pk:
        services.plan_setup(plan=instance)


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
    post_save.connect(
        set_up_translated_plan, sender=NationalPlanPage, dispatch_uid="plans_translated_plan"
    )
    task_submitted.connect(on_task_submitted, dispatch_uid="plans_task_submitted")
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="plans_workflow_approved"
    )
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="plans_workflow_rejected"
    )
