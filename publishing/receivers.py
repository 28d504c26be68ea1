"""What invalidates the public cache: publishing, unpublishing or deleting a plan, a
commitment or a progress update; names shown on every page (agencies, countries,
reference data); who may see a page; which page a site's path is.

Each bumps a generation now, so this request's next read is fresh, and again after the
transaction commits, in a task (which also recomputes the plan's stored public figures,
`publishing.figures`, and with a worker rebuilds its PDF).
What a generation covers is in `publishing.caching`.

Each also notes what changed for the proxy or CDN in front, when one is configured: after
the transaction commits, one task purges the public URLs that show it (`publishing.purging`).
"""

from collections import defaultdict

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home import outbox
from home.i18n import in_default_locale
from plans.models import (
    Capability,
    Commitment,
    ConsultationRound,
    Domain,
    LegislativeCriterion,
    LegislativeReview,
    MaturityLevel,
    NationalPlanPage,
)
from stakeholders.models import Agency, Country
from tracking.models import ProgressUpdate, Training

from . import caching, purging, tasks

# --- The front-end cache: what changed in this transaction, purged once it commits ------


class PendingPurge:
    """What one transaction changed, purged in one task once it commits (it is the
    transaction's on-commit callback)."""

    def __init__(self):
        self.plans, self.agencies, self.countries = set(), set(), set()
        self.commitments = defaultdict(set)
        self.everything = False
        self.urls, self.skip = set(), set()

    def note(self, *, plan, commitment, agency, country, everything, urls, skip):
        if commitment is not None:
            self.commitments[plan].add(commitment)
        elif plan is not None:
            self.plans.add(plan)
        if agency is not None:
            self.agencies.add(agency)
        if country is not None:
            self.countries.add(country)
        self.everything |= everything
        self.urls.update(urls)
        self.skip.update(skip)

    def as_task_kwargs(self) -> dict:
        return {
            "plans": sorted(self.plans),
            "commitments": {str(pk): sorted(ids) for pk, ids in self.commitments.items()},
            "agencies": sorted(self.agencies),
            "countries": sorted(self.countries),
            "everything": self.everything,
            "urls": sorted(self.urls),
            "skip": sorted(self.skip),
        }

    def __call__(self):
        connection = transaction.get_connection()
        if getattr(connection, "pending_frontend_purge", None) is self:
            connection.pending_frontend_purge = None
        outbox.send(tasks.purge_frontend_cache, **self.as_task_kwargs())


def purge_on_commit(
    *, plan=None, commitment=None, agency=None, country=None, everything=False, urls=(), skip=()
):
    """Note what changed (ids; `commitment` with its `plan`): once the transaction
    commits, one task purges the proxy or CDN of everything noted. Nothing when no proxy
    or CDN is configured."""
    if not purging.enabled():
        return
    connection = transaction.get_connection()
    pending = getattr(connection, "pending_frontend_purge", None)
    # The transaction's own, while it is still to run: a rollback discards the callback
    # (and so what it noted), and a later transaction starts a new one.
    current = pending is not None and any(hook[1] is pending for hook in connection.run_on_commit)
    if not current:
        pending = PendingPurge()
    pending.note(
        plan=plan,
        commitment=commitment,
        agency=agency,
        country=country,
        everything=everything,
        urls=urls,
        skip=skip,
    )
    if not current:
        connection.pending_frontend_purge = pending
        transaction.on_commit(pending)  # at once outside a transaction


def _purged_by_wagtail(page, signal) -> list[str]:
    """What Wagtail's own handler purges for this signal (page publish and unpublish)."""
    if signal not in (page_published, page_unpublished) or not purging.enabled():
        return []
    return purging.wagtail_purged_urls(page)


# --- Receivers ----------------------------------------------------------------------------


def _plan_changed(plan_id):
    # Now, so this request's own next read is fresh; again after commit, in a task.
    caching.invalidate_plan(plan_id)
    outbox.send_on_commit(tasks.refresh_public_cache, plan_id)


def plan_record_changed(plan_id):
    """Something the plan page shows changed outside a publish (a reporting period closed,
    adding its annual report): refresh the caches and the proxy of the plan's pages."""
    _plan_changed(plan_id)
    purge_on_commit(plan=plan_id)


def _everything_changed(**kwargs):
    caching.invalidate_everything()
    outbox.send_on_commit(tasks.refresh_public_cache, everything=True)


def _everything_to_purge(**kwargs):
    purge_on_commit(everything=True)


