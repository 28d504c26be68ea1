"""Settings defaults: safe unless asked otherwise. Each case imports settings afresh."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, config.settings.base as s; "
    "print(json.dumps({'debug': s.DEBUG, 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'db': s.DATABASES['default']['ENGINE'], 'db_name': str(s.DATABASES['default']['NAME']), "
    "'cache': s.CACHES['default']['BACKEND'], 'email': s.EMAIL_BACKEND, "
    "'hosts': s.ALLOWED_HOSTS}))"
)
MANAGED = (
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "EMAIL_URL",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
)


def load(**env):
    clean = {k: v for k, v in os.environ.items() if k not in MANAGED}
    clean.update(env)
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    return result


def test_debug_is_off_by_default_and_services_default_to_local():
    import json

    result = load(SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["eager"] is True
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["db_name"] == str(ROOT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["email"].endswith("console.EmailBackend")
    assert "*" not in values["hosts"]


def test_missing_secret_key_is_refused_when_debug_is_off():
    result = load()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("value", ["1", "true", "on"])
def test_debug_on_when_asked_and_then_a_local_key_is_generated(value):
    import json

    result = load(DEBUG=value)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


def test_broker_and_database_come_from_the_environment():
    import json

    result = load(
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://u:p@db:5432/plans",
        REDIS_URL="redis://cache:6379/0",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.postgresql"
    assert values["eager"] is False
    assert values["cache"].endswith("RedisCache")


def test_a_secret_key_starting_with_a_dollar_is_taken_as_is():
    # django-environ would read "$abc" as a reference to a variable named "abc".
    import json

    result = load(SECRET_KEY="$" + "k" * 49)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is False
