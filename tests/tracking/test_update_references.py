"""What an update refers to carries rights too: evidence from the country's own private
collection, indicators of the commitment reported on."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from tracking.evidence import country_evidence_collection
from tracking.models import EVIDENCE_OF_ANOTHER_COUNTRY, ProgressUpdate

from ..factories import make_commitment, make_update
from .test_update_admin import ADD, form

pytestmark = pytest.mark.django_db


def evidence(country, title):
    return Document.objects.create(
        title=title,
        file=SimpleUploadedFile(f"{country.code}.pdf", b"%PDF-1.4 x"),
        collection=country_evidence_collection(country=country),
    )


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police)


def test_another_countrys_document_is_refused_and_its_title_never_shown(
    client, commitment, ke_police_drafter, jordan, jo_police
):
    foreign = evidence(jordan, "Jordan prosecution file index")
    client.force_login(ke_police_drafter)
    response = client.post(ADD, form(commitment, evidence_document=foreign.pk, publish_now="on"))
    assert response.status_code == 200
    assert str(EVIDENCE_OF_ANOTHER_COUNTRY) in html.unescape(response.content.decode())
    assert not ProgressUpdate.objects.exists()


def test_a_forged_document_on_an_existing_update_is_refused(
    client, commitment, ke_police_drafter, jordan, jo_police
):
    update = make_update(commitment, actor=ke_police_drafter)
    foreign = evidence(jordan, "Jordan prosecution file index")
    client.force_login(ke_police_drafter)
    edit = f"/admin/progress_updates/edit/{update.pk}/"
    data = form(commitment, evidence_document=foreign.pk)
    data["loaded_version"] = update.updated_at.isoformat()
    response = client.post(edit, data)
    assert response.status_code == 200
    assert ProgressUpdate.objects.get(pk=update.pk).evidence_document is None
    assert "Jordan prosecution file index" not in client.get(edit).content.decode()


def test_the_countrys_own_evidence_is_accepted(client, commitment, ke_police_drafter, kenya):
    own = evidence(kenya, "Attendance sheet")
    client.force_login(ke_police_drafter)
    response = client.post(ADD, form(commitment, evidence_document=own.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ProgressUpdate.objects.get().evidence_document == own


def test_the_service_refuses_another_countrys_document(commitment, ke_police_drafter, jordan):
    from django.core.exceptions import ValidationError

    from tracking import services

    with pytest.raises(ValidationError):
        services.progress_update_create(
            actor=ke_police_drafter,
            commitment=commitment,
            status="on_track",
            progress=10,
            narrative="Started.",
            evidence_document=evidence(jordan, "Foreign"),
        )
    assert not ProgressUpdate.objects.exists()


def test_another_commitments_indicator_is_refused(
    client, ke_plan, ke_police, ke_police_drafter, jo_plan, jo_police
):
    mine = make_commitment(ke_plan, ke_police, indicators=[{"name": "Officers trained"}])
    foreign = make_commitment(jo_plan, jo_police, indicators=[{"name": "Jordan cases"}])
    client.force_login(ke_police_drafter)
    data = form(
        mine,
        **{
            "measurements-TOTAL_FORMS": "1",
            "measurements-0-indicator": foreign.indicators.get().pk,
            "measurements-0-measured_on": "2026-01-01",
            "measurements-0-value": "3",
            "measurements-0-ORDER": "1",
        },
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()
