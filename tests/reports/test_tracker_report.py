"""The commitment tracker report: filters, scoping, and spreadsheet export."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
URL = "/admin/reports/tracker/"


@pytest.fixture
def commitments(ke_plan, jo_plan, ke_police, ke_helpline, jo_police):
    late = make_commitment(ke_plan, ke_police, title="Late police work")
    Commitment.objects.filter(pk=late.pk).update(due_date=datetime.date(2020, 1, 1))
    make_commitment(ke_plan, ke_helpline, title="Helpline work", capability=11)
    make_commitment(jo_plan, jo_police, title="Jordan work")


def test_coordinator_filters_overdue_and_by_agency(
    client, commitments, ke_coordinator, ke_helpline
):
    client.force_login(ke_coordinator)
    html = client.get(URL).content.decode()
    assert "Late police work" in html and "Helpline work" in html
    assert "Jordan work" not in html
    html = client.get(URL, {"overdue": "true"}).content.decode()
    assert "Late police work" in html and "Helpline work" not in html
    html = client.get(URL, {"lead_agency": ke_helpline.pk}).content.decode()
    assert "Helpline work" in html and "Late police work" not in html


def test_csv_and_xlsx_exports_are_valid(client, commitments, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.get(URL, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["Title"] for row in rows} == {"Late police work", "Helpline work"}
    response = client.get(URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "Late police work" in values and "Jordan work" not in values


def test_drafter_sees_only_what_they_may_view(client, commitments, ke_helpline_drafter):
    client.force_login(ke_helpline_drafter)
    html = client.get(URL).content.decode()
    assert "Helpline work" in html
    assert "Late police work" not in html
