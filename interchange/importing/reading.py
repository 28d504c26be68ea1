"""Reading a .csv or .xlsx file into rows, numbered as a spreadsheet program numbers them.

Also the parsers of single cells (dates, choices, amounts), which know nothing of plans.
"""

import csv
import datetime
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from home.spreadsheets import spreadsheet_text

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_EXTENSIONS = (".csv", ".xlsx")
# The header is looked for in the first rows: plans often start with a title row or two.
HEADER_SEARCH_ROWS = 10
# Limits that keep a check within seconds and an import's transaction within minutes
# (5,000 rows take about 90 s to import on SQLite), whatever the file holds.
MAX_ROWS = 5_000  # rows of commitments below the header; blank rows do not count
MAX_SHEET_ROWS = 10_000  # rows read at all, blank ones included
MAX_COLUMNS = 60
MAX_CELL_CHARS = 10_000
# An .xlsx is a zip: 5 MB of it may unpack to gigabytes (a zip bomb).
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
FILE_TYPE_REFUSED = "Only .csv and .xlsx files can be imported; “%(name)s” is neither."
FILE_TOO_LARGE = "The file is %(size)s MB; files up to %(limit)s MB can be imported."
FILE_NOT_UTF8 = (
    "The file is not UTF-8 text. In your spreadsheet program save it as “CSV UTF-8”, or "
    "upload it as .xlsx."
)
FILE_NOT_XLSX = "The file could not be read as an Excel workbook (.xlsx): %(error)s"
NOT_A_WORKSHEET = "its first sheet is not a worksheet"
MERGES_OVERLAP = "its merged cells overlap"
XLSX_TOO_LARGE_UNPACKED = (
    "The workbook unpacks to %(size)s MB; an import reads workbooks of up to %(limit)s MB "
    "unpacked. Save it without pictures and other sheets, or as .csv."
)
SHEET_TOO_LARGE = (
    "The sheet's used range ends at cell %(cell)s (row %(rows)s, column %(columns)s); an "
    "import reads at most %(max_rows)s rows and %(max_columns)s columns. Delete the rows and "
    "columns outside the table, or copy the table into a new workbook."
)
SHEET_TOO_LONG = (
    "The file goes on beyond row %(max_rows)s; an import reads at most %(max_rows)s rows. "
    "Delete the rows below the table, or split the file."
)
TOO_MANY_ROWS = (
    "The file has more than %(limit)s rows below the header; an import takes at most "
    "%(limit)s commitments. Split the file and import the parts one after the other."
)
TOO_MANY_COLUMNS = (
    "The header row has more than %(max_columns)s columns; an import reads at most "
    "%(max_columns)s. Delete the columns it does not need."
)
CSV_CELL_TOO_LONG = (
    "A cell of this row has more than %(limit)s characters; a cell has at most %(limit)s."
)
CSV_UNREADABLE = "This row could not be read as CSV: %(error)s."
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
    # The results chain and the funding lines (issue 19); see `funding.py` for the cell.
    "outcome": ("outcome",),
    "output": ("output",),
    "funding_lines": ("funding lines", "funding line"),
    # In the export, but derived (from the capability, the date, the page): never used.
    "domain": ("domain",),
    "overdue": ("overdue",),
    "url": ("url",),
    "last_update": ("last update",),
}
ALIAS_TO_COLUMN = {alias: column for column, aliases in COLUMN_ALIASES.items() for alias in aliases}


class ImportFileError(Exception):
    """The file cannot be read (from `row` on, when given); the message says what to do."""

    def __init__(self, message, *, row=None):
        super().__init__(message)
        self.row = row


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


def _count(number) -> str:
    return f"{number:,}"


LIMITS = {
    "limit": _count(MAX_ROWS),
    "max_rows": _count(MAX_SHEET_ROWS),
    "max_columns": MAX_COLUMNS,
}


def read_table(*, name: str, content: bytes) -> Table:
    rows = _xlsx_rows(content) if name.lower().endswith(".xlsx") else _csv_rows(content)
    return _table(rows)


def _table(rows) -> Table:
    """The header and the non-blank rows below it, counted as they are read."""
    rows = iter(rows)
    head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    header_index = _header_index(head)
    width = _header_width(head[header_index])
    headers = [cell_text(cell) for cell in head[header_index][:width]]
    found = []
    below = itertools.chain(head[header_index + 1 :], rows)
    for number, cells in enumerate(below, start=header_index + 2):
        cells = list(cells[:width])
        if _is_blank(cells):
            continue
        if len(found) == MAX_ROWS:
            raise ImportFileError(TOO_MANY_ROWS % LIMITS, row=number)
        found.append((number, cells))
    if not found:
        raise ImportFileError(NO_ROWS)
    return Table(header_row=header_index + 1, headers=headers, rows=found)


def _header_index(head) -> int:
    for index, cells in enumerate(head):
        columns = {ALIAS_TO_COLUMN.get(normalise(cell)) for cell in cells} - {None}
        if "title" in columns or ("id" in columns and len(columns) > 1):
            return index
    raise ImportFileError(NO_HEADER % {"rows": HEADER_SEARCH_ROWS})


