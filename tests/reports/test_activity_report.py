"""Reports → Activity: every audited action of the coordinator's country (progress updates
from creation to approval, memberships, invitations, sign-ins of its people), never
another country's."""

import csv
import io

import pytest

from stakeholders import services as stakeholder_services
from stakeholders.models import Country, Membership
from tracking import services as tracking_services

from ..factories import PASSWORD, UserFactory, make_commitment, make_update, member

pytestmark = pytest.mark.django_db


def activity_rows(client):
    response = client.get("/admin/reports/activity/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [" | ".join(row) for row in csv.reader(io.StringIO(text))][1:]


def rows_with(rows, *words):
    return [row for row in rows if all(word in row for word in words)]


@pytest.fixture
def both_countries(
    client,
    kenya,
    ke_plan,
    ke_police,
    ke_police_drafter,
    ke_coordinator,
    jo_plan,
    jo_police,
    jo_coordinator,
):
    """The same kinds of work in Kenya (reviewing updates) and in Jordan."""
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    ke_work = make_commitment(ke_plan, ke_police, title="Kenyan police training")
    update = make_update(ke_work, actor=ke_police_drafter, narrative="Kenyan first draft")
    update.narrative = "Kenyan second draft"
    tracking_services.progress_update_submit(actor=ke_police_drafter, update=update)
    tracking_services.progress_update_approve(actor=ke_coordinator, update=update)
    deleted = make_update(ke_work, actor=ke_coordinator, progress=5, publish=True)
    tracking_services.progress_update_delete(actor=ke_coordinator, update=deleted)
    stakeholder_services.person_invite(
        actor=ke_coordinator, agency=ke_police, role=Membership.Role.DRAFTER, email="new@ke.example"
    )
    assert client.login(username=ke_police_drafter.username, password=PASSWORD)
    assert not client.login(username=ke_police_drafter.username, password="wrong password")

    jo_drafter = UserFactory(username="jo-drafter")
    member(jo_drafter, jo_police)
    jo_work = make_commitment(jo_plan, jo_police, title="Jordanian forensics")
    make_update(jo_work, actor=jo_drafter, publish=True)
    stakeholder_services.person_invite(
        actor=jo_coordinator, agency=jo_police, role=Membership.Role.DRAFTER, email="new@jo.example"
    )
    assert client.login(username="jo-drafter", password=PASSWORD)
    client.logout()
    return update


def test_coordinator_reads_every_audited_action_of_their_country(
    client, both_countries, ke_coordinator
):
    client.force_login(ke_coordinator)
    rows = activity_rows(client)
    update = str(both_countries)
    # The export names each action by its label (the page shows the message).
    for action, user in [
        ("Create", "ke-police-drafter"),
        ("Submit for review", "ke-police-drafter"),
        ("Approve", "ke-coord"),
        ("Publish", "ke-coord"),
        ("Delete", "ke-coord"),
    ]:
        assert rows_with(rows, "Kenyan police training", "Progress update", action, user), action
    assert rows_with(rows, update, "Submit for review")
    assert rows_with(rows, "new@ke.example", "Invite a person", "ke-coord")
    assert rows_with(rows, "ke-police-drafter", "User", "Sign in")
    assert rows_with(rows, "ke-police-drafter", "User", "Failed sign-in")
    html = client.get("/admin/reports/activity/").content.decode()
    assert "Invited new@ke.example" in html and "Submitted for review" in html


def test_nothing_of_another_country(client, both_countries, ke_coordinator):
    client.force_login(ke_coordinator)
    text = "\n".join(activity_rows(client))
    for secret in ("Jordanian forensics", "new@jo.example", "jo-drafter"):
        assert secret not in text
    html = client.get("/admin/reports/activity/").content.decode()
    assert "Jordanian forensics" not in html and "jo-drafter" not in html


def test_filtering_by_agency_keeps_its_people_and_updates(
    client, both_countries, ke_coordinator, ke_police, ke_helpline
):
    client.force_login(ke_coordinator)
    html = client.get("/admin/reports/activity/", {"agency": ke_police.pk}).content.decode()
    assert "Submitted for review" in html and "Signed in" in html
    html = client.get("/admin/reports/activity/", {"agency": ke_helpline.pk}).content.decode()
    assert "Submitted for review" not in html and "Signed in" not in html
