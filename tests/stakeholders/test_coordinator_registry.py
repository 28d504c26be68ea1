"""Coordinators manage their own country's agencies and memberships, and nothing else."""

import pytest

from stakeholders.models import Membership

from ..factories import UserFactory, member

pytestmark = pytest.mark.django_db


def test_coordinator_lists_only_own_countrys_agencies_and_memberships(
    client, ke_coordinator, ke_police, jo_police, jo_coordinator
):
    client.force_login(ke_coordinator)
    agencies = client.get("/admin/agencies/").content.decode()
    assert ke_police.name in agencies
    assert jo_police.name not in agencies
    memberships = client.get("/admin/memberships/").content.decode()
    assert "ke-coord" in memberships
    assert "jo-coord" not in memberships


def test_coordinator_cannot_open_another_countrys_objects(
    client, ke_coordinator, jo_police, jo_coordinator
):
    jo_membership = jo_coordinator.memberships.get()
    client.force_login(ke_coordinator)
    for url in (
        f"/admin/agencies/edit/{jo_police.pk}/",
        f"/admin/agencies/inspect/{jo_police.pk}/",
        f"/admin/agencies/history/{jo_police.pk}/",
        f"/admin/memberships/edit/{jo_membership.pk}/",
        f"/admin/memberships/delete/{jo_membership.pk}/",
        f"/admin/stakeholders/agency/{jo_police.pk}/versions/",
        f"/admin/stakeholders/membership/{jo_membership.pk}/versions/",
    ):
        assert client.get(url).status_code == 302, url
    client.post(f"/admin/memberships/delete/{jo_membership.pk}/")
    assert Membership.objects.filter(pk=jo_membership.pk).exists()


def test_coordinator_adds_a_drafter_to_their_country(
    client, ke_coordinator, ke_police, ke_helpline
):
    # Someone already in the country; people new to the site come by invitation
    # (test_invitations.py).
    newcomer = UserFactory(username="new-drafter")
    member(newcomer, ke_helpline)
    client.force_login(ke_coordinator)
    response = client.post(
        "/admin/memberships/new/", {"user": newcomer.pk, "agency": ke_police.pk, "role": "drafter"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert newcomer.groups.filter(pk=ke_police.group_id).exists()


def test_coordinator_cannot_add_a_membership_in_another_country(client, ke_coordinator, jo_police):
    newcomer = UserFactory(username="new-drafter")
    client.force_login(ke_coordinator)
    response = client.post(
        "/admin/memberships/new/", {"user": newcomer.pk, "agency": jo_police.pk, "role": "drafter"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not newcomer.memberships.exists()


def test_membership_form_does_not_offer_other_countries_people(
    client, ke_coordinator, jo_coordinator
):
    client.force_login(ke_coordinator)
    form = client.get("/admin/memberships/new/").context["form"]
    assert jo_coordinator not in form.fields["user"].queryset
    # Never oneself: nobody grants their own rights (test_who_grants_roles.py).
    assert ke_coordinator not in form.fields["user"].queryset


def test_drafters_do_not_manage_the_registry(client, ke_police_drafter, ke_police):
    client.force_login(ke_police_drafter)
    assert client.get("/admin/agencies/").status_code == 302
    assert client.get(f"/admin/agencies/edit/{ke_police.pk}/").status_code == 302


def test_versions_show_who_changed_what_and_coordinator_reverts(client, ke_coordinator, ke_police):
    client.force_login(ke_coordinator)
    data = {
        "country": ke_police.country_id,
        "name": ke_police.name,
        "acronym": "NEW",
        "sector": ke_police.sector,
        "website": "",
        "description": "",
        "is_active": "on",
    }
    assert client.post(f"/admin/agencies/edit/{ke_police.pk}/", data).status_code == 302
    html = client.get(f"/admin/stakeholders/agency/{ke_police.pk}/versions/").content.decode()
    assert "ke-coord" in html
    assert "acronym" in html and "AHTCPU" in html and "NEW" in html

    from reversion.models import Version

    first = Version.objects.get_for_object(ke_police).order_by("pk").first()
    response = client.post(f"/admin/stakeholders/agency/{ke_police.pk}/versions/{first.pk}/revert/")
    assert response.status_code == 302
    ke_police.refresh_from_db()
    assert ke_police.acronym == "AHTCPU"
    latest = Version.objects.get_for_object(ke_police).order_by("-pk").first()
    assert latest.revision.user == ke_coordinator
    assert latest.revision.comment.startswith("Reverted to the version of")


def test_reverting_a_membership_resyncs_groups(client, ke_coordinator, ke_police, ke_helpline):
    from reversion.models import Version

    from stakeholders import services

    person = UserFactory(username="mover")
    membership = member(person, ke_police)
    membership.agency = ke_helpline
    services.membership_save(membership=membership, actor=ke_coordinator)
    first = Version.objects.get_for_object(membership).order_by("pk").first()
    client.force_login(ke_coordinator)
    client.post(f"/admin/stakeholders/membership/{membership.pk}/versions/{first.pk}/revert/")
    assert set(person.groups.values_list("pk", flat=True)) == {ke_police.group_id}


@pytest.mark.parametrize("listing", ["agencies", "memberships", "countries"])
def test_coordinator_searches_the_registry(client, ke_coordinator, ke_police, listing):
    client.force_login(ke_coordinator)
    response = client.get(f"/admin/{listing}/", {"q": "Unit"})
    assert response.status_code in (200, 302)
    if listing == "agencies":
        assert ke_police.name in response.content.decode()
