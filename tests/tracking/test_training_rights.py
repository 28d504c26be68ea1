"""Who may report a training, through the admin's real URLs: the rights are those over
the progress update that reports it. The lead agency's drafter adds and edits the
trainings of their own updates, the country's coordinator too; a drafter of another
agency or of another country is refused and changes nothing."""

import datetime

import pytest
from django.utils import timezone

from stakeholders import services as stakeholder_services
from stakeholders.models import Country, Membership
from tracking.models import Training

from ..factories import UserFactory, member
from ..trainings_helpers import report_trainings, training, training_commitment

pytestmark = pytest.mark.django_db
ADD = "/admin/trainings/new/"


@pytest.fixture
def draft(ke_plan, ke_police, ke_police_drafter):
    commitment = training_commitment(ke_plan, ke_police)
    return report_trainings(
        commitment,
        training(title="Existing course"),
        actor=ke_police_drafter,
        publish=False,
    )


@pytest.fixture
def jo_drafter(jo_police):
    user = UserFactory(username="jo-police-drafter")
    member(user, jo_police, Membership.Role.DRAFTER)
    return user


def form(update, **overrides):
    day = timezone.localdate() - datetime.timedelta(days=7)
    data = {
        "update": update.pk,
        "title": "Online investigations, level 2",
        "starts_on": day.isoformat(),
        "ends_on": (day + datetime.timedelta(days=2)).isoformat(),
        "mode": "in_person",
        "curriculum": "",
        "trainers": "Police academy instructors",
        "city": "Nakuru",
        "pre_test_average": "",
        "post_test_average": "",
        "participants-TOTAL_FORMS": "2",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "1000",
        "participants-0-audience": "police",
        "participants-0-sex": "female",
        "participants-0-people": "9",
        "participants-1-audience": "police",
        "participants-1-sex": "male",
        "participants-1-people": "11",
    }
    data.update(overrides)
    return data


def test_lead_agency_drafter_adds_a_training_to_their_update(client, draft, ke_police_drafter):
    client.force_login(ke_police_drafter)
    assert client.get(f"{ADD}?update={draft.pk}").status_code == 200
    response = client.post(ADD, form(draft))
    assert response.status_code == 302, response.content.decode()[:2000]
    added = Training.objects.get(title="Online investigations, level 2")
    assert added.update == draft and added.people == 20


def test_drafter_of_another_country_cannot_add_to_it(client, draft, jo_drafter):
    client.force_login(jo_drafter)
    response = client.post(ADD, form(draft))
    assert response.status_code in (200, 403)
    assert not Training.objects.filter(title="Online investigations, level 2").exists()


def test_drafter_of_another_country_cannot_edit_or_delete(client, draft, jo_drafter):
    existing = draft.trainings.get()
    client.force_login(jo_drafter)
    edit = f"/admin/trainings/edit/{existing.pk}/"
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, form(draft, title="Hijacked"))
    client.post(f"/admin/trainings/delete/{existing.pk}/")
    assert Training.objects.get(pk=existing.pk).title == "Existing course"
    assert client.get("/admin/trainings/").content.decode().count("Existing course") == 0


def test_drafter_of_another_agency_cannot_edit(client, draft, ke_helpline_drafter):
    existing = draft.trainings.get()
    client.force_login(ke_helpline_drafter)
    client.post(f"/admin/trainings/edit/{existing.pk}/", form(draft, title="Hijacked"))
    assert Training.objects.get(pk=existing.pk).title == "Existing course"


def test_coordinator_edits_a_training_of_their_country(client, draft, ke_coordinator):
    existing = draft.trainings.get()
    client.force_login(ke_coordinator)
    response = client.post(f"/admin/trainings/edit/{existing.pk}/", form(draft, title="Renamed"))
    assert response.status_code == 302
    assert Training.objects.get(pk=existing.pk).title == "Renamed"


def test_published_update_of_a_reviewing_country_is_the_coordinators_only(
    client, kenya, draft, ke_police_drafter, ke_coordinator
):
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    from tracking import services

    services.progress_update_submit(actor=ke_police_drafter, update=draft)
    services.progress_update_approve(actor=ke_coordinator, update=draft)
    existing = draft.trainings.get()
    client.force_login(ke_police_drafter)
    client.post(f"/admin/trainings/edit/{existing.pk}/", form(draft, title="Changed unreviewed"))
    assert Training.objects.get(pk=existing.pk).title == "Existing course"


def test_editing_a_training_of_a_submitted_update_takes_it_back_to_a_draft(
    client, kenya, draft, ke_police_drafter
):
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    from tracking import services

    services.progress_update_submit(actor=ke_police_drafter, update=draft)
    existing = draft.trainings.get()
    client.force_login(ke_police_drafter)
    response = client.post(f"/admin/trainings/edit/{existing.pk}/", form(draft, title="Fixed"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.is_submitted and not draft.is_published
