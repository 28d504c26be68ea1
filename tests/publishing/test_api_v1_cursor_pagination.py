"""The read API pages with cursors: `next` and `previous` links, every item once, in id
order, `page_size` up to its maximum; a forged cursor cannot reach hidden rows."""

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitments(ke_plan, ke_police):
    made = [make_commitment(ke_plan, ke_police, title=f"Commitment {n:02}") for n in range(7)]
    hidden = make_commitment(ke_plan, ke_police, title="Never published", publish=False)
    return made, hidden


def test_cursor_pages_list_every_public_commitment_once(client, commitments):
    made, _hidden = commitments
    seen, url, pages = [], "/api/v1/commitments/?page_size=3", 0
    while url:
        data = client.get(url).json()
        assert set(data) == {"next", "previous", "results"}
        assert "count" not in data  # a cursor page never counts the whole table
        assert len(data["results"]) <= 3
        seen += [item["id"] for item in data["results"]]
        url, pages = data["next"], pages + 1
    assert seen == [c.pk for c in made]
    assert pages == 3


def test_previous_goes_back(client, commitments):
    first = client.get("/api/v1/commitments/", {"page_size": 3}).json()
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [i["id"] for i in back["results"]] == [i["id"] for i in first["results"]]


def test_page_size_is_capped(client, commitments, settings):
    settings.API_MAX_PAGE_SIZE = 2
    data = client.get("/api/v1/commitments/", {"page_size": 1000}).json()
    assert len(data["results"]) == 2


def test_a_forged_cursor_is_refused(client, commitments):
    response = client.get("/api/v1/commitments/", {"cursor": "cD0tMQ=="})  # "p=-1"
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "Never published" not in response.content.decode()
    assert client.get("/api/v1/commitments/", {"cursor": "garbage"}).status_code == 404
