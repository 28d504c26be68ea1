"""The public commitment page: its live version and published progress, nothing else."""

import datetime

import pytest

from plans import services as plan_services
from tracking import services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    plan_services.commitment_save_draft(actor=None, commitment=commitment, title="SECRET draft")
    for days, text, publish in (
        (60, "First courses held.", True),
        (30, "SECRET unpublished", False),
    ):
        services.progress_update_create(
            actor=ke_police_drafter,
            commitment=commitment,
            status="on_track",
            progress=25,
            narrative=text,
            reporting_date=datetime.date.today() - datetime.timedelta(days=days),
            publish=publish,
        )
    return commitment


def test_commitment_page_shows_live_version_and_published_updates(client, ke_plan, commitment):
    response = client.get(f"{ke_plan.url}commitments/{commitment.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Train investigators" in html
    assert "First courses held." in html
    assert "SECRET" not in html


def test_plan_page_links_to_its_commitments(client, ke_plan, commitment):
    html = client.get(ke_plan.url).content.decode()
    assert f"{ke_plan.url}commitments/{commitment.pk}/" in html


def test_unpublished_or_foreign_commitment_is_404(client, ke_plan, jo_plan, ke_police, jo_police):
    never = make_commitment(ke_plan, ke_police, title="never", publish=False)
    foreign = make_commitment(jo_plan, jo_police, title="foreign")
    assert client.get(f"{ke_plan.url}commitments/{never.pk}/").status_code == 404
    assert client.get(f"{ke_plan.url}commitments/{foreign.pk}/").status_code == 404