def _header_width(cells) -> int:
    """Up to the last named column: the cells to the right of it are never read."""
    width = max((index + 1 for index, cell in enumerate(cells) if cell_text(cell)), default=0)
    if width > MAX_COLUMNS:
        raise ImportFileError(TOO_MANY_COLUMNS % LIMITS)
    return width


def _is_blank(cells) -> bool:
    return all(cell_text(cell) == "" for cell in cells)


def _csv_rows(content: bytes):
    try:
        # utf-8-sig: this site's export, like Excel's "CSV UTF-8", starts with a BOM.
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(FILE_NOT_UTF8) from error
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in Spanish or French locales write ';' between cells.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_SHEET_ROWS:
                raise ImportFileError(SHEET_TOO_LONG % LIMITS, row=number)
            # One column more than allowed: enough to tell a header that is too wide.
            yield cells[: MAX_COLUMNS + 1]
    except csv.Error as error:
        # csv refuses fields over its `field_size_limit` (131,072), far above a cell's limit.
        if "field larger than field limit" in str(error):
            message = CSV_CELL_TOO_LONG % {"limit": _count(MAX_CELL_CHARS)}
        else:
            message = CSV_UNREADABLE % {"error": error}
        raise ImportFileError(message, row=number + 1) from error


# What openpyxl and zipfile raise for a damaged or hostile workbook: a bad zip, bad
# XML, a value of the wrong type, a member cut short or lying about its size.
XLSX_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    SyntaxError,  # xml.etree's ParseError
    TypeError,
    ValueError,  # and defusedxml's refusals
)


def _xlsx_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        _check_unpacked_size(content)
        workbook = load_workbook(
            io.BytesIO(content), read_only=True, data_only=True, keep_links=False
        )
        try:
            return _sheet_grid(workbook.active)
        finally:
            workbook.close()
    except (InvalidFileException, *XLSX_ERRORS) as error:
        raise ImportFileError(FILE_NOT_XLSX % {"error": error}) from error


def _check_unpacked_size(content: bytes) -> None:
    # zipfile never returns more than a member's declared size (then fails its CRC), so
    # the declared sizes bound what openpyxl can unpack.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(
            XLSX_TOO_LARGE_UNPACKED
            % {
                "size": f"{unpacked / 1024 / 1024:.1f}",
                "limit": MAX_XLSX_UNPACKED_BYTES // 1024 // 1024,
            }
        )


def _sheet_grid(sheet) -> list[list]:
    """The sheet's rows from row 1, as wide as its header, merged cells filled in."""
    from openpyxl.utils import get_column_letter

    if not hasattr(sheet, "reset_dimensions"):  # a chart sheet, or no sheet at all
        raise ValueError(NOT_A_WORKSHEET)
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > MAX_SHEET_ROWS or columns > MAX_COLUMNS:
        raise ImportFileError(
            SHEET_TOO_LARGE
            % {
                **LIMITS,
                "cell": f"{get_column_letter(columns)}{rows}",
                "rows": _count(rows),
                "columns": _count(columns),
            }
        )
    # The declared size may be missing or wrong: it must neither cut the table short nor
    # bound the reading, which counts the rows itself.
    sheet.reset_dimensions()
    head = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS + 1, values_only=True)
    head = [list(cells) for cells in head]
    width = _header_width(head[_header_index(head)])
    grid = []
    for cells in sheet.iter_rows(max_col=width, values_only=True):
        if len(grid) == MAX_SHEET_ROWS:
            raise ImportFileError(SHEET_TOO_LONG % LIMITS, row=len(grid) + 1)
        grid.append(list(cells))
    # A merged cell (an objective spanning its activities) holds its value in the first
    # cell only; every row it spans shows it, so every row gets it.
    for min_col, min_row, max_col, max_row in _merged_ranges(sheet, rows=len(grid), width=width):
        value = grid[min_row - 1][min_col - 1]
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                grid[r - 1][c - 1] = value
    return grid


def _merged_ranges(sheet, *, rows: int, width: int) -> list[tuple]:
    """The merged ranges that start in the grid, cut to it."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    merge_tag = f"{{{SHEET_MAIN_NS}}}mergeCell"
    data_tag, row_tag = f"{{{SHEET_MAIN_NS}}}sheetData", f"{{{SHEET_MAIN_NS}}}row"
    ranges, area, sheet_data = [], 0, None
    # Read-only sheets skip merged cells, listed after the cells: read the sheet's XML for
    # them, dropping each row once parsed so that memory stays flat.
    with sheet._get_source() as source:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                if element.tag == data_tag:
                    sheet_data = element
            elif element.tag == row_tag and sheet_data is not None:
                sheet_data.clear()
            elif element.tag == merge_tag:
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                min_col, min_row = min_col or 1, min_row or 1  # "A:B" and "1:2" are whole
                if min_row > rows or min_col > width:
                    continue
                max_row, max_col = min(max_row or rows, rows), min(max_col or width, width)
                # Ranges that do not overlap cover the grid at most once.
                area += (max_row - min_row + 1) * (max_col - min_col + 1)
                if area > rows * width:
                    raise ValueError(MERGES_OVERLAP)
                ranges.append((min_col, min_row, max_col, max_row))
    return ranges


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
