"""An outcome or output the plan's published results chain lacks is a problem with its row
and column that says what to do; nothing is written, and the dry run says the same."""

import pytest

from interchange.importing.checking import (
    CHAIN_NOT_PUBLISHED,
    OUTCOME_UNKNOWN,
    OUTPUT_AMBIGUOUS,
    OUTPUT_MISSING,
    OUTPUT_NOT_UNDER_OUTCOME,
    OUTPUT_UNKNOWN,
)
from interchange.services import plan_import
from plans import services as plan_services
from plans.models import Commitment, NationalPlanPage

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = "activity,actors,capability,outcome,output"
ADD = (
    "Add it in the plan's “Results chain” panel first (edit the plan page); once the plan's "
    "review publishes that revision, upload the file again."
)
GOOD = "Train investigators,AHTCPU,4,,Investigators trained"


def places(result):
    return {(p.row, p.column): p.message for p in result.problems}


@pytest.mark.parametrize("dry_run", [True, False])
def test_unknown_output_is_a_problem_of_its_cell_and_nothing_is_written(ke_chain_plan, dry_run):
    content = csv_bytes(HEADER, GOOD, "Block abuse material,CA,8,,Blocking list in place")
    result = plan_import(
        actor=None, plan=ke_chain_plan, file_name="p.csv", content=content, dry_run=dry_run
    )
    found = places(result)
    assert list(found) == [(3, "output")]
    assert found[(3, "output")] == str(
        OUTPUT_UNKNOWN
        % {
            "value": "Blocking list in place",
            "choices": "“Investigators trained”; “Guidelines in use”; "
            "“Helpline answers online abuse”",
            "add": ADD,
        }
    )
    assert not result.done and not Commitment.objects.exists()


def test_unknown_outcome_is_a_problem_of_the_outcome_column(ke_chain_plan):
    content = csv_bytes(
        HEADER, "Train investigators,AHTCPU,4,Safer platforms,Investigators trained"
    )
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    message = places(result)[(2, "outcome")]
    assert message.startswith("“Safer platforms” is not an outcome of this plan's results chain")
    assert message == str(
        OUTCOME_UNKNOWN
        % {
            "value": "Safer platforms",
            "choices": "“Offenders are identified, investigated and prosecuted”; "
            "“Children who are harmed reach help”",
            "add": ADD,
        }
    )
    assert not Commitment.objects.exists()


def test_output_of_another_outcome_ambiguous_output_and_outcome_alone_are_problems(
    ke_chain_plan,
):
    content = csv_bytes(
        HEADER,
        "Train investigators,AHTCPU,4,Children who are harmed reach help,Investigators trained",
        "Publish guidance,ODPP,5,,Guidelines in use",
        "Answer the helpline,116,11,Children who are harmed reach help,",
    )
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    found = places(result)
    assert set(found) == {(2, "output"), (3, "output"), (4, "output")}
    assert found[(2, "output")].startswith(
        str(OUTPUT_NOT_UNDER_OUTCOME).split("%(value)s")[0] + "Investigators trained"
    )
    assert found[(3, "output")] == str(
        OUTPUT_AMBIGUOUS
        % {
            "value": "Guidelines in use",
            "outcomes": "“Offenders are identified, investigated and prosecuted” and "
            "“Children who are harmed reach help”",
        }
    )
    assert found[(4, "output")] == str(
        OUTPUT_MISSING
        % {
            "outcome": "Children who are harmed reach help",
            "choices": "“Helpline answers online abuse”; “Guidelines in use”",
        }
    )
    assert not Commitment.objects.exists()


def test_output_only_in_the_draft_chain_waits_for_the_plans_review(ke_chain_plan):
    plan_services.plan_results_chain_set(
        actor=None,
        plan=ke_chain_plan,
        goal="Children are safe online",
        outcomes=[{"title": "Platforms are safer", "outputs": [{"title": "Blocking list"}]}],
    )
    plan = NationalPlanPage.objects.get(pk=ke_chain_plan.pk)
    content = csv_bytes(HEADER, "Block abuse material,CA,8,,blocking list")
    result = plan_import(actor=None, plan=plan, file_name="p.csv", content=content)
    assert places(result) == {(2, "output"): str(CHAIN_NOT_PUBLISHED % {"value": "blocking list"})}
    assert not Commitment.objects.exists()
