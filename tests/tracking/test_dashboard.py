"""Dashboard panels show each role its tracking, at a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Capability, Commitment

pytestmark = pytest.mark.django_db


def bulk_commitments(plan, agency, count, start=0):
    capability = Capability.objects.get(number=4)
    Commitment.objects.bulk_create(
        [
            Commitment(
                plan=plan,
                capability=capability,
                lead_agency=agency,
                title=f"Bulk commitment {i:04d}",
                live=True,
                progress=i % 100,
                due_date=datetime.date(2020, 1, 1) if i % 7 == 0 else datetime.date(2030, 1, 1),
            )
            for i in range(start, start + count)
        ]
    )


def dashboard_queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("user_fixture", ["ke_police_drafter", "ke_coordinator"])
def test_dashboard_query_count_is_the_same_at_10_and_500(
    client, request, ke_plan, ke_police, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    bulk_commitments(ke_plan, ke_police, 10)
    client.get("/admin/")
    at_10, _html = dashboard_queries(client)
    bulk_commitments(ke_plan, ke_police, 490, start=10)
    at_500, html = dashboard_queries(client)
    print(f"dashboard for {user_fixture}: {at_10} queries at 10, {at_500} at 500 commitments")
    assert at_500 == at_10


def test_drafter_sees_their_agencys_commitments_with_overdue_flag(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter
):
    bulk_commitments(ke_plan, ke_police, 8)
    bulk_commitments(ke_plan, ke_helpline, 1, start=100)
    client.force_login(ke_police_drafter)
    html = client.get("/admin/").content.decode()
    assert "My agency&#x27;s commitments" in html or "My agency's commitments" in html
    assert "Bulk commitment 0001" in html
    assert "Bulk commitment 0100" not in html
    assert "overdue" in html


def test_coordinator_sees_progress_by_capability_chart_and_overdue(
    client, ke_plan, ke_police, ke_coordinator
):
    bulk_commitments(ke_plan, ke_police, 10)
    client.force_login(ke_coordinator)
    html = client.get("/admin/").content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "4. Dedicated law enforcement" in html
    assert "Bulk commitment 0000" in html  # due in 2020: overdue


def test_other_country_coordinator_sees_nothing_of_kenya(
    client, ke_plan, ke_police, jo_coordinator, jo_plan
):
    bulk_commitments(ke_plan, ke_police, 5)
    client.force_login(jo_coordinator)
    assert "Bulk commitment" not in client.get("/admin/").content.decode()
