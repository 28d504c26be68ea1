"""The funding gap is the estimated cost minus secured funding, never below zero: per
commitment, per capability and for the plan (tracking.funding, computed in the database)."""

from decimal import Decimal

import pytest

from plans.models import Commitment
from plans.selectors import public_budget_rows
from tracking import funding

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
PUBLIC = Commitment.BudgetVisibility.PUBLIC


def line(state, amount, year=2026, source="national_budget", partner=""):
    return {"source": source, "partner": partner, "state": state, "year": year, "amount": amount}


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    make_commitment(
        ke_plan,
        ke_police,
        title="Investigators",
        estimated_cost=Decimal("1000"),
        budget_visibility=PUBLIC,
        funding_lines=[
            line("secured", Decimal("300")),
            line("secured", Decimal("100"), year=2027),
            line("pledged", Decimal("250"), source="partner", partner="UNICEF"),
        ],
    )
    make_commitment(
        ke_plan,
        ke_police,
        title="Forensics lab",
        estimated_cost=Decimal("500"),
        budget_visibility=PUBLIC,
        funding_lines=[line("secured", Decimal("50"))],
    )
    make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline hours",
        capability=11,
        estimated_cost=Decimal("200"),
        budget_visibility=PUBLIC,
    )
    return ke_plan


def by_title(plan):
    return {c.title: c for c in funding.with_funding(public_budget_rows().filter(plan=plan))}


def test_commitment_gap_is_cost_minus_secured(plan):
    commitments = by_title(plan)
    figures = funding.commitment_funding(commitments["Investigators"])
    assert figures["secured"] == Decimal("400.00")
    assert figures["pledged"] == Decimal("250.00")
    assert figures["gap"] == Decimal("600.00")  # 1000 - 400: pledges do not close it
    assert funding.commitment_funding(commitments["Helpline hours"])["gap"] == Decimal("200.00")


def test_capability_and_plan_gaps_are_cost_minus_secured(plan):
    rollup = funding.funding_rollup(public_budget_rows().filter(plan=plan), currency="KES")
    rows = {row["capability"].number: row for row in rollup["capabilities"]}
    assert rows[4]["cost"] == Decimal("1500.00")
    assert rows[4]["secured"] == Decimal("450.00")
    assert rows[4]["gap"] == rows[4]["cost"] - rows[4]["secured"] == Decimal("1050.00")
    assert rows[11]["gap"] == Decimal("200.00") and rows[11]["secured"] == Decimal("0.00")
    (total,) = rollup["totals"]
    assert total["currency"] == "KES" and total["commitments"] == 3
    assert total["gap"] == total["cost"] - total["secured"] == Decimal("1250.00")
    assert total["pledged"] == Decimal("250.00")
    assert total["state"] == "gap"


def test_over_funding_is_shown_and_never_a_negative_gap(ke_plan, ke_police):
    make_commitment(
        ke_plan,
        ke_police,
        estimated_cost=Decimal("100"),
        budget_visibility=PUBLIC,
        funding_lines=[line("secured", Decimal("150"))],
    )
    (commitment,) = funding.with_funding(public_budget_rows())
    figures = funding.commitment_funding(commitment)
    assert figures["gap"] == Decimal("0.00")
    assert figures["surplus"] == Decimal("50.00")
    assert funding.funding_state(figures) == "over_funded"


def test_one_commitments_surplus_does_not_hide_anothers_gap(ke_plan, ke_police):
    make_commitment(
        ke_plan,
        ke_police,
        title="Over",
        estimated_cost=Decimal("100"),
        budget_visibility=PUBLIC,
        funding_lines=[line("secured", Decimal("150"))],
    )
    make_commitment(
        ke_plan, ke_police, title="Under", estimated_cost=Decimal("100"), budget_visibility=PUBLIC
    )
    (total,) = funding.funding_rollup(public_budget_rows(), currency="KES")["totals"]
    assert total["gap"] == Decimal("100.00")
    assert total["surplus"] == Decimal("50.00")
    # cost − secured = gap − surplus at every level
    assert total["cost"] - total["secured"] == total["gap"] - total["surplus"]


def test_fully_funded(ke_plan, ke_police):
    make_commitment(
        ke_plan,
        ke_police,
        estimated_cost=Decimal("100"),
        budget_visibility=PUBLIC,
        funding_lines=[line("secured", Decimal("100"))],
    )
    (total,) = funding.funding_rollup(public_budget_rows(), currency="KES")["totals"]
    assert total["gap"] == Decimal("0.00") and total["state"] == "fully_funded"


def test_a_commitment_without_a_cost_has_no_gap(ke_plan, ke_police):
    make_commitment(
        ke_plan,
        ke_police,
        budget_visibility=PUBLIC,
        funding_lines=[line("pledged", Decimal("70"))],
    )
    (commitment,) = funding.with_funding(public_budget_rows())
    assert funding.commitment_funding(commitment)["gap"] is None
    (total,) = funding.funding_rollup(public_budget_rows(), currency="KES")["totals"]
    assert total["uncosted"] == 1 and total["pledged"] == Decimal("70.00")
    assert total["state"] == "uncosted"
