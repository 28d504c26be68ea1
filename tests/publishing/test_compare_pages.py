"""/compare/ shows the countries a page at a time, so its default page does not grow with
the network; the CSV keeps every country."""

import pytest

from publishing import comparison
from tests.factories import CountryFactory, make_plan

pytestmark = pytest.mark.django_db

COUNTRIES = (("ke", "Kenya"), ("tz", "Tanzania"), ("ug", "Uganda"))


def test_compare_pages_countries_and_the_csv_keeps_them_all(client, monkeypatch):
    monkeypatch.setattr(comparison, "COMPARE_PAGE_SIZE", 2)
    for code, name in COUNTRIES:
        make_plan(CountryFactory(code=code, name=name))

    first = client.get("/compare/").content.decode()
    second = client.get("/compare/?page=2").content.decode()
    csv = client.get("/compare/export.csv").content.decode()

    shown_first = {name for _code, name in COUNTRIES if f">{name}</a></th>" in first}
    shown_second = {name for _code, name in COUNTRIES if f">{name}</a></th>" in second}
    assert len(shown_first) == 2 and len(shown_second) == 1
    assert shown_first | shown_second == {name for _code, name in COUNTRIES}
    assert "page 1 of 2" in first and 'href="?page=2"' in first
    assert all(name in csv for _code, name in COUNTRIES)
    assert client.get("/compare/?page=x").status_code == 200
