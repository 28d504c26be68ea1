"""A file with many kinds of mistakes: every one reported by row and column, nothing saved."""

import pytest
from django.core.management import CommandError, call_command

from interchange.services import plan_import
from plans.models import Commitment

from ..factories import make_commitment
from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

BAD_FILE = csv_bytes(
    "Objective,Activity,Actors,Indicators,Capability,Start,Due,Status",
    "O,Train investigators,Kenya Cyber Police,Officers trained,4,2026-01-01,2026-12-31,",
    "O,Open a hotline,AHTCPU,,99,2026-01-01,2026-12-31,",
    "O,Train counsellors,116,,11,31/02/2026,2026-12-31,",
    "O,Publish guidance,DCS,,21,2026-06-01,2026-01-31,",
    "O,,DCS,,21,2026-01-01,2026-12-31,",
    "O,Equip courts,ODPP,,5,2026-01-01,2026-12-31,",
    "O,Run a campaign,MoE,,13,2026-01-01,2026-12-31,Finished",
    "O,A correct row,AHTCPU; 116,Reports,4,2026-01-01,2027,On track",
)


def problems_by_place(result):
    return {(p.row, p.column): p.message for p in result.problems}


def test_every_problem_is_reported_with_row_and_column_and_nothing_is_created(ke_demo_plan):
    result = plan_import(actor=None, plan=ke_demo_plan, file_name="bad.csv", content=BAD_FILE)
    places = problems_by_place(result)
    assert set(places) == {
        (2, "Actors"),
        (3, "Capability"),
        (4, "Start"),
        (5, "Due"),
        (6, "Activity"),
        (8, "Status"),
    }
    assert "Kenya Cyber Police" in places[(2, "Actors")]
    assert "not an agency of Kenya" in places[(2, "Actors")]
    assert "“99” is not an MNR capability" in places[(3, "Capability")]
    assert "“31/02/2026” is not a date" in places[(4, "Start")]
    assert "cannot be before the start date" in places[(5, "Due")]
    assert "needs a title" in places[(6, "Activity")]
    assert "“Finished” is not a status" in places[(8, "Status")]
    assert not result.done
    assert not Commitment.objects.exists()


def test_capability_outside_the_plan_and_another_countrys_agency_are_problems(
    kenya, ke_agencies, jo_police
):
    from ..factories import make_plan

    plan = make_plan(kenya, capabilities=(4, 11))
    result = plan_import(
        actor=None,
        plan=plan,
        file_name="bad.csv",
        content=csv_bytes(
            "activity,actors,capability",
            "Publish guidance,DCS,21",
            "Joint operation,AHTCPU; FJPD,4",
        ),
    )
    places = problems_by_place(result)
    assert "not one of this plan's capability sections" in places[(2, "capability")]
    assert "“FJPD” is not an agency of Kenya" in places[(3, "actors")]
    assert not Commitment.objects.exists()


def test_existing_title_and_unknown_id_are_problems(ke_demo_plan, ke_agencies):
    existing = make_commitment(ke_demo_plan, ke_agencies["DCS"], title="Publish guidance")
    result = plan_import(
        actor=None,
        plan=ke_demo_plan,
        file_name="again.csv",
        content=csv_bytes(
            "id,activity,actors,capability",
            ",Publish guidance,DCS,4",
            "999999,Something,DCS,4",
            "abc,Something else,DCS,4",
        ),
    )
    places = problems_by_place(result)
    assert f"already commitment {existing.pk}" in places[(2, "activity")]
    assert "No commitment with id 999999" in places[(3, "id")]
    assert "not a commitment id" in places[(4, "id")]
    assert Commitment.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF-1.4", "Only .csv and .xlsx files"),
        ("plan.xlsx", b"not a zip", "could not be read as an Excel workbook"),
        ("plan.csv", "activité,acteurs\n".encode("latin-1"), "not UTF-8"),
        ("plan.csv", b"a,b,c\n1,2,3\n", "No header row found"),
        ("plan.csv", b"activity,actors\n", "no rows below it"),
    ],
)
def test_unreadable_files_are_one_clear_problem(ke_demo_plan, name, content, message):
    result = plan_import(actor=None, plan=ke_demo_plan, file_name=name, content=content)
    assert [p.row for p in result.problems] == [None]
    assert message in result.problems[0].message


def test_command_prints_every_problem_and_exits_non_zero(ke_demo_plan, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD_FILE)
    with pytest.raises(CommandError, match="6 problem"):
        call_command("import_plan", str(path), "--country", "ke")
    err = capsys.readouterr().err
    assert "row 4, column Start: “31/02/2026” is not a date" in err
    assert "row 6, column Activity:" in err
    assert not Commitment.objects.exists()


def test_command_asks_which_plan_when_the_country_has_several(ke_demo_plan, kenya, tmp_path):
    from ..factories import make_plan

    make_plan(kenya, start=2030, end=2034)
    path = tmp_path / "ok.csv"
    path.write_bytes(csv_bytes("activity,actors,capability", "Train,DCS,4"))
    with pytest.raises(CommandError, match="2 plans; choose one with --plan"):
        call_command("import_plan", str(path), "--country", "ke")
    call_command("import_plan", str(path), "--country", "ke", "--plan", str(ke_demo_plan.pk))
    assert Commitment.objects.get().plan == ke_demo_plan
