"""export.csv gains cost, secured, pledged and gap at its end, so every earlier column
keeps its place; export.json carries `funding` per commitment beside its old fields."""

import csv
import io
import json
from decimal import Decimal

import pytest

from plans.models import Commitment
from publishing.exports import CSV_FIELDS

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

EARLIER_COLUMNS = [
    "id",
    "title",
    "capability",
    "capability_name",
    "domain",
    "lead_agency",
    "supporting_agencies",
    "inspire_strategies",
    "kind",
    "status",
    "progress",
    "start_date",
    "due_date",
    "estimated_cost",
    "currency",
    "funding_source",
    "description",
    "overdue",
    "url",
    "last_update",
]


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    make_commitment(
        ke_plan,
        ke_police,
        title="Public budget",
        estimated_cost=Decimal("800"),
        currency="KES",
        funding_source="National budget and partners",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        funding_lines=[
            {"source": "national_budget", "state": "secured", "year": 2026, "amount": 300},
            {
                "source": "partner",
                "partner": "UNICEF",
                "state": "pledged",
                "year": 2027,
                "amount": 200,
            },
        ],
    )
    make_commitment(
        ke_plan,
        ke_helpline,
        title="Internal budget",
        capability=11,
        estimated_cost=Decimal("999"),
        budget_visibility=Commitment.BudgetVisibility.INTERNAL,
        funding_lines=[{"source": "other", "state": "secured", "year": 2026, "amount": 1}],
    )
    return ke_plan


def test_csv_funding_columns_come_last(client, plan):
    text = client.get(f"{plan.url}export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[: len(EARLIER_COLUMNS)] == EARLIER_COLUMNS
    assert header[len(EARLIER_COLUMNS) :] == [
        "funding_cost",
        "funding_secured",
        "funding_pledged",
        "funding_gap",
    ]
    assert header == CSV_FIELDS
    by_title = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    public = by_title["Public budget"]
    assert [public[f"funding_{k}"] for k in ("cost", "secured", "pledged", "gap")] == [
        "800.00",
        "300.00",
        "200.00",
        "500.00",
    ]
    assert public["funding_source"] == "National budget and partners"  # the old note stays
    internal = by_title["Internal budget"]
    assert [internal[f"funding_{k}"] for k in ("cost", "secured", "pledged", "gap")] == [""] * 4


def test_json_funding_beside_the_old_fields(client, plan):
    data = json.loads(client.get(f"{plan.url}export.json").content)
    public = next(c for c in data["commitments"] if c["title"] == "Public budget")
    assert public["estimated_cost"] == "800.00" and public["currency"] == "KES"
    assert public["funding_source"] == "National budget and partners"
    assert public["funding"]["gap"] == "500.00"
    assert public["funding"]["lines"] == [
        {
            "source": "national_budget",
            "partner": "",
            "state": "secured",
            "year": 2026,
            "amount": "300.00",
        },
        {
            "source": "partner",
            "partner": "UNICEF",
            "state": "pledged",
            "year": 2027,
            "amount": "200.00",
        },
    ]
