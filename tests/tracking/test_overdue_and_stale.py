"""Overdue and stale are answered by queries, exact on the boundary dates."""

import datetime

import pytest
from django.utils import timezone

from plans.models import Commitment
from tracking import selectors, services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 6, 15)


@pytest.fixture
def make(ke_plan, ke_police):
    def _make(title, *, due=None, status="on_track", published=None):
        commitment = make_commitment(ke_plan, ke_police, title=title)
        Commitment.objects.filter(pk=commitment.pk).update(
            due_date=due,
            status=status,
            first_published_at=published or timezone.make_aware(datetime.datetime(2025, 1, 1)),
        )
        return Commitment.objects.get(pk=commitment.pk)

    return _make


def titles(queryset):
    return set(queryset.values_list("title", flat=True))


def test_overdue_boundaries(make):
    make("due yesterday", due=ON - datetime.timedelta(days=1))
    make("due today", due=ON)
    make("completed late", due=ON - datetime.timedelta(days=30), status="completed")
    make("dropped late", due=ON - datetime.timedelta(days=30), status="dropped")
    make("no due date")
    assert titles(selectors.commitments_overdue(on=ON)) == {"due yesterday"}


def test_due_soon_window(make, settings):
    settings.TRACKING_DUE_SOON_DAYS = 30
    make("due today", due=ON)
    make("due in 30 days", due=ON + datetime.timedelta(days=30))
    make("due in 31 days", due=ON + datetime.timedelta(days=31))
    assert titles(selectors.commitments_due_soon(on=ON)) == {"due today", "due in 30 days"}


def test_stale_boundaries(make, settings, ke_police_drafter):
    settings.TRACKING_STALE_AFTER_DAYS = 90

    def report(title, days_ago, publish=True):
        services.progress_update_create(
            actor=ke_police_drafter,
            commitment=make(title),
            status="on_track",
            progress=10,
            narrative="x",
            reporting_date=ON - datetime.timedelta(days=days_ago),
            publish=publish,
        )

    report("updated 90 days ago", 90)
    report("updated 91 days ago", 91)
    report("only a draft update", 1, publish=False)
    make(
        "never updated, published recently",
        published=timezone.make_aware(datetime.datetime(2026, 6, 1)),
    )
    make("completed long ago", status="completed")
    assert titles(selectors.commitments_stale(on=ON)) == {
        "updated 91 days ago",
        "only a draft update",
    }


def test_indicator_percent_of_target():
    assert selectors.percent_of_target(20, 150, 85) == 50
    assert selectors.percent_of_target(20, 150, 500) == 100
    assert selectors.percent_of_target(60, 168, 60) == 0
    assert selectors.percent_of_target(None, 10, 5) == 50
    assert selectors.percent_of_target(5, None, 5) is None


def test_indicator_progress_uses_the_latest_published_measurement(
    ke_plan, ke_police, ke_police_drafter
):
    from plans import services as plan_services

    commitment = make_commitment(ke_plan, ke_police, title="Train officers")
    plan_services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        indicators=[commitment.indicators.model(name="Officers trained", baseline=20, target=150)],
    )
    Commitment.objects.get(pk=commitment.pk).get_latest_revision().publish()
    indicator = Commitment.objects.get(pk=commitment.pk).indicators.get()
    assert selectors.indicator_progress(indicator=indicator) == (None, None)
    for value, day, publish in ((40, 10, True), (85, 20, True), (140, 25, False)):
        services.progress_update_create(
            actor=ke_police_drafter,
            commitment=commitment,
            status="on_track",
            progress=10,
            narrative="x",
            reporting_date=datetime.date(2026, 5, day),
            measurements=[
                {"indicator": indicator, "value": value, "measured_on": datetime.date(2026, 5, day)}
            ],
            publish=publish,
        )
    value, percent = selectors.indicator_progress(indicator=indicator)
    assert (value, percent) == (85, 50), "the unpublished 140 does not count"
