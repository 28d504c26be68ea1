"""The site's public address: where absolute links and e-mail links point.

Wagtail makes absolute URLs (`page.get_full_url()`, the API's `html_url`, the sitemap,
the PDF's cover and the exports' links) from the Site record's host and port
(`Site.root_url`), never from the request's `Host` header. The migration that creates the
home page makes that record `localhost:80`, a placeholder.

After every `migrate`, the placeholder takes the address of `PUBLIC_SITE_URL` (default:
`WAGTAILADMIN_BASE_URL`). A host set by an administrator (Settings → Sites) is never
overwritten. Wagtail's `root_url` says `https://` only for port 443, so an HTTPS site
must be served on 443.

E-mail links come from the Site once its host is not this machine's, and until then from
`WAGTAILADMIN_BASE_URL` (the address `make run` serves); with DEBUG off, the site
administrator's dashboard and the database check say the Site still needs its host. The
check reads the database, so as Django's database checks it runs in `migrate` (each
deploy) and in `manage.py check --database default`, not in a plain `check`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

PLACEHOLDER = ("localhost", 80)
DEFAULT_PORTS = {"http": 80, "https": 443}
BAD_SITE_URL = "PUBLIC_SITE_URL must be an http:// or https:// address with a host, not %r."


def address_of(url: str) -> tuple[str, int]:
    """(hostname, port) of an http(s) address."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(BAD_SITE_URL % url)
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def replace_placeholder_site(*, url: str | None = None, using: str = "default") -> Site | None:
    """Give the placeholder Site the public address; None when there is no placeholder."""
    hostname, port = address_of(url or settings.PUBLIC_SITE_URL)
    site = (
        Site.objects.using(using)
        .filter(is_default_site=True, hostname=PLACEHOLDER[0], port=PLACEHOLDER[1])
        .first()
    )
    if site is None or (hostname, port) == PLACEHOLDER:
        return None
    site.hostname, site.port = hostname, port
    site.save(using=using)  # Wagtail's signal clears its cached site root paths
    return site


def after_migrate(sender, using="default", **kwargs):
    """`post_migrate` receiver (connected in `HomeConfig.ready`)."""
    replace_placeholder_site(using=using)


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
SITE_HOST_WARNING_ID = "home.W001"
ROOT_URL_CACHE_KEY = "home:site-root-url"
SITE_HOST_IS_LOCAL = _(
    "The default Site is at %(host)s, this machine: e-mail links fall back to "
    "WAGTAILADMIN_BASE_URL. Set the real host name in Settings → Sites."
)


def default_site():
    try:
        return Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet (`manage.py check` before `migrate`)
        return None


def local_default_site():
    """The default Site while its host is still this machine's, else None."""
    site = default_site()
    return site if site is not None and site.hostname in LOCAL_HOSTS else None


def site_host(site) -> str:
    return f"{site.hostname}:{site.port}"


def email_base_url() -> str:
    return _site_root_url() or settings.WAGTAILADMIN_BASE_URL


def _site_root_url() -> str:
    """The default Site's root URL, "" while it is local. Cached: a batch of reminders
    builds many links, and the Site rarely changes (saving one forgets it, below; a
    worker without a shared cache (no REDIS_URL) notices within five minutes)."""
    url = cache.get(ROOT_URL_CACHE_KEY)
    if url is None:
        site = default_site()
        url = "" if site is None or site.hostname in LOCAL_HOSTS else site.root_url
        cache.set(ROOT_URL_CACHE_KEY, url, 300)
    return url


@receiver([post_save, post_delete], sender=Site)
def _forget_site_root_url(**kwargs):
    cache.delete(ROOT_URL_CACHE_KEY)


def check_site_host(app_configs=None, databases=None, **kwargs):
    if settings.DEBUG or not databases or "default" not in databases:
        return []
    site = local_default_site()
    if site is None:
        return []
    return [
        checks.Warning(
            str(SITE_HOST_IS_LOCAL % {"host": site_host(site)}),
            hint="Admin → Settings → Sites → the default site → Hostname (and Port: 443).",
            obj=site,
            id=SITE_HOST_WARNING_ID,
        )
    ]
