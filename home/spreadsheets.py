"""What every CSV and XLSX download writes into a cell: text that cannot become a formula.

A spreadsheet program evaluates a cell whose text starts with `=`, `+`, `-` or `@` (and,
in some, a tab or carriage return first), so a commitment titled `=HYPERLINK(...)` would
become a live link, or worse, on the computer of whoever opens the download. As OWASP
recommends, such text gets a leading `'`, which spreadsheets read as "this is text".
Numbers are left alone: a negative number is a number, not a formula.

`spreadsheet_cell` is the one function; the public CSVs call it for each cell, and
`protect_wagtail_exports` (from `HomeConfig.ready`) runs it after the one method
through which Wagtail's SpreadsheetExportMixin writes every cell of every admin export:
ours (the commitment listing, the Activity report, the Commitment tracker) and
Wagtail's own (site history, page reports, workflows, redirects, form submissions).
"""

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """`value`, with a `'` in front if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_text(text: str) -> str:
    """The text before `spreadsheet_cell` quoted it: an exported plan, edited in a
    spreadsheet and imported back, keeps its titles as they were."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_text(header, rows) -> str:
    """A CSV download: the header, then each row's cells through `spreadsheet_cell` (None
    as an empty cell), after a byte-order mark so spreadsheet programs read Arabic and
    Spanish as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else spreadsheet_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def protect_wagtail_exports():
    """Pass every value Wagtail's admin exports write through `spreadsheet_cell`.

    Wagtail's own reports are views we do not subclass, so the mixin they share is
    changed here, once. The value is taken after Wagtail's preprocessing (which turns
    model instances and lists into text and keeps numbers and dates as they are), so
    only text is quoted; and a quoted value no longer starts with `=`, so openpyxl
    writes it as a string cell, never as a formula.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value
    if getattr(wagtail_preprocess, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_cell(wagtail_preprocess(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
