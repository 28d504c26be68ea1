"""When a focal person leaves the agency, the deputy takes over (of commitments and of
indicators) and the coordinator is told."""

import pytest
from django.core import mail

from plans.models import Commitment
from stakeholders import services as stakeholder_services

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db


def test_deputy_moves_up_and_the_coordinator_is_mailed(
    ke_plan, ke_police, ke_coordinator, django_capture_on_commit_callbacks
):
    focal = member(UserFactory(username="focal", first_name="Fatuma"), ke_police)
    deputy = member(UserFactory(username="deputy"), ke_police)
    handed = make_commitment(
        ke_plan, ke_police, title="Handed over", focal_person=focal, focal_deputy=deputy
    )
    alone = make_commitment(ke_plan, ke_police, title="Left alone", focal_person=focal)
    as_deputy = make_commitment(
        ke_plan, ke_police, title="As deputy", focal_person=deputy, focal_deputy=focal
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        stakeholder_services.membership_delete(membership=focal)
    handed.refresh_from_db()
    alone.refresh_from_db()
    as_deputy.refresh_from_db()
    assert (handed.focal_person_id, handed.focal_deputy_id) == (deputy.pk, None)
    assert alone.focal_person_id is None
    assert (as_deputy.focal_person_id, as_deputy.focal_deputy_id) == (deputy.pk, None)
    messages = [m for m in mail.outbox if ke_coordinator.email in m.to]
    assert len(messages) == 1
    assert "Handed over" in messages[0].body
    assert "Left alone" in messages[0].body
    assert "As deputy" not in messages[0].body


def test_removing_the_user_hands_over_too(ke_plan, ke_police, ke_coordinator):
    focal = member(UserFactory(username="focal"), ke_police)
    deputy = member(UserFactory(username="deputy"), ke_police)
    commitment = make_commitment(ke_plan, ke_police, focal_person=focal, focal_deputy=deputy)
    focal.user.delete()
    assert Commitment.objects.get(pk=commitment.pk).focal_person_id == deputy.pk


def test_an_indicators_deputy_moves_up_and_the_coordinator_is_told(
    ke_plan, ke_police, ke_coordinator, django_capture_on_commit_callbacks
):
    focal = member(UserFactory(username="focal"), ke_police)
    deputy = member(UserFactory(username="deputy"), ke_police)
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Measured",
        indicators=[
            {"name": "Handed indicator", "focal_person": focal, "focal_deputy": deputy},
            {"name": "Lone indicator", "focal_person": focal},
            {"name": "Deputy's indicator", "focal_person": deputy, "focal_deputy": focal},
        ],
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        stakeholder_services.membership_delete(membership=focal)
    people = {i.name: (i.focal_person_id, i.focal_deputy_id) for i in commitment.indicators.all()}
    assert people == {
        "Handed indicator": (deputy.pk, None),
        "Lone indicator": (None, None),
        "Deputy's indicator": (deputy.pk, None),
    }
    [message] = [m for m in mail.outbox if ke_coordinator.email in m.to]
    assert "Handed indicator (Measured): " in message.body
    assert "Lone indicator (Measured)" in message.body
    assert "Deputy's indicator" not in message.body
