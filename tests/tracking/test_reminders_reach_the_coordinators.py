"""An overdue commitment of an agency with nobody to remind (no drafter or head with an
account and an e-mail, like the demo's ministries) reaches its country's coordinators,
once, saying whose it is; where someone at the agency reports, they alone are told."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from plans.models import Commitment

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 6, 15)


def overdue(plan, agency, title):
    commitment = make_commitment(plan, agency, title=title)
    Commitment.objects.filter(pk=commitment.pk).update(due_date=ON - datetime.timedelta(days=30))
    return commitment


def test_an_agency_without_reporters_is_chased_by_the_coordinators(
    ke_plan, ke_education, ke_coordinator, jo_coordinator
):
    overdue(ke_plan, ke_education, "Teach online safety in schools")
    call_command("send_reminders", "--on", ON.isoformat())
    assert [m.to for m in mail.outbox] == [[ke_coordinator.email]], "Kenya's coordinator only"
    message = mail.outbox[0]
    assert "1 commitment with no one at the lead agency to remind" in message.subject
    assert "Teach online safety in schools, led by Ministry of Education (MoE)" in message.body
    assert "As national coordinator" in message.body

    call_command("send_reminders", "--on", ON.isoformat())
    assert len(mail.outbox) == 1, "once a week, like every overdue reminder"


def test_where_the_agency_reports_the_coordinators_are_not_told(
    ke_plan, ke_police, ke_police_drafter, ke_coordinator
):
    overdue(ke_plan, ke_police, "Train investigators")
    call_command("send_reminders", "--on", ON.isoformat())
    assert [m.to for m in mail.outbox] == [[ke_police_drafter.email]]
    assert "nobody" not in mail.outbox[0].body


def test_an_inactive_drafter_does_not_count_as_someone_to_remind(
    ke_plan, ke_helpline, ke_coordinator
):
    gone = UserFactory(username="left-the-helpline")
    member(gone, ke_helpline)
    gone.is_active = False
    gone.save()
    overdue(ke_plan, ke_helpline, "Answer calls in Swahili")
    call_command("send_reminders", "--on", ON.isoformat())
    assert [m.to for m in mail.outbox] == [[ke_coordinator.email]]


def test_a_commitment_nobody_can_be_told_of_is_reported_by_the_command(
    ke_plan, ke_education, capsys
):
    overdue(ke_plan, ke_education, "Teach online safety in schools")
    call_command("send_reminders", "--on", ON.isoformat())
    assert not mail.outbox
    assert "1 commitment reaches nobody" in capsys.readouterr().err
