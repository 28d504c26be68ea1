"""A plan read by its results chain: outcomes, outputs and the public commitments that
deliver them, on the plan page and in export.json, with progress rolled up the chain."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans import services
from plans.models import Capability, Commitment, PlanOutput

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def capability(number):
    return Capability.objects.get(framework__code="MNR-2016", number=number)


@pytest.fixture
def chain(ke_plan, ke_police, ke_helpline):
    plan = services.plan_results_chain_set(
        actor=None,
        plan=ke_plan,
        goal="Children in Kenya are safer online",
        outcomes=[
            {
                "title": "Offenders are identified and prosecuted",
                "capability": capability(4),
                "weight": 3,
                "indicators": [
                    {
                        "name": "Cases referred to prosecution",
                        "level": "outcome",
                        "unit": "cases",
                        "baseline": 12,
                        "baseline_year": 2024,
                        "target": 60,
                        "target_year": 2029,
                        "data_source": "Police annual statistics",
                    }
                ],
                "outputs": [{"title": "Investigators trained", "weight": 1}],
            },
            {
                "title": "Children reach help",
                "outputs": [
                    {"title": "Helpline open day and night", "weight": 1},
                    {"title": "Helpline known in schools", "weight": 1},
                ],
            },
        ],
        publish=True,
    )
    outputs = {o.title: o for o in PlanOutput.objects.filter(outcome__plan=plan)}
    make_commitment(
        plan,
        ke_police,
        title="Train investigators",
        output=outputs["Investigators trained"],
        progress=40,
    )
    make_commitment(
        plan,
        ke_helpline,
        title="Night shifts",
        capability=11,
        output=outputs["Helpline open day and night"],
        progress=80,
    )
    make_commitment(
        plan,
        ke_helpline,
        title="A dropped idea",
        capability=11,
        output=outputs["Helpline open day and night"],
        progress=0,
        status=Commitment.Status.DROPPED,
    )
    make_commitment(
        plan,
        ke_helpline,
        title="School posters draft",
        capability=11,
        output=outputs["Helpline known in schools"],
        progress=100,
        publish=False,
    )
    make_commitment(plan, ke_police, title="Not in the chain", progress=10)
    return plan, outputs


def test_export_json_carries_the_chain(client, chain):
    plan, outputs = chain
    data = client.get(f"{plan.url}export.json").json()
    assert data["goal"] == "Children in Kenya are safer online"
    titles = {c["id"]: c["title"] for c in data["commitments"]}
    first, second = data["outcomes"]
    assert first["title"] == "Offenders are identified and prosecuted"
    assert first["capability"] == 4
    assert first["indicators"][0]["name"] == "Cases referred to prosecution"
    assert first["indicators"][0]["baseline_year"] == 2024
    assert first["indicators"][0]["target"] == "60.00"
    [trained] = first["outputs"]
    assert [titles[i] for i in trained["commitments"]] == ["Train investigators"]
    night, schools = second["outputs"]
    assert sorted(titles[i] for i in night["commitments"]) == ["A dropped idea", "Night shifts"]
    # The draft commitment is not public: its output has nothing under it yet.
    assert schools["commitments"] == []
    assert schools["progress"] is None


def test_progress_rolls_up_the_chain(client, chain):
    plan, _outputs = chain
    first, second = client.get(f"{plan.url}export.json").json()["outcomes"]
    assert first["outputs"][0]["progress"] == 40
    assert first["progress"] == 40
    # The dropped commitment is left out of its output; the empty output is not a 0 %.
    assert second["outputs"][0]["progress"] == 80
    assert second["progress"] == 80
    page = client.get(plan.url).content.decode()
    assert "Results chain" in page
    assert "Children in Kenya are safer online" in page
    # The goal: outcomes weighted 3 and 1, (40 * 3 + 80) / 4 = 50 %.
    assert "Progress along the chain:" in page
    assert 'value="50"' in page
    assert "School posters draft" not in page
    assert "No published commitment delivers this output yet." in page
    assert "One published commitment names no output yet." in page


def test_a_draft_chain_waits_for_the_plans_review(client, chain):
    plan, _outputs = chain
    services.plan_results_chain_set(
        actor=None, plan=plan, goal="A goal nobody approved", outcomes=[{"title": "Draft"}]
    )
    data = client.get(f"{plan.url}export.json").json()
    assert data["goal"] == "Children in Kenya are safer online"
    assert [o["title"] for o in data["outcomes"]][0] == "Offenders are identified and prosecuted"
    assert "A goal nobody approved" not in client.get(plan.url).content.decode()


def test_only_the_coordinators_set_the_chain(ke_plan, ke_police_drafter, ke_coordinator):
    with pytest.raises(PermissionDenied):
        services.plan_results_chain_set(actor=ke_police_drafter, plan=ke_plan, goal="x")
    services.plan_results_chain_set(actor=ke_coordinator, plan=ke_plan, goal="Ours")
    assert ke_plan.get_latest_revision_as_object().goal == "Ours"


def test_bad_chain_changes_nothing(ke_plan):
    with pytest.raises(ValidationError):
        services.plan_results_chain_set(
            actor=None,
            plan=ke_plan,
            goal="x",
            outcomes=[{"title": "Fine", "capability": capability(9)}],
        )
    with pytest.raises(ValidationError):
        services.plan_results_chain_set(
            actor=None,
            plan=ke_plan,
            goal="x",
            outcomes=[{"title": "Fine", "outputs": [{"title": " "}]}],
        )
    assert ke_plan.get_latest_revision_as_object().goal == ""


def test_a_commitment_cannot_deliver_another_plans_output(chain, jo_plan, jo_police):
    _plan, outputs = chain
    with pytest.raises(ValidationError) as refused:
        make_commitment(
            jo_plan, jo_police, title="Borrowed", output=outputs["Investigators trained"]
        )
    assert "output of another plan" in str(refused.value)
