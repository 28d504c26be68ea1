"""The import templates (`import_templates/plan-import-template.{csv,xlsx}`), built from one
list of columns so that the two files and their instructions cannot drift apart.

`manage.py build_import_templates` writes them; a test checks that the files shipped are
what this module builds and that every column is one the import reads.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from .funding import FUNDING_EXAMPLES

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "import_templates"
CSV_NAME, XLSX_NAME = "plan-import-template.csv", "plan-import-template.xlsx"
COMMITMENTS_SHEET, INSTRUCTIONS_SHEET = "Commitments", "How to fill in"


@dataclass(frozen=True)
class Column:
    header: str  # as the template names it; `reading.COLUMN_ALIASES` knows it
    example: str | int  # the example row (Kenya's plan); "" for none
    instruction: str
    width: int = 14


COLUMNS = (
    Column(
        "objective",
        "Police investigate online child sexual exploitation and abuse with trained staff and "
        "the tools they need.",
        "The objective the activity serves. If it is word for word a capability section's "
        "objective, the capability can be left out.",
        45,
    ),
    Column(
        "activity",
        "Train 60 investigators in online investigations and victim identification",
        "Required. The commitment's title, at most 255 characters (also: title, action).",
        45,
    ),
    Column(
        "actors",
        "AHTCPU; ODPP; Communications Authority of Kenya",
        "Required. Agencies by name or acronym, separated by ; , or /. The first leads, the "
        "others support.",
        35,
    ),
    Column(
        "indicators",
        "Investigators trained\nCases referred to prosecution",
        "Optional. One per line, or separated by ;",
        35,
    ),
    Column(
        "capability",
        "4",
        "MNR capability: its number (1-21) or name. It must be one of the plan's sections.",
        12,
    ),
    Column(
        "start",
        "2026-01-15",
        "Optional. YYYY-MM-DD, DD/MM/YYYY or a year (due: its last day).",
        12,
    ),
    Column("due", "31/12/2026", "Optional. As start; a year alone means its last day.", 12),
    Column(
        "status",
        "Not started",
        "Optional. Not started, On track, At risk, Delayed, Completed, Dropped.",
        14,
    ),
    Column(
        "description",
        "Two-week course with the regional cybercrime centre.",
        "Optional. What will be done, by whom, for whom.",
        40,
    ),
    Column(
        "outcome",
        "Offenders are identified, investigated and prosecuted",
        "Optional. The title of an outcome of the plan's results chain, as the plan page "
        "shows it (case does not matter). Needed only when the output's title is under "
        "several outcomes.",
        35,
    ),
    Column(
        "output",
        "4. Dedicated law enforcement",
        "Optional. The title of the output of the plan's results chain this commitment "
        "delivers. It must already be in the plan's published results chain: the import "
        "never adds outcomes or outputs. Add new ones in the plan page's “Results chain” "
        "panel; once the plan's review publishes them, import the file.",
        30,
    ),
    Column(
        "estimated cost",
        2500000,
        "Optional. What the commitment costs, in its currency: digits, with , between "
        "thousands and . before decimals (2,500,000.50).",
        14,
    ),
    Column(
        "currency",
        "KES",
        "Optional. Three-letter ISO 4217 code of the cost and the funding lines; the "
        "country's currency when left out.",
        10,
    ),
    Column(
        "funding lines",
        FUNDING_EXAMPLES.replace("; ", "\n"),
        "Optional. One funding line per line of the cell (or separated by ;): year, "
        "secured or pledged, source, amount. The source is national budget, other, or "
        "partner and the development partner's name. Secured: in a budget or an "
        "agreement; pledged: promised only. Years within the plan's period; amounts as "
        "for the cost, in the commitment's currency. Example: " + FUNDING_EXAMPLES + ". "
        "The gap shown for the commitment is its cost minus what is secured. On an update "
        "the cell replaces the commitment's lines; left empty, they stay as they are.",
        40,
    ),
)
# Instructions for columns the template leaves out, and for the file as a whole.
MORE_INSTRUCTIONS = (
    (
        "id",
        "Optional. The id of an existing commitment of the plan (from export.csv) to update "
        "it as a new draft; leave out for new commitments.",
    ),
    (
        "also read",
        "supporting, lead agency, progress, kind, funding source, inspire: the columns of "
        "export.csv.",
    ),
    (
        "",
        "Nothing is saved if any row has a problem; the check lists every problem by row and "
        "column.",
    ),
)
# Fixed, so that building the workbook again changes nothing but what changed.
_BUILT = datetime.datetime(2026, 1, 1)


def instructions() -> list[tuple[str, str]]:
    return [(c.header, c.instruction) for c in COLUMNS] + list(MORE_INSTRUCTIONS)


def template_csv() -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(c.header for c in COLUMNS)
    # A CSV has no second sheet; its example's numbers are written as a person types them.
    writer.writerow(f"{c.example:,}" if isinstance(c.example, int) else c.example for c in COLUMNS)
    # utf-8-sig: Excel reads a CSV without the BOM in the computer's local encoding.
    return out.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.properties.created = workbook.properties.modified = _BUILT
    sheet = workbook.active
    sheet.title = COMMITMENTS_SHEET
    sheet.append([c.header for c in COLUMNS])
    sheet.append([c.example for c in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        sheet[f"{letter}1"].font = Font(bold=True)
        cell = sheet[f"{letter}2"]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(column.example, int):
            cell.number_format = "#,##0"
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet(INSTRUCTIONS_SHEET)
    notes.append(["column", "what to write"])
    for row in instructions():
        notes.append(list(row))
    notes["A1"].font = notes["B1"].font = Font(bold=True)
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 110
    for cells in notes.iter_rows(min_row=2):
        cells[1].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_templates(directory: Path = TEMPLATES_DIR) -> list[Path]:
    written = []
    for name, content in ((CSV_NAME, template_csv()), (XLSX_NAME, template_xlsx())):
        path = directory / name
        path.write_bytes(content)
        written.append(path)
    return written
