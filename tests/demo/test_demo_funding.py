"""demo.funding gives a published commitment illustrative funding lines: half the cost
secured, 30 % pledged, the rest a public gap; a newer draft keeps its changes."""

from decimal import Decimal

import pytest

from demo.funding import add_demo_funding, demo_funding_lines
from plans import services
from plans.models import Commitment
from plans.selectors import public_budget_rows
from tracking import funding

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_lines_split_the_cost():
    lines = demo_funding_lines(cost=Decimal("1001"), first_year=2025, last_year=2029)
    secured = sum(ln["amount"] for ln in lines if ln["state"] == "secured")
    pledged = sum(ln["amount"] for ln in lines if ln["state"] == "pledged")
    assert (secured, pledged) == (Decimal("501"), Decimal("300"))
    assert {ln["year"] for ln in lines} == {2025, 2026}


def test_add_demo_funding_publishes_lines_and_keeps_the_draft(ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Live title",
        estimated_cost=Decimal("1000"),
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
    )
    services.commitment_save_draft(actor=None, commitment=commitment, title="Draft title")
    assert add_demo_funding(commitment) is True
    assert add_demo_funding(commitment) is False  # idempotent

    (live,) = funding.with_funding(public_budget_rows())
    assert live.title == "Live title"
    assert funding.commitment_funding(live)["gap"] == Decimal("500.00")
    draft = Commitment.objects.get(pk=commitment.pk).get_latest_revision_as_object()
    assert draft.title == "Draft title"
    assert draft.funding_lines.count() == live.funding_lines.count() == 4
