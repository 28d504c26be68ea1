"""The cache's fast path: an anonymous hit on a cached public page is answered from the
cache alone, with the headers of the full response, and never outlives an invalidation."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from publishing import caching

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Train investigators")


def test_a_seen_hit_costs_no_query_and_has_the_same_headers(
    client, django_assert_num_queries, ke_plan, commitment
):
    client.get(ke_plan.url)  # miss: rendered and cached
    full = client.get(ke_plan.url)  # hit through Wagtail: remembered for the fast path
    with django_assert_num_queries(0):
        fast = client.get(ke_plan.url)
    assert fast["X-Cache"] == "hit" and fast.content == full.content
    for header in ("Content-Type", "Cache-Control", "Vary", "Content-Language", "X-Frame-Options"):
        assert fast[header] == full[header], header
    assert int(fast["Content-Length"]) == len(fast.content)


def test_commitment_pages_and_translations_too(
    client, django_assert_num_queries, ke_plan, commitment
):
    for url in (f"{ke_plan.url}commitments/{commitment.pk}/", f"/ar/plans/{ke_plan.slug}/"):
        client.get(url)
        client.get(url)
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response.status_code == 200 and response["X-Cache"] == "hit"
    assert 'lang="ar"' in response.content.decode()


def test_an_invalidation_takes_the_full_path_again(client, ke_plan, commitment):
    client.get(ke_plan.url)
    client.get(ke_plan.url)
    caching.invalidate_plan(ke_plan.pk)
    assert client.get(ke_plan.url)["X-Cache"] == "miss"


def test_a_view_restriction_applies_at_once(client, ke_plan, commitment):
    client.get(ke_plan.url)
    client.get(ke_plan.url)
    restriction = PageViewRestriction.objects.create(
        page=ke_plan, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    response = client.get(ke_plan.url)
    assert response.status_code != 200 or "Train investigators" not in response.content.decode()


def test_logged_in_users_and_query_strings_take_the_full_path(
    client, ke_plan, commitment, ke_coordinator
):
    client.get(ke_plan.url)
    client.get(ke_plan.url)
    assert client.get(ke_plan.url, {"status": "on_track"})["X-Cache"] == "miss"
    client.force_login(ke_coordinator)
    response = client.get(ke_plan.url)
    assert "X-Cache" not in response and "private" in response["Cache-Control"]


def test_changing_a_site_takes_the_full_path_again(client, ke_plan, commitment):
    from wagtail.models import Site

    client.get(ke_plan.url)
    client.get(ke_plan.url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed"
    site.save()
    assert client.get(ke_plan.url)["X-Cache"] == "miss"
