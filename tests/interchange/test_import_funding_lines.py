"""A funding lines cell becomes the commitment's funding lines; the gap is cost − secured."""

from decimal import Decimal

import pytest

from interchange.services import plan_import
from plans.models import Commitment, FundingLine
from tracking.funding import commitment_funding, with_funding

from ..factories import make_commitment
from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

ROW = (
    "Train 60 investigators,AHTCPU,4,2,000,000.00,kes,"
    '"2026 Secured National Budget 1,200,000\n2027 pledged partner UNICEF 500,000.50;'
    '2027 SECURED other 300,000"'
)


def test_lines_are_imported_and_the_gap_is_cost_minus_secured(ke_demo_plan):
    content = csv_bytes(
        "activity,actors,capability,estimated cost,currency,funding lines",
        ROW.replace("2,000,000.00", '"2,000,000.00"'),
    )
    result = plan_import(actor=None, plan=ke_demo_plan, file_name="p.csv", content=content)
    assert result.problems == [] and result.done
    commitment = Commitment.objects.get()
    lines = [
        (line.year, line.state, line.source, line.partner, line.amount)
        for line in commitment.funding_lines.all()
    ]
    assert lines == [
        (2026, "secured", "national_budget", "", Decimal("1200000")),
        (2027, "pledged", "partner", "UNICEF", Decimal("500000.50")),
        (2027, "secured", "other", "", Decimal("300000")),
    ]
    figures = commitment_funding(with_funding(Commitment.objects.filter(pk=commitment.pk)).get())
    assert figures["cost"] == Decimal("2000000.00") and commitment.currency == "KES"
    assert figures["secured"] == Decimal("1500000.00")
    assert figures["pledged"] == Decimal("500000.50")
    assert figures["gap"] == figures["cost"] - figures["secured"] == Decimal("500000.00")


def test_the_dry_run_writes_no_line(ke_demo_plan):
    content = csv_bytes(
        "activity,actors,capability,funding lines",
        "Train investigators,AHTCPU,4,2026 secured national budget 1000",
    )
    result = plan_import(
        actor=None, plan=ke_demo_plan, file_name="p.csv", content=content, dry_run=True
    )
    assert result.problems == [] and len(result.to_create) == 1
    assert not FundingLine.objects.exists() and not Commitment.objects.exists()


def test_an_update_replaces_the_drafts_lines_and_an_equal_cell_changes_nothing(
    ke_demo_plan, ke_agencies
):
    commitment = make_commitment(ke_demo_plan, ke_agencies["AHTCPU"], title="Train investigators")
    content = csv_bytes("id,funding lines", f"{commitment.pk},2026 pledged partner UNICEF 900")
    result = plan_import(actor=None, plan=ke_demo_plan, file_name="p.csv", content=content)
    assert result.done and [r.action for r in result.rows] == ["update"]
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert not commitment.funding_lines.exists()  # published only through review
    draft = commitment.get_latest_revision_as_object()
    assert [(line.partner, line.amount) for line in draft.funding_lines.all()] == [
        ("UNICEF", Decimal("900"))
    ]
    again = plan_import(actor=None, plan=ke_demo_plan, file_name="p.csv", content=content)
    assert [r.action for r in again.rows] == ["unchanged"]
