"""Signing out takes a POST: a GET (an <img> on any page) changes nothing."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGOUT = "/admin/logout/"


@pytest.mark.parametrize(("method", "status"), [("get", 405), ("head", 405), ("options", 200)])
def test_anything_but_a_post_leaves_the_session_alone(client, ke_police_drafter, method, status):
    client.force_login(ke_police_drafter)
    response = getattr(client, method)(LOGOUT)
    assert response.status_code == status
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "successfully logged out" not in dashboard.content.decode()


def test_a_post_signs_out(client, ke_police_drafter):
    client.force_login(ke_police_drafter)
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.fixture
def verifying_reviewer(settings, ke_reviewer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.TWO_FACTOR_ENFORCED = True
    settings.DEBUG = False
    TOTPDevice.objects.create(user=ke_reviewer, name="phone", confirmed=True)
    return ke_reviewer


def test_the_code_page_signs_out_with_a_post(client, verifying_reviewer):
    client.force_login(verifying_reviewer)
    html = client.get("/admin/two-factor/verify/").content.decode()
    assert f'action="{LOGOUT}" method="post"' in html
    assert f'href="{LOGOUT}"' not in html


def test_a_get_explains_how_to_sign_out(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="someone"))
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert 'method="post"' in response.content.decode()
