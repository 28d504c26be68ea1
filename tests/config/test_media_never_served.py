"""Uploads are private evidence: never served from MEDIA_URL, not even with DEBUG on
(`make run`); only Wagtail's document view, which checks rights, serves them."""

import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents.models import Document

from tracking.evidence import country_evidence_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The URLconf as `make run` builds it: with DEBUG on."""
    import config.urls

    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True):
        clear_url_caches()
        importlib.reload(config.urls)
        yield
    clear_url_caches()
    importlib.reload(config.urls)


def test_evidence_file_is_not_reachable_under_media_url(client, debug_urls, kenya, ke_police):
    document = Document.objects.create(
        title="Evidence",
        file=SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 private"),
        collection=country_evidence_collection(country=kenya),
    )
    response = client.get(f"/media/{document.file.name}")
    assert response.status_code == 404
    assert b"private" not in b"".join(getattr(response, "streaming_content", [response.content]))
    # The permission-checked view refuses anonymous visitors.
    assert client.get(document.url).status_code in (302, 403)
