"""Filters show what matches: only the sections with a matching commitment, how many match
of how many, the filters named, a way to clear them, and the results at an anchor."""

import re

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

NO_COMMITMENT = "No published commitment yet."


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    make_commitment(ke_plan, ke_police, title="Train investigators", capability=4)
    make_commitment(ke_plan, ke_police, title="Equip a forensics lab", capability=4)
    make_commitment(ke_plan, ke_helpline, title="Answer the helpline", capability=11)
    make_commitment(ke_plan, ke_helpline, title="Use agreed terms", capability=21, status="delayed")
    return ke_plan


def section_headings(html):
    return re.findall(r"<h4><bdi>([^<]+)</bdi></h4>", html)


def test_a_capability_filter_lists_only_that_capability_and_says_how_many(client, plan):
    html = client.get(plan.url, {"capability": 11}).content.decode()
    assert section_headings(html) == ["11. Child helpline"]
    assert "Answer the helpline" in html
    assert "Train investigators" not in html.split('id="results"')[1]
    assert "1 of 4 commitments matches" in html
    assert "Capability: <bdi>11. Child helpline</bdi>" in html
    # Sections with commitments that only do not match are not said to have none.
    assert NO_COMMITMENT not in html


def test_filters_combine_and_every_one_is_named(client, plan, ke_police):
    html = client.get(plan.url, {"capability": 4, "agency": ke_police.pk}).content.decode()
    assert section_headings(html) == ["4. Dedicated law enforcement"]
    assert "2 of 4 commitments match" in html
    assert f"Agency: <bdi>{ke_police}</bdi>" in html
    html = client.get(plan.url, {"status": "delayed"}).content.decode()
    assert section_headings(html) == ["21. Universal terminology"]
    assert "Status: <bdi>Delayed</bdi>" in html


def test_nothing_matching_is_said_once(client, plan):
    html = client.get(plan.url, {"status": "completed"}).content.decode()
    assert section_headings(html) == []
    assert "0 of 4 commitments match" in html
    assert html.count("No published commitment matches these filters.") == 1
    assert NO_COMMITMENT not in html


def test_unfiltered_page_keeps_every_section_and_has_no_count(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Train investigators", capability=4)
    html = client.get(ke_plan.url).content.decode()
    assert len(section_headings(html)) == 3
    assert html.count(NO_COMMITMENT) == 2  # capabilities 11 and 21 really have none
    assert "commitments match" not in html and "Clear filters" not in html


def test_the_form_lands_on_the_results_and_filters_can_be_cleared(client, plan):
    html = client.get(plan.url, {"capability": 11}).content.decode()
    assert f'<form method="get" action="{plan.url}#results" class="filters">' in html
    assert 'id="results"' in html
    assert f'<a href="{plan.url}#commitments-h">Clear filters</a>' in html
    assert '<option value="overdue">Overdue</option>' in html
