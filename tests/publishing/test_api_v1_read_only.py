"""The read API is read-only: every write is 405, for anonymous and signed-in clients
alike, and changes nothing."""

import pytest

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

ENDPOINTS = ("plans", "commitments", "indicators", "progress-updates")


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(
        ke_plan, ke_police, title="Train investigators", indicators=[{"name": "Trained"}]
    )


def _urls(ke_plan, commitment):
    ids = {
        "plans": ke_plan.pk,
        "commitments": commitment.pk,
        "indicators": commitment.indicators.get().pk,
        "progress-updates": None,
    }
    for endpoint in ENDPOINTS:
        yield f"/api/v1/{endpoint}/"
        if ids[endpoint]:
            yield f"/api/v1/{endpoint}/{ids[endpoint]}/"


@pytest.mark.parametrize("signed_in", [False, True])
def test_writes_are_405(client, ke_plan, commitment, ke_coordinator, signed_in):
    if signed_in:
        client.force_login(ke_coordinator)
    body = {"title": "Changed through the API"}
    for url in _urls(ke_plan, commitment):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(url, body, content_type="application/json")
            assert response.status_code == 405, (method, url, response.status_code)
    assert client.post("/api/schema/").status_code == 405
    assert Commitment.objects.get(pk=commitment.pk).title == "Train investigators"


def test_options_and_head_are_allowed(client, commitment):
    response = client.options("/api/v1/commitments/")
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert client.head("/api/v1/commitments/").status_code == 200
