"""A checkout's .env: `make run` writes it, manage.py reads it, and neither the test nor the
production settings ever do.

Each case copies `config/` and `manage.py` into a temporary folder, which then is the
BASE_DIR its settings look for `.env` in, so a developer's own .env is never touched.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANAGED = (
    "ENV_FILE",
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
)
PROBE = (
    "import json, config.settings.{module} as s; "
    "print(json.dumps({{'debug': s.DEBUG, 'db': s.DATABASES['default']['ENGINE'], "
    "'db_name': str(s.DATABASES['default']['NAME'])}}))"
)


@pytest.fixture
def checkout(tmp_path):
    shutil.copytree(ROOT / "config", tmp_path / "config", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    return tmp_path


def run(checkout, args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in MANAGED}
    # The project's apps; `config` itself is the copy (the script's folder comes first).
    clean.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, *args], cwd=checkout, env=clean, capture_output=True, text=True
    )


def settings_of(checkout, module="base", **env):
    result = run(checkout, ["-c", PROBE.format(module=module)], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def make_env_file(checkout):
    if not shutil.which("make"):
        pytest.skip("needs make")
    result = subprocess.run(  # noqa: S603
        ["make", "-s", "-f", str(ROOT / "Makefile"), "-C", str(checkout), ".env"]  # noqa: S607
        + [f"PY={sys.executable}"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return dict(line.split("=", 1) for line in (checkout / ".env").read_text().splitlines())


def test_manage_py_commands_work_in_a_checkout_with_the_env_file_make_writes(checkout):
    refused = run(checkout, ["manage.py", "check"])
    assert refused.returncode != 0
    assert "SECRET_KEY must be set" in refused.stderr

    values = make_env_file(checkout)
    assert values["DEBUG"] == "1"
    assert len(values["SECRET_KEY"]) >= 50
    assert oct((checkout / ".env").stat().st_mode & 0o777) == "0o600"

    result = run(checkout, ["manage.py", "check"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_each_checkout_gets_a_key_of_its_own(tmp_path):
    keys = set()
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        keys.add(make_env_file(tmp_path / name)["SECRET_KEY"])
    assert len(keys) == 2


def test_the_environment_wins_over_the_env_file(checkout):
    (checkout / ".env").write_text(
        "DEBUG=1\nDATABASE_URL=sqlite:////tmp/from-the-env-file.sqlite3\n"
    )
    values = settings_of(checkout, DEBUG="0", SECRET_KEY="k" * 50)
    assert values["debug"] is False
    assert values["db_name"] == "/tmp/from-the-env-file.sqlite3"  # noqa: S108 - a name only


def test_the_test_settings_ignore_a_developers_env_file(checkout):
    (checkout / ".env").write_text(
        "DEBUG=1\nSECRET_KEY=from-the-env-file\nDATABASE_URL=postgres://dev:dev@db:5432/dev\n"
    )
    values = settings_of(checkout, "test")
    assert values["debug"] is False
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["db_name"] == ":memory:"


def test_the_production_settings_ignore_the_env_file(checkout):
    (checkout / ".env").write_text("SECRET_KEY=" + "k" * 50 + "\nALLOWED_HOSTS=plans.example.org\n")
    result = run(checkout, ["-c", PROBE.format(module="production")])
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_what_the_tests_start_reads_no_env_file_either():
    # manage.py, gunicorn and Celery in tests/e2e inherit the test run's environment.
    assert os.environ["ENV_FILE"] == ""
