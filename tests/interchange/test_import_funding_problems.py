"""A funding lines cell that cannot be read, or a line the services would refuse, is a
problem naming the row, the column and the line; nothing is written."""

import pytest

from interchange.services import plan_import
from plans.models import Commitment, FundingLine

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def places(result):
    found = {}
    for problem in result.problems:
        found.setdefault((problem.row, problem.column), []).append(problem.message)
    return found


def test_malformed_and_invalid_lines_are_problems_of_their_cell(ke_demo_plan):
    content = csv_bytes(
        "Activity,Actors,Capability,Funding lines",
        "Good row,AHTCPU,4,2026 secured national budget 1000",
        "No amount,AHTCPU,4,2026 secured national budget",
        'Unknown state,AHTCPU,4,"2026 promised national budget 1,000"',
        "Unknown source,AHTCPU,4,2026 secured national budjet 1000",
        "No partner name,AHTCPU,4,2026 pledged partner 1000",
        "Bad amount,AHTCPU,4,2026 pledged other 1.000.000",
        'After the plan,AHTCPU,4,"2026 secured other 5; 2031 pledged partner UNICEF 10"',
    )
    result = plan_import(actor=None, plan=ke_demo_plan, file_name="p.csv", content=content)
    found = places(result)
    assert set(found) == {(row, "Funding lines") for row in range(3, 9)}
    assert found[(3, "Funding lines")] == [
        "Funding line 1 (“2026 secured national budget”) cannot be read: write year, secured "
        "or pledged, source, amount, e.g. “2026 secured national budget 1,200,000; 2027 "
        "pledged partner UNICEF 500,000”."
    ]
    assert "after the year comes “secured” or “pledged”" in found[(4, "Funding lines")][0]
    assert "“national budjet” is not a source" in found[(5, "Funding lines")][0]
    assert "name the development partner after “partner”" in found[(6, "Funding lines")][0]
    assert "“1.000.000” is not an amount" in found[(7, "Funding lines")][0]
    assert found[(8, "Funding lines")] == [
        "Funding line 2: The year must be within the plan's period, 2025 to 2029."
    ]
    assert not result.done
    assert not Commitment.objects.exists() and not FundingLine.objects.exists()
