"""A reminder goes to the commitment's focal person and deputy, not to every drafter;
when neither can be reached, to the lead agency's drafters as before."""

import datetime

import pytest
from django.core import mail

from plans.models import Commitment
from stakeholders.models import Membership
from tracking import reminders

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 6, 15)


@pytest.fixture
def team(ke_police, ke_police_drafter):
    focal = member(UserFactory(username="focal"), ke_police)
    deputy = member(UserFactory(username="deputy"), ke_police, Membership.Role.HEAD)
    return focal, deputy


def _due(plan, agency, **fields):
    commitment = make_commitment(plan, agency, **fields)
    Commitment.objects.filter(pk=commitment.pk).update(due_date=ON + datetime.timedelta(days=10))
    return commitment


def test_reminder_goes_to_focal_person_and_deputy_only(ke_plan, ke_police, ke_police_drafter, team):
    focal, deputy = team
    _due(ke_plan, ke_police, focal_person=focal, focal_deputy=deputy)
    reminders.send_reminders(on=ON)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([focal.user.email, deputy.user.email])
    assert ke_police_drafter.email not in recipients


def test_unreachable_focal_person_falls_back_to_the_drafters(
    ke_plan, ke_police, ke_police_drafter, team
):
    focal, _deputy = team
    focal.user.is_active = False
    focal.user.save()
    _due(ke_plan, ke_police, focal_person=focal)
    reminders.send_reminders(on=ON)
    recipients = {address for message in mail.outbox for address in message.to}
    assert ke_police_drafter.email in recipients
    assert focal.user.email not in recipients
