"""Background work for plans. Tasks take ids and call a plain function."""

from smtplib import SMTPException

from celery import shared_task

from home import outbox

from . import caching, notifications, pdf


@shared_task(
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


@shared_task(acks_late=True, soft_time_limit=300)
def build_plan_pdf(plan_id, language):
    return pdf.build_plan_pdf(plan_id=plan_id, language=language)


@shared_task
def refresh_public_cache(plan_id=None, everything=False):
    """After a publish commits: invalidate again (a request may have cached the state
    between the first invalidation and the commit), then rebuild the plan's PDF in the
    site's default language so its first reader need not wait."""
    from django.conf import settings

    if everything:
        caching.invalidate_everything()
    if plan_id is None:
        caching.invalidate_site()
        return
    caching.invalidate_plan(plan_id)
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        outbox.send(build_plan_pdf, plan_id, settings.LANGUAGE_CODE)
