"""Figures a reader can read: money with thousands separators and the currency as the
visitor's language writes it, dates as "1 May 2023" in each language, nothing wrapping
inside a date, an amount or a percentage, and progress reports newest first."""

import datetime
import re
from decimal import Decimal

import pytest

from plans.models import Commitment

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def commitment(ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Agree a referral procedure",
        start_date=datetime.date(2022, 5, 1),
        due_date=datetime.date(2023, 5, 1),
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        estimated_cost=Decimal("2600000"),
        currency="KES",
        progress=70,
    )
    make_update(
        commitment,
        narrative="Oldest report.",
        reporting_date=datetime.date(2022, 9, 1),
        publish=True,
    )
    make_update(
        commitment,
        narrative="Newest report.",
        reporting_date=datetime.date(2023, 2, 1),
        publish=True,
        progress=70,
    )
    return commitment


def page(client, commitment, language=""):
    prefix = f"/{language}" if language else ""
    return client.get(f"{prefix}{commitment.plan.url}commitments/{commitment.pk}/").content.decode()


@pytest.mark.parametrize(
    ("language", "amount", "due"),
    [
        ("", f"KES{NBSP}2,600,000", "1 May 2023"),
        ("es", f"2.600.000{NBSP}KES", "1 de mayo de 2023"),
        ("fr", f"2\u202f600\u202f000{NBSP}KES", "1 mai 2023"),
        ("ar", f"2,600,000{NBSP}KES", "1 مايو 2023"),
    ],
)
def test_money_and_dates_are_written_as_the_language_writes_them(
    client, commitment, language, amount, due
):
    html = page(client, commitment, language)
    side = "rtl" if language == "ar" else "ltr"  # each isolated in its own direction
    assert re.search(rf'<span class="nowrap" dir="{side}">[^<]*{re.escape(amount)}</span>', html)
    assert f'<time datetime="2023-05-01" class="nowrap" dir="{side}">{due}</time>' in html
    assert "2600000" not in html


def test_percentages_do_not_wrap_and_reports_are_newest_first(client, commitment):
    html = page(client, commitment)
    assert '<span class="nowrap" dir="ltr">70%</span>' in html
    assert re.search(r"\d%</progress> \d", html) is None  # never a bare "70%" to wrap
    assert html.index("Newest report.") < html.index("Oldest report.")


def test_plan_page_dates_are_for_people_too(client, commitment):
    html = client.get(commitment.plan.url).content.decode()
    assert '<time datetime="2022-05-01" class="nowrap" dir="ltr">1 May 2022</time>' in html
    assert "2022-05-01 –" not in html
