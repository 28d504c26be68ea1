"""A person's groups follow their memberships at once: add, change role, move, remove."""

import pytest

from stakeholders import services
from stakeholders.models import Membership

from ..factories import UserFactory, member

pytestmark = pytest.mark.django_db
Role = Membership.Role


def group_ids(user):
    return set(user.groups.values_list("pk", flat=True))


def test_drafter_joins_only_their_agency_group(ke_police, ke_helpline):
    user = UserFactory()
    member(user, ke_police, Role.DRAFTER)
    assert group_ids(user) == {ke_police.group_id}
    assert user.has_perm("wagtailadmin.access_admin")


def test_each_role_lands_in_its_group(kenya, ke_police):
    expectations = {
        Role.COORDINATOR: {kenya.coordinators_group_id},
        Role.REVIEWER: {kenya.reviewers_group_id},
        Role.VIEWER: {kenya.viewers_group_id},
        Role.DRAFTER: {ke_police.group_id},
        Role.HEAD: {ke_police.group_id, ke_police.heads_group_id},
    }
    for role, expected in expectations.items():
        user = UserFactory()
        member(user, ke_police, role)
        assert group_ids(user) == expected, role


def test_changing_role_swaps_groups(kenya, ke_police):
    user = UserFactory()
    membership = member(user, ke_police, Role.DRAFTER)
    membership.role = Role.COORDINATOR
    services.membership_save(membership=membership)
    assert group_ids(user) == {kenya.coordinators_group_id}


def test_moving_user_between_agencies_moves_groups(ke_police, ke_helpline):
    user = UserFactory()
    membership = member(user, ke_police, Role.DRAFTER)
    membership.agency = ke_helpline
    services.membership_save(membership=membership)
    assert group_ids(user) == {ke_helpline.group_id}
    assert not ke_police.group.user_set.filter(pk=user.pk).exists()


def test_removing_membership_removes_groups_and_admin_access(ke_police):
    user = UserFactory()
    membership = member(user, ke_police, Role.DRAFTER)
    services.membership_delete(membership=membership)
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache
    assert group_ids(user) == set()
    assert not user.has_perm("wagtailadmin.access_admin")


def test_two_memberships_keep_both_groups_until_one_ends(ke_police, ke_helpline):
    user = UserFactory()
    police = member(user, ke_police, Role.DRAFTER)
    member(user, ke_helpline, Role.DRAFTER)
    assert group_ids(user) == {ke_police.group_id, ke_helpline.group_id}
    services.membership_delete(membership=police)
    assert group_ids(user) == {ke_helpline.group_id}


def test_reassigning_membership_to_another_user_resyncs_both(ke_police):
    first, second = UserFactory(), UserFactory()
    membership = member(first, ke_police, Role.DRAFTER)
    membership.user = second
    services.membership_save(membership=membership)
    assert group_ids(first) == set()
    assert group_ids(second) == {ke_police.group_id}


def test_sync_leaves_hand_made_groups_alone(ke_police):
    from django.contrib.auth.models import Group

    user = UserFactory()
    editors = Group.objects.create(name="Site editors")
    user.groups.add(editors)
    member(user, ke_police, Role.DRAFTER)
    services.sync_user_groups(user=user)
    assert group_ids(user) == {editors.pk, ke_police.group_id}


def test_membership_through_admin_puts_user_in_group(client, superuser, ke_police):
    user = UserFactory()
    client.force_login(superuser)
    response = client.post(
        "/admin/memberships/new/", {"user": user.pk, "agency": ke_police.pk, "role": "drafter"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert group_ids(user) == {ke_police.group_id}

    membership = Membership.objects.get(user=user)
    response = client.post(f"/admin/memberships/delete/{membership.pk}/")
    assert response.status_code == 302
    assert group_ids(user) == set()
