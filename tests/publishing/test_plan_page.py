"""The public plan page: capability map, filters without JavaScript, constant queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Capability, Commitment
from publishing.selectors import PLAN_PAGE_COMMITMENTS

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_capability_map_shows_all_21_capabilities_and_coverage(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Train investigators")
    html = client.get(ke_plan.url).content.decode()
    assert html.count('class="covered"') == 3  # the plan's three sections
    assert html.count('class="not-covered"') == 18
    assert "21. Universal terminology" in html
    assert '<meter min="0" max="100" value="0">' in html


def test_filters_work_as_get_parameters(client, ke_plan, ke_police, ke_helpline):
    make_commitment(ke_plan, ke_police, title="Police work")
    make_commitment(ke_plan, ke_helpline, title="Helpline work", capability=11)
    html = client.get(ke_plan.url, {"agency": ke_helpline.pk}).content.decode()
    assert "Helpline work" in html and "Police work" not in html
    html = client.get(ke_plan.url, {"capability": 4}).content.decode()
    assert "Police work" in html and "Helpline work" not in html
    html = client.get(ke_plan.url, {"status": "completed", "agency": "junk"}).content.decode()
    assert "Police work" not in html and "Helpline work" not in html


def _bulk(plan, agency, count, start=0):
    capability = Capability.objects.get(number=4)
    Commitment.objects.bulk_create(
        Commitment(
            plan=plan, capability=capability, lead_agency=agency, title=f"Bulk {i:04d}", live=True
        )
        for i in range(start, start + count)
    )


def test_plan_page_query_count_is_the_same_at_10_and_1000(client, ke_plan, ke_police):
    _bulk(ke_plan, ke_police, 10)
    client.get(ke_plan.url)
    cache.clear()
    with CaptureQueriesContext(connection) as at_10:
        client.get(ke_plan.url)
    _bulk(ke_plan, ke_police, 990, start=10)
    # Bulk rows bypass publishing, so nothing invalidated the page: measure a fresh render.
    cache.clear()
    with CaptureQueriesContext(connection) as at_1000:
        response = client.get(ke_plan.url)
    # One page of commitments (the plan page is paginated; see test_plan_pagination.py).
    assert response.content.decode().count('class="commitment-title"') == PLAN_PAGE_COMMITMENTS
    print(f"plan page: {len(at_10)} queries at 10, {len(at_1000)} at 1000 commitments")
    assert len(at_1000) == len(at_10)
