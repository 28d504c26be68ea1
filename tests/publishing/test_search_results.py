"""Search results a reader can use: how many, where each is from, a snippet with the
match, a country filter, results grouped by country, and word beginnings matched."""

import re

import pytest

from ..factories import AgencyFactory, make_commitment, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_countries(ke_plan, ke_police, jordan):
    make_commitment(
        ke_plan,
        ke_police,
        title="Agree a referral procedure with the police",
        description="Helplines and police agree when and how a case is referred, "
        "with a named contact in each county and a form that both use.",
    )
    make_commitment(ke_plan, ke_police, title="Train police investigators")
    jo_plan = make_plan(jordan)
    jo_police = AgencyFactory(country=jordan, name="Family Protection Department")
    make_commitment(jo_plan, jo_police, title="Open police family protection desks")
    return ke_plan, jo_plan


def search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_results_are_counted_grouped_by_country_and_say_their_plan(client, two_countries):
    ke_plan, jo_plan = two_countries
    html = search(client, q="police")
    assert "3 results for “police”" in html
    groups = re.findall(r'<h2 id="country-(\w+)">', html)
    assert groups == ["jo", "ke"]  # by country name: Jordan, Kenya
    kenya = html.split('id="country-ke"')[1]
    assert "(2 results)" in kenya
    assert f"<bdi>{ke_plan.title}</bdi>" in kenya


def test_a_snippet_shows_the_match(client, two_countries):
    html = search(client, q="county")
    assert "named contact in each <mark>county</mark>" in html
    assert "1 result for “county”" in html


def test_the_country_filter_narrows_the_results(client, two_countries):
    html = search(client, q="police", country="jo")
    assert "1 result for “police” in Jordan" in html
    assert "Open police family protection desks" in re.sub(r"</?mark>", "", html)
    assert 'id="country-ke"' not in html
    assert '<option value="jo" selected>Jordan</option>' in html
    # An unknown country is no filter.
    assert "3 results" in search(client, q="police", country="xx")


def test_the_beginning_of_a_word_is_enough(client, two_countries):
    html = search(client, q="refe")  # not a word form of "referral": only its beginning
    assert "Agree a <mark>referral</mark> procedure" in html
    assert "begin the same way" in html


def test_nothing_found_says_so(client, two_countries):
    html = search(client, q="zzyzx")
    assert "0 results for “zzyzx”" in html
    assert "Nothing published matches" in html
