"""An objective merged over its activities (as plans are often laid out) applies to each of them."""

import io

import pytest
from openpyxl import Workbook

from interchange.services import plan_import
from plans.models import Commitment

pytestmark = pytest.mark.django_db


def test_a_merged_objective_applies_to_every_row_it_spans(ke_demo_plan, ke_agencies):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["National plan of action"])
    sheet.merge_cells("A1:C1")
    sheet.append(["Objective", "Activity", "Actors"])
    sheet.append(["Objective for capability 4", "Train investigators", "DCS"])
    sheet.append([None, "Equip a forensics lab", "DCS"])
    sheet.append([None, "Write a referral protocol", "DCS"])
    sheet.merge_cells("A3:A5")
    out = io.BytesIO()
    workbook.save(out)

    result = plan_import(
        actor=None, plan=ke_demo_plan, file_name="plan.xlsx", content=out.getvalue()
    )

    assert result.problems == [] and result.done
    assert [row.row for row in result.to_create] == [3, 4, 5]
    for commitment in Commitment.objects.all():
        assert commitment.capability.number == 4
        assert commitment.description == "Objective: Objective for capability 4"
