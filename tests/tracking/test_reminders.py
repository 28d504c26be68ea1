"""Reminders are sent once per user, commitment and period, in batches of bounded cost."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Commitment
from tracking import reminders
from tracking.models import SentReminder

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 6, 15)


@pytest.fixture
def due(ke_plan, ke_police, ke_police_drafter):
    def _make(n, *, days):
        made = []
        for i in range(n):
            commitment = make_commitment(ke_plan, ke_police, title=f"Commitment {i:03d}")
            Commitment.objects.filter(pk=commitment.pk).update(
                due_date=ON + datetime.timedelta(days=days)
            )
            made.append(commitment)
        return made

    return _make


def test_running_twice_sends_one_email(due, ke_police_drafter):
    due(3, days=10)
    first = reminders.send_reminders(on=ON)
    second = reminders.send_reminders(on=ON)
    assert (first.sent, first.emails) == (3, 1)
    assert (second.sent, second.emails) == (0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ke_police_drafter.email]
    assert "Due soon: 3 commitments" in message.subject
    assert "Commitment 002" in message.body


def test_a_crash_after_claiming_never_leads_to_a_second_send(due, monkeypatch):
    due(2, days=10)

    def explode(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(reminders, "_send", explode)
    with pytest.raises(ConnectionError):
        reminders.send_reminders(on=ON)
    monkeypatch.undo()
    again = reminders.send_reminders(on=ON)
    assert again.sent == 0
    assert mail.outbox == []
    assert SentReminder.objects.filter(sent_at__isnull=True).count() == 2


def test_overdue_reminders_repeat_weekly_not_daily(due):
    due(1, days=-5)
    assert reminders.send_reminders(on=ON).sent == 1
    assert reminders.send_reminders(on=ON + datetime.timedelta(days=1)).sent == 0
    assert reminders.send_reminders(on=ON + datetime.timedelta(days=7)).sent == 1
    assert "Overdue" in mail.outbox[0].subject


def test_batches_have_a_bounded_number_of_queries(due):
    due(25, days=10)
    with CaptureQueriesContext(connection) as captured:
        outcome = reminders.send_reminders(on=ON, batch_size=10)
    assert outcome.batches == 3
    assert outcome.sent == 25
    per_batch = 6  # commitments, recipients, claim (3), mark sent
    fixed = 5  # the empty batch closing each of the four kinds, and a little slack
    print(f"reminders: {len(captured)} queries for 25 commitments in 3 batches")
    assert len(captured) <= outcome.batches * per_batch + fixed


def test_dry_run_sends_and_claims_nothing(due):
    due(2, days=10)
    call_command("send_reminders", "--dry-run", "--on", ON.isoformat())
    assert mail.outbox == []
    assert not SentReminder.objects.exists()


def test_weekly_digest_once_per_week(due, ke_coordinator, ke_police_drafter):
    from tracking import services

    commitments = due(1, days=-3)
    services.progress_update_create(
        actor=ke_police_drafter,
        commitment=commitments[0],
        status="delayed",
        progress=30,
        narrative="Delayed by procurement.",
        reporting_date=ON - datetime.timedelta(days=1),
        publish=True,
    )
    first = reminders.send_digests(on=datetime.date.today())
    again = reminders.send_digests(on=datetime.date.today())
    assert (first.sent, again.sent) == (1, 0)
    message = mail.outbox[0]
    assert message.to == [ke_coordinator.email]
    assert "Commitment 000" in message.body
    assert "1 update" in message.subject
