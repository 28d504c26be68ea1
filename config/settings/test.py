"""Settings for pytest: fast, isolated, nothing outside the process."""

import os
import tempfile

from django.core.management.utils import get_random_secret_key

# Never a developer's .env (base.py reads it for local runs): the same settings on every
# machine. Set in the environment, so what tests start (manage.py, gunicorn, Celery) and
# pytest-xdist's workers ignore it too.
os.environ["ENV_FILE"] = ""
# Tests must run without any secret in the environment, and must exercise the
# production-like DEBUG=False path, so the key is generated before base reads it.
os.environ.setdefault("SECRET_KEY", "test-" + get_random_secret_key())

from .base import *  # noqa: E402,F403
from .base import STORAGES, env  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# No collectstatic step before tests: serve from the finders without a manifest.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite://:memory:")}
# Uploaded files (evidence documents in tests) go to a throwaway folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="plans-test-media-")
# Most tests sign people in with force_login and test rights, not sign-in: the two-factor
# redirect is off for them, and tests/accounts/ turn it on with the `settings` fixture.
# django-axes stays on (tests/accounts/test_lockout.py signs in through /admin/login/).
TWO_FACTOR_ENFORCED = False
