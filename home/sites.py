"""The site's public address, from which every absolute link is made.

Wagtail makes absolute URLs (`page.get_full_url()`, the API's `html_url`, the sitemap,
the PDF's cover and the exports' links) from the Site record's host and port
(`Site.root_url`), never from the request's `Host` header. The migration that creates the
home page makes that record `localhost:80`, a placeholder, so until someone set the real
host every absolute link said `http://localhost/...`.

After every `migrate`, the placeholder takes the address of `PUBLIC_SITE_URL` (default:
`WAGTAILADMIN_BASE_URL`). A host set by an administrator (Settings → Sites) is never
overwritten. Wagtail's `root_url` says `https://` only for port 443, so an HTTPS site
must be served on 443.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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
