"""Settings for `make bench`: production-like (DEBUG off, manifest static files), with a
fresh database in a temporary folder and the local-memory cache.

`BENCH_DIR` (set by `bench.run`) is the folder for the SQLite file, static and media files;
`BENCH_DB=postgres` selects `DATABASE_URL` instead (a fresh `test_<name>` database is
created and dropped by the harness, as Django's test runner does).
"""

import os
import tempfile
from pathlib import Path

from django.core.management.utils import get_random_secret_key

# What is measured is the code, not a developer's .env (see config/settings/base.py).
os.environ["ENV_FILE"] = ""
os.environ.setdefault("SECRET_KEY", "bench-" + get_random_secret_key())

from config.settings.base import *  # noqa: E402,F403
from config.settings.base import LOGGING, env  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

BENCH_DIR = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="plans-bench-"))
if os.environ.get("BENCH_DB") == "postgres":
    DATABASES = {"default": env.db("DATABASE_URL")}
else:
    _sqlite = str(BENCH_DIR / os.environ.get("BENCH_SQLITE", "bench.sqlite3"))
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _sqlite,
            # create_test_db() makes a fresh file here rather than an in-memory database.
            "TEST": {"NAME": _sqlite},
        }
    }
DATABASES["default"]["ATOMIC_REQUESTS"] = False

STATIC_ROOT = BENCH_DIR / "static"
# The quick mode: hashed names and a manifest as in production, without compressing every
# file (most of collectstatic's time; wrk asks for no compression anyway).
if os.environ.get("BENCH_COMPRESS_STATIC") == "0":
    STORAGES = {
        **STORAGES,  # noqa: F405
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
MEDIA_ROOT = BENCH_DIR / "media"
LOGGING = {
    **LOGGING,
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The harness asks for /compare/ to see whether it exists; a 404 is not news.
    "loggers": {**LOGGING["loggers"], "django.request": {"level": "ERROR"}},
}
# The harness asks for the API lists many times a second from one address; the throttle
# (tested in tests/publishing/test_api_v1_throttling.py) would answer 429 to the timing.
API_THROTTLE_RATE = "1000000/minute"
