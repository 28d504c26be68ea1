"""A 2,000-row file imports in one transaction: all of it, or (one failure) none of it."""

import pytest
from django.core.exceptions import ValidationError

from interchange.services import plan_import
from plans import services
from plans.models import Commitment

pytestmark = pytest.mark.django_db

ROWS = 2000


def big_file(rows: int = ROWS) -> bytes:
    lines = ["activity,actors,capability,start,due,status,indicators"]
    for n in range(1, rows + 1):
        lines.append(
            f"Activity {n},AHTCPU; 116,{(4, 11, 21)[n % 3]},2026-01-01,31/12/2027,"
            f"On track,Officers trained;Reports"
        )
    return ("\n".join(lines) + "\n").encode()


def test_two_thousand_rows_import_in_one_go(ke_plan, ke_police, ke_helpline):
    # How long it takes is measured by `make bench`, not asserted here: a timed test fails
    # on a busy machine for no fault of the code.
    result = plan_import(actor=None, plan=ke_plan, file_name="big.csv", content=big_file())
    assert result.done and result.problems == []
    assert Commitment.objects.filter(plan=ke_plan, live=False).count() == ROWS


def test_a_failure_in_the_last_rows_leaves_nothing(ke_plan, ke_police, ke_helpline, monkeypatch):
    # 200 rows rather than 2,000: the transaction is the same, and the suite stays fast.
    create = services.commitment_create

    def create_failing_at_row_1999(**kwargs):
        # Row 199 of the spreadsheet is the 198th commitment (row 1 is the header).
        if kwargs["title"] == "Activity 198":
            raise ValidationError({"title": "Refused by the test."})
        return create(**kwargs)

    monkeypatch.setattr(services, "commitment_create", create_failing_at_row_1999)
    result = plan_import(actor=None, plan=ke_plan, file_name="big.csv", content=big_file(200))
    assert not result.done
    assert [(p.row, p.message) for p in result.problems] == [
        (199, "Refused while importing: Refused by the test.. Nothing was imported.")
    ]
    assert not Commitment.objects.exists()
