"""Evidence documents: private to the country, and only allowed file types."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from tracking.evidence import country_evidence_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(kenya, ke_police):
    return country_evidence_collection(country=kenya)


def upload(client, collection, name, content=b"%PDF-1.4 evidence"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Training attendance sheet",
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )


def test_drafter_uploads_a_pdf_into_the_countrys_private_collection(
    client, collection, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    response = upload(client, collection, "attendance.pdf")
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get()
    assert document.collection == collection


def test_a_disallowed_file_type_is_refused(client, collection, ke_police_drafter):
    client.force_login(ke_police_drafter)
    response = upload(client, collection, "tool.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    assert "is not allowed" in " ".join(response.context["form"].errors["file"])
    assert not Document.objects.exists()


def test_evidence_is_not_served_to_the_public_or_another_country(
    client, collection, ke_police_drafter, jo_coordinator
):
    document = Document.objects.create(
        title="Evidence",
        file=SimpleUploadedFile("evidence.pdf", b"%PDF-1.4 x"),
        collection=collection,
    )
    url = document.url
    assert client.get(url).status_code in (302, 403)
    client.force_login(jo_coordinator)
    assert client.get(url).status_code in (302, 403)
    client.force_login(ke_police_drafter)
    response = client.get(url)
    assert response.status_code == 200


def test_other_countries_cannot_upload_into_it(client, collection, jo_coordinator):
    client.force_login(jo_coordinator)
    upload(client, collection, "attendance.pdf")
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused(client, collection, ke_police_drafter, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(ke_police_drafter)
    response = upload(client, collection, "big.pdf", b"%PDF-1.4 " + b"x" * 2048)
    assert response.status_code == 200
    assert "this file is too big" in response.content.decode().lower()
    assert not Document.objects.exists()


def test_evidence_is_a_download_that_browsers_may_not_sniff(client, collection, ke_police_drafter):
    client.force_login(ke_police_drafter)
    upload(client, collection, "attendance.pdf")
    document = Document.objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
