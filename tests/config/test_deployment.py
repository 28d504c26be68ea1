"""Production settings: `check --deploy` is clean, public pages carry a strict CSP, and
logs can be one JSON object per line."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from config.logging import JsonFormatter

from ..factories import make_commitment


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x7!" + "k" * 60 + "-not-a-real-key-but-long-and-varied-9Qz",
        ALLOWED_HOSTS="plans.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_debug():
    env = dict(os.environ, DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings.production")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "must not run with DEBUG on" in result.stderr


@pytest.mark.django_db
def test_public_pages_have_a_strict_csp_and_no_inline_code(client, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    for url in ("/", "/plans/", ke_plan.url, f"{ke_plan.url}commitments/{commitment.pk}/"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        html = response.content.decode()
        assert "<script" not in html and " style=" not in html and "<style" not in html, url
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_admin_is_left_out_of_the_csp(client):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_json_log_lines_parse():
    record = logging.makeLogRecord(
        {"name": "plans", "levelno": logging.WARNING, "levelname": "WARNING", "msg": "x %s"}
    )
    record.args = ("y",)
    record.plan_id = 7
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "x y" and line["level"] == "WARNING" and line["plan_id"] == 7
