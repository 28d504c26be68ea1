"""The API's lists read which plans are published at each request: a plan unpublished or
put behind a view restriction takes its commitments, indicators, progress updates and
trainings out of every list and detail at once, and another country's stay listed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from bench.data import World, fill_plan
from plans.models import NationalPlanPage

from ..factories import AgencyFactory, make_plan

pytestmark = pytest.mark.django_db

LISTS = ("commitments", "indicators", "progress-updates", "trainings")


@pytest.fixture
def two_plans(client, settings, world, jordan):
    settings.API_THROTTLE_RATE = "10000/minute"
    jo_plan = make_plan(jordan)
    jo_agencies = [AgencyFactory(country=jordan, name=f"Jordan agency {n}") for n in range(2)]
    jordan_world = World(
        country=jordan, plan=jo_plan, agencies=jo_agencies, coordinator=None, drafters=[]
    )
    # Every fifth a training, so each list has something of each plan.
    ke_ids = fill_plan(world, 5, updates_each=2)
    jo_ids = fill_plan(jordan_world, 5, start=5, updates_each=2)
    return world.plan, set(ke_ids), set(jo_ids)


def listed_commitments(client):
    """The commitments each list's rows belong to."""
    found = {}
    for endpoint in LISTS:
        response = client.get(f"/api/v1/{endpoint}/", {"page_size": 200})
        assert response.status_code == 200, endpoint
        rows = response.json()["results"]
        found[endpoint] = {
            row["id"] if endpoint == "commitments" else row["commitment"] for row in rows
        }
    return found


def assert_listed(client, *, shown, hidden=()):
    """Each list has rows of every plan in `shown` (sets of commitment ids) and none of
    `hidden`."""
    for endpoint, found in listed_commitments(client).items():
        for ids in shown:
            assert found & ids, endpoint
        assert not found & set(hidden), endpoint


def test_both_plans_are_listed_while_published(client, two_plans):
    _ke_plan, ke_ids, jo_ids = two_plans
    assert_listed(client, shown=[ke_ids, jo_ids])


def test_an_unpublished_plan_leaves_every_list(client, two_plans):
    ke_plan, ke_ids, jo_ids = two_plans
    assert_listed(client, shown=[ke_ids, jo_ids])
    NationalPlanPage.objects.get(pk=ke_plan.pk).unpublish()
    assert_listed(client, shown=[jo_ids], hidden=ke_ids)
    for pk in ke_ids:
        assert client.get(f"/api/v1/commitments/{pk}/").status_code == 404


def test_a_view_restricted_plan_leaves_every_list(client, two_plans):
    ke_plan, ke_ids, jo_ids = two_plans
    restriction = PageViewRestriction.objects.create(
        page=ke_plan, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Insiders"))
    assert_listed(client, shown=[jo_ids], hidden=ke_ids)
