"""Bad input gets a clear message and changes nothing, in the admin and in the services."""

import pytest
from django.core.exceptions import ValidationError

from stakeholders import services
from stakeholders.models import Agency, Country, Membership

from ..factories import AgencyFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_duplicate_agency_name_in_same_country_is_refused_in_admin(client, superuser, ke_police):
    client.force_login(superuser)
    response = client.post(
        "/admin/agencies/new/",
        {
            "country": ke_police.country_id,
            "name": ke_police.name.upper(),
            "acronym": "X",
            "sector": "law_enforcement",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Kenya already has an agency called" in response.content.decode()
    assert Agency.objects.filter(country=ke_police.country).count() == 1


def test_same_agency_name_in_another_country_is_allowed(ke_police, jordan):
    twin = AgencyFactory(country=jordan, name=ke_police.name)
    assert twin.pk


def test_duplicate_agency_name_refused_by_service(ke_police):
    groups_before = ke_police.group.__class__.objects.count()
    with pytest.raises(ValidationError) as error:
        services.agency_save(
            agency=Agency(country=ke_police.country, name=f"  {ke_police.name} ", sector="health")
        )
    assert "name" in error.value.message_dict
    assert ke_police.group.__class__.objects.count() == groups_before


def test_unknown_country_code_is_a_form_error(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/countries/new/", {"code": "zz", "name": "Nowhere", "default_language": "en"}
    )
    assert response.status_code == 200
    assert "is not an ISO 3166-1 alpha-2 country code" in response.content.decode()
    assert not Country.objects.filter(code="zz").exists()


def test_country_created_in_admin_gets_its_groups(client, superuser):
    client.force_login(superuser)
    response = client.post(
        "/admin/countries/new/",
        {"code": "ug", "name": "Uganda", "default_language": "en", "update_review": "lead_agency"},
    )
    assert response.status_code == 302
    uganda = Country.objects.get(code="ug")
    assert uganda.coordinators_group.name == "Uganda: national coordinators"
    assert uganda.reviewers_group.permissions.filter(codename="access_admin").exists()


def test_membership_in_a_second_country_is_refused(ke_police, jo_police):
    user = UserFactory()
    member(user, ke_police, Membership.Role.COORDINATOR)
    with pytest.raises(ValidationError) as error:
        member(user, jo_police, Membership.Role.DRAFTER)
    assert "one country only" in str(error.value.message_dict["agency"])
    assert list(user.memberships.values_list("agency", flat=True)) == [ke_police.pk]
    assert set(user.groups.values_list("pk", flat=True)) == {
        ke_police.country.coordinators_group_id
    }


def test_membership_in_a_second_country_is_a_form_error(client, superuser, ke_police, jo_police):
    user = UserFactory()
    member(user, ke_police, Membership.Role.COORDINATOR)
    client.force_login(superuser)
    response = client.post(
        "/admin/memberships/new/", {"user": user.pk, "agency": jo_police.pk, "role": "drafter"}
    )
    assert response.status_code == 200
    assert "works for one country only" in response.content.decode()
    assert user.memberships.count() == 1


def test_second_agency_in_the_same_country_is_allowed(ke_police, ke_helpline):
    user = UserFactory()
    member(user, ke_police, Membership.Role.COORDINATOR)
    member(user, ke_helpline, Membership.Role.DRAFTER)
    assert user.memberships.count() == 2


def test_duplicate_membership_is_refused(ke_police):
    user = UserFactory()
    member(user, ke_police)
    with pytest.raises(ValidationError):
        member(user, ke_police, Membership.Role.VIEWER)
    assert user.memberships.get().role == Membership.Role.DRAFTER


def test_countries_and_agencies_cannot_be_deleted_from_admin(client, superuser, ke_police):
    client.force_login(superuser)
    response = client.post(f"/admin/agencies/delete/{ke_police.pk}/")
    assert response.status_code == 302
    assert Agency.objects.filter(pk=ke_police.pk).exists()
