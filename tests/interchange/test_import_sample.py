"""The shipped sample plan imports cleanly, by the admin's service and by the command."""

from pathlib import Path

import pytest
from django.core.management import call_command

from interchange.services import plan_import
from plans.models import Commitment

from .conftest import SAMPLE

pytestmark = pytest.mark.django_db


def test_sample_dry_run_finds_no_problem_and_writes_nothing(ke_demo_plan):
    result = plan_import(
        actor=None,
        plan=ke_demo_plan,
        file_name="sample-plan.csv",
        content=Path(SAMPLE).read_bytes(),
        dry_run=True,
    )
    assert result.problems == []
    assert len(result.to_create) == 11
    assert not Commitment.objects.exists()


def test_sample_imports_as_drafts_with_agencies_indicators_and_dates(ke_demo_plan, ke_agencies):
    result = plan_import(
        actor=None,
        plan=ke_demo_plan,
        file_name="sample-plan.csv",
        content=Path(SAMPLE).read_bytes(),
    )
    assert result.done and result.problems == []
    assert Commitment.objects.filter(plan=ke_demo_plan).count() == 11
    assert not Commitment.objects.filter(live=True).exists()
    icse = Commitment.objects.get(title="Connect the unit to the INTERPOL ICSE database")
    # A name with a comma in it, then an acronym, from one cell of actors.
    assert icse.lead_agency == ke_agencies["AHTCPU"]
    assert list(icse.supporting_agencies.all()) == [ke_agencies["CA"]]
    assert (icse.start_date.isoformat(), icse.due_date.isoformat()) == ("2026-01-01", "2027-12-31")
    desk = Commitment.objects.get(title__startswith="Set up a 24-hour duty desk")
    assert [i.name for i in desk.indicators.all()] == [
        "Reports received per month",
        "Share answered within 24 hours",
    ]
    assert desk.due_date.isoformat() == "2026-06-30"  # d/m/Y
    assert desk.description.startswith("Objective: Police investigate")
    # The demo plan's results chain and funding lines, as the sample names them.
    assert desk.output.title == "4. Dedicated law enforcement"
    assert [line.source_name for line in desk.funding_lines.all()] == ["National budget", "UNICEF"]
    assert icse.funding_lines.first().partner == "INTERPOL"
    assert not Commitment.objects.filter(output=None).exists()


def test_templates_import_their_example_row(ke_demo_plan):
    for name in ("plan-import-template.csv", "plan-import-template.xlsx"):
        content = Path("interchange/import_templates", name).read_bytes()
        result = plan_import(
            actor=None, plan=ke_demo_plan, file_name=name, content=content, dry_run=True
        )
        assert result.problems == [], name
        assert result.notes == [], name  # every template column is one the importer reads
        assert len(result.to_create) == 1


def test_command_imports_the_sample_into_the_countrys_only_plan(ke_demo_plan, capsys):
    call_command("import_plan", SAMPLE, "--country", "ke", "--dry-run")
    assert "would create 11, update 0" in capsys.readouterr().out
    assert not Commitment.objects.exists()
    call_command("import_plan", SAMPLE, "--country", "KE", "--plan", ke_demo_plan.slug)
    assert "created 11, update" in capsys.readouterr().out
    assert Commitment.objects.count() == 11
