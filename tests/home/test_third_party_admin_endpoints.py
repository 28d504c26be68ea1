"""Admin endpoints added by wagtail-localize and Wagtail itself list only what the user may
see (home/admin_endpoints.py): never another country's commitments or evidence tags."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from tracking.evidence import country_evidence_collection

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
SNIPPETS_API = "/admin/localize/api/snippets/plans/commitment/"


@pytest.fixture
def commitments(ke_plan, jo_plan, ke_police, ke_helpline, jo_police):
    return {
        "mine": make_commitment(ke_plan, ke_police, title="Train police investigators"),
        "helpline": make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11),
        "draft": make_commitment(ke_plan, ke_police, title="Never published draft", publish=False),
        "internal": make_commitment(
            ke_plan, ke_helpline, title="Internal operation", capability=11, is_internal=True
        ),
        "jordan": make_commitment(jo_plan, jo_police, title="Jordan forensics lab"),
    }


def titles(response):
    assert response.status_code == 200
    return {row["title"] for row in response.json()}


def test_localize_snippet_api_lists_only_commitments_the_user_may_view(
    client, commitments, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    shown = titles(client.get(SNIPPETS_API))
    assert "Train police investigators" in shown
    assert "Never published draft" in shown  # their own agency's draft
    assert not shown & {"Jordan forensics lab", "Helpline hours", "Internal operation"}


def test_localize_snippet_api_detail_refuses_another_countrys_commitment(
    client, commitments, ke_coordinator
):
    client.force_login(ke_coordinator)
    assert client.get(f"{SNIPPETS_API}{commitments['jordan'].pk}/").status_code == 404
    mine = client.get(f"{SNIPPETS_API}{commitments['mine'].pk}/")
    assert mine.json()["title"] == "Train police investigators"


def test_localize_snippet_api_is_admin_only(client, commitments):
    assert client.get(SNIPPETS_API).status_code == 302


def test_tag_autocomplete_suggests_only_tags_of_the_users_country(
    client, kenya, jordan, ke_police, jo_police, ke_police_drafter
):
    for country, tag in ((kenya, "kenya-attendance"), (jordan, "jordan-raid-log")):
        document = Document.objects.create(
            title=f"{country.name} evidence",
            file=SimpleUploadedFile("e.pdf", b"%PDF-1.4 x"),
            collection=country_evidence_collection(country=country),
        )
        document.tags.add(tag)
    client.force_login(ke_police_drafter)
    response = client.get("/admin/tag-autocomplete/?term=")
    assert response.json() == []
    assert client.get("/admin/tag-autocomplete/?term=k").json() == ["kenya-attendance"]
    assert client.get("/admin/tag-autocomplete/?term=j").json() == []
