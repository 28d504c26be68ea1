"""An annual report is a frozen public record: a bundle whose report file is not the file
recorded when the report was made (bytes changed, its recorded sha256 not) is refused,
even with a manifest rewritten to match, and nothing of it is written."""

import hashlib
import zipfile

import pytest
from django.core.management import call_command

from interchange.bundle_archive import (
    DIGEST_MISMATCH,
    REPORT_FILE_ALTERED,
    REPORT_FILE_MEMBER_MISMATCH,
    REPORT_OF_OPEN_PERIOD,
)
from publishing import annual_reports
from publishing.models import AnnualReport, AnnualReportFile
from tests.factories import open_period
from tracking.models import ReportingPeriod

from .conftest import store_report_file
from .test_bundle_hostile_input import craft, members, refused
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 the 2025 annual progress report of Kenya"
FORGED = b"%PDF-1.7 a kinder 2025 annual progress report of Kenya"


@pytest.fixture
def bundle(tmp_path, ke_plan):
    report = annual_reports.period_close(actor=None, period=open_period(ke_plan, 2025))
    store_report_file(report, PDF)
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    return path


def report_member(path):
    return next(name for name in members(path) if name.startswith("annual-reports/"))


def nothing_of_the_report():
    return not (
        ReportingPeriod.objects.exists()
        or AnnualReport.objects.exists()
        or AnnualReportFile.objects.exists()
    )


def test_a_report_file_changed_with_a_matching_manifest_is_refused(bundle, tmp_path):
    member = report_member(bundle)
    path = craft(bundle, tmp_path / "forged.zip", replace={member: FORGED})
    assert refused(path) == REPORT_FILE_ALTERED % {"member": member}
    assert nothing_of_the_report()


def test_a_report_file_changed_behind_the_manifest_is_refused(bundle, tmp_path):
    member = report_member(bundle)
    files = members(bundle)
    files[member] = FORGED
    path = tmp_path / "forged.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    assert refused(path) == DIGEST_MISMATCH % {"name": member}
    assert nothing_of_the_report()


def test_a_report_file_passed_off_as_another_language_is_refused(bundle, tmp_path):
    expected = report_member(bundle)
    found = expected.replace("/en.pdf", "/fr.pdf")

    def relabel(data):
        data["annual_reports"][0]["files"][0]["member"] = found

    path = craft(bundle, tmp_path / "relabelled.zip", data=relabel)
    params = {"index": 0, "file": 0, "expected": expected, "found": found}
    assert refused(path) == REPORT_FILE_MEMBER_MISMATCH % params
    assert nothing_of_the_report()


def test_an_annual_report_of_an_open_period_is_refused(bundle, tmp_path):
    def reopen(data):
        data["reporting_periods"][0]["state"] = "open"

    path = craft(bundle, tmp_path / "reopened.zip", data=reopen)
    assert refused(path) == REPORT_OF_OPEN_PERIOD % {"index": 0}
    assert nothing_of_the_report()


def test_the_untouched_bundle_restores_the_file_byte_for_byte(bundle):
    call_command("import_plan_bundle", str(bundle))
    stored = AnnualReportFile.objects.get()
    assert bytes(stored.content) == PDF
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
