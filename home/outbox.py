"""Handing work to Celery without ever failing the user's request or losing the work.

`send()` gives a task to the broker, retrying briefly; if the broker is down (or, when
tasks run eagerly, the task itself fails, e.g. the mail server is down), the task is
kept in the database as a `QueuedTask`, and `flush()` (run by beat every minute) sends it
again. The user's save has already been committed either way.
"""

import logging
from functools import partial

from celery import current_app
from django.db import transaction

from .models import QueuedTask

logger = logging.getLogger(__name__)

RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def send(task, *args, **kwargs) -> bool:
    """True if Celery took (or, eagerly, ran) the task; False if it was kept for later."""
    try:
        task.apply_async(args=args, kwargs=kwargs, retry=True, retry_policy=RETRY_POLICY)
    except Exception as error:  # the broker, or an eager task's own failure
        QueuedTask.objects.create(
            name=task.name, args=list(args), kwargs=kwargs, last_error=repr(error)[:2000]
        )
        logger.warning("Task %s kept for later: %r", task.name, error)
        return False
    return True


def send_on_commit(task, *args, **kwargs) -> None:
    transaction.on_commit(partial(send, task, *args, **kwargs))


def flush(*, limit: int = 200) -> int:
    """Send kept tasks again, oldest first; stops at the first that still fails."""
    sent = 0
    # Task modules register on import; a flush in a web process may not have them yet.
    # Names are kept when a task moves module, so import every app's tasks.
    current_app.loader.import_default_modules()
    for queued in QueuedTask.objects.all()[:limit]:
        task = current_app.tasks[queued.name]
        try:
            task.apply_async(
                args=queued.args, kwargs=queued.kwargs, retry=True, retry_policy=RETRY_POLICY
            )
        except Exception as error:
            queued.attempts += 1
            queued.last_error = repr(error)[:2000]
            queued.save(update_fields=["attempts", "last_error"])
            break
        queued.delete()
        sent += 1
    return sent
