"""The read API's filters: country, capability, plan, status (or `overdue`), overdue, and
changed since; on commitments, and through their commitment on indicators and updates."""

import datetime

import pytest
from django.utils import timezone

from plans.models import Commitment

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db

PAST = datetime.date(2020, 1, 31)


@pytest.fixture
def commitments(ke_plan, ke_police, ke_helpline, jo_plan, jo_police):
    late = make_commitment(
        ke_plan,
        ke_police,
        title="Late one",
        due_date=PAST,
        start_date=datetime.date(2019, 1, 1),
        indicators=[{"name": "Late indicator", "target": 10}],
    )
    done = make_commitment(
        ke_plan,
        ke_helpline,
        title="Done one",
        capability=11,
        due_date=PAST,
        status=Commitment.Status.COMPLETED,
    )
    open_ = make_commitment(jo_plan, jo_police, title="Jordan one", capability=21)
    make_update(late, narrative="Late report", status="delayed", progress=20, publish=True)
    make_update(open_, narrative="Jordan report", publish=True)
    return {"late": late, "done": done, "jordan": open_}


def titles(client, params, endpoint="commitments"):
    response = client.get(f"/api/v1/{endpoint}/", params)
    assert response.status_code == 200, response.content
    return sorted(
        item.get("title") or item.get("name") or item["narrative"]
        for item in response.json()["results"]
    )


def test_country(client, commitments):
    assert titles(client, {"country": "ke"}) == ["Done one", "Late one"]
    assert titles(client, {"country": "JO"}) == ["Jordan one"]
    assert titles(client, {"country": "pe"}) == []


def test_capability_and_plan(client, commitments, jo_plan):
    assert titles(client, {"capability": 11}) == ["Done one"]
    assert titles(client, {"plan": jo_plan.pk}) == ["Jordan one"]


def test_status_and_overdue(client, commitments):
    assert titles(client, {"status": "delayed"}) == ["Late one"]
    assert titles(client, {"status": "overdue"}) == ["Late one"]
    assert titles(client, {"overdue": "true"}) == ["Late one"]
    # A completed commitment past its due date is not overdue, nor one with no due date.
    assert titles(client, {"overdue": "false"}) == ["Done one", "Jordan one"]


def test_updated_since(client, commitments):
    assert titles(client, {"updated_since": "2000-01-01"}) == ["Done one", "Jordan one", "Late one"]
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    assert titles(client, {"updated_since": future}) == []
    # Publishing a progress update changes the commitment (its status and progress).
    now = timezone.now()
    make_update(
        commitments["done"],
        narrative="Closing report",
        status="completed",
        progress=100,
        publish=True,
    )
    assert titles(client, {"updated_since": now.isoformat()}) == ["Done one"]
    assert titles(client, {"updated_since": now.isoformat()}, "progress-updates") == [
        "Closing report"
    ]
    assert titles(client, {"updated_since": now.isoformat()}, "plans") == []


def test_indicators_and_updates_take_the_commitment_filters(client, commitments):
    assert titles(client, {"country": "ke"}, "progress-updates") == ["Late report"]
    assert titles(client, {"status": "overdue"}, "progress-updates") == ["Late report"]
    assert titles(client, {"commitment": commitments["jordan"].pk}, "progress-updates") == [
        "Jordan report"
    ]
    assert titles(client, {"overdue": "true"}, "indicators") == ["Late indicator"]
    assert titles(client, {"country": "jo"}, "indicators") == []


def test_plans_by_country_and_status(client, commitments, ke_plan):
    assert titles(client, {"country": "ke"}, "plans") == [ke_plan.title]
    assert titles(client, {"status": "adopted"}, "plans") == []
    assert titles(client, {"status": ke_plan.plan_status}, "plans") == sorted(
        [ke_plan.title, "Jordan national plan 2025-2029"]
    )


@pytest.mark.parametrize(
    "params",
    [
        {"status": "finished"},
        {"overdue": "perhaps"},
        {"capability": "four"},
        {"updated_since": "yesterday"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_a_bad_value_is_a_400_or_404_naming_it(client, commitments, params):
    response = client.get("/api/v1/commitments/", params)
    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/json"
    if response.status_code == 400:
        assert set(response.json()) == set(params)
