"""As a reporting period's deadline nears, lead agencies without a period report are
reminded weekly (focal person first, then drafters, then coordinators), until they file
one or the period closes."""

import datetime

import pytest
from django.core import mail

from publishing import annual_reports
from tracking import reminders

from ..factories import make_commitment, make_update, open_period

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 1, 20)


@pytest.fixture
def period(ke_plan):
    return open_period(ke_plan, 2025)


def period_mails():
    return [m for m in mail.outbox if m.subject.startswith("Period report due")]


def test_the_agency_without_a_period_report_is_reminded(
    ke_plan, ke_police, ke_police_drafter, period
):
    make_commitment(ke_plan, ke_police, title="Open a cybercrime unit")
    reminders.send_reminders(on=ON)
    (message,) = period_mails()
    assert message.to == [ke_police_drafter.email]
    assert "Open a cybercrime unit: the 2025 report is due by 2026-01-31" in message.body
    assert "/admin/progress_updates/new/?commitment=" in message.body
    reminders.send_reminders(on=ON)  # the same week: not again
    assert len(period_mails()) == 1


def test_a_filed_report_or_a_closed_period_ends_the_reminders(
    ke_plan, ke_police, ke_police_drafter, period
):
    filed = make_commitment(ke_plan, ke_police, title="Filed")
    make_commitment(ke_plan, ke_police, title="Not filed")
    make_update(filed, period=period, publish=True)
    reminders.send_reminders(on=ON)
    (message,) = period_mails()
    assert "Not filed" in message.body and "Filed:" not in message.body
    annual_reports.period_close(actor=None, period=period)
    mail.outbox.clear()
    reminders.send_reminders(on=ON + datetime.timedelta(days=7))
    assert not period_mails()


def test_nobody_is_reminded_long_before_the_deadline(ke_plan, ke_police, ke_police_drafter, period):
    make_commitment(ke_plan, ke_police)
    reminders.send_reminders(on=datetime.date(2025, 12, 1))
    assert not period_mails()


def test_an_agency_without_accounts_is_chased_by_the_coordinators(
    ke_plan, ke_education, ke_coordinator, period
):
    make_commitment(ke_plan, ke_education, title="Teach online safety in schools")
    reminders.send_reminders(on=ON)
    (message,) = period_mails()
    assert message.to == [ke_coordinator.email]
    assert "Teach online safety in schools, led by" in message.body
