"""The templates shipped are the ones `build_import_templates` builds; their instructions
document the results-chain and funding columns, and their example row imports with them."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from interchange.importing.funding import FUNDING_EXAMPLES
from interchange.importing.reading import ALIAS_TO_COLUMN, normalise
from interchange.importing.template import (
    COMMITMENTS_SHEET,
    INSTRUCTIONS_SHEET,
    TEMPLATES_DIR,
    template_csv,
    template_xlsx,
)
from interchange.services import plan_import
from plans.models import Commitment

pytestmark = pytest.mark.django_db

NEW_COLUMNS = ("outcome", "output", "estimated cost", "currency", "funding lines")


def sheets(content: bytes) -> dict:
    workbook = load_workbook(io.BytesIO(content))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
    }


def test_shipped_templates_are_the_built_ones():
    assert (TEMPLATES_DIR / "plan-import-template.csv").read_bytes() == template_csv()
    shipped = (TEMPLATES_DIR / "plan-import-template.xlsx").read_bytes()
    assert sheets(shipped) == sheets(template_xlsx())


def test_instructions_document_the_results_chain_and_funding_columns():
    workbook = sheets((TEMPLATES_DIR / "plan-import-template.xlsx").read_bytes())
    header = workbook[COMMITMENTS_SHEET][0]
    documented = {row[0]: row[1] for row in workbook[INSTRUCTIONS_SHEET][1:]}
    for column in NEW_COLUMNS:
        assert column in header and column in documented, column
        assert normalise(column) in ALIAS_TO_COLUMN, column  # the import reads it
    assert "Results chain" in documented["output"] and "published" in documented["output"]
    assert FUNDING_EXAMPLES in documented["funding lines"]
    for word in ("secured", "pledged", "national budget", "partner", "other", "gap"):
        assert word in documented["funding lines"], word
    csv_header = (TEMPLATES_DIR / "plan-import-template.csv").read_text("utf-8-sig").split("\n")[0]
    assert csv_header.strip().split(",")[-len(NEW_COLUMNS) :] == list(NEW_COLUMNS)


@pytest.mark.parametrize("name", ["plan-import-template.xlsx", "plan-import-template.csv"])
def test_the_example_row_imports_with_its_output_and_funding_lines(ke_demo_plan, name):
    content = Path(TEMPLATES_DIR, name).read_bytes()
    result = plan_import(actor=None, plan=ke_demo_plan, file_name=name, content=content)
    assert result.problems == [] and result.notes == [] and result.done
    commitment = Commitment.objects.get()
    assert commitment.output.title == "4. Dedicated law enforcement"
    assert (commitment.estimated_cost, commitment.currency) == (Decimal("2500000"), "KES")
    assert [
        (line.year, line.state, line.source_name, line.amount)
        for line in commitment.funding_lines.all()
    ] == [
        (2026, "secured", "National budget", Decimal("1200000")),
        (2027, "pledged", "UNICEF", Decimal("500000")),
    ]
