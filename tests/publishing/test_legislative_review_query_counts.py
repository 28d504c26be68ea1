"""/compare/, its legislative review CSV and a plan page cost the same number of queries
with 2 and with 6 countries' published reviews (each with pending bills)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import AssessmentStatus
from publishing import caching

from ..factories import CountryFactory, make_plan
from ..legislation_helpers import make_review

pytestmark = pytest.mark.django_db

CODES = ("ke", "jo", "pe", "ph", "tz", "ug")
STATUSES = (AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET)


def add_countries(codes):
    plans = []
    for k, code in enumerate(codes):
        plan = make_plan(CountryFactory(code=code, name=f"Country {code}"))
        make_review(
            plan.country,
            statuses={"isp-reporting": STATUSES[k % 3], "online-grooming": STATUSES[(k + 1) % 3]},
            bills=[
                {"title": f"Bill {code} {n}", "stage": "tabled", "criteria": ["isp-reporting"]}
                for n in range(2)
            ],
        )
        plans.append(plan)
    return plans


def _queries(client, url):
    client.get(url)  # warm Django's own caches (content types), as a running site has them
    caching.invalidate_everything()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def counts(client, plan):
    urls = {
        "compare": "/compare/",
        "compare legislation csv": "/compare/legislation.csv",
        "plan page": plan.url,
    }
    return {name: _queries(client, url) for name, url in urls.items()}


def test_legislative_review_query_counts_do_not_grow_with_the_countries(client):
    plans = add_countries(CODES[:2])
    few = counts(client, plans[0])
    add_countries(CODES[2:])
    many = counts(client, plans[0])
    print("queries, 2 and 6 countries:", {k: (few[k], many[k]) for k in few})
    assert many == few
