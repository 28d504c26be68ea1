"""Reference data is readable by every admin user and changeable by superusers only."""

import pytest
from django.urls import reverse

from plans.models import Capability

pytestmark = pytest.mark.django_db


def test_drafter_can_read_capabilities_but_not_change_them(client, ke_police_drafter):
    capability = Capability.objects.get(number=11)
    client.force_login(ke_police_drafter)

    listing = client.get(reverse("capabilities:index"))
    assert listing.status_code == 200
    assert "Child helpline" in listing.content.decode()

    assert client.get(reverse("capabilities:inspect", args=[capability.pk])).status_code == 200
    assert client.get(reverse("capabilities:edit", args=[capability.pk])).status_code == 302
    response = client.post(
        reverse("capabilities:edit", args=[capability.pk]),
        {
            "framework": capability.framework_id,
            "domain": capability.domain_id,
            "number": 11,
            "name": "Renamed",
            "description": "x",
        },
    )
    assert response.status_code == 302
    capability.refresh_from_db()
    assert capability.name == "Child helpline"
    assert client.get(reverse("capabilities:add")).status_code == 302


def test_superuser_can_change_a_capability(client, superuser):
    capability = Capability.objects.get(number=21)
    client.force_login(superuser)
    response = client.post(
        reverse("capabilities:edit", args=[capability.pk]),
        {
            "framework": capability.framework_id,
            "domain": capability.domain_id,
            "number": 21,
            "name": "Universal terminology",
            "description": "Updated description.",
        },
    )
    assert response.status_code == 302
    capability.refresh_from_db()
    assert capability.description == "Updated description."


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("capabilities:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
