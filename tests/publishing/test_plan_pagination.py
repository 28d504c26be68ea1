"""The public plan page shows commitments a page at a time, so its cost does not grow
with the plan; every commitment is on exactly one page, under its capability section."""

import re

import pytest

from plans.models import Capability, Commitment
from publishing.selectors import PLAN_PAGE_COMMITMENTS

pytestmark = pytest.mark.django_db


def _bulk(plan, agency, count, capability=4, status=Commitment.Status.NOT_STARTED):
    capability = Capability.objects.get(number=capability)
    return Commitment.objects.bulk_create(
        Commitment(
            plan=plan,
            capability=capability,
            lead_agency=agency,
            title=f"Bulk {capability.number:02d}-{i:04d}",
            live=True,
            status=status,
        )
        for i in range(count)
    )


def _walk(client, url, query=""):
    """Commitment ids and section headings of every page, following the page numbers."""
    ids, sections, number = [], [], 1
    while True:
        response = client.get(f"{url}?{query}page={number}")
        if response.status_code == 404:
            return ids, sections, number - 1
        html = response.content.decode()
        ids += [int(i) for i in re.findall(r"commitments/(\d+)/", html)]
        sections.append(re.findall(r"<h4>(?:<bdi>)?([^<]+)", html))
        number += 1


def test_every_commitment_is_on_exactly_one_page(client, ke_plan, ke_police):
    created = _bulk(ke_plan, ke_police, 70, capability=4)
    created += _bulk(ke_plan, ke_police, 40, capability=21)
    ids, sections, pages = _walk(client, ke_plan.url)
    assert pages == -(-110 // PLAN_PAGE_COMMITMENTS)
    assert sorted(ids) == sorted(c.pk for c in created)
    # Capability 11 has no commitment: its section is where it falls, between 4 and 21.
    assert any("11." in s for s in sections[1]) and not any("11." in s for s in sections[0])
    assert any("4." in s for s in sections[0]) and any("21." in s for s in sections[-1])


def test_page_past_the_end_is_404_and_nonsense_is_the_first(client, ke_plan, ke_police):
    _bulk(ke_plan, ke_police, 3)
    assert client.get(ke_plan.url, {"page": 2}).status_code == 404
    first = client.get(ke_plan.url).content.decode()
    assert 'class="pagination"' not in first  # one page: no page links
    for junk in ("abc", "0", "-3"):
        response = client.get(ke_plan.url, {"page": junk})
        assert response.status_code == 200
        assert response.content.decode().count("Bulk ") == first.count("Bulk ")


def test_page_links_keep_the_filters(client, ke_plan, ke_police):
    _bulk(ke_plan, ke_police, PLAN_PAGE_COMMITMENTS + 5, status=Commitment.Status.ON_TRACK)
    _bulk(ke_plan, ke_police, 5, capability=11, status=Commitment.Status.DELAYED)
    html = client.get(ke_plan.url, {"status": "on_track"}).content.decode()
    # Each page of results opens at the results (#results), not at the top of the plan.
    assert 'href="?status=on_track&amp;page=2#results" rel="next"' in html
    assert f"1–{PLAN_PAGE_COMMITMENTS} of {PLAN_PAGE_COMMITMENTS + 5}" in html
    ids, _sections, pages = _walk(client, ke_plan.url, "status=on_track&")
    assert pages == 2 and len(set(ids)) == PLAN_PAGE_COMMITMENTS + 5


def test_each_page_is_cached_on_its_own(client, ke_plan, ke_police):
    _bulk(ke_plan, ke_police, PLAN_PAGE_COMMITMENTS + 1)
    assert client.get(ke_plan.url)["X-Cache"] == "miss"
    assert client.get(ke_plan.url, {"page": 2})["X-Cache"] == "miss"
    assert client.get(ke_plan.url, {"page": 2})["X-Cache"] == "hit"
    assert client.get(ke_plan.url, {"page": 1})["X-Cache"] == "hit"  # the same as no page
