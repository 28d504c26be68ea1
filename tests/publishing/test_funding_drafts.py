"""A draft revision's funding lines are not public until that revision is published;
then the public pages and exports show them (and the plan's figures follow)."""

import json
from decimal import Decimal

import pytest

from plans import services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(ke_plan, ke_police):
    return make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        estimated_cost=Decimal("10000"),
        currency="KES",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        funding_lines=[
            {"source": "national_budget", "state": "secured", "year": 2026, "amount": 1000}
        ],
    )


def public_views(client, plan, commitment):
    page = client.get(plan.url).content.decode()
    detail = client.get(f"{plan.url}commitments/{commitment.pk}/").content.decode()
    data = json.loads(client.get(f"{plan.url}export.json").content)
    return page, detail, data["commitments"][0]["funding"]


def test_draft_funding_lines_wait_for_publication(client, ke_plan, live):
    services.commitment_save_draft(
        actor=None,
        commitment=live,
        funding_lines=[
            {"source": "national_budget", "state": "secured", "year": 2026, "amount": 1000},
            {
                "source": "partner",
                "partner": "Draftpartnerword",
                "state": "secured",
                "year": 2027,
                "amount": 4000,
            },
        ],
    )
    page, detail, funding = public_views(client, ke_plan, live)
    assert "Draftpartnerword" not in page + detail + json.dumps(funding)
    assert funding["secured"] == "1000.00" and funding["gap"] == "9000.00"
    assert "9,000" in page  # the plan's gap still from the live version

    Commitment.objects.get(pk=live.pk).get_latest_revision().publish()
    page, detail, funding = public_views(client, ke_plan, live)
    assert "Draftpartnerword" in detail
    assert funding["secured"] == "5000.00" and funding["gap"] == "5000.00"
    assert "5,000" in page


def test_funding_lines_are_part_of_the_revision(ke_plan, live):
    services.commitment_save_draft(
        actor=None,
        commitment=live,
        funding_lines=[{"source": "other", "state": "pledged", "year": 2028, "amount": 7}],
    )
    commitment = Commitment.objects.get(pk=live.pk)
    draft = commitment.get_latest_revision_as_object()
    assert [(ln.source, ln.year) for ln in draft.funding_lines.all()] == [("other", 2028)]
    assert [(ln.source, ln.year) for ln in commitment.funding_lines.all()] == [
        ("national_budget", 2026)
    ]
