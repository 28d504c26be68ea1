"""A row naming an output of the plan's published results chain links its commitment to it."""

import pytest

from interchange.services import plan_import
from plans.models import Commitment, PlanOutput

from ..factories import make_commitment
from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_new_commitment_delivers_the_output_named_under_its_outcome(ke_chain_plan):
    content = csv_bytes(
        "activity,actors,capability,outcome,output",
        'Train 60 investigators,AHTCPU,4,"offenders are identified, investigated and '
        'prosecuted",investigators  TRAINED',
    )
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    assert result.problems == [] and result.done
    commitment = Commitment.objects.get()
    assert commitment.output == PlanOutput.objects.get(title="Investigators trained")


def test_an_output_title_unique_in_the_chain_needs_no_outcome(ke_chain_plan):
    content = csv_bytes(
        "activity,actors,capability,output",
        "Answer the helpline,116,11,Helpline answers online abuse",
    )
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    assert result.problems == [] and result.done
    assert Commitment.objects.get().output.title == "Helpline answers online abuse"


def test_an_output_under_two_outcomes_is_told_apart_by_the_outcome(ke_chain_plan):
    content = csv_bytes(
        "activity,actors,capability,outcome,output",
        "Publish guidance,ODPP,5,Children who are harmed reach help,Guidelines in use",
    )
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    assert result.problems == [] and result.done
    assert Commitment.objects.get().output.outcome.title == "Children who are harmed reach help"


def test_an_update_links_the_draft_and_leaves_the_published_version(ke_chain_plan, ke_agencies):
    commitment = make_commitment(ke_chain_plan, ke_agencies["AHTCPU"], title="Train investigators")
    content = csv_bytes("id,output", f"{commitment.pk},Investigators trained")
    result = plan_import(actor=None, plan=ke_chain_plan, file_name="p.csv", content=content)
    assert result.problems == [] and [r.action for r in result.rows] == ["update"]
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.output is None  # the public sees it once the draft is approved
    assert commitment.get_latest_revision_as_object().output.title == "Investigators trained"
