"""Absolute URLs name the site's real host, never `localhost`: the PDF's cover, the
exports, the read API and the sitemap (home/sites.py)."""

import io
import json

import pytest
from pypdf import PdfReader
from wagtail.models import Site

from home.sites import PLACEHOLDER, replace_placeholder_site

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

HOST = "https://plans.example.org"


@pytest.fixture
def site_on_its_host(ke_plan):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "plans.example.org", 443
    site.save()
    return ke_plan


def test_every_absolute_url_names_the_sites_host(client, site_on_its_host, ke_police):
    plan = site_on_its_host
    commitment = make_commitment(plan, ke_police, title="Train investigators")
    page_url = f"{HOST}/plans/{plan.slug}/"
    commitment_url = f"{page_url}commitments/{commitment.pk}/"

    data = json.loads(client.get(f"{plan.url}export.json").content)
    assert data["url"] == page_url
    assert data["commitments"][0]["url"] == commitment_url
    csv_text = client.get(f"{plan.url}export.csv").content.decode()
    assert commitment_url in csv_text
    api = client.get(f"/api/v2/pages/{plan.pk}/").json()
    assert api["meta"]["html_url"] == page_url
    assert api["public_commitments"][0]["url"] == commitment_url
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{commitment_url}</loc>" in sitemap
    pdf = PdfReader(io.BytesIO(client.get(f"{plan.url}export.pdf").content))
    assert page_url in pdf.pages[0].extract_text()
    arabic = json.loads(client.get(f"/ar{plan.url}export.json").content)
    assert (
        arabic["commitments"][0]["url"]
        == f"{HOST}/ar/plans/{plan.slug}/commitments/{commitment.pk}/"
    )
    for text in (json.dumps(data), csv_text, json.dumps(api), sitemap):
        assert "localhost" not in text


def test_the_placeholder_site_takes_the_configured_address(db, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = PLACEHOLDER
    site.save()
    replace_placeholder_site(url="https://plans.example.org")
    assert Site.objects.get(pk=site.pk).root_url == HOST


def test_a_host_an_administrator_set_is_kept(db):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "naps.example.net", 443
    site.save()
    assert replace_placeholder_site(url="http://127.0.0.1:8000") is None
    assert Site.objects.get(pk=site.pk).root_url == "https://naps.example.net"


def test_migrate_replaced_the_placeholder(settings):
    # The test database was made by `migrate`: its site has PUBLIC_SITE_URL's address.
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.PUBLIC_SITE_URL.rstrip("/")
