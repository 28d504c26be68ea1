"""Under /ar/ the runs that are not Arabic, or are numbers, stay whole and in their own
direction: the plan's period, dates, amounts, agency and capability names are each
isolated (`<bdi dir=..>` or an element with its `dir`), so an Arabic line does not
scramble them ("KES (National budget and ...) 2600000", "(AHTCPU) Anti-Human ...")."""

import datetime
import re
from decimal import Decimal

import pytest

from plans.models import Commitment

from ..factories import AgencyFactory, make_commitment

pytestmark = pytest.mark.django_db

FSI, PDI, RLM, NBSP = "\u2068", "\u2069", "\u200f", "\u00a0"


@pytest.fixture
def commitment(ke_plan, ke_police, ke_helpline):
    return make_commitment(
        ke_plan,
        ke_police,
        title="Agree a referral procedure",
        supporting=[ke_helpline],
        start_date=datetime.date(2022, 5, 1),
        due_date=datetime.date(2023, 5, 1),
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        estimated_cost=Decimal("2600000"),
        currency="KES",
        funding_source="National treasury",
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_period_dates_and_agencies_are_isolated_on_the_arabic_plan_page(client, commitment):
    html = get(client, f"/ar{commitment.plan.url}")
    assert '<bdi dir="ltr">2025–2029</bdi>' in html  # the period, start–end, never "2029–2025"
    # Arabic dates take the Arabic direction, each whole on one line.
    assert '<time datetime="2023-05-01" class="nowrap" dir="rtl">1 مايو 2023</time>' in html
    lead = "Anti-Human Trafficking and Child Protection Unit (AHTCPU)"
    assert f'<dd><bdi dir="ltr">{FSI}{lead}{PDI}</bdi></dd>' in html
    assert f'<bdi dir="ltr">{FSI}Childline Kenya (116){PDI}</bdi>' in html


def test_each_capability_of_the_gaps_list_is_isolated(client, commitment):
    html = get(client, f"/ar{commitment.plan.url}")
    gaps = html[html.index('<ul class="gaps">') :]
    gaps = gaps[: gaps.index("</ul>")]
    first = gaps[: gaps.index("</li>")]  # the capabilities not in the plan: 1, 2, 3, 5 ...
    names = re.findall(rf'<bdi dir="(?:rtl|ltr)">{FSI}(\d+)\. [^<{PDI}]+{PDI}</bdi>', first)
    assert names[:3] == ["1", "2", "3"]
    assert len(names) == 18  # every one, none left bare between the separators
    assert re.search(r"\d+\. [^<]*</bdi>; <bdi", first)


def test_the_amount_reads_whole_before_its_funding_source(client, commitment):
    html = get(client, f"/ar{commitment.plan.url}commitments/{commitment.pk}/")
    amount = f'<span class="nowrap" dir="rtl">{RLM}2,600,000{NBSP}KES</span>'
    # English text on an Arabic page says its language too.
    assert f'{amount} <bdi dir="ltr" lang="en">(National treasury)</bdi>' in html
    assert '<time datetime="2022-05-01" class="nowrap" dir="rtl">1 مايو 2022</time>' in html


def test_an_arabic_name_is_isolated_right_to_left_on_an_english_page(client, ke_plan, kenya):
    ministry = AgencyFactory(country=kenya, name="وزارة التنمية الاجتماعية", acronym="")
    make_commitment(ke_plan, ministry, title="Fund the helpline")
    html = get(client, ke_plan.url)
    assert f'<dd><bdi dir="rtl">{FSI}وزارة التنمية الاجتماعية{PDI}</bdi></dd>' in html
