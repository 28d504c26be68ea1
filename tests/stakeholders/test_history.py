"""Agency edits keep their history (django-reversion), with who and why."""

import pytest
from reversion.models import Version

pytestmark = pytest.mark.django_db


def test_agency_edit_in_admin_records_a_revision_with_user_and_comment(
    client, superuser, ke_police
):
    client.force_login(superuser)
    response = client.post(
        f"/admin/agencies/edit/{ke_police.pk}/",
        {
            "country": ke_police.country_id,
            "name": ke_police.name,
            "acronym": ke_police.acronym,
            "sector": ke_police.sector,
            "website": "https://example.org/police",
            "description": "Now with a description.",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    versions = Version.objects.get_for_object(ke_police)
    assert versions.count() == 2  # created by the factory, then edited
    latest = versions.first()
    assert latest.revision.user == superuser
    assert latest.revision.comment == "Edited agency"
    assert latest.field_dict["description"] == "Now with a description."
    assert versions.last().field_dict["description"] == ""


def test_admin_history_page_shows_the_edit(client, superuser, ke_police):
    client.force_login(superuser)
    client.post(
        f"/admin/agencies/edit/{ke_police.pk}/",
        {
            "country": ke_police.country_id,
            "name": ke_police.name,
            "sector": ke_police.sector,
            "acronym": "NEW",
            "is_active": "on",
        },
    )
    response = client.get(f"/admin/agencies/history/{ke_police.pk}/")
    assert response.status_code == 200
    assert "Edit" in response.content.decode()
