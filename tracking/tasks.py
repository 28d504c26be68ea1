"""Scheduled by Celery beat (CELERY_BEAT_SCHEDULE in settings)."""

from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from . import reminders


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=3)
def send_reminders():
    outcome = reminders.send_reminders(on=timezone.localdate())
    return {"sent": outcome.sent, "emails": outcome.emails, "batches": outcome.batches}


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=3)
def send_digests():
    outcome = reminders.send_digests(on=timezone.localdate())
    return {"sent": outcome.sent, "emails": outcome.emails}
