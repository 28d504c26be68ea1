"""The donor view on the public plan page: cost, secured, pledged and gap by capability
and in total, in the plan's currency, formatted for the visitor's language, as a table
with a caption and headers; "fully funded" and over-funding said in words."""

from decimal import Decimal

import pytest
from lxml import html as lxml_html

from plans.models import Commitment
from publishing import formats

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
PUBLIC = Commitment.BudgetVisibility.PUBLIC


def secured(amount, year=2026):
    return {"source": "national_budget", "state": "secured", "year": year, "amount": amount}


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    make_commitment(
        ke_plan,
        ke_police,
        title="Investigators",
        estimated_cost=Decimal("1200000"),
        budget_visibility=PUBLIC,
        funding_lines=[
            secured(Decimal("200000")),
            {
                "source": "partner",
                "partner": "UNICEF",
                "state": "pledged",
                "year": 2027,
                "amount": Decimal("300000"),
            },
        ],
    )
    make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline",
        capability=11,
        estimated_cost=Decimal("100000"),
        budget_visibility=PUBLIC,
        funding_lines=[secured(Decimal("150000"))],
    )
    return ke_plan


def funding_table(client, url):
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    (table,) = tree.xpath('//section[@aria-labelledby="funding-h"]//table')
    return table


def cells(row):
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]


def test_plan_page_shows_funding_by_capability_and_in_total(client, plan):
    table = funding_table(client, plan.url)
    assert table.xpath("./caption")[0].text_content() == "Cost, funding and gap by MNR capability"
    assert [th.get("scope") for th in table.xpath("./thead/tr/th")] == ["col"] * 6
    rows = [cells(tr) for tr in table.xpath("./tbody/tr")]
    money = lambda v: " ".join(formats.money(Decimal(v), "KES", "en").split())  # noqa: E731
    assert rows[0][0].startswith("4.")
    assert rows[0][2:] == [money(1200000), money(200000), money(300000), money(1000000)]
    assert rows[1][0].startswith("11.")
    assert rows[1][5] == f"Fully funded ({money(50000)} over-funded)"
    (total,) = [cells(tr) for tr in table.xpath("./tfoot/tr")]
    assert total[:2] == ["Total", "2"]
    # The helpline's surplus does not close the investigators' gap.
    assert total[2:] == [
        money(1300000),
        money(350000),
        money(300000),
        f"{money(1000000)} ({money(50000)} over-funded)",
    ]


def test_arabic_plan_page_formats_the_amounts_in_arabic(client, plan):
    table = funding_table(client, f"/ar{plan.url}")
    (total,) = [cells(tr) for tr in table.xpath("./tfoot/tr")]
    assert total[0] == "المجموع"
    assert " ".join(formats.money(Decimal("1300000"), "KES", "ar").split()) == total[2]


def test_no_public_budget_says_so(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, estimated_cost=Decimal("5"))  # internal by default
    response = client.get(ke_plan.url)
    assert "No published commitment of this plan has a public budget yet." in (
        response.content.decode()
    )
