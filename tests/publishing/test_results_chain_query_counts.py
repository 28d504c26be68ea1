"""The plan page, export.json and the PDF cost the same number of queries with a results
chain whatever the number of commitments and outputs (two sizes, as
tests/publishing/test_query_counts.py)."""

from unittest import mock

import pytest

from bench.data import fill_plan
from plans import services
from plans.models import Commitment, PlanOutput

from .test_funding_query_counts import _queries
from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def chain(plan, outputs_each):
    services.plan_results_chain_set(
        actor=None,
        plan=plan,
        goal="Safer online",
        outcomes=[
            {
                "title": f"Outcome {n}",
                "indicators": [{"name": f"Indicator {n}"}],
                "outputs": [{"title": f"Output {n}.{k}"} for k in range(outputs_each)],
            }
            for n in range(2)
        ],
        publish=True,
    )
    outputs = list(PlanOutput.objects.filter(outcome__plan=plan).order_by("pk"))
    for place, pk in enumerate(Commitment.objects.filter(plan=plan).values_list("pk", flat=True)):
        Commitment.objects.filter(pk=pk).update(output=outputs[place % len(outputs)])


def counts(client, plan):
    urls = {
        "plan page": plan.url,
        "export.json": f"{plan.url}export.json",
        "export.pdf": f"{plan.url}export.pdf",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_results_chain_query_counts_do_not_grow(client, world):
    with mock.patch("weasyprint.HTML", _NoPdf):
        fill_plan(world, 10)
        chain(world.plan, 1)
        small = counts(client, world.plan)
        fill_plan(world, 50, start=10)
        chain(world.plan, 5)
        large = counts(client, world.plan)
    assert PlanOutput.objects.count() == 10
    assert Commitment.objects.filter(output__isnull=False).count() == 60
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small
