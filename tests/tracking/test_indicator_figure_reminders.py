"""An indicator's figure is asked for once its collection period has ended (after a grace
of `TRACKING_INDICATOR_FIGURE_GRACE_DAYS`): weekly, of its focal person and deputy, else
its reporting agency's drafters, else the country's coordinators (issue 19, item 3: each
indicator names a focal person and a deputy, and reminders go to them)."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Commitment
from stakeholders.models import Membership
from tracking import reminders

from ..factories import UserFactory, make_indicator_commitment, make_update, member

pytestmark = pytest.mark.django_db

# Quarter 1 of 2026 ended on 31 March; 20 days later its figure is due (grace: 14 days).
ON = datetime.date(2026, 4, 20)
Q1 = (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


@pytest.fixture
def team(ke_police, ke_police_drafter):
    focal = member(UserFactory(username="focal"), ke_police)
    deputy = member(UserFactory(username="deputy"), ke_police, Membership.Role.HEAD)
    return focal, deputy


def _indicator_mail():
    return [m for m in mail.outbox if m.subject.startswith("Indicator figure due")]


def _figure(commitment, *, period=Q1, publish=True):
    return make_update(
        commitment,
        reporting_date=period[1],
        measurements=[
            {
                "indicator": commitment.indicators.get(),
                "value": 60,
                "measured_on": period[1],
                "period_start": period[0],
                "period_end": period[1],
            }
        ],
        publish=publish,
    )


def test_the_focal_person_and_deputy_are_asked_for_the_quarters_figure(
    ke_plan, ke_police, ke_police_drafter, team
):
    focal, deputy = team
    commitment = make_indicator_commitment(
        ke_plan, ke_police, frequency="quarterly", focal_person=focal, focal_deputy=deputy
    )
    outcome = reminders.send_reminders(on=ON)
    sent = _indicator_mail()
    assert sorted(a for m in sent for a in m.to) == sorted([focal.user.email, deputy.user.email])
    assert ke_police_drafter.email not in {a for m in mail.outbox for a in m.to}
    body = sent[0].body
    assert "Investigators trained (Train investigators)" in body
    assert "2026-01-01 to 2026-03-31" in body
    assert f"/admin/progress_updates/new/?commitment={commitment.pk}" in body
    assert outcome.sent == 2


def test_nothing_is_asked_before_the_grace_days_have_passed(ke_plan, ke_police, team):
    focal, _deputy = team
    make_indicator_commitment(ke_plan, ke_police, frequency="quarterly", focal_person=focal)
    reminders.send_reminders(on=datetime.date(2026, 4, 10))
    assert _indicator_mail() == []


def test_a_figure_submitted_or_published_for_the_period_stops_the_reminders(
    ke_plan, ke_police, team
):
    focal, _deputy = team
    commitment = make_indicator_commitment(
        ke_plan, ke_police, frequency="quarterly", focal_person=focal
    )
    draft = _figure(commitment, publish=False)  # a draft is not yet a figure
    reminders.send_reminders(on=ON)
    assert len(_indicator_mail()) == 1
    mail.outbox.clear()
    draft.delete()
    _figure(commitment)
    reminders.send_reminders(on=ON + datetime.timedelta(days=7))
    assert _indicator_mail() == []


def test_a_figure_for_an_earlier_quarter_does_not_count(ke_plan, ke_police, team):
    focal, _deputy = team
    commitment = make_indicator_commitment(
        ke_plan, ke_police, frequency="quarterly", focal_person=focal
    )
    _figure(commitment, period=(datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)))
    reminders.send_reminders(on=ON)
    assert len(_indicator_mail()) == 1


def test_reminders_repeat_weekly_not_daily(ke_plan, ke_police, team):
    focal, _deputy = team
    make_indicator_commitment(ke_plan, ke_police, frequency="quarterly", focal_person=focal)
    assert reminders.send_reminders(on=ON).sent == 1
    assert reminders.send_reminders(on=ON + datetime.timedelta(days=1)).sent == 0
    assert reminders.send_reminders(on=ON + datetime.timedelta(days=7)).sent == 1


def test_without_focal_person_the_reporting_agencys_drafters_are_asked(
    ke_plan, ke_police, ke_police_drafter, ke_helpline, ke_helpline_drafter
):
    # The helpline reports the figures of a commitment the police leads.
    make_indicator_commitment(
        ke_plan, ke_police, frequency="quarterly", reporting_agency=ke_helpline
    )
    reminders.send_reminders(on=ON)
    recipients = {a for m in _indicator_mail() for a in m.to}
    assert recipients == {ke_helpline_drafter.email}


def test_an_agency_nobody_reports_for_is_chased_by_the_coordinators(
    ke_plan, ke_police, ke_education, ke_coordinator
):
    make_indicator_commitment(
        ke_plan, ke_police, frequency="quarterly", reporting_agency=ke_education
    )
    reminders.send_reminders(on=ON)
    sent = _indicator_mail()
    assert [m.to for m in sent] == [[ke_coordinator.email]]
    assert f"reported by {ke_education}" in sent[0].body


def test_yearly_figures_are_asked_for_last_year_and_closed_commitments_never(
    ke_plan, ke_police, team
):
    focal, _deputy = team
    yearly = make_indicator_commitment(ke_plan, ke_police, frequency="yearly", focal_person=focal)
    reminders.send_reminders(on=ON)
    assert "2025-01-01 to 2025-12-31" in _indicator_mail()[0].body
    mail.outbox.clear()
    Commitment.objects.filter(pk=yearly.pk).update(status=Commitment.Status.COMPLETED)
    reminders.send_reminders(on=ON + datetime.timedelta(days=7))
    assert _indicator_mail() == []


def test_indicators_collected_once_are_never_chased(ke_plan, ke_police, team):
    focal, _deputy = team
    make_indicator_commitment(ke_plan, ke_police, frequency="once", focal_person=focal)
    reminders.send_reminders(on=ON)
    assert _indicator_mail() == []


@pytest.mark.parametrize("indicators", [2, 8])
def test_queries_per_batch_do_not_grow_with_the_indicators(indicators, ke_plan, ke_police, team):
    focal, deputy = team
    for _ in range(indicators):
        make_indicator_commitment(
            ke_plan, ke_police, frequency="quarterly", focal_person=focal, focal_deputy=deputy
        )
    with CaptureQueriesContext(connection) as captured:
        outcome = reminders.send_reminders(on=ON, batch_size=100)
    assert outcome.sent == 2 * indicators
    # Four kinds of reminder, each read until an empty batch, plus one batch of
    # indicators: read, claim (3), mark sent; the e-mails are not queries.
    assert len(captured) <= 4 * 2 + 1 + 5 + 2
