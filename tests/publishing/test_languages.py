"""The public pages exist under /ar/, /es/, /fr/ and /sw/, with the right lang and dir."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["ar", "es", "fr", "sw"])
def test_public_pages_under_each_language(client, ke_plan, code):
    for path in ("/", "/plans/", f"/plans/{ke_plan.slug}/", "/search/?q=plan"):
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, (code, path)
        html = response.content.decode()
        assert f'<html lang="{code}"' in html
        assert ('dir="rtl"' in html) == (code == "ar")


def test_english_has_no_prefix_whatever_the_browser_prefers(client, ke_plan):
    html = client.get("/plans/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="en"' in html and 'dir="rtl"' not in html


def test_exports_keep_their_urls_in_every_language(client, ke_plan):
    for code in ("", "/ar", "/sw"):
        response = client.get(f"{code}/plans/{ke_plan.slug}/export.json")
        assert response.status_code == 200, code
        assert response.json()["country"] == "ke"


def test_links_on_a_language_page_stay_in_that_language(client, ke_plan):
    html = client.get("/ar/plans/").content.decode()
    assert f'href="/ar/plans/{ke_plan.slug}/"' in html


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, ke_plan):
    html = client.get(f"/ar/plans/{ke_plan.slug}/").content.decode()
    assert f'href="/plans/{ke_plan.slug}/" lang="en"' in html
    assert f'href="/sw/plans/{ke_plan.slug}/" lang="sw"' in html
    assert 'href="/ar/plans/"' in html, "navigation stays in Arabic"
