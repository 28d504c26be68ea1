"""Funding lines travel in plan bundles: the live lines and those of a draft revision come
back, and publishing that revision after the import keeps the restored lines' rows."""

import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from plans import services as plan_services
from plans.models import Commitment, FundingLine, NationalPlanPage

from ..factories import make_commitment
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


def lines_of(commitment):
    return [
        (ln.source, ln.partner, ln.state, ln.year, ln.amount)
        for ln in commitment.funding_lines.order_by("sort_order", "pk")
    ]


def test_funding_lines_round_trip_through_a_bundle(client, tmp_path, ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        estimated_cost=Decimal("900"),
        currency="KES",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        funding_lines=[
            {"source": "national_budget", "state": "secured", "year": 2026, "amount": 100},
            {
                "source": "partner",
                "partner": "UNICEF",
                "state": "pledged",
                "year": 2027,
                "amount": 50,
            },
        ],
    )
    plan_services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        funding_lines=[
            *commitment.funding_lines.all(),
            FundingLine(source="other", state="secured", year=2028, amount=Decimal("25")),
        ],
    )
    before = lines_of(Commitment.objects.get(pk=commitment.pk))
    export_before = json.loads(client.get(f"{ke_plan.url}export.json").content)["commitments"]
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not FundingLine.objects.exists()
    call_command("import_plan_bundle", str(path))

    restored = Commitment.objects.get(title="Train investigators")
    assert lines_of(restored) == before
    plan = NationalPlanPage.objects.get(country__code="ke")
    export_after = json.loads(client.get(f"{plan.url}export.json").content)["commitments"]
    assert export_after[0]["funding"] == export_before[0]["funding"]

    kept = set(restored.funding_lines.values_list("pk", flat=True))
    draft = restored.get_latest_revision_as_object()
    assert [ln.year for ln in draft.funding_lines.all()] == [2026, 2027, 2028]
    restored.latest_revision.publish(user=None, skip_permission_checks=True)
    published = Commitment.objects.get(pk=restored.pk)
    assert kept <= set(published.funding_lines.values_list("pk", flat=True))
    assert published.funding_lines.count() == 3
