"""Opening a plan bundle that may have been crafted: nothing in the archive is trusted.

Before anything is read, every member's name must be one a bundle has (`manifest.json`,
`data.json`, `documents/<id>/<file name>`, `annual-reports/<id>/<language>.<pdf|xlsx>`) and
its declared size within its limit. Members are then read with bounded reads (a zip header
may lie about the size; zipfile never returns more than it declares, and then fails the
CRC), checked against the manifest's sha256, the annual reports' files also against the
sha256 recorded when each was made, and the JSON against the shape `interchange.bundles`
reads, so that a bad bundle is one clear `BundleError` before anything is written.
Evidence and report files are read one at a time, when they are stored, so a bundle's size
does not decide the memory an import takes.
"""

import hashlib
import json
import re
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime

from stakeholders.models import validate_country_code
from tracking.models import ReportingPeriod

FORMAT = "plan-bundle"
# 2: reporting periods, annual reports and their files, the legislative review and the
# consultation rounds. Version 1 bundles lack them and read as a country without them.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MANIFEST = "manifest.json"
DATA = "data.json"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
MAX_DATA_BYTES = 200 * 1024 * 1024
# An annual report's PDF or spreadsheet is a few hundred kB; a year of a large plan, a few MB.
MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024
# Evidence files: WAGTAILDOCS_MAX_UPLOAD_SIZE, the limit of an upload in the admin.

NOT_READABLE = "Not a readable plan bundle: %(error)s"
NO_MANIFEST = "The archive has no readable manifest.json."
UNSUPPORTED_FORMAT = (
    "Unsupported bundle format %(format)r version %(version)r; this site reads "
    f"{FORMAT} versions {', '.join(map(str, READABLE_VERSIONS))}."
)
MEMBERS_MISMATCH = (
    "The archive's members do not match its manifest (missing: %(missing)s, "
    "unexpected: %(unexpected)s)."
)
MEMBER_UNSAFE = (
    "The archive has a member named %(name)r; a plan bundle holds only manifest.json, "
    "data.json, documents/<id>/<file name> and annual-reports/<id>/<language>.<pdf|xlsx>."
)
MEMBER_REPEATED = "The archive holds %(name)r more than once."
MEMBER_TOO_LARGE = "%(name)s unpacks to %(size)s; %(what)s may be at most %(limit)s."
MEMBER_CORRUPTED = "%(name)s is corrupted: %(error)s"
DIGEST_MISMATCH = "%(name)s is corrupted: its sha256 does not match the manifest."
NOT_JSON = "%(name)s is not valid JSON."
SHAPE_MISSING = "%(name)s: %(path)s is missing."
SHAPE_WRONG_TYPE = "%(name)s: %(path)s should be %(expected)s, not %(found)s."
SHAPE_BAD_KEY = "%(name)s: %(path)s has the key %(key)r; its keys should be ids (whole numbers)."
COUNTRY_CODE_INVALID = (
    "data.json: the country code %(code)r is not a lower-case ISO 3166-1 code such as “ke”."
)
FILENAME_UNSAFE = (
    "data.json: documents[%(index)s] has the file name %(name)r, which is not a plain file name."
)
DOCUMENT_MEMBER_MISMATCH = (
    "data.json: documents[%(index)s] should be the member %(expected)r, not %(found)r."
)
DOCUMENT_NOT_IN_ARCHIVE = (
    "data.json: documents[%(index)s] is the member %(member)r, which the archive does not hold."
)

REPORT_FILE_MEMBER_MISMATCH = (
    "data.json: annual_reports[%(index)s].files[%(file)s] should be the member %(expected)r, "
    "not %(found)r."
)
REPORT_FILE_NOT_IN_ARCHIVE = (
    "data.json: annual_reports[%(index)s].files[%(file)s] is the member %(member)r, which "
    "the archive does not hold."
)
# The report's own sha256 was taken when the file was made: a file that no longer matches
# it is not the public record any more, whatever the manifest (rewritten at will) says.
REPORT_FILE_ALTERED = (
    "%(member)s is not the annual report file it claims to be: its sha256 does not match "
    "the one recorded when the report was made."
)
PERIOD_STATE_UNKNOWN = (
    "data.json: reporting_periods[%(index)s] has the state %(state)r; a reporting period is "
    "open or closed."
)
REPORT_OF_OPEN_PERIOD = (
    "data.json: annual_reports[%(index)s] belongs to a reporting period that is not closed; "
    "an annual report is made only when its period closes."
)

