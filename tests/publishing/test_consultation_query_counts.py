"""The plan page, export.json and the PDF cost the same number of queries with published
consultation summaries whatever the number of rounds and comments (two sizes, as
tests/publishing/test_results_chain_query_counts.py)."""

from unittest import mock

import pytest

from bench.data import fill_plan
from plans.models import Capability, Commitment, ConsultationComment

from ..consultation_helpers import close, comment, open_round, respond
from ..factories import UserFactory, member
from .test_funding_query_counts import _queries
from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def consulted_voice(world):
    voice = UserFactory(username="consulted-voice")
    for agency in world.agencies:
        member(voice, agency)
    return voice


def rounds(world, voice, number, comments_each):
    commitments = list(Commitment.objects.filter(plan=world.plan).order_by("pk"))
    # Internal ones too: those are named by their capability only.
    Commitment.objects.filter(pk__in=[c.pk for c in commitments[::4]]).update(is_internal=True)
    capabilities = list(Capability.objects.filter(plan_sections__plan=world.plan))
    for n in range(number):
        round_ = open_round(world.plan, world.agencies, title=f"Round {n}")
        for k in range(comments_each):
            target = [
                {},
                {"capability": capabilities[k % len(capabilities)]},
                {"commitment": commitments[k % len(commitments)]},
            ][k % 3]
            remark = comment(round_, voice, f"Comment {n}.{k}", **target)
            respond(remark, world.coordinator, "partly", "Some of it.")
        close(round_, world.coordinator, publish=True)


def counts(client, plan):
    urls = {
        "plan page": plan.url,
        "export.json": f"{plan.url}export.json",
        "export.pdf": f"{plan.url}export.pdf",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_consultation_query_counts_do_not_grow(client, world):
    with mock.patch("weasyprint.HTML", _NoPdf):
        voice = consulted_voice(world)
        fill_plan(world, 10)
        rounds(world, voice, 1, 3)
        small = counts(client, world.plan)
        fill_plan(world, 20, start=10)
        rounds(world, voice, 3, 12)
        large = counts(client, world.plan)
    assert ConsultationComment.objects.count() == 3 + 36
    print("queries, small and large:", {k: (small[k], large[k]) for k in small})
    assert large == small
