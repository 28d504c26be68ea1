"""A word found in more commitments than a page of results holds: the best matches are
kept and shown first, the page counts what it shows and says there are more, and the
beginnings of the words are not asked for (the words already filled the page)."""

import re

import pytest
from wagtail.search.backends import get_search_backend

from bench.data import fill_plan
from bench.network import index_plans
from publishing.search import RESULTS

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

BEST = "Strengthen helplines, strengthen referrals"


@pytest.fixture
def common_word(world, ke_police):
    # The best match is the oldest: kept only if the page ranks all matches, since the
    # newest come first among equals.
    make_commitment(
        world.plan,
        ke_police,
        title=BEST,
        description="Strengthen what exists before building anew.",
    )
    fill_plan(world, RESULTS + 10, updates_each=0)  # "strengthen" in every title
    index_plans([world])  # rows written in bulk are in no index until then
    return world


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return re.sub(r"</?mark>", "", response.content.decode())


def test_the_best_match_of_a_common_word_is_kept_and_shown_first(client, common_word):
    html = search(client, "strengthen")
    titles = re.findall(
        r'dir="auto">(Strengthen helplines[^<]*|Synthetic commitment[^<]*)</a>', html
    )
    assert titles[0] == BEST
    assert len(titles) == RESULTS


def test_a_full_page_is_counted_and_says_there_are_more(client, common_word):
    html = search(client, "strengthen")
    assert f"{RESULTS} results for “strengthen”" in html
    assert "Only the best matches are shown" in html


def test_word_beginnings_are_not_asked_for_when_the_words_filled_the_page(
    client, common_word, monkeypatch
):
    asked = []
    backend_class = type(get_search_backend())
    autocomplete = backend_class.autocomplete

    def recording(self, query, model_or_queryset, *args, **kwargs):
        asked.append(getattr(model_or_queryset, "model", model_or_queryset).__name__)
        return autocomplete(self, query, model_or_queryset, *args, **kwargs)

    monkeypatch.setattr(backend_class, "autocomplete", recording)
    search(client, "strengthen")
    # Plans: no plan has the word, so their beginnings are still looked for.
    assert asked == ["NationalPlanPage"]
    # A rarer word leaves room on the page: its beginnings are looked for too.
    asked.clear()
    search(client, "referrals")
    assert asked == ["NationalPlanPage", "Commitment"]
