"""/admin/findings/: the country's coordinator creates, edits and publishes findings; its
drafters read them; nobody of another country sees them, by listing or by URL."""

import pytest

from plans.models import Finding

from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db

SECRET = "KESECRET internal finding on police capacity"
# Wagtail's admin answers a refusal by sending the user back to the dashboard.
REFUSED = (302, 403, 404)


@pytest.fixture
def finding(kenya):
    return make_finding(kenya, title=SECRET, public=False)


def urls(finding):
    return {
        "edit": f"/admin/findings/edit/{finding.pk}/",
        "inspect": f"/admin/findings/inspect/{finding.pk}/",
        "delete": f"/admin/findings/delete/{finding.pk}/",
        "history": f"/admin/findings/history/{finding.pk}/",
    }


def test_a_drafter_of_another_country_sees_nothing(client, finding, jo_police):
    from ..factories import UserFactory, member

    jo_drafter = UserFactory(username="jo-drafter")
    member(jo_drafter, jo_police)
    client.force_login(jo_drafter)
    listing = client.get("/admin/findings/")
    assert listing.status_code in (200, 302, 403)
    assert SECRET not in listing.content.decode()
    for name, url in urls(finding).items():
        response = client.get(url)
        assert response.status_code in REFUSED, name
        if response.status_code == 302:
            assert response["Location"] == "/admin/", name
        assert SECRET not in response.content.decode()
    assert client.post(urls(finding)["delete"]).status_code in REFUSED
    assert Finding.objects.filter(pk=finding.pk).exists()


def test_a_coordinator_of_another_country_cannot_edit(client, finding, jo_coordinator):
    client.force_login(jo_coordinator)
    assert SECRET not in client.get("/admin/findings/").content.decode()
    refused = client.get(urls(finding)["edit"])
    assert refused.status_code in REFUSED and SECRET not in refused.content.decode()
    client.post(urls(finding)["edit"], {"title": "Changed"})
    assert Finding.objects.get(pk=finding.pk).title == SECRET


def test_a_drafter_of_the_country_reads_but_does_not_edit(client, finding, ke_police_drafter):
    client.force_login(ke_police_drafter)
    assert SECRET in client.get("/admin/findings/").content.decode()
    assert client.get(urls(finding)["inspect"]).status_code == 200
    assert client.get(urls(finding)["edit"]).status_code in (302, 403, 404)
    assert client.get("/admin/findings/new/").status_code in (302, 403)


def form(kenya, **changes):
    data = {
        "country": kenya.pk,
        "title": "No offence of grooming",
        "text": "The penal code does not define online grooming.",
        "source_kind": "legislative_review",
        "source_title": "Legislative review 2025",
        "source_url": "",
        "date": "2025-03-01",
        "severity": "high",
        "status": "open",
        "reason": "",
        "capabilities": [],
    }
    data.update(changes)
    return data


def test_the_coordinator_adds_edits_and_publishes(client, kenya, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.post("/admin/findings/new/", form(kenya))
    assert response.status_code == 302, response.content.decode()[:2000]
    finding = Finding.objects.get(title="No offence of grooming")
    assert finding.public is False  # internal until published
    response = client.post(f"/admin/findings/edit/{finding.pk}/", form(kenya, public="on"))
    assert response.status_code == 302
    assert Finding.objects.get(pk=finding.pk).public is True


def test_not_accepted_without_a_reason_is_refused_in_the_form(client, kenya, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.post("/admin/findings/new/", form(kenya, status="not_accepted"))
    assert response.status_code == 200
    assert "Say why the finding is not accepted." in response.content.decode()
    assert not Finding.objects.exists()


def test_the_commitment_form_offers_only_the_countrys_findings(
    client, ke_plan, jo_plan, ke_police, ke_coordinator
):
    from ..factories import make_commitment

    own = make_finding(ke_plan.country, title="Kenyan finding")
    make_finding(jo_plan.country, title="JOSECRET Jordanian finding", public=False)
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    page = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/").content.decode()
    assert own.title in page
    assert "JOSECRET" not in page
