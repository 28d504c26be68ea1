"""A cell too long to be a commitment's field is a problem of its row and column, never a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.html import escape
from openpyxl import Workbook

from interchange.importing.checking import CELL_TOO_LONG
from interchange.importing.reading import CSV_CELL_TOO_LONG, MAX_CELL_CHARS
from plans.models import Commitment

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_a_csv_cell_over_pythons_field_limit_is_a_clear_problem(
    client, ke_demo_plan, ke_coordinator
):
    # Python's csv module refuses fields over 131,072 characters.
    content = csv_bytes("activity,actors,capability", "Train,DCS,4", f"Train,DCS,{'4' * 131_073}")
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/plans/import/{ke_demo_plan.pk}/",
        {"file": SimpleUploadedFile("plan.csv", content), "action": "import"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    message = escape(CSV_CELL_TOO_LONG % {"limit": f"{MAX_CELL_CHARS:,}"})
    assert f"<td>3</td><td></td><td>{message}</td>" in html
    assert not Commitment.objects.exists()


def test_a_csv_cell_over_the_cell_limit_is_named_by_row_and_column(ke_demo_plan, tmp_path, capsys):
    description = "x" * (MAX_CELL_CHARS + 1)
    path = tmp_path / "plan.csv"
    path.write_bytes(
        csv_bytes("activity,actors,capability,description", f"Train,DCS,4,{description}")
    )
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--country", "ke")
    message = CELL_TOO_LONG % {"length": f"{MAX_CELL_CHARS + 1:,}", "limit": f"{MAX_CELL_CHARS:,}"}
    assert f"row 2, column description: {message}" in capsys.readouterr().err
    assert not Commitment.objects.exists()


def test_an_xlsx_cell_over_the_cell_limit_is_named_by_row_and_column(
    ke_demo_plan, tmp_path, capsys
):
    workbook = Workbook()
    workbook.active.append(["Activity", "Actors", "Capability"])
    workbook.active.append(["Train", "DCS", 4])
    workbook.active.append(["T" * 20_000, "DCS", 4])
    path = tmp_path / "plan.xlsx"
    out = io.BytesIO()
    workbook.save(out)
    path.write_bytes(out.getvalue())
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--country", "ke")
    message = CELL_TOO_LONG % {"length": "20,000", "limit": f"{MAX_CELL_CHARS:,}"}
    assert f"row 3, column Activity: {message}" in capsys.readouterr().err
    assert not Commitment.objects.exists()
