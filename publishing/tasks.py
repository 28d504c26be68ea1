"""Background work of the public site. Tasks take ids and call a plain function.

The task names are the ones they had in `plans.tasks`: the outbox stores names, and a
task kept there before this module existed must still be found.
"""

from celery import shared_task
from django.conf import settings

from home import outbox

from . import annual_report_files, caching, figures, pdf, purging


@shared_task(name="plans.tasks.build_plan_pdf", acks_late=True, soft_time_limit=300)
def build_plan_pdf(plan_id, language):
    return pdf.build_plan_pdf(plan_id=plan_id, language=language)


@shared_task(name="plans.tasks.refresh_public_cache")
def refresh_public_cache(plan_id=None, everything=False):
    """After a publish commits: invalidate again (a request may have cached the state
    between the first invalidation and the commit), then recompute the plan's stored
    public figures and rebuild its PDF in the site's default language, so that their
    first reader need not wait."""
    if everything:
        caching.invalidate_everything()
    if plan_id is None:
        caching.invalidate_site()
        return
    caching.invalidate_plan(plan_id)
    # After the generation it reads: figures recomputed before it would be stale again.
    outbox.send(refresh_plan_figures, plan_id)
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        outbox.send(build_plan_pdf, plan_id, settings.LANGUAGE_CODE)


@shared_task(name="publishing.tasks.refresh_plan_figures")
def refresh_plan_figures(plan_id):
    """The plan's stored public figures (`publishing.figures`), recomputed after a
    publication; a reader who comes first computes them itself."""
    return figures.refresh_plan(plan_id)


@shared_task(name="publishing.tasks.purge_frontend_cache")
def purge_frontend_cache(**changes):
    """After a publish commits: purge the proxy or CDN in front (`publishing.purging`)."""
    return purging.purge(**changes)


@shared_task(name="publishing.tasks.build_annual_report_files", acks_late=True, soft_time_limit=900)
def build_annual_report_files(report_id):
    """After a period closes: its PDF per language and its spreadsheet, made once."""
    return annual_report_files.build_files(report_id)
