"""Purging the reverse proxy or CDN in front of the site (Wagtail's frontend cache).

This site's own cache is invalidated by generations (`publishing.caching`); a proxy or CDN
keeps public responses for `PUBLIC_CACHE_SHARED_MAX_AGE` and knows nothing of them. So
whenever a generation changes, the receivers (`publishing.receivers`) also note *what*
changed, and after the transaction commits one Celery task (`purge_frontend_cache`)
purges the public URLs that show it, in one `PurgeBatch`, through the backends of
`WAGTAILFRONTENDCACHE` (configured from the environment in `config/settings/base.py`):

What is purged, in English (no prefix) and under /ar/, /es/, /fr/ and /sw/:

- a commitment published, unpublished or deleted, or a published progress update of it:
  its plan's page and exports, its own page, and the listings (`/`, `/plans/`,
  `/compare/` and its CSV), whose figures count it;
- a plan page published or unpublished (or a translation of it): its page and exports,
  the page of each public commitment (they carry its title), the listings;
- an agency saved: the plan pages, exports and commitment pages that print its name;
- a country saved: its plans whole, and the listings;
- reference data, a page other than a plan, a view restriction, a site, a page moved:
  every published plan whole, and the listings.

A commitment or progress update of a plan nobody may read (a draft plan) purges nothing:
no public URL shows it. Query strings (a plan's filters and `?page=`) are not purged one
by one: a proxy should drop every variant of a purged path (see README, Deploying).

Wagtail itself purges a page's own URL when the page is published or unpublished
(`wagtail.contrib.frontend_cache`'s signal handlers, left on); those URLs are computed when
the signal is sent, exactly as Wagtail computes them, and not sent a second time.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from plans.models import NationalPlanPage, PlanIndexPage
from plans.selectors import commitments_naming_agency, public_commitment_rows, published_plans

logger = logging.getLogger(__name__)

EXPORTS = ("export.csv", "export.json", "export.pdf", "export.iati.xml")
LISTING_ROUTES = ("compare", "compare_csv", "compare_legislation_csv")


def enabled() -> bool:
    """Whether any proxy or CDN is configured to be purged."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def wagtail_purged_urls(page: Page) -> list[str]:
    """The URLs Wagtail's own handler purges for this page's publish or unpublish (as
    `wagtail.contrib.frontend_cache.utils._get_page_cached_urls` makes them)."""
    page_url = page.get_full_url()
    if page_url is None:
        return []
    return [page_url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def plan_urls_by_language(plan: NationalPlanPage) -> list[str]:
    """The plan's page in every language: its live translation there, else the English
    page under that language's prefix (`home.i18n`)."""
    urls = []
    for code in language_codes():
        with translation.override(code):
            url = plan.localized.get_full_url()
        if url is not None and url not in urls:
            urls.append(url)
    return urls


def plan_urls(plan: NationalPlanPage, commitment_ids=()) -> set[str]:
    """The plan's pages and exports in every language, and the pages of these commitments."""
    urls = set()
    paths = [
        *EXPORTS,
        *(plan.reverse_subpage("commitment", args=(pk,)) for pk in sorted(commitment_ids)),
    ]
    for base in plan_urls_by_language(plan):
        urls.add(base)
        urls.update(base + path for path in paths)
    return urls


def listing_urls() -> set[str]:
    """`/`, `/plans/`, `/compare/` and its two CSV files in every language."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return set()
    home = site.root_page.specific
    index = PlanIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    urls = set()
    for code in language_codes():
        with translation.override(code):
            urls.update(page.localized.get_full_url() for page in (home, index) if page)
            urls.update(site.root_url + reverse(name) for name in LISTING_ROUTES)
    urls.discard(None)
    return urls


def urls_to_purge(
    *,
    plans=(),
    commitments=None,
    agencies=(),
    countries=(),
    everything=False,
    urls=(),
    skip=(),
) -> set[str]:
    """The public URLs that show what changed (the task's arguments: ids, JSON-friendly;
    `commitments` maps a plan id, as text, to commitment ids)."""
    whole = {int(pk) for pk in plans}
    readable = published_plans()
    if everything:
        whole.update(readable.values_list("pk", flat=True))
    if countries:
        whole.update(readable.filter(country__in=countries).values_list("pk", flat=True))
    listings = bool(whole)

    shown = defaultdict(set)  # plan id -> commitment pages to purge
    changed = {int(pk): set(ids) for pk, ids in (commitments or {}).items()}
    for pk in readable.filter(pk__in=changed).values_list("pk", flat=True):
        shown[pk] |= changed[pk]
        listings = True  # the listings count the plan's commitments and progress
    for agency in agencies:
        named = commitments_naming_agency(agency=agency).filter(plan__in=readable)
        for plan_id, pk in named.values_list("plan_id", "pk"):
            shown[plan_id].add(pk)
    if whole:
        rows = public_commitment_rows().filter(plan__in=whole)
        for plan_id, pk in rows.values_list("plan_id", "pk"):
            shown[plan_id].add(pk)

    found = set(urls)
    for plan in NationalPlanPage.objects.filter(pk__in=whole | set(shown)):
        found |= plan_urls(plan, shown[plan.pk])
    if listings:
        found |= listing_urls()
    return found - set(skip)


def purge(**changes) -> int:
    """Purge the URLs that show `changes` from every configured backend, in one batch.

    A proxy or CDN that fails is logged (Wagtail's backends log each URL they could not
    purge), never raised: the publish has been committed, and the proxy catches up
    within `PUBLIC_CACHE_SHARED_MAX_AGE`.
    """
    if not enabled():
        return 0
    urls = urls_to_purge(**changes)
    if not urls:
        return 0
    batch = PurgeBatch(sorted(urls))
    try:
        batch.purge()
    except Exception:
        logger.exception("Could not purge %d URLs from the front-end cache", len(urls))
    return len(urls)
