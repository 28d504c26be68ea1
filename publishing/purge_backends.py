"""Wagtail's HTTP purge backend, with a time limit.

`wagtail.contrib.frontend_cache.backends.HTTPBackend` opens each PURGE request without a
timeout, so a proxy that accepts the connection and never answers (or a firewall that
drops the packets) would hold the publishing request, or the worker, for as long as the
operating system waits. This one gives up after `TIMEOUT` seconds (setting
`FRONTEND_CACHE_PURGE_TIMEOUT`) and logs it like Wagtail logs any other failed purge.
"""

import logging
from http.client import HTTPException
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")


class TimedHTTPBackend(HTTPBackend):
    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url):
        # As HTTPBackend.purge, with a timeout: the proxy's address, the public Host.
        url_parsed = urlsplit(url)
        host = url_parsed.hostname
        if url_parsed.port:
            host += ":" + str(url_parsed.port)
        request = PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, url_parsed.path, url_parsed.query, ""]
            ),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache/" + __version__},
        )
        try:
            # The scheme is the configured LOCATION's, never a visitor's.
            urlopen(request, timeout=self.timeout).close()  # noqa: S310
        except HTTPError as error:
            logger.error(
                "Couldn't purge '%s' from HTTP cache. HTTPError: %d %s",
                url,
                error.code,
                error.reason,
            )
        except URLError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. URLError: %s", url, error.reason)
        except (OSError, HTTPException) as error:  # a timeout, a reset, a broken answer
            logger.error("Couldn't purge '%s' from HTTP cache. %r", url, error)
