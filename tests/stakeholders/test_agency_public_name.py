"""An agency named on the public plan is renamed by the site administrator only: a
coordinator's rename would change the public record at once, without review."""

import pytest

from stakeholders.models import Agency
from stakeholders.permissions import AGENCY_NAMED_IN_PUBLIC

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def agency_form(agency, **changes):
    data = {
        "country": agency.country_id,
        "name": agency.name,
        "acronym": agency.acronym,
        "sector": agency.sector,
        "website": "",
        "description": "",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_coordinator_cannot_rename_an_agency_named_in_a_published_plan(
    client, ke_plan, ke_police, ke_coordinator
):
    make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/agencies/edit/{ke_police.pk}/", agency_form(ke_police, name="Renamed unit")
    )
    assert response.status_code == 200
    assert (AGENCY_NAMED_IN_PUBLIC % {"agency": ke_police}).split(",")[0] in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert Agency.objects.get(pk=ke_police.pk).name == ke_police.name


def test_coordinator_edits_the_rest_of_a_public_agency(client, ke_plan, ke_police, ke_coordinator):
    make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/agencies/edit/{ke_police.pk}/",
        agency_form(ke_police, description="Investigates online offences."),
    )
    assert response.status_code == 302
    assert Agency.objects.get(pk=ke_police.pk).description == "Investigates online offences."


def test_coordinator_renames_an_agency_not_yet_public(client, ke_plan, ke_police, ke_coordinator):
    make_commitment(ke_plan, ke_police, publish=False)
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/agencies/edit/{ke_police.pk}/", agency_form(ke_police, name="Renamed unit")
    )
    assert response.status_code == 302
    assert Agency.objects.get(pk=ke_police.pk).name == "Renamed unit"


def test_nobody_moves_an_agency_to_another_country(client, ke_police, superuser, jordan):
    client.force_login(superuser)
    client.post(f"/admin/agencies/edit/{ke_police.pk}/", agency_form(ke_police, country=jordan.pk))
    assert Agency.objects.get(pk=ke_police.pk).country.code == "ke"


def test_superuser_renames_a_public_agency(client, ke_plan, ke_police, superuser):
    make_commitment(ke_plan, ke_police)
    client.force_login(superuser)
    response = client.post(
        f"/admin/agencies/edit/{ke_police.pk}/", agency_form(ke_police, name="Renamed unit")
    )
    assert response.status_code == 302
    assert Agency.objects.get(pk=ke_police.pk).name == "Renamed unit"
