"""What invalidates the public cache: publishing, unpublishing or deleting a plan, a
commitment or a progress update; names shown on every page (agencies, countries,
reference data); who may see a page; which page a site's path is.

Each bumps a generation now, so this request's next read is fresh, and again after the
transaction commits, in a task (which with a worker also rebuilds the plan's PDF).
What a generation covers is in `publishing.caching`.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home import outbox
from home.i18n import in_default_locale
from plans.models import Capability, Commitment, Domain, MaturityLevel, NationalPlanPage
from stakeholders.models import Agency, Country
from tracking.models import ProgressUpdate

from . import caching, tasks


def _plan_changed(plan_id):
    # Now, so this request's own next read is fresh; again after commit, in a task.
    caching.invalidate_plan(plan_id)
    outbox.send_on_commit(tasks.refresh_public_cache, plan_id)


def _everything_changed(**kwargs):
    caching.invalidate_everything()
    outbox.send_on_commit(tasks.refresh_public_cache, everything=True)


def on_page_changed(sender, instance, **kwargs):
    if isinstance(instance, NationalPlanPage):
        # A translation shares the English plan's commitments, cache generation and PDF.
        _plan_changed(in_default_locale(instance).pk)
    elif isinstance(instance, Page):
        # The home page, the plan index, or a page deleted under them.
        _everything_changed()


def on_commitment_changed(sender, instance, **kwargs):
    if instance.plan_id:
        _plan_changed(instance.plan_id)


def on_progress_update_changed(sender, instance, **kwargs):
    if instance.published_at is None:
        return
    try:
        plan_id = instance.commitment.plan_id
    except ObjectDoesNotExist:  # deleted with its commitment, which says so itself
        return
    _plan_changed(plan_id)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="public_cache_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="public_cache_page_unpublished")
    post_page_move.connect(_everything_changed, dispatch_uid="public_cache_page_moved")
    # Without a sender: deleting a page deletes a row of each of its page classes.
    post_delete.connect(on_page_changed, dispatch_uid="public_cache_page_deleted")
    for signal in (published, unpublished):
        signal.connect(on_commitment_changed, sender=Commitment, dispatch_uid=f"pc_{signal}")
    post_delete.connect(on_commitment_changed, sender=Commitment, dispatch_uid="pc_commit_del")
    for signal in (post_save, post_delete):
        signal.connect(
            on_progress_update_changed, sender=ProgressUpdate, dispatch_uid=f"pc_update_{signal}"
        )
    # Names shown on every public page, who may see a page, and which page a site's path
    # is (the cache's fast path maps a site and path to a cached page).
    for model in (Agency, Country, Capability, Domain, MaturityLevel, PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                _everything_changed, sender=model, dispatch_uid=f"pc_{model.__name__}_{signal}"
            )
