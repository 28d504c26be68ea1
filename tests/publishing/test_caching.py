"""Public pages and exports are cached, and publishing anything shown on them refreshes
them at once."""

from unittest import mock

import pytest

from plans import services
from plans.models import Commitment
from publishing import pdf
from tracking import services as tracking_services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Train investigators")


def publish_new_title(commitment, title):
    services.commitment_save_draft(actor=None, commitment=commitment, title=title)
    Commitment.objects.get(pk=commitment.pk).get_latest_revision().publish()


def test_anonymous_visitors_get_a_cached_page_a_cdn_may_keep(client, ke_plan, commitment):
    first = client.get(ke_plan.url)
    second = client.get(ke_plan.url)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control


@pytest.mark.parametrize(
    "suffix", ["", "export.csv", "export.json", "export.iati.xml", "export.pdf"]
)
def test_publishing_a_commitment_refreshes_page_and_exports(client, ke_plan, commitment, suffix):
    url = f"{ke_plan.url}{suffix}"
    client.get(url)
    publish_new_title(commitment, "Train investigators and prosecutors")
    response = client.get(url)
    if suffix == "export.pdf":
        from .test_exports import pdf_text

        text = pdf_text(response)
    else:
        text = response.content.decode("utf-8")
    assert "Train investigators and prosecutors" in text


def test_unpublishing_a_commitment_removes_it_at_once(client, ke_plan, commitment):
    assert "Train investigators" in client.get(f"{ke_plan.url}export.csv").content.decode()
    Commitment.objects.get(pk=commitment.pk).unpublish()
    assert "Train investigators" not in client.get(f"{ke_plan.url}export.csv").content.decode()
    assert "Train investigators" not in client.get(ke_plan.url).content.decode()
    assert client.get(f"{ke_plan.url}commitments/{commitment.pk}/").status_code == 404


def test_unpublishing_the_plan_removes_page_and_exports(client, ke_plan, commitment):
    client.get(ke_plan.url)
    client.get(f"{ke_plan.url}export.json")
    home = client.get("/").content.decode()
    assert ke_plan.title in home
    ke_plan.unpublish()
    assert client.get(ke_plan.url).status_code == 404
    assert client.get(f"{ke_plan.url}export.json").status_code == 404
    assert ke_plan.title not in client.get("/").content.decode()


def test_a_published_progress_update_refreshes_the_page(client, ke_plan, commitment):
    assert "57%" not in client.get(ke_plan.url).content.decode()
    tracking_services.progress_update_create(
        actor=None,
        commitment=commitment,
        status=Commitment.Status.ON_TRACK,
        progress=57,
        narrative="Two courses held.",
        publish=True,
    )
    assert "57%" in client.get(ke_plan.url).content.decode()


def test_renaming_an_agency_refreshes_every_page(client, ke_plan, commitment, ke_police):
    from stakeholders import services as stakeholder_services

    client.get(ke_plan.url)
    ke_police.name = "Renamed Police Unit"
    stakeholder_services.agency_save(actor=None, agency=ke_police)
    assert "Renamed Police Unit" in client.get(ke_plan.url).content.decode()


def test_editors_are_never_served_from_the_shared_cache(client, ke_plan, ke_coordinator):
    client.get(ke_plan.url)
    client.force_login(ke_coordinator)
    response = client.get(ke_plan.url)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_unknown_query_parameters_share_one_cache_entry(client, ke_plan, commitment):
    client.get(ke_plan.url, {"utm_source": "a"})
    assert client.get(ke_plan.url, {"utm_source": "b"})["X-Cache"] == "hit"
    filtered = client.get(ke_plan.url, {"status": "on_track"})
    assert filtered["X-Cache"] == "miss"
    assert "Train investigators" not in filtered.content.decode().split("commitments-h")[1]


def test_the_pdf_is_built_once_until_the_plan_changes(client, ke_plan, commitment):
    with mock.patch.object(pdf, "render_plan_pdf", wraps=pdf.render_plan_pdf) as render:
        client.get(f"{ke_plan.url}export.pdf")
        client.get(f"{ke_plan.url}export.pdf")
        assert render.call_count == 1
        publish_new_title(commitment, "Train investigators and prosecutors")
        client.get(f"{ke_plan.url}export.pdf")
        assert render.call_count == 2


def test_with_a_worker_the_first_reader_is_asked_to_come_back(client, ke_plan, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with mock.patch("publishing.tasks.build_plan_pdf.apply_async") as delay:
        response = client.get(f"{ke_plan.url}export.pdf")
        client.get(f"{ke_plan.url}export.pdf")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "being prepared" in response.content.decode()
    assert delay.call_count == 1, "a second reader does not queue a second build"
