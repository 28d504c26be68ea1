"""The plan page's "Annual progress reports": a link to each closed period's report (PDF
and spreadsheet), the open period's deadline, and nothing the public may not see."""

import pytest

from plans import services as plan_services
from publishing import annual_reports
from tests.factories import make_commitment, make_update, open_period
from tests.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db


def test_closed_periods_are_linked_and_the_open_one_says_its_deadline(client, ke_plan):
    annual_reports.period_close(actor=None, period=open_period(ke_plan, 2025))
    open_period(ke_plan, 2026)
    page = client.get(ke_plan.url).content.decode()
    assert "Annual progress reports" in page
    assert f'href="{ke_plan.url}reports/2025.pdf"' in page
    assert f'href="{ke_plan.url}reports/2025.xlsx"' in page
    assert "reports/2026.pdf" not in page
    assert "The 2026 reporting period is open" in page and "31 January 2027" in page
    assert client.get(f"{ke_plan.url}reports/2026.pdf").status_code == 404


def test_a_plan_without_closed_periods_says_so(client, ke_plan):
    assert b"No reporting period of this plan has closed yet." in client.get(ke_plan.url).content


def test_the_report_holds_no_draft_commitment_nor_an_internal_budget(
    client, ke_plan, ke_police, ke_helpline
):
    period = open_period(ke_plan, 2025)
    published = make_commitment(
        ke_plan, ke_police, title="Published work", estimated_cost=1000
    )  # its budget internal, as every budget starts
    make_commitment(ke_plan, ke_helpline, title="A draft nobody approved", publish=False)
    draft_change = plan_services.commitment_save_draft(
        actor=None, commitment=published, title="An unapproved new title"
    )
    assert draft_change.has_unpublished_changes
    make_update(published, period=period, funding_spent=250, publish=True)
    report = annual_reports.period_close(actor=None, period=period)
    content = report.snapshot["content"]["en"]
    titles = [c["title"] for s in content["capabilities"] for c in s["commitments"]]
    assert titles == ["Published work"]
    (entry,) = content["capabilities"][0]["commitments"]
    assert entry["funding"] is None and entry["funding_spent"] is None
    assert content["funding"] is None
    text = pdf_text(client.get(f"{ke_plan.url}reports/2025.pdf").content)
    assert "Published work" in text
    assert "A draft nobody approved" not in text and "unapproved" not in text
    assert "250" not in text
