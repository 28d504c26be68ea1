"""Lateness is never hidden by stored figures: a commitment due today is not overdue,
and on the next day `/`, `/plans/`, the comparison and `/api/v1/plans/` count it overdue,
without anything being published (a row's version carries the date)."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from publishing.models import PlanFigures

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

real_localdate = timezone.localdate


def _tomorrow(value=None, timezone=None):
    day = real_localdate(value, timezone)
    return day + datetime.timedelta(days=1) if value is None else day


def _overdue(client, compare_csv):
    return (
        '<li class="figure-overdue"><span class="figure">1</span>'
        in client.get("/").content.decode(),
        "1 overdue" in client.get("/plans/").content.decode(),
        compare_csv()[("Kenya", 4)]["overdue_commitments"],
        client.get("/api/v1/plans/").json()["results"][0]["figures"]["overdue"],
    )


def test_a_commitment_due_today_is_overdue_the_next_day(client, ke_plan, ke_police, compare_csv):
    make_commitment(ke_plan, ke_police, title="Due today", due_date=timezone.localdate())
    assert _overdue(client, compare_csv) == (False, False, "0", 0)
    today_version = PlanFigures.objects.get(plan=ke_plan).version

    with mock.patch("django.utils.timezone.localdate", _tomorrow):
        assert _overdue(client, compare_csv) == (True, True, "1", 1)
        row = PlanFigures.objects.get(plan=ke_plan)
    assert row.version != today_version
    assert row.version.endswith(_tomorrow().isoformat())
    assert row.overdue_count == 1
