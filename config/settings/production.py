"""Production: everything in base.py, plus what only makes sense behind HTTPS.

`DJANGO_SETTINGS_MODULE=config.settings.production`; `manage.py check --deploy` is clean
with SECRET_KEY and ALLOWED_HOSTS set. Each setting can still be overridden from the
environment (e.g. SECURE_SSL_REDIRECT=0 where TLS ends at a proxy that redirects itself).
"""

import os

# Only the environment configures production: a .env left in the folder is not read.
os.environ["ENV_FILE"] = ""

from .base import *  # noqa: E402,F403
from .base import DEBUG, env  # noqa: E402

if DEBUG:
    raise ImportError("config.settings.production must not run with DEBUG on.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
LOG_FORMAT = env.str("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = "json" if LOG_FORMAT == "json" else None  # noqa: F405
if LOGGING["handlers"]["console"]["formatter"] is None:  # noqa: F405
    del LOGGING["handlers"]["console"]["formatter"]  # noqa: F405
