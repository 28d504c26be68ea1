"""The admin's CSV and XLSX downloads (the commitment listing, the Activity report, the
Commitment tracker, Wagtail's own site history) never hand a spreadsheet a formula:
text a spreadsheet would evaluate starts with a quote; numbers stay numbers."""

import csv
import io

import pytest
from openpyxl import load_workbook

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1+2", "\t=1+1", "\r=1+1"]
NEUTRALISED = {"'" + formula for formula in FORMULAS}
# An XML parser may read a carriage return back as a newline (openpyxl's own parser does,
# lxml's keeps it): XLSX cells are compared with line ends made one.
NEUTRALISED_XLSX = {value.replace("\r", "\n") for value in NEUTRALISED}


def one_line_end(texts):
    return {text.replace("\r", "\n") if isinstance(text, str) else text for text in texts}


EXPORTS = {
    "commitment listing": "/admin/snippets/plans/commitment/",
    "activity report": "/admin/reports/activity/",
    "commitment tracker": "/admin/reports/tracker/",
}


@pytest.fixture
def hostile(ke_plan, ke_police):
    for title in FORMULAS:
        make_commitment(ke_plan, ke_police, title=title, progress=40)


def download(client, url, fmt):
    response = client.get(url, {"export": fmt})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_cells(data):
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    return {cell for row in rows[1:] for cell in row}


def xlsx_cells(data):
    sheet = load_workbook(io.BytesIO(data)).active
    return [cell for row in list(sheet.iter_rows())[1:] for cell in row]


@pytest.mark.parametrize("url", EXPORTS.values(), ids=EXPORTS.keys())
def test_coordinator_exports_quote_formulas(client, hostile, ke_coordinator, url):
    client.force_login(ke_coordinator)
    cells = csv_cells(download(client, url, "csv"))
    assert cells >= NEUTRALISED
    assert not cells & set(FORMULAS)
    xlsx = xlsx_cells(download(client, url, "xlsx"))
    texts = one_line_end(cell.value for cell in xlsx if cell.data_type == "s")
    assert texts >= NEUTRALISED_XLSX
    assert not any(cell.data_type == "f" for cell in xlsx)


def test_site_history_quotes_formulas(client, hostile, superuser):
    client.force_login(superuser)
    url = "/admin/reports/site-history/"
    assert csv_cells(download(client, url, "csv")) >= NEUTRALISED
    texts = one_line_end(cell.value for cell in xlsx_cells(download(client, url, "xlsx")))
    assert texts >= NEUTRALISED_XLSX


def test_numbers_stay_numbers(client, hostile, ke_coordinator):
    client.force_login(ke_coordinator)
    sheet = load_workbook(
        io.BytesIO(download(client, EXPORTS["commitment tracker"], "xlsx"))
    ).active
    header, *rows = [list(row) for row in sheet.iter_rows()]
    columns = [cell.value for cell in header]
    for row in rows:
        for name in ("ID", "Progress (%)"):
            cell = row[columns.index(name)]
            assert cell.data_type == "n" and isinstance(cell.value, int), (name, cell.value)
    text = download(client, EXPORTS["commitment tracker"], "csv").decode()
    assert ",40," in text and ",'40," not in text
