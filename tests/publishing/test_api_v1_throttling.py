"""Anonymous clients of the read API are throttled per address: beyond `API_THROTTLE_RATE`
they get 429 with Retry-After, counted in the cache; Wagtail's /api/v2/ is not."""

import pytest

pytestmark = pytest.mark.django_db


def test_too_many_requests_get_429(client, ke_plan, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/plans/").status_code == 200
    response = client.get("/api/v1/commitments/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    # The schema and the docs page count too.
    assert client.get("/api/schema/").status_code == 429


def test_each_address_has_its_own_allowance(client, ke_plan, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    assert client.get("/api/v1/plans/", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/api/v1/plans/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/plans/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_forwarded_for_does_not_reset_the_count(client, ke_plan, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    assert client.get("/api/v1/plans/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get("/api/v1/plans/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_signing_in_changes_nothing(client, ke_plan, settings, ke_coordinator):
    settings.API_THROTTLE_RATE = "1/minute"
    client.force_login(ke_coordinator)
    assert client.get("/api/v1/plans/").status_code == 200
    assert client.get("/api/v1/plans/").status_code == 429


def test_wagtail_pages_api_keeps_working(client, ke_plan, settings):
    settings.API_THROTTLE_RATE = "1/minute"
    for _ in range(3):
        response = client.get("/api/v2/pages/", {"type": "plans.NationalPlanPage"})
        assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [ke_plan.pk]
