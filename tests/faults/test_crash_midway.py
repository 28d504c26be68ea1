"""A crash in the middle of a multi-object write leaves nothing half written."""

from unittest import mock

import pytest
from guardian.models import GroupObjectPermission
from wagtail.models import Revision

from plans import services as plan_services
from plans.models import Capability, Commitment
from stakeholders import services as stakeholder_services
from stakeholders.models import Membership
from tracking import services as tracking_services
from tracking.models import ProgressUpdate

from ..factories import UserFactory, make_commitment
from ..plans.test_commitment_admin import ADD_URL, new_commitment_data

pytestmark = pytest.mark.django_db


class Crash(Exception):
    pass


def test_commitment_create_crashing_after_its_revision_leaves_nothing(ke_plan, ke_police):
    with (
        mock.patch.object(plan_services, "commitment_sync_permissions", side_effect=Crash),
        pytest.raises(Crash),
    ):
        plan_services.commitment_create(
            actor=None,
            plan=ke_plan,
            capability=Capability.objects.get(framework__code="MNR-2016", number=4),
            title="Half written",
            lead_agency=ke_police,
            indicators=[{"name": "Officers trained", "target": 10}],
            publish=True,
        )
    assert not Commitment.objects.filter(title="Half written").exists()
    assert not Revision.objects.filter(object_str="Half written").exists()


def test_admin_create_crashing_midway_saves_nothing(client, ke_plan, ke_police, ke_police_drafter):
    client.force_login(ke_police_drafter)
    data = new_commitment_data(ke_plan, ke_police, title="Half written in the admin")
    client.raise_request_exception = False
    with mock.patch.object(plan_services, "commitment_sync_permissions", side_effect=Crash):
        response = client.post(ADD_URL, data)
    assert response.status_code == 500
    assert not Commitment.objects.filter(title="Half written in the admin").exists()
    assert GroupObjectPermission.objects.filter(object_pk__isnull=False).count() == 0


def test_membership_crashing_while_syncing_groups_is_not_kept(ke_police):
    user = UserFactory(username="half-member")
    with (
        mock.patch.object(stakeholder_services, "sync_user_groups", side_effect=Crash),
        pytest.raises(Crash),
    ):
        stakeholder_services.membership_create(
            user=user, agency=ke_police, role=Membership.Role.DRAFTER
        )
    assert not Membership.objects.filter(user=user).exists()
    assert not user.groups.exists()


def test_publishing_an_update_crashing_in_the_roll_up_publishes_nothing(ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    update = tracking_services.progress_update_create(
        actor=None,
        commitment=commitment,
        status=Commitment.Status.ON_TRACK,
        progress=50,
        narrative="Two courses held.",
    )
    with (
        mock.patch.object(tracking_services, "commitment_roll_up", side_effect=Crash),
        pytest.raises(Crash),
    ):
        tracking_services.progress_update_publish(actor=None, update=update)
    assert ProgressUpdate.objects.get(pk=update.pk).published_at is None
    assert Commitment.objects.get(pk=commitment.pk).progress == 0
