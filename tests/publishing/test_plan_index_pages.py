"""The plan index shows each plan's figures a page of plans at a time (at 150 countries a
page of all of them grew with the network); the home page still links every plan."""

import pytest

from publishing import selectors

from ..factories import CountryFactory, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_plans(ke_plan, jo_plan, monkeypatch):
    monkeypatch.setattr(selectors, "PLANS_PAGE_SIZE", 2)
    return [ke_plan, jo_plan, make_plan(CountryFactory(code="pe", name="Peru"))]


def test_the_index_pages_the_plans_and_the_home_page_links_every_one(client, three_plans):
    first = client.get("/plans/").content.decode()
    second = client.get("/plans/?page=2").content.decode()
    assert first.count('class="plan-card"') == 2
    assert second.count('class="plan-card"') == 1
    assert "Countries, page 1 of 2" in first and 'href="?page=2" rel="next"' in first
    assert "Countries, page 2 of 2" in second and 'href="?page=1" rel="prev"' in second
    # Every plan on exactly one page of the index, and all of them on the home page.
    home = client.get("/").content.decode()
    for plan in three_plans:
        assert (plan.title in first) != (plan.title in second)
        assert f'href="{plan.url}"' in home
    assert 'href="/plans/"' in home


def test_a_page_beyond_the_last_shows_the_last(client, three_plans):
    html = client.get("/plans/?page=99").content.decode()
    assert "Countries, page 2 of 2" in html
    assert html.count('class="plan-card"') == 1


def test_one_page_of_plans_has_no_page_navigation(client, ke_plan, jo_plan):
    html = client.get("/plans/").content.decode()
    assert html.count('class="plan-card"') == 2
    assert "Countries, page" not in html
