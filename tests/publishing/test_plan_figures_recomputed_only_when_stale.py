"""Only the stored figures of a plan that changed (or of a new day) are recomputed, in
one pass for those plans alone; the others are read as stored."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from publishing import caching, figures
from publishing.models import PlanFigures

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(client, ke_plan, ke_police, jo_plan, jo_police):
    make_commitment(ke_plan, ke_police, title="Kenya's")
    make_commitment(jo_plan, jo_police, title="Jordan's")
    client.get("/")
    return {row.plan_id: row.version for row in PlanFigures.objects.all()}


def _recomputed(client, url):
    with mock.patch.object(figures, "compute", wraps=figures.compute) as compute:
        assert client.get(url).status_code == 200
    return [sorted(plan.pk for plan in call.args[0]) for call in compute.call_args_list]


def test_a_publication_recomputes_that_plan_only(client, stored, ke_plan, ke_police, jo_plan):
    assert set(stored) == {ke_plan.pk, jo_plan.pk}
    make_commitment(ke_plan, ke_police, title="Kenya's second")
    assert _recomputed(client, "/compare/export.csv") == [[ke_plan.pk]]
    assert PlanFigures.objects.get(plan=jo_plan).version == stored[jo_plan.pk]
    assert PlanFigures.objects.get(plan=ke_plan).commitment_count == 2
    # Stored now: the next pages read it as it is.
    assert _recomputed(client, "/") == []
    assert _recomputed(client, "/api/v1/plans/") == []


def test_a_new_epoch_recomputes_nothing(client, stored):
    caching.invalidate_everything()  # e.g. an agency renamed
    assert _recomputed(client, "/") == []
    assert {row.plan_id: row.version for row in PlanFigures.objects.all()} == stored


def test_a_new_day_recomputes_every_plan_once(client, stored, ke_plan, jo_plan):
    real = timezone.localdate

    def tomorrow(value=None, timezone=None):
        day = real(value, timezone)
        return day + datetime.timedelta(days=1) if value is None else day

    with mock.patch("django.utils.timezone.localdate", tomorrow):
        assert _recomputed(client, "/") == [sorted([ke_plan.pk, jo_plan.pk])]
        assert _recomputed(client, "/compare/export.csv") == []
