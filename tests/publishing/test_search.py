"""Public search finds published plans and live commitments, never draft text."""

import re

import pytest

from plans import services

from ..factories import make_commitment, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(ke_plan, jordan, ke_police):
    live = make_commitment(ke_plan, ke_police, title="Forensics laboratory for investigators")
    services.commitment_save_draft(
        actor=None, commitment=live, title="Forensics laboratory zanzibarsecret"
    )
    make_commitment(ke_plan, ke_police, title="Forensics zanzibarsecret unpublished", publish=False)
    make_plan(jordan, start=2031, end=2035, publish=False)
    return live


def results(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def text_of(html):
    """What a reader sees: the matched words are marked up (<mark>)."""
    return re.sub(r"<[^>]+>", "", html)


def test_search_finds_live_commitments_and_published_plans(client, content, ke_plan):
    html = results(client, "forensics")
    assert "Forensics laboratory for investigators" in text_of(html)
    assert f"{ke_plan.url}commitments/{content.pk}/" in html
    assert ke_plan.title in text_of(results(client, "Kenya"))


def test_search_never_returns_drafts(client, content):
    html = results(client, "zanzibarsecret")
    # The page says the visitor's words back, and nothing else with them.
    assert "0 results for “zanzibarsecret”" in html
    assert "zanzibarsecret" not in html.split("</form>")[1].replace("“zanzibarsecret”", "")
    assert "Jordan national plan 2031" not in results(client, "Jordan")


def test_empty_search_shows_the_form(client):
    html = results(client, "")
    assert 'type="search"' in html
