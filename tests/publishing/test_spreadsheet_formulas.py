"""The public CSV downloads never hand a spreadsheet a formula: text that a spreadsheet
would evaluate (=, +, -, @, tab, carriage return first) starts with a quote; numbers
stay numbers."""

import csv
import io
from decimal import Decimal

import pytest

from plans.models import Commitment
from publishing.exports import CSV_FIELDS

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1+2", "\t=1+1", "\r=1+1"]


def csv_rows(response):
    assert response.status_code == 200
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def hostile(ke_plan, ke_police):
    for title in FORMULAS:
        make_commitment(ke_plan, ke_police, title=title, description=title)
    cost = make_commitment(
        ke_plan, ke_police, title="Safe title", currency="KES", budget_visibility="public"
    )
    # The form refuses a negative cost; a row can still hold one (an import, a fix by
    # hand), and a number must reach the spreadsheet as a number, not as quoted text.
    Commitment.objects.filter(pk=cost.pk).update(estimated_cost=Decimal("-5"))
    return ke_plan


def test_plan_csv_quotes_formulas_and_keeps_numbers(client, hostile):
    response = client.get(f"{hostile.url}export.csv")
    rows = csv_rows(response)
    assert list(rows[0]) == CSV_FIELDS, "the columns keep their names and order"
    by_title = {row["title"]: row for row in rows}
    for formula in FORMULAS:
        row = by_title["'" + formula]
        assert row["description"] == "'" + formula
    safe = by_title["Safe title"]
    assert safe["estimated_cost"] == "-5.00"
    assert safe["progress"] == "0" and safe["id"].isdigit()


def test_compare_csv_quotes_a_formula_in_a_plan_title(client, hostile):
    hostile.title = '=HYPERLINK("http://x","y")'
    hostile.save_revision().publish()
    rows = csv_rows(client.get("/compare/export.csv"))
    assert {row["plan"] for row in rows} == {"'" + '=HYPERLINK("http://x","y")'}
    assert {row["capability_number"] for row in rows} >= {"1", "21"}
