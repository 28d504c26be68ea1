"""Funding lines may be written with the words of the plan's language (or English), in any
case and without Arabic short vowels or accents."""

from decimal import Decimal

import pytest

from interchange.services import plan_import
from plans.models import Commitment

from ..factories import make_plan_in_its_language
from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_arabic_plan_reads_arabic_and_english_words(jordan, jo_police):
    plan = make_plan_in_its_language(jordan, title="الخطة الوطنية")
    assert plan.locale.language_code == "ar"
    content = csv_bytes(
        "activity,lead agency,capability,funding lines",
        f'تدريب المحققين,{jo_police.name},4,"2026 مؤمن الميزانية الوطنية 1,000\n'
        '2027 متعهَّد به شريك إنمائي اليونيسف 500; 2027 Pledged Other 20"',
    )
    result = plan_import(actor=None, plan=plan, file_name="p.csv", content=content)
    assert result.problems == [] and result.done
    lines = [
        (line.year, line.state, line.source, line.partner, line.amount)
        for line in Commitment.objects.get().funding_lines.all()
    ]
    assert lines == [
        (2026, "secured", "national_budget", "", Decimal("1000")),
        (2027, "pledged", "partner", "اليونيسف", Decimal("500")),
        (2027, "pledged", "other", "", Decimal("20")),
    ]
