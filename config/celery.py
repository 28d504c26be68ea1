"""Celery application: `celery -A config worker` and `celery -A config beat`.

https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("config")
# Every CELERY_* Django setting configures Celery; with no broker set the settings turn
# on task_always_eager, so the default run needs no services.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
