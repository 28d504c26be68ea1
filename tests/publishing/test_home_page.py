import pytest

pytestmark = pytest.mark.django_db


def test_home_page_explains_the_site(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en"' in html
    assert '<meta name="viewport"' in html
    assert "Model National Response" in html
    assert '<main id="main"' in html
    assert "Skip to content" in html


def test_admin_sends_anonymous_visitors_to_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