CLOSED = ReportingPeriod.State.CLOSED
DOCUMENT_MEMBER = re.compile(r"documents/(\d+)/([^/\\\x00]+)")
REPORT_FILE_MEMBER = re.compile(r"annual-reports/(\d+)/([A-Za-z0-9-]{1,8})\.(pdf|xlsx)")
ID = re.compile(r"[0-9]+")
# What zipfile raises for a member it cannot unpack: bad data, a lying size, a cut file,
# an unknown compression method (NotImplementedError), encryption (RuntimeError).
MEMBER_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


class BundleError(Exception):
    """The archive cannot be imported (or the country exported); nothing was changed."""


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
    return f"{size / 1024:.1f}".removesuffix(".0") + " KB"


def plain_file_name(name) -> bool:
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and not any(character in name for character in "/\\\x00")
    )


# --- The shape of the JSON ----------------------------------------------------------------


@dataclass(frozen=True)
class _Optional:
    """May be absent, or null."""

    shape: object


@dataclass(frozen=True)
class _ListOf:
    item: object


@dataclass(frozen=True)
class _IdsTo:
    """An object whose keys are ids (as JSON writes them, strings of digits)."""

    value: object


@dataclass(frozen=True)
class _Text:
    """A string of a given form."""

    what: str
    valid: object  # str -> bool


def _parses_as_datetime(text) -> bool:
    try:
        return parse_datetime(text) is not None
    except ValueError:  # well formed, but no such time (month 13)
        return False


def _parses_as_date(text) -> bool:
    try:
        return parse_date(text) is not None
    except ValueError:
        return False


_DATETIME = _Text("a date and time (ISO 8601)", _parses_as_datetime)
_SHA256 = _Text("a sha256 (64 hexadecimal digits)", re.compile(r"[0-9a-f]{64}").fullmatch)
_DATE = _Text("a date (ISO 8601)", _parses_as_date)
_PAIR = "a framework code and a number"
_TYPES = {int: "a whole number", str: "a string", bool: "true or false", dict: "an object"}

