"""A crafted plan bundle is refused with a one-line message, and nothing of it is kept."""

import hashlib
import json
import warnings
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.documents.models import Document
from wagtail.models import Page, Revision

from interchange.bundle_archive import (
    COUNTRY_CODE_INVALID,
    FILENAME_UNSAFE,
    MEMBER_REPEATED,
    MEMBER_UNSAFE,
    NOT_JSON,
    PERIOD_STATE_UNKNOWN,
    SHAPE_MISSING,
    SHAPE_WRONG_TYPE,
)
from interchange.bundles import BUNDLE_INVALID, REFERENCE_MISSING
from plans.models import Commitment
from stakeholders.models import Agency, Country
from tests.factories import open_period
from tracking.evidence import country_evidence_collection
from tracking.models import PERIOD_OF_ANOTHER_PLAN, ProgressUpdate

from ..factories import make_commitment, make_plan, make_update
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 attendance sheet"


@pytest.fixture
def bundle(tmp_path, ke_plan, ke_police):
    """A sound bundle of Kenya, in a database that no longer has Kenya."""
    make_commitment(ke_plan, ke_police, title="Train investigators")
    Document.objects.create(
        title="Attendance sheet",
        file=SimpleUploadedFile("attendance.pdf", PDF),
        collection=country_evidence_collection(country=ke_plan.country),
    )
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    return path


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def craft(source, target, *, data=None, manifest=None, replace=None, manifest_bytes=None):
    """The bundle with data.json edited, members replaced or added, checksums that match."""
    files = members(source)
    meta = json.loads(files.pop("manifest.json"))
    if data is not None:
        content = json.loads(files["data.json"])
        data(content)
        files["data.json"] = json.dumps(content).encode()
    files.update(replace or {})
    meta["files"] = {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}
    if manifest is not None:
        manifest(meta)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes or json.dumps(meta).encode())
        for name, content in files.items():
            archive.writestr(name, content)
    return target


def stored():
    """Everything an import could leave behind."""
    models = (Country, Agency, Group, Page, Commitment, Revision, ProgressUpdate, Document)
    media = sorted(str(p) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())
    return [model.objects.count() for model in models], media


def refused(path) -> str:
    before = stored()
    with pytest.raises(CommandError) as refusal:
        call_command("import_plan_bundle", str(path))
    assert stored() == before
    assert not Country.objects.filter(code="ke").exists()
    message = str(refusal.value)
    assert "\n" not in message
    return message


def document_member(path):
    return next(name for name in members(path) if name.startswith("documents/"))


@pytest.mark.parametrize("name", ["../x", "/etc/x", "documents/1/../../x", "documents\\x"])
def test_member_names_outside_the_bundle_are_refused(bundle, tmp_path, name):
    path = craft(bundle, tmp_path / "bad.zip", replace={name: b"x"})
    assert refused(path) == MEMBER_UNSAFE % {"name": name}


def test_a_member_that_is_in_the_archive_twice_is_refused(bundle, tmp_path):
    path = craft(bundle, tmp_path / "bad.zip")
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it writes
        archive.writestr("data.json", b"{}")
    assert refused(path) == MEMBER_REPEATED % {"name": "data.json"}


@pytest.mark.parametrize("filename", ["../../../settings.py", "/etc/passwd", "..", ""])
def test_evidence_file_names_that_are_paths_are_refused(bundle, tmp_path, filename):
    def edit(data):
        data["documents"][0]["filename"] = filename

    path = craft(bundle, tmp_path / "bad.zip", data=edit)
    assert refused(path) == FILENAME_UNSAFE % {"index": 0, "name": filename}


def _delete(*keys):
    def edit(content):
        for key in keys[:-1]:
            content = content[key]
        del content[keys[-1]]

    return edit


def _set(value, *keys):
    def edit(content):
        for key in keys[:-1]:
            content = content[key]
        content[keys[-1]] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "place", "path"),
    [
        (_delete("country", "name"), "data.json", "country.name"),
        (_delete("agencies", 0, "id"), "data.json", "agencies[0].id"),
        (_delete("commitments", 0, "revisions"), "data.json", "commitments[0].revisions"),
        (_delete("documents"), "data.json", "documents"),
    ],
)
def test_missing_keys_in_the_data_are_refused(bundle, tmp_path, edit, place, path):
    crafted = craft(bundle, tmp_path / "bad.zip", data=edit)
    assert refused(crafted) == SHAPE_MISSING % {"name": place, "path": path}


@pytest.mark.parametrize("key", ["files", "format"])
def test_missing_keys_in_the_manifest_are_refused(bundle, tmp_path, key):
    crafted = craft(bundle, tmp_path / "bad.zip", manifest=_delete(key))
    assert refused(crafted) == SHAPE_MISSING % {"name": "manifest.json", "path": key}


@pytest.mark.parametrize(
    ("edit", "path", "expected", "found"),
    [
        (_set("one", "agencies", 0, "id"), "agencies[0].id", "a whole number", "a string"),
        (_set(True, "agencies", 0, "id"), "agencies[0].id", "a whole number", "true or false"),
        (_set({}, "plans"), "plans", "a list", "an object"),
        (_set(None, "country"), "country", "an object", "null"),
        (_set(7, "country", "name"), "country.name", "a string", "a number"),
        (
            _set("yesterday", "commitments", 0, "revisions", 0, "created_at"),
            "commitments[0].revisions[0].created_at",
            "a date and time (ISO 8601)",
            "“yesterday”",
        ),
        (
            _set(["MNR-2016"], "reference", "capabilities", "1"),
            "reference.capabilities.1",
            "a framework code and a number",
            "a list",
        ),
    ],
)
def test_values_of_the_wrong_type_are_refused(bundle, tmp_path, edit, path, expected, found):
    crafted = craft(bundle, tmp_path / "bad.zip", data=edit)
    message = SHAPE_WRONG_TYPE % {
        "name": "data.json",
        "path": path,
        "expected": expected,
        "found": found,
    }
    assert refused(crafted) == message


