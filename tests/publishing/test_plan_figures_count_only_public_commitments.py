"""Only what the public may see counts in the stored figures: never a draft or an
unpublished commitment, an internal one, a draft change, nor the commitments of an
unpublished or a view-restricted plan (on `/`, `/plans/`, the comparison and the API)."""

import pytest
from wagtail.models import PageViewRestriction

from plans import services
from plans.models import NationalPlanPage

from ..factories import AgencyFactory, CountryFactory, make_commitment, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(ke_plan, ke_police, ke_helpline, jo_plan, jo_police, kenya):
    public = make_commitment(ke_plan, ke_police, title="Public", progress=50)
    services.commitment_save_draft(actor=None, commitment=public, progress=100, status="completed")
    make_commitment(ke_plan, ke_helpline, title="Never published", progress=90, publish=False)
    make_commitment(ke_plan, ke_helpline, title="Internal", progress=90, is_internal=True)
    make_commitment(jo_plan, jo_police, title="Jordan's", progress=10)
    # Another Kenyan plan, never published, and Tanzania's behind a password.
    draft_plan = make_plan(kenya, start=2030, end=2034, publish=False)
    make_commitment(draft_plan, ke_police, title="In a draft plan", progress=90)
    tanzania = CountryFactory(code="tz", name="Tanzania", default_language="sw")
    tz_plan = make_plan(tanzania)
    make_commitment(tz_plan, AgencyFactory(country=tanzania), title="Restricted", progress=90)
    PageViewRestriction.objects.create(page=tz_plan, restriction_type="password", password="x")
    return {"ke": ke_plan, "jo": jo_plan, "tz": tz_plan}


def test_home_page_counts_public_commitments_of_published_plans_only(client, network):
    html = client.get("/").content.decode()
    # Kenya's one public commitment (50 %) and Jordan's (10 %): two, 30 % on average.
    assert '<span class="figure">2</span> published commitments' in html
    assert '<span class="figure nowrap">30%</span>' in html
    assert '<span class="figure">0</span> completed' in html
    assert "Tanzania" not in html and "2030-2034" not in html
    assert (
        "50% average progress of 1 published commitment" in client.get("/plans/").content.decode()
    )


def test_plan_index_lists_only_published_plans(client, network):
    html = client.get("/plans/").content.decode()
    assert html.count('class="plan-card"') == 2
    assert "Tanzania" not in html


def test_comparison_and_api_count_public_commitments_only(client, network, compare_csv):
    rows = compare_csv()
    assert {country for country, _number in rows} == {"Kenya", "Jordan"}
    assert rows[("Kenya", 4)]["public_commitments"] == "1"
    assert rows[("Kenya", 4)]["average_progress_percent"] == "50"
    assert rows[("Kenya", 11)]["public_commitments"] == "0"
    plans = client.get("/api/v1/plans/").json()["results"]
    assert {p["country"]: p["figures"]["commitments"] for p in plans} == {"ke": 1, "jo": 1}


def test_an_unpublished_commitment_stops_counting(client, ke_plan, ke_police, compare_csv):
    commitment = make_commitment(ke_plan, ke_police, title="Withdrawn later")
    assert compare_csv()[("Kenya", 4)]["public_commitments"] == "1"
    type(commitment).objects.get(pk=commitment.pk).unpublish()
    assert compare_csv()[("Kenya", 4)]["public_commitments"] == "0"
    assert "No commitment published yet." in client.get("/plans/").content.decode()


def test_an_unpublished_plan_leaves_the_overview(client, ke_plan, ke_police, jo_plan):
    make_commitment(ke_plan, ke_police, title="Kenya's")
    assert '<span class="figure">1</span> published commitment' in client.get("/").content.decode()
    NationalPlanPage.objects.get(pk=ke_plan.pk).unpublish()
    html = client.get("/").content.decode()
    assert ke_plan.title not in html and jo_plan.title in html
    assert "published commitment" not in html
