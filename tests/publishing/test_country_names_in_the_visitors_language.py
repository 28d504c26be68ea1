"""Public pages name countries in the visitor's language (CLDR's names, Swahili too);
the exports keep the English name, which is data."""

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "kenya_name", "jordan_name"),
    [
        ("ar", "كينيا", "الأردن"),
        ("es", "Kenia", "Jordania"),
        ("sw", "Kenya", "Jordan"),
        ("fr", "Kenya", "Jordanie"),
    ],
)
def test_compare_and_plan_page_name_the_country_in_that_language(
    client, ke_plan, jo_plan, language, kenya_name, jordan_name
):
    path = jo_plan.url
    compare = client.get(f"/{language}/compare/").content.decode()
    assert f">{kenya_name}</a></th>" in compare
    assert f">{jordan_name}</a></th>" in compare
    page = client.get(f"/{language}{path}").content.decode()
    assert f'<p class="meta">{jordan_name} · ' in page


def test_english_pages_and_exports_keep_the_stored_name(client, jo_plan):
    path = jo_plan.url
    assert '<p class="meta">Jordan · ' in client.get(path).content.decode()
    exported = json.loads(client.get(f"/es{path}export.json").content)
    assert exported["country_name"] == "Jordan"
