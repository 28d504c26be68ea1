"""Reading a .csv or .xlsx file into rows, numbered as a spreadsheet program numbers them.

Also the parsers of single cells (dates, choices, amounts), which know nothing of plans.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from home.spreadsheets import spreadsheet_text

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_EXTENSIONS = (".csv", ".xlsx")
# The header is looked for in the first rows: plans often start with a title row or two.
HEADER_SEARCH_ROWS = 10
FILE_TYPE_REFUSED = "Only .csv and .xlsx files can be imported; “%(name)s” is neither."
FILE_TOO_LARGE = "The file is %(size)s MB; files up to %(limit)s MB can be imported."
FILE_NOT_UTF8 = (
    "The file is not UTF-8 text. In your spreadsheet program save it as “CSV UTF-8”, or "
    "upload it as .xlsx."
)
FILE_NOT_XLSX = "The file could not be read as an Excel workbook (.xlsx): %(error)s"
NO_HEADER = (
    "No header row found in the first %(rows)s rows. The first row should name the columns, "
    "e.g. objective, activity, actors, indicators (see the template)."
)
NO_ROWS = "The file has a header row but no rows below it."
DATE_INVALID = (
    "“%(value)s” is not a date: use YYYY-MM-DD (2026-03-31), DD/MM/YYYY (31/03/2026) or a year."
)
CHOICE_UNKNOWN = "“%(value)s” is not a %(what)s; use one of: %(choices)s."
PROGRESS_INVALID = "“%(value)s” is not a whole percentage from 0 to 100."
COST_INVALID = "“%(value)s” is not an amount."

# Canonical column -> the header names it is known by (after `normalise`).
COLUMN_ALIASES = {
    "id": ("id", "commitment id"),
    "title": ("title", "activity", "activities", "action", "actions", "commitment"),
    "objective": ("objective", "objectives"),
    "description": ("description",),
    "capability": ("capability", "mnr capability", "mnr", "capability number"),
    "capability_name": ("capability name",),
    "actors": ("actors", "actor", "responsible", "responsible agencies", "agencies"),
    "lead_agency": ("lead agency", "lead"),
    "supporting_agencies": ("supporting agencies", "supporting", "partners"),
    "indicators": ("indicators", "indicator"),
    "inspire_strategies": ("inspire strategies", "inspire"),
    "kind": ("kind",),
    "status": ("status",),
    "progress": ("progress",),
    "start_date": ("start date", "start"),
    "due_date": ("due date", "due", "end date", "end", "deadline"),
    "estimated_cost": ("estimated cost", "cost", "budget"),
    "currency": ("currency",),
    "funding_source": ("funding source", "source of funding", "funding"),
    # In the export, but derived from the capability: read and never used.
    "domain": ("domain",),
}
ALIAS_TO_COLUMN = {alias: column for column, aliases in COLUMN_ALIASES.items() for alias in aliases}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says what to do."""


@dataclass(frozen=True)
class Problem:
    row: int | None  # as a spreadsheet program numbers it; None: the file as a whole
    column: str  # the header as written in the file
    message: str

    def __str__(self):
        where = f"row {self.row}" if self.row is not None else "file"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass
class Table:
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number, cell values)


# --- Reading the file ------------------------------------------------------------------


def check_upload(*, name: str, size: int) -> None:
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        raise ImportFileError(FILE_TYPE_REFUSED % {"name": name})
    if size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            FILE_TOO_LARGE
            % {"size": f"{size / 1024 / 1024:.1f}", "limit": MAX_UPLOAD_BYTES // 1024 // 1024}
        )


def normalise(text) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split())


def _read_csv(content: bytes) -> list[list]:
    try:
        # utf-8-sig: this site's export, like Excel's "CSV UTF-8", starts with a BOM.
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(FILE_NOT_UTF8) from error
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in Spanish or French locales write ';' between cells.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _read_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise ImportFileError(FILE_NOT_XLSX % {"error": error}) from error
    sheet = workbook.active
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    # A merged cell (an objective spanning its activities) holds its value in the first
    # cell only; every row it spans shows it, so every row gets it.
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                grid[r - 1][c - 1] = value
    return grid


def _is_blank(cells) -> bool:
    return all(cell_text(cell) == "" for cell in cells)


def read_table(*, name: str, content: bytes) -> Table:
    grid = _read_xlsx(content) if name.lower().endswith(".xlsx") else _read_csv(content)
    header_row = None
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns = {ALIAS_TO_COLUMN.get(normalise(cell)) for cell in cells} - {None}
        if "title" in columns or ("id" in columns and len(columns) > 1):
            header_row = index
            break
    if header_row is None:
        raise ImportFileError(NO_HEADER % {"rows": HEADER_SEARCH_ROWS})
    headers = [cell_text(cell) for cell in grid[header_row]]
    rows = [
        (number, list(cells))
        for number, cells in enumerate(grid[header_row + 1 :], start=header_row + 2)
        if not _is_blank(cells)
    ]
    if not rows:
        raise ImportFileError(NO_ROWS)
    return Table(header_row=header_row + 1, headers=headers, rows=rows)


# --- Reading one cell -------------------------------------------------------------------


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return spreadsheet_text(str(value)).strip()


def split_cell(text: str, separators: str) -> list[str]:
    return [part.strip() for part in re.split(separators, text) if part.strip()]


def parse_date(value, *, end_of_year=False) -> datetime.date:
    """ISO, day/month/year, a spreadsheet date, or a year alone (its first or last day)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    try:
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return datetime.date(year, 12, 31) if end_of_year else datetime.date(year, 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if match:
            day, month, year = map(int, match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise ValueError(DATE_INVALID % {"value": text})


def parse_choice(value: str, choices, what: str) -> str:
    wanted = normalise(value)
    for key, label in choices:
        if wanted in (normalise(key), normalise(label)):
            return key
    raise ValueError(
        CHOICE_UNKNOWN
        % {"value": value, "what": what, "choices": ", ".join(str(label) for _, label in choices)}
    )


def parse_progress(value) -> int:
    text = cell_text(value).rstrip("%").strip()
    if not re.fullmatch(r"\d{1,3}", text) or int(text) > 100:
        raise ValueError(PROGRESS_INVALID % {"value": cell_text(value)})
    return int(text)


def parse_cost(value) -> Decimal:
    text = re.sub(r"[\s,]", "", cell_text(value))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(COST_INVALID % {"value": cell_text(value)}) from None
    if not amount.is_finite():
        raise ValueError(COST_INVALID % {"value": cell_text(value)})
    return amount
