"""Files too large to check in reasonable time are refused at once, with the limit named."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.html import escape
from openpyxl import Workbook

from interchange.importing.reading import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHEET_ROWS,
    MAX_XLSX_UNPACKED_BYTES,
    SHEET_TOO_LARGE,
    SHEET_TOO_LONG,
    TOO_MANY_COLUMNS,
    TOO_MANY_ROWS,
    XLSX_TOO_LARGE_UNPACKED,
)
from plans.models import Commitment

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def xlsx_bytes(fill) -> bytes:
    workbook = Workbook()
    fill(workbook.active)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def without_dimension(content: bytes) -> bytes:
    """The workbook with no declared size: then only reading the sheet tells its size."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<dimension [^>]*/>", b"", data)
                assert b"<dimension" not in data
            target.writestr(item, data)
    return out.getvalue()


def check(client, plan, coordinator, name, content):
    """The dry run in the admin: the problems as the page shows them."""
    client.force_login(coordinator)
    response = client.post(
        f"/admin/plans/import/{plan.pk}/",
        {"file": SimpleUploadedFile(name, content), "action": "check"},
    )
    assert response.status_code == 200
    return response.content.decode()


def data_rows(count):
    return [f"Activity {n},DCS,4" for n in range(1, count + 1)]


def limits(**values):
    return {
        "max_rows": f"{MAX_SHEET_ROWS:,}",
        "max_columns": MAX_COLUMNS,
        "limit": f"{MAX_ROWS:,}",
        **values,
    }


@pytest.mark.parametrize(
    ("cell", "rows", "columns"), [("XFD1", 1, 16384), ("A1048576", 1048576, 1)]
)
def test_a_workbook_whose_only_cell_is_far_away_is_refused(
    client, ke_demo_plan, ke_coordinator, cell, rows, columns
):
    content = xlsx_bytes(lambda sheet: sheet.__setitem__(cell, "x"))
    assert len(content) < 10_000
    html = check(client, ke_demo_plan, ke_coordinator, "plan.xlsx", content)
    expected = SHEET_TOO_LARGE % limits(cell=cell, rows=f"{rows:,}", columns=f"{columns:,}")
    assert escape(expected) in html


def test_a_far_cell_is_refused_even_when_the_sheet_does_not_declare_its_size(
    ke_demo_plan, tmp_path, capsys
):
    def fill(sheet):
        sheet.append(["activity", "actors", "capability"])
        sheet.append(["Train", "DCS", 4])
        sheet["A1048576"] = "far away"

    path = tmp_path / "plan.xlsx"
    path.write_bytes(without_dimension(xlsx_bytes(fill)))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--country", "ke", "--dry-run")
    assert SHEET_TOO_LONG % limits() in capsys.readouterr().err


def test_a_csv_over_the_row_limit_is_refused_and_nothing_is_imported(
    client, ke_demo_plan, ke_coordinator
):
    content = csv_bytes("activity,actors,capability", *data_rows(MAX_ROWS + 1))
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/plans/import/{ke_demo_plan.pk}/",
        {"file": SimpleUploadedFile("plan.csv", content), "action": "import"},
    )
    assert TOO_MANY_ROWS % limits() in response.content.decode()
    assert not Commitment.objects.exists()


def test_an_xlsx_over_the_row_limit_is_refused(ke_demo_plan, tmp_path, capsys):
    def fill(sheet):
        sheet.append(["activity", "actors", "capability"])
        for n in range(1, MAX_ROWS + 2):
            sheet.append([f"Activity {n}", "DCS", 4])

    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx_bytes(fill))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--country", "ke", "--dry-run")
    assert TOO_MANY_ROWS % limits() in capsys.readouterr().err


def test_blank_rows_do_not_count_towards_the_row_limit(client, ke_demo_plan, ke_coordinator):
    lines = []
    for line in data_rows(3):
        lines += [line, ",,", ""]
    content = csv_bytes("activity,actors,capability", *lines)
    html = check(client, ke_demo_plan, ke_coordinator, "plan.csv", content)
    assert "would create 3, update 0" in html


def test_a_csv_with_more_rows_than_a_sheet_may_have_is_refused(
    client, ke_demo_plan, ke_coordinator
):
    content = csv_bytes("activity,actors,capability", "Train,DCS,4", *[""] * MAX_SHEET_ROWS, "x")
    html = check(client, ke_demo_plan, ke_coordinator, "plan.csv", content)
    assert SHEET_TOO_LONG % limits() in html


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx", "undeclared.xlsx"])
def test_a_header_wider_than_the_column_limit_is_refused(
    client, ke_demo_plan, ke_coordinator, name
):
    header = ["activity", "actors", "capability"] + [f"note {n}" for n in range(MAX_COLUMNS - 2)]
    assert len(header) == MAX_COLUMNS + 1
    row = ["Train", "DCS", "4"]
    if name.endswith(".csv"):
        content = csv_bytes(",".join(header), ",".join(row))
        expected = TOO_MANY_COLUMNS % limits()
    elif name == "plan.xlsx":
        content = xlsx_bytes(lambda sheet: (sheet.append(header), sheet.append(row)))
        # The workbook declares its size: it is refused before its rows are read.
        expected = SHEET_TOO_LARGE % limits(cell="BI2", rows="2", columns="61")
    else:
        content = without_dimension(
            xlsx_bytes(lambda sheet: (sheet.append(header), sheet.append(row)))
        )
        expected = TOO_MANY_COLUMNS % limits()
    html = check(client, ke_demo_plan, ke_coordinator, name, content)
    assert escape(expected) in html


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_parsing(
    client, ke_demo_plan, ke_coordinator
):
    def fill(sheet):
        sheet.append(["activity", "actors", "capability"])
        sheet.append(["Train", "DCS", 4])

    # A zip bomb: a few KB that unpack to more than the limit.
    content = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(xlsx_bytes(fill))) as source,
        zipfile.ZipFile(content, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/media/padding.bin", bytes(MAX_XLSX_UNPACKED_BYTES))
    assert len(content.getvalue()) < 1024 * 1024
    html = check(client, ke_demo_plan, ke_coordinator, "plan.xlsx", content.getvalue())
    limit = MAX_XLSX_UNPACKED_BYTES // 1024 // 1024
    assert XLSX_TOO_LARGE_UNPACKED % {"size": f"{limit:.1f}", "limit": limit} in html


def test_a_table_at_the_limits_is_checked(client, ke_demo_plan, ke_coordinator):
    header = ["activity", "actors", "capability"] + [f"note {n}" for n in range(MAX_COLUMNS - 3)]
    content = csv_bytes(",".join(header), *data_rows(MAX_ROWS))
    html = check(client, ke_demo_plan, ke_coordinator, "plan.csv", content)
    assert f"would create {MAX_ROWS}, update 0" in html
