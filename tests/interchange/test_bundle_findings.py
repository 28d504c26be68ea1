"""The findings register travels in a country's bundle, internal findings included, and
commitments come back linked to the findings they answer (live and draft)."""

import json

import pytest
from django.core.management import call_command

from plans import services as plan_services
from plans.models import Commitment, Finding, NationalPlanPage

from ..factories import make_commitment
from ..findings_helpers import make_finding
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


def test_findings_and_their_links_round_trip(client, tmp_path, ke_plan, ke_police):
    answered = make_finding(ke_plan.country, title="No grooming offence", capabilities=(3, 4))
    make_finding(ke_plan.country, title="Internal note on police capacity", public=False)
    later = make_finding(ke_plan.country, title="No hotline", status="not_accepted", reason="Out")
    commitment = make_commitment(
        ke_plan, ke_police, title="Draft a grooming bill", findings=[answered]
    )
    plan_services.commitment_save_draft(
        actor=None, commitment=commitment, findings=[answered, later]
    )
    before = json.loads(client.get(f"{ke_plan.url}export.json").content)

    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not Finding.objects.exists()
    call_command("import_plan_bundle", str(path))

    restored = {f.title: f for f in Finding.objects.filter(country__code="ke")}
    assert set(restored) == {
        "No grooming offence",
        "Internal note on police capacity",
        "No hotline",
    }
    assert restored["Internal note on police capacity"].public is False
    assert restored["No hotline"].reason == "Out"
    assert sorted(c.number for c in restored["No grooming offence"].capabilities.all()) == [3, 4]

    commitment = Commitment.objects.get(title="Draft a grooming bill")
    assert list(commitment.findings.all()) == [restored["No grooming offence"]]
    draft = commitment.get_latest_revision_as_object()
    assert {f.title for f in draft.findings.all()} == {"No grooming offence", "No hotline"}

    plan = NationalPlanPage.objects.get(country__code="ke")
    after = json.loads(client.get(f"{plan.url}export.json").content)
    assert [f["title"] for f in after["findings"]] == [f["title"] for f in before["findings"]]
    assert after["commitments"][0]["findings"] == [restored["No grooming offence"].pk]
