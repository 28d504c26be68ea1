"""Importing a plan from a spreadsheet: `reading` the file, `checking` it against the plan.

Nothing here writes; `interchange.services.plan_import` does, when the check found no problem.
"""

from .checking import ImportResult, PlannedRow, check_import
from .reading import (
    ALLOWED_EXTENSIONS,
    MAX_UPLOAD_BYTES,
    ImportFileError,
    Problem,
    check_upload,
    parse_date,
    read_table,
)

__all__ = [
    "ALLOWED_EXTENSIONS",
    "MAX_UPLOAD_BYTES",
    "ImportFileError",
    "ImportResult",
    "PlannedRow",
    "Problem",
    "check_import",
    "check_upload",
    "parse_date",
    "read_table",
]
