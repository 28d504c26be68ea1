"""Reports → Terminology findings: per plan, for that country's coordinators and reviewers."""

import pytest

from tracking import services as tracking_services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

URL = "/admin/reports/terminology/"


@pytest.fixture
def findings(ke_plan, jo_plan, ke_police, jo_police):
    make_commitment(
        ke_plan,
        ke_police,
        title="Kenyan commitment",
        publish=False,
        description="Identify child pornography.",
    )
    kenyan = make_commitment(ke_plan, ke_police, title="Kenyan published commitment")
    tracking_services.progress_update_create(
        actor=None,
        commitment=kenyan,
        status="on_track",
        progress=10,
        narrative="We trained staff on online grooming.",
    )
    make_commitment(
        jo_plan, jo_police, title="Jordanian commitment", publish=False, description="sextortion"
    )


@pytest.mark.parametrize("user", ["ke_coordinator", "ke_reviewer"])
def test_country_users_see_their_plans_findings_only(client, request, findings, user):
    client.force_login(request.getfixturevalue(user))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kenyan commitment" in html
    assert "child pornography" in html
    assert "child sexual abuse material (CSAM)" in html
    assert "grooming" in html  # a progress update's care term
    assert "Jordanian commitment" not in html
    assert "sextortion" not in html


def test_superuser_filters_by_plan(client, superuser, findings, jo_plan):
    client.force_login(superuser)
    html = client.get(URL, {"plan": jo_plan.pk}).content.decode()
    assert "Jordanian commitment" in html
    assert "Kenyan commitment" not in html


def test_drafter_has_no_report(client, findings, ke_police_drafter):
    client.force_login(ke_police_drafter)
    assert client.get(URL).status_code == 302
    assert URL not in client.get("/admin/").content.decode()
