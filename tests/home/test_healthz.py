import functools
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_when_database_is_unreachable(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert b"database unavailable" in response.content


def test_healthz_names_an_unreachable_cache(client):
    with mock.patch("home.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"cache unavailable"


def test_healthz_names_an_unreachable_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with mock.patch("config.celery.app.connection_for_write", side_effect=OSError("refused")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"broker unavailable"


def test_healthz_checks_a_real_broker_on_a_closed_port(client, settings):
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    closed_port = functools.partial(app.connection_for_write, url="redis://127.0.0.1:9/0")
    with mock.patch.object(app, "connection_for_write", closed_port):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert b"broker unavailable" in response.content
