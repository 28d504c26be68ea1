"""Caching of the public site: the one place that names cache keys and invalidates them.

Keys are never deleted one by one. Each carries generation numbers, and invalidating
bumps a generation, so every page, export and PDF built from the old state stops being
found at once (the old entries age out of the cache on their own):

- the *epoch* covers everything (reference data, agency names);
- the *site* generation covers pages that list all plans (`/`, `/plans/`);
- each plan has its own generation, for its page, commitment pages, exports and PDF.

Only anonymous GET requests for pages without view restrictions are cached, and what is
cached is only ever the public rendering: drafts never reach these views.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

PREFIX = "public:"


def _generation(name: str) -> int:
    key = f"{PREFIX}gen:{name}"
    value = cache.get(key)
    if value is None:
        # Start from the clock, not 1: if the counter is evicted, the new one is still
        # larger than any value the old entries were stored under.
        cache.add(key, time.time_ns() // 1000, timeout=None)
        value = cache.get(key)
    return value


def _bump(name: str) -> None:
    key = f"{PREFIX}gen:{name}"
    try:
        cache.incr(key)
    except ValueError:
        _generation(name)


def site_version() -> str:
    return f"{_generation('epoch')}.{_generation('site')}"


def plan_version(plan_id: int) -> str:
    return f"{_generation('epoch')}.{_generation(f'plan:{plan_id}')}"


def invalidate_plan(plan_id: int) -> None:
    """The plan, or something shown on it, was published, unpublished or deleted."""
    _bump(f"plan:{plan_id}")
    _bump("site")


def invalidate_site() -> None:
    """A page that lists plans changed (the home page, the plan index)."""
    _bump("site")


def invalidate_everything() -> None:
    """Something every public page may show changed (an agency's name, reference data)."""
    _bump("epoch")


def page_key(*, version: str, path: str, variant: str = "") -> str:
    digest = hashlib.sha256(f"{path}?{variant}".encode()).hexdigest()
    return f"{PREFIX}page:{version}:{get_language()}:{digest}"


def export_key(*, plan_id: int, fmt: str) -> str:
    return f"{PREFIX}export:{plan_version(plan_id)}:{plan_id}:{get_language()}:{fmt}"


def pdf_key(*, plan_id: int, language: str, version: str | None = None) -> str:
    version = version or plan_version(plan_id)
    return f"{PREFIX}pdf:{version}:{plan_id}:{language}"


def pdf_build_lock_key(*, plan_id: int, language: str) -> str:
    return f"{PREFIX}pdf-building:{plan_version(plan_id)}:{plan_id}:{language}"


# --- HTTP ----------------------------------------------------------------------------


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def mark_public(response, *, max_age: int | None = None) -> None:
    """Headers for a browser and a CDN: short in the browser, longer in the CDN."""
    max_age = settings.PUBLIC_CACHE_MAX_AGE if max_age is None else max_age
    patch_cache_control(
        response, public=True, max_age=max_age, s_maxage=settings.PUBLIC_CACHE_SHARED_MAX_AGE
    )
    patch_vary_headers(response, ["Cookie"])


def mark_private(response) -> None:
    patch_cache_control(response, private=True, no_cache=True)


def serve_cached(request, *, key: str, render):
    """The cached response for `key`, or `render()` cached when it is a plain 200."""
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        response = HttpResponse(content, content_type=content_type)
        response["X-Cache"] = "hit"
    else:
        response = render()
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if response.status_code == 200 and not response.streaming:
            cache.set(
                key,
                (response.content, response["Content-Type"]),
                timeout=settings.PUBLIC_CACHE_TIMEOUT,
            )
        response["X-Cache"] = "miss"
    if response.status_code == 200:
        mark_public(response)
    return response


class PublicCacheMixin:
    """For public page models: serve anonymous visitors from the cache.

    A page names its scope (`cache_version`) and what in the query string changes its
    content (`cache_variant`); everything else in the query string is ignored, so
    random parameters cannot fill the cache.
    """

    def cache_version(self) -> str:
        return site_version()

    def cache_variant(self, request) -> str:
        return ""

    def serve(self, request, *args, **kwargs):
        def render():
            return super(PublicCacheMixin, self).serve(request, *args, **kwargs)

        if not is_cacheable_request(request) or self.get_view_restrictions().exists():
            response = render()
            mark_private(response)
            return response
        key = page_key(
            version=self.cache_version(), path=request.path, variant=self.cache_variant(request)
        )
        return serve_cached(request, key=key, render=render)
