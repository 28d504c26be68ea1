"""A training is public only once the progress update that reports it is published: a
draft's, a submitted or a returned update's trainings are on no public page, export,
API endpoint nor /compare/, and count in no people-trained figure; approving the update
makes them public."""

import json

import pytest

from stakeholders import services as stakeholder_services
from stakeholders.models import Country
from tracking import services

from ..trainings_helpers import report_trainings, training, training_commitment

pytestmark = pytest.mark.django_db

DRAFT = "Zqdraftcourse"
SUBMITTED = "Zqsubmittedcourse"
PUBLISHED = "Published course"


@pytest.fixture
def world(kenya, ke_plan, ke_police, ke_police_drafter, ke_coordinator):
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    commitment = training_commitment(ke_plan, ke_police, targets={"police": 100})
    report_trainings(commitment, training(title=PUBLISHED, participants={"police": 10}))
    report_trainings(
        commitment,
        training(title=DRAFT, participants={"police": 777}),
        actor=ke_police_drafter,
        publish=False,
    )
    submitted = report_trainings(
        commitment,
        training(title=SUBMITTED, participants={"judges": 555}),
        actor=ke_police_drafter,
        publish=True,  # Kenya reviews updates: this submits it
    )
    assert submitted.is_submitted and not submitted.is_published
    return {"commitment": commitment, "submitted": submitted, "plan": ke_plan}


def _public_texts(client, plan, commitment):
    urls = [
        plan.url,
        f"{plan.url}commitments/{commitment.pk}/",
        f"{plan.url}export.json",
        f"{plan.url}export.csv",
        "/compare/",
        "/api/v1/trainings/",
        f"/api/v1/commitments/{commitment.pk}/",
        "/api/v1/progress-updates/",
        "/ar/compare/",
    ]
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = response.content.decode()
    return texts


def test_unpublished_trainings_are_nowhere_public(client, world):
    for url, text in _public_texts(client, world["plan"], world["commitment"]).items():
        for hidden in (DRAFT, SUBMITTED, "777", "555", "Judges"):
            assert hidden not in text, (url, hidden)


def test_unpublished_trainings_count_in_no_figure(client, world):
    commitment, plan = world["commitment"], world["plan"]
    data = json.loads(client.get(f"{plan.url}export.json").content)
    row = next(c for c in data["commitments"] if c["id"] == commitment.pk)
    assert [t["title"] for t in row["trainings"]] == [PUBLISHED]
    assert row["people_trained"] == [{"audience": "police", "target": 100, "trained": 10}]
    api = client.get(f"/api/v1/commitments/{commitment.pk}/").json()
    assert api["training"]["people_trained"] == [{"audience": "police", "people": 10}]
    assert client.get("/api/v1/trainings/").json()["results"][0]["title"] == PUBLISHED
    assert len(client.get("/api/v1/trainings/").json()["results"]) == 1


def test_approving_the_update_makes_its_trainings_public(client, world, ke_coordinator):
    services.progress_update_approve(actor=ke_coordinator, update=world["submitted"])
    page = f"{world['plan'].url}commitments/{world['commitment'].pk}/"
    texts = _public_texts(client, world["plan"], world["commitment"])
    assert SUBMITTED in texts[page]
    assert SUBMITTED in texts["/api/v1/trainings/"]
    assert DRAFT not in texts["/api/v1/trainings/"]


def test_a_training_api_detail_of_a_draft_is_not_found(client, world):
    draft = world["commitment"].progress_updates.get(published_at__isnull=True, submitted_at=None)
    assert client.get(f"/api/v1/trainings/{draft.trainings.get().pk}/").status_code == 404