_REVISION = {
    "id": int,
    "created_at": _DATETIME,
    "user": _Optional(str),
    "object_str": _Optional(str),
    "approved_go_live_at": _Optional(_DATETIME),
    "content": dict,
}
MANIFEST_HEAD_SHAPE = {"format": str, "format_version": int}
MANIFEST_SHAPE = {"files": {str: _SHA256}}
# What `interchange.bundles` reads of data.json; revision content and rows in Wagtail's own
# serialised form are checked by the models when they are restored.
DATA_SHAPE = {
    "country": {
        "code": str,
        "name": str,
        "default_language": str,
        "agency_heads_first": _Optional(bool),
    },
    "agencies": _ListOf(
        {
            "id": int,
            "name": str,
            "acronym": str,
            "sector": str,
            "website": str,
            "description": str,
            "is_active": bool,
        }
    ),
    # The id names the membership inside the bundle only (focal persons point at it);
    # absent from older bundles.
    "memberships": _ListOf({"id": _Optional(int), "username": str, "agency": int, "role": str}),
    "reference": {
        "capabilities": _IdsTo(_PAIR),
        "inspire_strategies": _IdsTo(_PAIR),
        # Version 2: the legislative review's checklist, by code.
        "legislative_criteria": _Optional(_IdsTo(str)),
    },
    "plans": _ListOf(
        {
            "data": {
                "pk": int,
                "title": str,
                "latest_revision": _Optional(int),
                "live_revision": _Optional(int),
                "latest_revision_created_at": _Optional(_DATETIME),
                "capability_sections": _Optional(_ListOf({"pk": int, "capability": int})),
            },
            "owner": _Optional(str),
            "revisions": _ListOf(_REVISION),
        }
    ),
    "commitments": _ListOf(
        {
            "data": {
                "pk": int,
                "title": str,
                "latest_revision": _Optional(int),
                "live_revision": _Optional(int),
                "indicators": _Optional(_ListOf({"pk": int})),
                "indicator_translations": _Optional(
                    _ListOf({"pk": int, "indicator": int, "language_code": str, "name": str})
                ),
                "supporting_agencies": _Optional(_ListOf(int)),
                "inspire_strategies": _Optional(_ListOf(int)),
                "findings": _Optional(_ListOf(int)),
                "focal_person": _Optional(int),
                "focal_deputy": _Optional(int),
            },
            "revisions": _ListOf(_REVISION),
        }
    ),
    "progress_updates": _ListOf(
        {
            "data": {
                "commitment": int,
                "agency": int,
                "evidence_document": _Optional(int),
                "period": _Optional(int),
                "created_at": _DATETIME,
                "updated_at": _DATETIME,
                "measurements": _Optional(_ListOf({"indicator": int})),
                "trainings": _Optional(_ListOf(dict)),
            },
            "author": _Optional(str),
            # Who submitted it for review, who sent it back (absent from older bundles).
            "submitted_by": _Optional(str),
            "rejected_by": _Optional(str),
        }
    ),
    "documents": _ListOf(
        {"id": int, "title": str, "filename": str, "created_at": _DATETIME, "member": str}
    ),
    # The findings register (issue 20; absent from older bundles).
    "findings": _Optional(
        _ListOf(
            {
                "id": int,
                "title": str,
                "text": str,
                "source_kind": str,
                "source_title": str,
                "source_url": str,
                "date": _Optional(str),
                "severity": str,
                "status": str,
                "reason": str,
                "public": bool,
                "terminology_quotations": _Optional(str),
                "capabilities": _ListOf(int),
                "legislative_criterion": _Optional(int),
            }
        )
    ),
    # Version 2 (absent from version 1 bundles).
    "reporting_periods": _Optional(
        _ListOf(
            {
                "id": int,
                "plan": int,
                "title": str,
                "slug": str,
                "starts_on": _DATE,
                "ends_on": _DATE,
                "deadline": _DATE,
                "state": str,
                "opened_by": _Optional(str),
                "opened_at": _DATETIME,
                "closed_by": _Optional(str),
                "closed_at": _Optional(_DATETIME),
            }
        )
    ),
    "annual_reports": _Optional(
        _ListOf(
            {
                "id": int,
                "period": int,
                "snapshot": dict,
                "created_at": _DATETIME,
                "files": _ListOf(
                    {
                        "language": str,
                        "kind": str,
                        "sha256": _SHA256,
                        "created_at": _DATETIME,
                        "member": str,
                    }
                ),
            }
        )
    ),
    "legislative_review": _Optional(
        {
            "title": str,
            "date": _Optional(_DATE),
            "source_url": str,
            "summary": str,
            "public": bool,
            "terminology_quotations": str,
            "created_at": _DATETIME,
            "updated_at": _DATETIME,
            "assessments": _ListOf(
                {"criterion": int, "status": str, "law": str, "article": str, "note": str}
            ),
            "pending_bills": _ListOf(
                {"title": str, "stage": str, "criteria": _ListOf(int), "note": str}
            ),
        }
    ),
    "consultation_rounds": _Optional(
        _ListOf(
            {
                "id": int,
                "plan": int,
                "title": str,
                "purpose": str,
                "agencies": _ListOf(int),
                "opens_on": _DATE,
                "deadline": _DATE,
                "state": str,
                "summary_public": bool,
                "created_by": _Optional(str),
                "created_at": _DATETIME,
                "closed_by": _Optional(str),
                "closed_at": _Optional(_DATETIME),
                "comments": _ListOf(
                    {
                        "author": _Optional(str),
                        "agency": int,
                        "capability": _Optional(int),
                        "commitment": _Optional(int),
                        "text": str,
                        "created_at": _DATETIME,
                        "edited_at": _Optional(_DATETIME),
                        "response": str,
                        "reason": str,
                        "responded_by": _Optional(str),
                        "responded_at": _Optional(_DATETIME),
                    }
                ),
            }
        )
    ),
}


