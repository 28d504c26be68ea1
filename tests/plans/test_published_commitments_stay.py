"""A published commitment is part of the public record: coordinators cannot delete it (it
would vanish from the public site without review); a draft never published can go."""

import pytest

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/plans/commitment"


def test_coordinator_cannot_delete_a_published_commitment(
    client, ke_plan, ke_police, ke_coordinator
):
    commitment = make_commitment(ke_plan, ke_police, title="Published promise")
    client.force_login(ke_coordinator)
    assert client.get(f"{BASE}/delete/{commitment.pk}/").status_code in (302, 403)
    client.post(f"{BASE}/delete/{commitment.pk}/")
    assert Commitment.objects.filter(pk=commitment.pk, live=True).exists()
    listing = client.get(f"{BASE}/").content.decode()
    assert f"{BASE}/delete/{commitment.pk}/" not in listing


def test_coordinator_cannot_delete_one_that_was_published_then_unpublished(
    client, ke_plan, ke_police, ke_coordinator
):
    commitment = make_commitment(ke_plan, ke_police)
    commitment.unpublish()
    client.force_login(ke_coordinator)
    client.post(f"{BASE}/delete/{commitment.pk}/")
    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_coordinator_deletes_a_draft_never_published(client, ke_plan, ke_police, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police, publish=False)
    client.force_login(ke_coordinator)
    response = client.post(f"{BASE}/delete/{commitment.pk}/")
    assert response.status_code == 302
    assert not Commitment.objects.filter(pk=commitment.pk).exists()


def test_coordinator_cannot_bulk_delete_a_published_commitment(
    client, ke_plan, ke_police, ke_coordinator
):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    client.post(f"/admin/bulk/plans/commitment/delete/?id={commitment.pk}", {"confirm": "yes"})
    assert Commitment.objects.filter(pk=commitment.pk).exists()


def test_superuser_may_still_delete_a_published_commitment(client, ke_plan, ke_police, superuser):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(superuser)
    client.post(f"{BASE}/delete/{commitment.pk}/")
    assert not Commitment.objects.filter(pk=commitment.pk).exists()