def test_a_manifest_listing_files_as_a_list_is_refused(bundle, tmp_path):
    crafted = craft(bundle, tmp_path / "bad.zip", manifest=_set(["data.json"], "files"))
    message = SHAPE_WRONG_TYPE % {
        "name": "manifest.json",
        "path": "files",
        "expected": "an object",
        "found": "a list",
    }
    assert refused(crafted) == message


@pytest.mark.parametrize("code", ["KE", " ke", "kenya", "xx"])
def test_a_country_code_that_is_not_lower_case_iso_is_refused(bundle, tmp_path, code):
    crafted = craft(bundle, tmp_path / "bad.zip", data=_set(code, "country", "code"))
    assert refused(crafted) == COUNTRY_CODE_INVALID % {"code": code}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[]", b"42"])
def test_a_data_json_that_is_not_a_json_object_is_refused(bundle, tmp_path, content):
    crafted = craft(bundle, tmp_path / "bad.zip", replace={"data.json": content})
    message = refused(crafted)
    if content.startswith((b"[", b"4")):
        found = "a list" if content.startswith(b"[") else "a number"
        expected = {"expected": "an object", "found": found}
        assert message == SHAPE_WRONG_TYPE % {
            "name": "data.json",
            "path": "the whole file",
            **expected,
        }
    else:
        assert message == NOT_JSON % {"name": "data.json"}


@pytest.mark.parametrize("content", [b"{not json", b"[]"])
def test_a_manifest_that_is_not_a_json_object_is_refused(bundle, tmp_path, content):
    crafted = craft(bundle, tmp_path / "bad.zip", manifest_bytes=content)
    message = refused(crafted)
    if content == b"[]":
        expected = {"expected": "an object", "found": "a list"}
        assert message == SHAPE_WRONG_TYPE % {
            "name": "manifest.json",
            "path": "the whole file",
            **expected,
        }
    else:
        assert message == NOT_JSON % {"name": "manifest.json"}


def test_data_the_models_refuse_is_refused_and_nothing_is_kept(bundle, tmp_path):
    # Well formed, but no country may have an empty name: the model says so while writing.
    crafted = craft(bundle, tmp_path / "bad.zip", data=_set("", "country", "name"))
    message = BUNDLE_INVALID % {"error": "name: This field cannot be blank."}
    assert refused(crafted) == message


def test_the_sound_bundle_imports(bundle):
    call_command("import_plan_bundle", str(bundle))
    assert Commitment.objects.get(plan__country__code="ke").title == "Train investigators"
    document = Document.objects.get(title="Attendance sheet")
    assert document.file.name.startswith("documents/")
    assert document.file.read() == PDF


def _period(plan, **fields):
    return {
        "id": 1,
        "plan": plan,
        "title": "2025",
        "slug": "2025",
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "deadline": "2026-01-31",
        "state": "open",
        "opened_by": None,
        "opened_at": "2025-01-01T08:00:00+00:00",
        "closed_by": None,
        "closed_at": None,
        **fields,
    }


def test_a_reporting_period_of_a_plan_the_bundle_does_not_hold_is_refused(bundle, tmp_path):
    def add(data):
        data["reporting_periods"] = [_period(999999)]

    path = craft(bundle, tmp_path / "bad.zip", data=add)
    params = {"what": "the period “2025”", "kind": "plan", "id": 999999}
    assert refused(path) == REFERENCE_MISSING % params


def test_a_reporting_period_in_an_unknown_state_is_refused(bundle, tmp_path):
    def add(data):
        data["reporting_periods"] = [_period(data["plans"][0]["data"]["pk"], state="frozen")]

    path = craft(bundle, tmp_path / "bad.zip", data=add)
    assert refused(path) == PERIOD_STATE_UNKNOWN % {"index": 0, "state": "frozen"}


def test_a_reporting_period_the_model_refuses_is_refused(bundle, tmp_path):
    def add(data):
        plan = data["plans"][0]["data"]["pk"]
        data["reporting_periods"] = [
            _period(plan, starts_on="2031-01-01", ends_on="2031-12-31", deadline="2032-01-31")
        ]

    path = craft(bundle, tmp_path / "bad.zip", data=add)
    message = refused(path)
    assert message.startswith("The bundle cannot be restored (starts_on: ")


def test_a_period_report_on_another_plans_period_is_refused(tmp_path, ke_plan, ke_police):
    later = make_plan(ke_plan.country, start=2030, end=2034)
    make_update(make_commitment(later, ke_police, title="Later commitment"), publish=True)
    open_period(ke_plan, 2025)
    source = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(source))
    delete_country("ke")

    def misfile(data):
        data["progress_updates"][0]["data"]["period"] = data["reporting_periods"][0]["id"]

    path = craft(source, tmp_path / "bad.zip", data=misfile)
    assert refused(path) == BUNDLE_INVALID % {"error": f"period: {PERIOD_OF_ANOTHER_PLAN}"}
