"""Reporting periods, their period reports and the annual reports of the closed ones travel
in the country's bundle: states and reports come back as they were, each annual report's
snapshot is the same and its stored files are the same bytes, served at the plan's
`reports/<slug>.pdf`; nothing is made again on import."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command

from publishing import annual_report_files, annual_reports
from publishing.models import AnnualReport, AnnualReportFile
from tests.factories import open_period
from tracking.models import ReportingPeriod

from ..factories import make_commitment, make_update
from ..publishing.test_query_counts import _NoPdf
from .conftest import store_report_file
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

# The 2026 report's PDF as stored: bytes no renderer would make, so only a faithful copy
# can serve them back.
PDF_2026 = b"%PDF-1.7 the 2026 annual progress report of Kenya, as published\x00\xff"


@pytest.fixture
def periods(ke_plan, ke_police, ke_helpline):
    unit = make_commitment(ke_plan, ke_police, title="Open a cybercrime unit")
    hours = make_commitment(ke_plan, ke_helpline, title="Extend helpline hours", capability=11)
    y2025, y2026, y2027 = (open_period(ke_plan, year) for year in (2025, 2026, 2027))
    make_update(
        unit,
        status="delayed",
        progress=30,
        narrative="Procurement slipped.",
        reporting_date=datetime.date(2026, 1, 10),
        period=y2025,
        funding_spent=1500,
        publish=True,
    )
    make_update(
        hours,
        progress=50,
        narrative="Night shifts staffed.",
        reporting_date=datetime.date(2026, 1, 12),
        period=y2025,
        publish=True,
    )
    make_update(
        unit,
        progress=60,
        narrative="Unit staffed.",
        period=y2026,
        funding_spent="2750.50",
        publish=True,
    )
    # The open year: a period report still in draft, and an update between reports.
    make_update(unit, progress=70, narrative="Forensic lab ordered.", period=y2027)
    make_update(hours, progress=55, narrative="Between reports.", publish=True)
    with mock.patch("weasyprint.HTML", _NoPdf):
        first = annual_reports.period_close(actor=None, period=y2025)
        annual_report_files.build_files(first.pk)  # a stub PDF and the real spreadsheet
    second = annual_reports.period_close(actor=None, period=y2026)
    store_report_file(second, PDF_2026)  # its spreadsheet not made yet
    return ke_plan


def periods_of(code):
    return [
        {
            "period": (p.title, p.slug, p.starts_on, p.ends_on, p.deadline, p.state, p.closed_at),
            "opened_at": p.opened_at,
            "reports": sorted(
                (
                    r.commitment.title,
                    r.agency.acronym,
                    r.status,
                    r.progress,
                    r.narrative,
                    r.funding_spent,
                    r.reporting_date,
                    r.published_at is not None,
                )
                for r in p.reports.select_related("commitment", "agency")
            ),
        }
        for p in ReportingPeriod.objects.filter(plan__country__code=code).order_by("starts_on")
    ]


def reports_of(code):
    return {
        report.period.slug: {
            "snapshot": report.snapshot,
            "created_at": report.created_at,
            "files": {
                (f.language, f.kind): (bytes(f.content), f.sha256, f.created_at)
                for f in report.files.all()
            },
        }
        for report in AnnualReport.objects.filter(period__plan__country__code=code)
    }


def served(client, plan):
    return {
        name: client.get(f"{plan.url}reports/{name}")
        for name in ("2025.pdf", "2025.xlsx", "2026.pdf")
    }


def test_periods_period_reports_and_annual_reports_round_trip(client, tmp_path, periods):
    before = periods_of("ke")
    reports_before = reports_of("ke")
    served_before = served(client, periods)
    assert [row["period"][5] for row in before] == ["closed", "closed", "open"]
    assert {name: r.status_code for name, r in served_before.items()} == dict.fromkeys(
        served_before, 200
    )
    assert served_before["2026.pdf"].content == PDF_2026

    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not ReportingPeriod.objects.exists() and not AnnualReport.objects.exists()
    with mock.patch.object(annual_report_files, "build_files") as build:
        call_command("import_plan_bundle", str(path))
    build.assert_not_called()  # never made again

    assert periods_of("ke") == before
    assert reports_of("ke") == reports_before
    # The 2026 spreadsheet was not made before the bundle; the import does not make it.
    assert AnnualReportFile.objects.filter(report__period__slug="2026").count() == 1
    plan = ReportingPeriod.objects.get(slug="2025").plan
    after = served(client, plan)
    for name, response in served_before.items():
        assert after[name].status_code == 200
        assert after[name].content == response.content, name
        assert after[name]["Content-Type"] == response["Content-Type"]


def test_the_open_period_still_takes_period_reports_after_the_import(tmp_path, periods):
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    call_command("import_plan_bundle", str(path))

    y2027 = ReportingPeriod.objects.get(plan__country__code="ke", slug="2027")
    commitment = y2027.plan.commitments.get(title="Extend helpline hours")
    make_update(commitment, progress=80, narrative="Open all night.", period=y2027)
    assert y2027.reports.count() == 2
