from celery import shared_task

from . import outbox


@shared_task
def flush_queued_tasks():
    return outbox.flush()