def _found(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def check_shape(value, shape, *, name, path="the whole file") -> None:
    """Raise a BundleError naming the first place where `value` is not of `shape`."""

    def wrong(expected, found=None):
        found = found or _found(value)
        params = {"name": name, "path": path, "expected": expected, "found": found}
        raise BundleError(SHAPE_WRONG_TYPE % params)

    def inside(key):
        return str(key) if path == "the whole file" else f"{path}.{key}"

    if isinstance(shape, _Optional):
        if value is not None:
            check_shape(value, shape.shape, name=name, path=path)
    elif isinstance(shape, _ListOf):
        if not isinstance(value, list):
            wrong("a list")
        for index, item in enumerate(value):
            check_shape(item, shape.item, name=name, path=f"{path}[{index}]")
    elif isinstance(shape, _IdsTo):
        if not isinstance(value, dict):
            wrong("an object")
        for key, item in value.items():
            if not ID.fullmatch(key):
                raise BundleError(SHAPE_BAD_KEY % {"name": name, "path": path, "key": key})
            check_shape(item, shape.value, name=name, path=inside(key))
    elif isinstance(shape, dict) and list(shape) == [str]:  # an object of any keys
        if not isinstance(value, dict):
            wrong("an object")
        for key, item in value.items():
            check_shape(item, shape[str], name=name, path=inside(key))
    elif isinstance(shape, dict):
        if not isinstance(value, dict):
            wrong("an object")
        for key, item_shape in shape.items():
            if key not in value:
                if isinstance(item_shape, _Optional):
                    continue
                raise BundleError(SHAPE_MISSING % {"name": name, "path": inside(key)})
            check_shape(value[key], item_shape, name=name, path=inside(key))
    elif isinstance(shape, _Text):
        if not isinstance(value, str):
            wrong(shape.what)
        if not shape.valid(value):
            wrong(shape.what, f"“{value[:40]}”")
    elif shape == _PAIR:
        pair = isinstance(value, list) and len(value) == 2
        if not (pair and isinstance(value[0], str) and _is_int(value[1])):
            wrong(_PAIR)
    elif shape is int:
        if not _is_int(value):
            wrong(_TYPES[int])
    elif not isinstance(value, shape):
        wrong(_TYPES[shape])


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_data(data) -> None:
    """data.json: its shape, a country code as this site stores it, plain evidence names."""
    check_shape(data, DATA_SHAPE, name=DATA)
    code = data["country"]["code"]
    try:
        validate_country_code(code)
    except ValidationError:
        code_is_valid = False
    else:
        code_is_valid = len(code) == 2 and code == code.lower()
    if not code_is_valid:
        raise BundleError(COUNTRY_CODE_INVALID % {"code": code})
    for index, row in enumerate(data["documents"]):
        if not plain_file_name(row["filename"]):
            raise BundleError(FILENAME_UNSAFE % {"index": index, "name": row["filename"]})
        expected = f"documents/{row['id']}/{row['filename']}"
        if row["member"] != expected:
            params = {"index": index, "expected": expected, "found": row["member"]}
            raise BundleError(DOCUMENT_MEMBER_MISMATCH % params)
    periods = data.get("reporting_periods") or []
    for index, row in enumerate(periods):
        # The model does not validate it (it is not editable): only its services set it.
        if row["state"] not in ReportingPeriod.State.values:
            raise BundleError(PERIOD_STATE_UNKNOWN % {"index": index, "state": row["state"]})
    closed = {row["id"] for row in periods if row["state"] == CLOSED}
    for index, report in enumerate(data.get("annual_reports") or []):
        if report["period"] not in closed:
            raise BundleError(REPORT_OF_OPEN_PERIOD % {"index": index})
        for position, row in enumerate(report["files"]):
            expected = report_file_member(report["id"], row["language"], row["kind"])
            if row["member"] != expected:
                params = {"index": index, "file": position, "expected": expected}
                raise BundleError(REPORT_FILE_MEMBER_MISMATCH % {**params, "found": row["member"]})


def report_file_member(report_id, language, kind) -> str:
    return f"annual-reports/{report_id}/{language}.{kind}"


# --- The archive ----------------------------------------------------------------------------


def _member_is_safe(name: str) -> bool:
    if name in (MANIFEST, DATA):
        return True
    if REPORT_FILE_MEMBER.fullmatch(name):
        return True
    match = DOCUMENT_MEMBER.fullmatch(name)
    return match is not None and plain_file_name(match.group(2))


class BundleArchive:
    """An open bundle whose members were checked; use it as a context manager."""

    def __init__(self, path):
        try:
            self._zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as error:
            raise BundleError(NOT_READABLE % {"error": error}) from error
        try:
            self._infos = self._checked_infos()
            self.manifest = self._manifest()
            self._check_members()
            self.data = self._json(DATA)
            check_data(self.data)
            for index, row in enumerate(self.data["documents"]):
                if row["member"] not in self._files:
                    params = {"index": index, "member": row["member"]}
                    raise BundleError(DOCUMENT_NOT_IN_ARCHIVE % params)
            self._check_report_files()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._zip.close()

    # Reading -------------------------------------------------------------------------

    @staticmethod
    def _limit(name):
        if name == MANIFEST:
            return MAX_MANIFEST_BYTES, MANIFEST
        if name == DATA:
            return MAX_DATA_BYTES, DATA
        if REPORT_FILE_MEMBER.fullmatch(name):
            return MAX_REPORT_FILE_BYTES, "an annual report file"
        return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None), "an evidence file"

    def _refuse_size(self, name, size):
        limit, what = self._limit(name)
        if limit is not None and size > limit:
            params = {
                "name": name,
                "size": format_size(size),
                "what": what,
                "limit": format_size(limit),
            }
            raise BundleError(MEMBER_TOO_LARGE % params)

    def _checked_infos(self) -> dict:
        """Every member's name and declared size, before any member is read."""
        infos = {}
        for info in self._zip.infolist():
            name = info.filename
            if not _member_is_safe(name):
                raise BundleError(MEMBER_UNSAFE % {"name": name})
            if name in infos:
                raise BundleError(MEMBER_REPEATED % {"name": name})
            self._refuse_size(name, info.file_size)
            infos[name] = info
        return infos

    @contextmanager
    def _open(self, name):
        try:
            with self._zip.open(self._infos[name]) as member:
                yield member
        except MEMBER_ERRORS as error:
            raise BundleError(MEMBER_CORRUPTED % {"name": name, "error": error}) from error

    def _read(self, name) -> bytes:
        limit, _ = self._limit(name)
        with self._open(name) as member:
            content = member.read() if limit is None else member.read(limit + 1)
        self._refuse_size(name, len(content))
        return content

    def _digest(self, name) -> str:
        sha256 = hashlib.sha256()
        with self._open(name) as member:
            while chunk := member.read(1024 * 1024):
                sha256.update(chunk)
        return sha256.hexdigest()

    def _json(self, name):
        content = self._read(name)
        if name != MANIFEST and hashlib.sha256(content).hexdigest() != self._files[name]:
            raise BundleError(DIGEST_MISMATCH % {"name": name})
        try:
            return json.loads(content)
        except (ValueError, RecursionError) as error:
            raise BundleError(NOT_JSON % {"name": name}) from error

    # Checking ------------------------------------------------------------------------

    def _manifest(self) -> dict:
        if MANIFEST not in self._infos:
            raise BundleError(NO_MANIFEST)
        manifest = self._json(MANIFEST)
        check_shape(manifest, MANIFEST_HEAD_SHAPE, name=MANIFEST)
        if manifest["format"] != FORMAT or manifest["format_version"] not in READABLE_VERSIONS:
            params = {"format": manifest["format"], "version": manifest["format_version"]}
            raise BundleError(UNSUPPORTED_FORMAT % params)
        check_shape(manifest, MANIFEST_SHAPE, name=MANIFEST)
        self._files = manifest["files"]
        return manifest

    def _check_members(self) -> None:
        present, expected = set(self._infos) - {MANIFEST}, set(self._files)
        if present != expected or DATA not in expected:
            params = {
                "missing": sorted(expected - present),
                "unexpected": sorted(present - expected),
            }
            raise BundleError(MEMBERS_MISMATCH % params)
        # data.json is checked as it is read; the evidence files now, and again when stored.
        for name in sorted(expected - {DATA}):
            if self._digest(name) != self._files[name]:
                raise BundleError(DIGEST_MISMATCH % {"name": name})

    def _check_report_files(self) -> None:
        """Every annual report file is in the archive and is, byte for byte, the file
        whose sha256 the report recorded (every member's bytes were just checked against
        the manifest, so comparing the two digests compares the bytes)."""
        for index, report in enumerate(self.data.get("annual_reports") or []):
            for position, row in enumerate(report["files"]):
                if row["member"] not in self._files:
                    params = {"index": index, "file": position, "member": row["member"]}
                    raise BundleError(REPORT_FILE_NOT_IN_ARCHIVE % params)
                if self._files[row["member"]] != row["sha256"]:
                    raise BundleError(REPORT_FILE_ALTERED % {"member": row["member"]})

    def read_member(self, name) -> bytes:
        """An evidence or annual report file, checked again as it is read."""
        content = self._read(name)
        if hashlib.sha256(content).hexdigest() != self._files[name]:
            raise BundleError(DIGEST_MISMATCH % {"name": name})
        return content
