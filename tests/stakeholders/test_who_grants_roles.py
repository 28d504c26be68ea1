"""Who may grant which role: coordinators manage drafters, heads and viewers of their own
country; only superusers make coordinators and reviewers; nobody but a superuser changes
their own memberships (README, "Who belongs where")."""

import pytest

from stakeholders import services
from stakeholders.models import Membership
from stakeholders.permissions import MEMBERSHIP_OWN, MEMBERSHIP_ROLE_NOT_YOURS

from ..factories import UserFactory, member

pytestmark = pytest.mark.django_db
NEW = "/admin/memberships/new/"


def is_reviewer(user, country):
    return user.groups.filter(pk=country.reviewers_group_id).exists()


def test_coordinator_cannot_make_themselves_a_reviewer(client, ke_coordinator, ke_police, kenya):
    client.force_login(ke_coordinator)
    response = client.post(
        NEW, {"user": ke_coordinator.pk, "agency": ke_police.pk, "role": "reviewer"}
    )
    assert response.status_code == 200
    assert not is_reviewer(ke_coordinator, kenya)
    assert ke_coordinator.memberships.count() == 1


def test_coordinator_cannot_make_a_colleague_a_reviewer_or_coordinator(
    client, ke_coordinator, ke_police_drafter, ke_helpline, kenya
):
    client.force_login(ke_coordinator)
    for role in ("reviewer", "coordinator"):
        response = client.post(
            NEW, {"user": ke_police_drafter.pk, "agency": ke_helpline.pk, "role": role}
        )
        assert response.status_code == 200
    assert ke_police_drafter.memberships.count() == 1
    assert not is_reviewer(ke_police_drafter, kenya)


def test_coordinator_cannot_promote_a_drafter_membership_to_reviewer(
    client, ke_coordinator, ke_police_drafter, kenya
):
    membership = ke_police_drafter.memberships.get()
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/memberships/edit/{membership.pk}/",
        {"user": ke_police_drafter.pk, "agency": membership.agency_id, "role": "reviewer"},
    )
    assert response.status_code == 200
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.DRAFTER
    assert not is_reviewer(ke_police_drafter, kenya)


def test_the_form_offers_only_roles_the_coordinator_may_grant(client, ke_coordinator):
    client.force_login(ke_coordinator)
    form = client.get(NEW).context["form"]
    assert {value for value, _ in form.fields["role"].choices if value} == {
        "head",
        "drafter",
        "viewer",
    }


def test_coordinator_cannot_change_or_remove_a_reviewer_membership(
    client, ke_coordinator, ke_reviewer
):
    membership = ke_reviewer.memberships.get()
    client.force_login(ke_coordinator)
    assert client.get(f"/admin/memberships/edit/{membership.pk}/").status_code in (302, 403)
    client.post(f"/admin/memberships/delete/{membership.pk}/")
    assert Membership.objects.filter(pk=membership.pk, role="reviewer").exists()


def test_coordinator_cannot_change_their_own_membership(client, ke_coordinator, ke_police):
    membership = ke_coordinator.memberships.get()
    client.force_login(ke_coordinator)
    client.post(
        f"/admin/memberships/edit/{membership.pk}/",
        {"user": ke_coordinator.pk, "agency": ke_police.pk, "role": "reviewer"},
    )
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.COORDINATOR


def test_a_revert_that_would_restore_a_reviewer_role_is_refused(
    client, superuser, ke_coordinator, ke_police
):
    person = UserFactory(username="person")
    membership = member(person, ke_police, Membership.Role.REVIEWER)
    membership.role = Membership.Role.DRAFTER
    services.membership_save(membership=membership, actor=superuser)
    from reversion.models import Version

    reviewer_version = Version.objects.get_for_object(membership).order_by("pk").first()
    client.force_login(ke_coordinator)
    client.post(
        f"/admin/stakeholders/membership/{membership.pk}/versions/{reviewer_version.pk}/revert/"
    )
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.DRAFTER


def test_superuser_grants_reviewer_roles(client, superuser, ke_police_drafter, ke_helpline, kenya):
    client.force_login(superuser)
    response = client.post(
        NEW, {"user": ke_police_drafter.pk, "agency": ke_helpline.pk, "role": "reviewer"}
    )
    assert response.status_code == 302
    assert is_reviewer(ke_police_drafter, kenya)


def test_coordinator_still_adds_a_drafter_for_a_colleague(
    client, ke_coordinator, ke_police_drafter, ke_helpline
):
    client.force_login(ke_coordinator)
    response = client.post(
        NEW, {"user": ke_police_drafter.pk, "agency": ke_helpline.pk, "role": "drafter"}
    )
    assert response.status_code == 302
    assert ke_police_drafter.groups.filter(pk=ke_helpline.group_id).exists()


def test_the_person_list_holds_only_this_countrys_people(
    client, ke_coordinator, ke_police_drafter, jo_coordinator, superuser
):
    unplaced = UserFactory(username="someone-unplaced")
    client.force_login(ke_coordinator)
    people = set(client.get(NEW).context["form"].fields["user"].queryset)
    assert ke_police_drafter in people
    assert not people & {jo_coordinator, superuser, unplaced, ke_coordinator}


def test_the_service_refuses_what_the_form_would(ke_coordinator, ke_police, ke_helpline):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied) as refused:
        services.membership_create(
            user=ke_coordinator, agency=ke_police, role="drafter", actor=ke_coordinator
        )
    assert str(refused.value) == MEMBERSHIP_OWN
    person = UserFactory(username="person")
    member(person, ke_police)
    with pytest.raises(PermissionDenied) as refused:
        services.membership_create(
            user=person, agency=ke_helpline, role="reviewer", actor=ke_coordinator
        )
    assert str(refused.value) == MEMBERSHIP_ROLE_NOT_YOURS
    assert person.memberships.count() == 1


def test_the_listing_links_only_to_memberships_the_coordinator_may_change(
    client, ke_coordinator, ke_reviewer, ke_police_drafter
):
    client.force_login(ke_coordinator)
    html = client.get("/admin/memberships/").content.decode()
    drafter = ke_police_drafter.memberships.get()
    assert f"/admin/memberships/edit/{drafter.pk}/" in html
    for membership in (ke_reviewer.memberships.get(), ke_coordinator.memberships.get()):
        assert f"/admin/memberships/edit/{membership.pk}/" not in html
        assert f"/admin/memberships/delete/{membership.pk}/" not in html


def test_a_new_membership_defaults_to_drafter(client, ke_coordinator):
    client.force_login(ke_coordinator)
    assert client.get(NEW).context["form"].fields["role"].initial == Membership.Role.DRAFTER
