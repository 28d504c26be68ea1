"""A plan's results chain travels in its bundle: outcomes, their indicators and outputs
come back with new ids, commitments still deliver their output, and a draft of the chain
published after the import keeps the restored rows."""

import json

import pytest
from django.core.management import call_command

from plans import services
from plans.models import NationalPlanPage, PlanOutcome, PlanOutput

from ..factories import make_commitment
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

CHAIN = [
    {
        "title": "Offenders are prosecuted",
        "weight": 2,
        "indicators": [{"name": "Convictions", "baseline": 3, "baseline_year": 2024}],
        "outputs": [{"title": "Prosecutors trained"}, {"title": "Guidelines adopted"}],
    },
    {"title": "Children reach help", "outputs": [{"title": "Helpline open at night"}]},
]


def chain_of(data):
    return [
        (
            o["title"],
            o["weight"],
            [i["name"] for i in o["indicators"]],
            [(p["title"], len(p["commitments"]), p["progress"]) for p in o["outputs"]],
        )
        for o in data["outcomes"]
    ]


def test_results_chain_round_trips_through_a_bundle(client, tmp_path, ke_plan, ke_police):
    plan = services.plan_results_chain_set(
        actor=None, plan=ke_plan, goal="Safer online", outcomes=CHAIN, publish=True
    )
    trained = PlanOutput.objects.get(title="Prosecutors trained")
    make_commitment(plan, ke_police, title="Train prosecutors", output=trained, progress=30)
    # A draft of the chain, waiting for review, travels as a revision.
    services.plan_results_chain_set(
        actor=None, plan=plan, goal="Safer online, sooner", outcomes=[*CHAIN, {"title": "New"}]
    )
    before = json.loads(client.get(f"{plan.url}export.json").content)
    old_ids = set(PlanOutput.objects.values_list("pk", flat=True))
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not PlanOutcome.objects.exists()
    call_command("import_plan_bundle", str(path))

    restored = NationalPlanPage.objects.get(country__code="ke")
    after = json.loads(client.get(f"{restored.url}export.json").content)
    assert after["goal"] == "Safer online"
    assert chain_of(after) == chain_of(before)
    assert chain_of(after)[0][3][0] == ("Prosecutors trained", 1, 30)
    assert not old_ids & set(PlanOutput.objects.values_list("pk", flat=True))

    draft = restored.get_latest_revision_as_object()
    assert draft.goal == "Safer online, sooner"
    restored.latest_revision.publish(user=None, skip_permission_checks=True)
    published = json.loads(client.get(f"{restored.url}export.json").content)
    assert [o["title"] for o in published["outcomes"]][-1] == "New"
    assert PlanOutcome.objects.count() == 3
