"""Drafters read their country's plan in the admin; nobody reads another country's."""

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_drafter_reads_own_countrys_plan_overview(client, ke_plan, ke_police, ke_police_drafter):
    make_commitment(ke_plan, ke_police, title="Police work")
    client.force_login(ke_police_drafter)
    index = client.get("/admin/plans/overview/")
    assert index.status_code == 200
    assert ke_plan.title in index.content.decode()
    response = client.get(f"/admin/plans/overview/{ke_plan.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Objective for capability 11" in html
    assert "Police work" in html


def test_overview_lists_only_commitments_the_user_may_see(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter
):
    make_commitment(ke_plan, ke_helpline, title="Helpline private work")
    client.force_login(ke_police_drafter)
    html = client.get(f"/admin/plans/overview/{ke_plan.pk}/").content.decode()
    assert "Helpline private work" not in html


def test_other_country_cannot_read_the_overview(client, ke_plan, jo_coordinator):
    client.force_login(jo_coordinator)
    assert client.get(f"/admin/plans/overview/{ke_plan.pk}/").status_code == 302
    assert ke_plan.title not in client.get("/admin/plans/overview/").content.decode()


def test_anonymous_is_sent_to_login(client, ke_plan):
    response = client.get(f"/admin/plans/overview/{ke_plan.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