def on_page_changed(sender, instance, signal=None, **kwargs):
    if isinstance(instance, NationalPlanPage):
        # A translation shares the English plan's commitments, cache generation and PDF.
        plan = in_default_locale(instance)
        _plan_changed(plan.pk)
        skip = _purged_by_wagtail(instance, signal)
        if signal is not post_delete:
            purge_on_commit(plan=plan.pk, skip=skip)
        elif instance.live and purging.enabled():
            # Gone after the commit, so its URLs are named now. (Deleting it deletes its
            # Page row too, which purges every other plan and the listings.)
            purge_on_commit(urls=purging.plan_urls(instance))
    elif isinstance(instance, Page):
        # The home page, the plan index, or a page deleted under them.
        _everything_changed()
        purge_on_commit(everything=True, skip=_purged_by_wagtail(instance, signal))


def on_commitment_changed(sender, instance, **kwargs):
    if instance.plan_id:
        _plan_changed(instance.plan_id)
        purge_on_commit(plan=instance.plan_id, commitment=instance.pk)


def on_progress_update_changed(sender, instance, **kwargs):
    if instance.published_at is None:
        return
    try:
        commitment = instance.commitment
    except ObjectDoesNotExist:  # deleted with its commitment, which says so itself
        return
    _plan_changed(commitment.plan_id)
    purge_on_commit(plan=commitment.plan_id, commitment=commitment.pk)


def on_training_changed(sender, instance, **kwargs):
    """A training of a published update changed (where the country lets the agency edit a
    published update): the pages showing its people trained are stale."""
    update = ProgressUpdate.objects.filter(pk=instance.update_id).first()
    if update is not None:
        on_progress_update_changed(ProgressUpdate, update)


def on_view_restriction_changed(sender, instance, **kwargs):
    """Every page may show the restricted page's title; the plans under it are purged
    by id too, since a restricted plan is no longer among the published ones."""
    if not purging.enabled():
        return
    try:
        page = instance.page
    except ObjectDoesNotExist:  # deleted with its page, which says so itself
        return
    plans = NationalPlanPage.objects.filter(path__startswith=page.path)
    for plan in plans.select_related("locale"):
        purge_on_commit(plan=in_default_locale(plan).pk)
    purge_on_commit(everything=True)


def on_consultation_changed(sender, instance, **kwargs):
    """A round closed, its summary published or withdrawn: the plan's page and exports."""
    _plan_changed(instance.plan_id)
    purge_on_commit(plan=instance.plan_id)


def on_agency_changed(sender, instance, **kwargs):
    purge_on_commit(agency=instance.pk)


def on_country_changed(sender, instance, **kwargs):
    purge_on_commit(country=instance.pk)


def connect():
    page_published.connect(on_page_changed, dispatch_uid="public_cache_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="public_cache_page_unpublished")
    post_page_move.connect(_everything_changed, dispatch_uid="public_cache_page_moved")
    post_page_move.connect(_everything_to_purge, dispatch_uid="frontend_cache_page_moved")
    # Without a sender: deleting a page deletes a row of each of its page classes.
    post_delete.connect(on_page_changed, dispatch_uid="public_cache_page_deleted")
    for signal in (published, unpublished):
        signal.connect(on_commitment_changed, sender=Commitment, dispatch_uid=f"pc_{signal}")
    post_delete.connect(on_commitment_changed, sender=Commitment, dispatch_uid="pc_commit_del")
    for signal in (post_save, post_delete):
        signal.connect(
            on_consultation_changed, sender=ConsultationRound, dispatch_uid=f"pc_consult_{signal}"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            on_progress_update_changed, sender=ProgressUpdate, dispatch_uid=f"pc_update_{signal}"
        )
        signal.connect(on_training_changed, sender=Training, dispatch_uid=f"pc_training_{signal}")
    # Names shown on every public page, who may see a page, and which page a site's path
    # is (the cache's fast path maps a site and path to a cached page).
    # A legislative review is shown on /compare/ and on its country's plan pages (saved
    # with its assessments and bills, in one transaction: the task after the commit
    # reads them all).
    shown_everywhere = (
        Agency,
        Country,
        Capability,
        Domain,
        MaturityLevel,
        LegislativeCriterion,
        LegislativeReview,
        PageViewRestriction,
        Site,
    )
    for model in shown_everywhere:
        for signal in (post_save, post_delete):
            signal.connect(
                _everything_changed, sender=model, dispatch_uid=f"pc_{model.__name__}_{signal}"
            )
    # The proxy or CDN: only the pages that print an agency's or a country's name.
    for model, receiver in (
        (Agency, on_agency_changed),
        (Country, on_country_changed),
        (Capability, _everything_to_purge),
        (Domain, _everything_to_purge),
        (MaturityLevel, _everything_to_purge),
        (LegislativeCriterion, _everything_to_purge),
        (LegislativeReview, _everything_to_purge),
        (PageViewRestriction, on_view_restriction_changed),
        (Site, _everything_to_purge),
    ):
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"fc_{model.__name__}_{signal}")
