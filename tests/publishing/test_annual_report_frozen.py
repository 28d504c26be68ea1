"""Closing a reporting period freezes its annual progress report: later edits of the plan
never change the published report, its figures or its files."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from plans import services as plan_services
from publishing.models import AnnualReport
from tests.factories import make_commitment, make_update, open_period
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def period(ke_plan, ke_coordinator):
    return open_period(ke_plan, 2025, actor=ke_coordinator)


@pytest.fixture
def reported(ke_plan, ke_police, ke_helpline, period):
    late = make_commitment(
        ke_plan, ke_police, title="Open a cybercrime unit", due_date=datetime.date(2025, 6, 30)
    )
    make_commitment(ke_plan, ke_helpline, title="Extend helpline hours", capability=11)
    make_update(
        late,
        status="delayed",
        progress=30,
        narrative="Procurement of forensic equipment slipped to 2026.",
        reporting_date=datetime.date(2026, 1, 15),
        period=period,
        funding_spent=1500,
        publish=True,
    )
    return late


def close(client, user, period):
    client.force_login(user)
    return client.post(f"/admin/reporting-periods/{period.pk}/close/")


def test_closing_freezes_the_report_its_files_and_its_figures(
    client, ke_plan, ke_coordinator, period, reported
):
    close(client, ke_coordinator, period)
    report = AnnualReport.objects.get(period=period)
    snapshot = report.snapshot
    pdf = client.get(f"{ke_plan.url}reports/2025.pdf")
    xlsx = client.get(f"{ke_plan.url}reports/2025.xlsx")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert xlsx.status_code == 200

    # The plan goes on: the late commitment is renamed and reported on again.
    renamed = plan_services.commitment_save_draft(
        actor=None, commitment=reported, title="Open a national cybercrime unit"
    )
    renamed.latest_revision.publish()
    make_update(reported, status="completed", progress=100, narrative="Unit opened.", publish=True)

    report.refresh_from_db()
    assert report.snapshot == snapshot
    again = client.get(f"{ke_plan.url}reports/2025.pdf")
    assert again.content == pdf.content
    assert client.get(f"{ke_plan.url}reports/2025.xlsx").content == xlsx.content
    content = snapshot["content"]["en"]
    late = next(c for s in content["capabilities"] for c in s["commitments"] if c["overdue"])
    assert late["title"] == "Open a cybercrime unit"
    assert late["status"] == "delayed" and late["progress"] == 30


def test_a_report_of_a_closed_period_cannot_be_changed_or_deleted(
    client, ke_plan, ke_coordinator, ke_police_drafter, period, reported
):
    close(client, ke_coordinator, period)
    update = reported.progress_updates.get()
    for user in (ke_coordinator, ke_police_drafter):
        client.force_login(user)
        edit = client.get(f"/admin/progress_updates/edit/{update.pk}/", follow=True)
        assert b"This reporting period is closed" in edit.content or edit.status_code == 403
        client.post(f"/admin/progress_updates/delete/{update.pk}/")
    update.refresh_from_db()
    assert update.narrative.startswith("Procurement")


def test_the_report_lists_every_commitment_of_the_period(
    client, ke_plan, ke_coordinator, period, reported
):
    close(client, ke_coordinator, period)
    content = AnnualReport.objects.get(period=period).snapshot["content"]["en"]
    titles = {c["title"]: c for s in content["capabilities"] for c in s["commitments"]}
    assert set(titles) == {"Open a cybercrime unit", "Extend helpline hours"}
    assert titles["Extend helpline hours"]["reported"] is False
    assert content["summary"] == {**content["summary"], "total": 2, "reported": 1, "overdue": 1}
    overdue = content["overdue"][0]
    assert overdue["reason"] == "Procurement of forensic equipment slipped to 2026."
    assert overdue["days_late"] == 184

    book = load_workbook(io.BytesIO(client.get(f"{ke_plan.url}reports/2025.xlsx").content))
    rows = list(book["Commitments"].iter_rows(min_row=2, values_only=True))
    assert {row[2] for row in rows} == set(titles)
    pdf = client.get(f"{ke_plan.url}reports/2025.pdf").content
    text = pdf_text(pdf)
    for title in titles:
        assert title in text
    assert "period report not filed" in text
