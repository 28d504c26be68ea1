"""Caching of the public site: the one place that names cache keys and invalidates them.

Keys are never deleted one by one. Each carries generation numbers, and invalidating
bumps a generation, so every page, export and PDF built from the old state stops being
found at once (the old entries age out of the cache on their own):

- the *epoch* covers everything (reference data, agency names);
- the *site* generation covers pages that list all plans (`/`, `/plans/`);
- each plan has its own generation, for its page, commitment pages, exports and PDF.

A version also carries the date: lateness (overdue, stale) is derived from it, so nothing
rendered on one day is served on the next (`tracking.selectors.today()`).

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

from tracking.selectors import today

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


# A scope is the generations a cached response depends on; its version joins them.
SITE_SCOPE = ("epoch", "site")


def plan_scope(plan_id: int) -> tuple[str, str]:
    return ("epoch", f"plan:{plan_id}")


def _joined(generations, day=None) -> str:
    return ".".join(str(g) for g in generations) + "@" + (day or today()).isoformat()


def version_of(scope) -> str:
    return _joined(_generation(name) for name in scope)


def same_generations(version: str, other: str) -> bool:
    """Whether two versions differ only in their date (nothing was published between)."""
    return version.split("@")[0] == other.split("@")[0]


def plan_version(plan_id: int) -> str:
    return version_of(plan_scope(plan_id))


def plan_generations(plan_ids) -> dict[int, int]:
    """Each plan's own generation, for many plans in one cache round trip (a missing one
    is started as `_generation` starts it, from the clock)."""
    keys = {f"{PREFIX}gen:plan:{pk}": pk for pk in plan_ids}
    found = cache.get_many(list(keys))
    return {
        pk: found[key] if found.get(key) is not None else _generation(f"plan:{pk}")
        for key, pk in keys.items()
    }


def figures_version(generation: int, day=None) -> str:
    """The version of a plan's stored public figures (`publishing.figures`): its own
    generation and the date, not the epoch. What the epoch covers (names, reference data,
    view restrictions) is read live beside the figures, and does not change a count."""
    return _joined((generation,), day)


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


def pdf_last_built_key(*, plan_id: int, language: str) -> str:
    """Names the version of the plan's newest PDF in that language."""
    return f"{PREFIX}pdf-last:{plan_id}:{language}"


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


def serve_public(request, *, scope, render, variant="", restricted=False, fast_path=False):
    """`render()`, cached for anonymous visitors; private for everyone else.

    `scope` names the generations the response depends on, `variant` what in the query
    string changes it (everything else in the query string is ignored, so random
    parameters cannot fill the cache). A `restricted` page (a view restriction) is never
    cached. With `fast_path`, FastPathMiddleware may answer the next anonymous request
    for the same URL from the cache alone.
    """
    if not is_cacheable_request(request) or restricted:
        response = render()
        mark_private(response)
        return response
    version = version_of(scope)
    key = page_key(version=version, path=request.path, variant=variant)
    if fast_path:
        request.public_cache_entry = {"scope": scope, "version": version, "key": key}
    return serve_cached(request, key=key, render=render)


# --- The fast path ----------------------------------------------------------------------
#
# A cache hit still costs Wagtail's routing (the site, each page of the path, the page's
# view restrictions: about fifteen queries) and every middleware. The fast path answers
# an anonymous GET without a query string for a page it has seen served from the cache
# before, right after WhiteNoise, from the cache alone: `alias` maps the site and path to
# the entry's key, scope and version, and to the headers the full response had. It is
# used only while the scope's version is unchanged (so every invalidation above applies
# to it at once, view restrictions included: they bump the epoch), and only for requests
# that carry no session cookie (hence from anonymous visitors).


def _alias_key(request) -> str | None:
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    try:
        host = request.get_host()
    except Exception:  # noqa: BLE001 - DisallowedHost: the full path answers it
        return None
    digest = hashlib.sha256(f"{request.scheme}://{host}{request.path}".encode()).hexdigest()
    return f"{PREFIX}alias:{digest}"


# Headers the fast path never replays: they are the request's own or set again here.
NOT_REPLAYED = {"x-cache", "content-length", "set-cookie"}


def fast_path_response(request):
    """The cached response for this request, or None to take the full path."""
    alias_key = _alias_key(request)
    if alias_key is None:
        return None
    alias = cache.get(alias_key)
    if alias is None:
        return None
    generations = [f"{PREFIX}gen:{name}" for name in alias["scope"]]
    found = cache.get_many([*generations, alias["key"]])
    version = _joined(found.get(key) for key in generations)
    cached = found.get(alias["key"])
    if version != alias["version"] or cached is None:
        return None
    content, _content_type = cached
    response = HttpResponse(content)
    for name, value in alias["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = "hit"
    return response


def remember_for_fast_path(request, response) -> None:
    """After the full path served a cached public page: let the fast path serve it next."""
    entry = getattr(request, "public_cache_entry", None)
    if (
        entry is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or response.get("X-Cache") not in ("hit", "miss")
        or "public" not in response.get("Cache-Control", "")
    ):
        return
    alias_key = _alias_key(request)
    if alias_key is None:
        return
    headers = [(k, v) for k, v in response.items() if k.lower() not in NOT_REPLAYED]
    cache.set(alias_key, {**entry, "headers": headers}, timeout=settings.PUBLIC_CACHE_TIMEOUT)
