"""Wagtail's read API answers odd parameters with a 400 and a message, never a 500."""

import pytest

from config.api import MAX_SQL_INTEGER, OFFSET_TOO_HIGH, SEARCH_OPERATOR_UNKNOWN, SEARCH_UNREADABLE

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"
TOO_BIG = str(MAX_SQL_INTEGER + 1)  # 9223372036854775808


@pytest.fixture
def api(client, ke_plan):
    client.raise_request_exception = False  # a 500 is a failed assertion, not an error
    return client


@pytest.mark.parametrize("search", ['"', 'online "safety', 'a"b', "\x00", "child\x00"])
def test_search_the_backend_cannot_parse_is_a_400(api, search):
    response = api.get(URL, {"search": search})
    assert response.status_code == 400
    assert response.json() == {"message": SEARCH_UNREADABLE}


def test_unknown_search_operator_is_a_400(api):
    response = api.get(URL, {"search": "national", "search_operator": "xor"})
    assert response.status_code == 400
    assert response.json() == {"message": SEARCH_OPERATOR_UNKNOWN}


@pytest.mark.parametrize("search", [" ", "\t", "\n"])
def test_blank_search_finds_nothing_as_an_empty_one_does(api, search):
    response = api.get(URL, {"search": search})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_words_and_apostrophes_still_search(api, ke_plan):
    for search, operator in (("national plan", "and"), ("Kenya's national", "or")):
        response = api.get(URL, {"search": search, "search_operator": operator})
        assert response.status_code == 200
        assert ke_plan.pk in {item["id"] for item in response.json()["items"]}


def test_offset_past_what_a_database_can_count_is_a_400(api):
    response = api.get(URL, {"offset": TOO_BIG})
    assert response.status_code == 400
    assert response.json() == {"message": OFFSET_TOO_HIGH}
    response = api.get(URL, {"offset": str(MAX_SQL_INTEGER)})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_huge_limit_is_a_400(api):
    response = api.get(URL, {"limit": TOO_BIG})
    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 20"}
