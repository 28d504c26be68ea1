"""Reminders and digests, scheduled by Celery beat (CELERY_BEAT_SCHEDULE in settings), and
the e-mails of the review of progress updates. Tasks take ids and call a plain function."""

from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from . import notifications, reminders


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=3)
def send_reminders():
    outcome = reminders.send_reminders(on=timezone.localdate())
    return {"sent": outcome.sent, "emails": outcome.emails, "batches": outcome.batches}


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=3)
def send_digests():
    outcome = reminders.send_digests(on=timezone.localdate())
    return {"sent": outcome.sent, "emails": outcome.emails}


@shared_task(
    name="tracking.tasks.send_update_review_notification",
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_update_review_notification(event, update_id, actor_id=None):
    return notifications.send_update_review_notification(
        event, update_id=update_id, actor_id=actor_id
    )
