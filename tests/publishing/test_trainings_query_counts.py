"""The pages and endpoints that show trainings cost the same number of queries however
many training commitments, trainings and countries there are (two sizes, as
tests/publishing/test_funding_query_counts.py): the plan page, a training commitment's
page, export.json, /compare/ and /api/v1/trainings/."""

from unittest import mock

import pytest

from bench.data import fill_plan, make_world
from plans.models import Commitment
from tracking.models import Training

from .test_funding_query_counts import _queries
from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def counts(client, world, ids):
    plan = world.plan
    trainings = list(
        Commitment.objects.filter(pk__in=ids, kind=Commitment.Kind.TRAINING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    urls = {
        "plan page": plan.url,
        "commitment page": f"{plan.url}commitments/{trainings[len(trainings) // 2]}/",
        "export.json": f"{plan.url}export.json",
        "compare": "/compare/",
        "api trainings": "/api/v1/trainings/?page_size=200",
        "api commitments": "/api/v1/commitments/?page_size=200",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_training_query_counts_do_not_grow_with_commitments(client, world, settings):
    settings.API_THROTTLE_RATE = "10000/minute"
    with mock.patch("weasyprint.HTML", _NoPdf):
        ids = fill_plan(world, 10)
        small = counts(client, world, ids)
        ids += fill_plan(world, 40, start=10)
        large = counts(client, world, ids)
    assert Training.objects.count() == 10 * 10  # 10 training commitments, 10 updates each
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small


def test_compare_query_count_does_not_grow_with_countries(client, db, settings):
    first = make_world(code="ke", name="Kenya")
    fill_plan(first, 5, updates_each=2)
    small = _queries(client, "/compare/", first.plan)
    for code, name in (("tz", "Tanzania"), ("pe", "Peru"), ("ph", "Philippines")):
        fill_plan(make_world(code=code, name=name), 5, updates_each=2)
    large = _queries(client, "/compare/", first.plan)
    html = client.get("/compare/").content.decode()
    assert "People trained against the plans" in html and "Philippines" in html
    assert large == small
