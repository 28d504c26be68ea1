"""Password policy and session expiry."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("weak", ["password123", "12345678901234", "short-pw"])
def test_weak_passwords_are_refused(weak, ke_police_drafter):
    with pytest.raises(ValidationError):
        validate_password(weak, user=ke_police_drafter)


def test_a_password_like_the_username_is_refused(ke_police_drafter):
    with pytest.raises(ValidationError):
        validate_password("ke-police-drafter", user=ke_police_drafter)


def test_a_long_uncommon_password_is_accepted(ke_police_drafter):
    validate_password("lantern-orbit-tamarind-47", user=ke_police_drafter)


def test_minimum_length_is_twelve(ke_police_drafter):
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("x7!kq-Mz2p", user=ke_police_drafter)


def sign_in(client, **extra):
    data = {"username": "ke-police-drafter", "password": PASSWORD, **extra}
    response = client.post("/admin/login/", data)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    return cookie, Session.objects.get(session_key=cookie.value)


def test_sessions_end_with_the_browser(client, ke_police_drafter):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    cookie, _session = sign_in(client)
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.parametrize("remember", [{}, {"remember": "on"}], ids=["default", "remember me"])
def test_sessions_end_eight_hours_after_last_use(client, ke_police_drafter, remember):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    cookie, session = sign_in(client, **remember)
    if remember:  # Wagtail's "Remember me" keeps the cookie across browser restarts, 8 h at most
        assert int(cookie["max-age"]) == 8 * 3600
    left = session.expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < left <= timedelta(hours=8)

    assert client.get("/admin/").status_code == 200
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
