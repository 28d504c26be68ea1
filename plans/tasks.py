"""Background work for plans. Tasks take ids and call a plain function."""

from smtplib import SMTPException

from celery import shared_task

from . import notifications


@shared_task(
    name="plans.tasks.send_review_notification",
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_review_notification(event, workflow_state_id=None, task_state_id=None, actor_id=None):
    return notifications.send_review_notification(
        event,
        workflow_state_id=workflow_state_id,
        task_state_id=task_state_id,
        actor_id=actor_id,
    )


@shared_task(
    name="plans.tasks.send_consultation_opened",
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_consultation_opened(consultation_id):
    return notifications.send_consultation_opened(consultation_id)
