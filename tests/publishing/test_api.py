"""Wagtail's read API: published plans only, with live commitments only."""

import pytest

from plans import services

from ..factories import make_commitment, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(ke_plan, jordan, ke_police):
    live = make_commitment(ke_plan, ke_police, title="Train investigators")
    services.commitment_save_draft(actor=None, commitment=live, title="SECRET draft title")
    make_commitment(ke_plan, ke_police, title="SECRET never published", publish=False)
    return ke_plan, make_plan(jordan, publish=False)


def test_listing_shows_published_plans_only(client, plans):
    published, draft = plans
    response = client.get("/api/v2/pages/", {"type": "plans.NationalPlanPage"})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert published.pk in ids and draft.pk not in ids
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_plan_detail_has_live_commitments_only(client, plans):
    published, _draft = plans
    data = client.get(f"/api/v2/pages/{published.pk}/").json()
    assert data["country_code"] == "ke"
    titles = [c["title"] for c in data["public_commitments"]]
    assert titles == ["Train investigators"]
    assert "SECRET" not in str(data)
