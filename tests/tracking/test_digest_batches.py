"""The weekly digest goes out in batches with a fixed number of SQL queries each, whatever
the number of coordinators and countries (found by make bench-network), and each
coordinator reads their own country's items."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stakeholders.models import Membership
from tests.factories import AgencyFactory, CountryFactory, UserFactory, make_plan, member
from tracking import reminders

pytestmark = pytest.mark.django_db

COUNTRIES = (("ke", "Kenya"), ("tz", "Tanzania"), ("ug", "Uganda"), ("gh", "Ghana"))


def _country(code, name):
    country = CountryFactory(code=code, name=name)
    make_plan(country)
    agency = AgencyFactory(country=country, name=f"Children services of {name}")
    member(UserFactory(username=f"{code}-coord"), agency, Membership.Role.COORDINATOR)


def _send(batch_size):
    mail.outbox = []
    with CaptureQueriesContext(connection) as captured:
        outcome = reminders.send_digests(on=datetime.date.today(), batch_size=batch_size)
    return outcome, len(captured)


def test_digest_queries_do_not_grow_with_coordinators():
    _country(*COUNTRIES[0])
    _send(batch_size=10)  # warm per-process caches (content types, the site)
    reminders.SentReminder.objects.all().delete()
    one, queries_for_one = _send(batch_size=10)
    for code, name in COUNTRIES[1:]:
        _country(code, name)
    reminders.SentReminder.objects.all().delete()
    four, queries_for_four = _send(batch_size=10)

    assert (one.sent, four.sent) == (1, 4)
    assert queries_for_four == queries_for_one
    assert sorted(m.to[0].split("@")[0] for m in mail.outbox) == sorted(
        f"{code}-coord" for code, _name in COUNTRIES
    )


def test_digests_in_batches_of_the_setting(settings):
    for code, name in COUNTRIES:
        _country(code, name)
    settings.TRACKING_DIGEST_BATCH_SIZE = 3
    outcome, _queries = _send(batch_size=None)
    assert (outcome.sent, outcome.batches) == (4, 2)
    assert len(mail.outbox) == 4
