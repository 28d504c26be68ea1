"""Funding lines are checked with clear messages, in the admin form and in the services:
an amount is not negative, a year lies within the plan's period, a development partner
is named (and only a partner has a name)."""

import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Commitment, FundingLine

from ..factories import make_commitment
from .test_commitment_admin import ADD_URL, edit_form_data, edit_url, new_commitment_data

pytestmark = pytest.mark.django_db


def lines(*rows):
    data = {
        "funding_lines-TOTAL_FORMS": str(len(rows)),
        "funding_lines-INITIAL_FORMS": "0",
        "funding_lines-MIN_NUM_FORMS": "0",
        "funding_lines-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"funding_lines-{i}-{key}": value for key, value in row.items()})
        data[f"funding_lines-{i}-ORDER"] = str(i + 1)
        data.setdefault(f"funding_lines-{i}-id", "")
    return data


def line(**overrides):
    return {
        "source": "national_budget",
        "partner": "",
        "state": "secured",
        "year": "2026",
        "amount": "500",
        **overrides,
    }


def post_new(client, user, plan, agency, *rows):
    client.force_login(user)
    return client.post(ADD_URL, new_commitment_data(plan, agency, **lines(*rows)))


def test_drafter_adds_a_commitment_with_funding_lines(
    client, ke_plan, ke_police, ke_police_drafter
):
    response = post_new(
        client,
        ke_police_drafter,
        ke_plan,
        ke_police,
        line(),
        line(source="partner", partner="UNICEF", state="pledged", year="2027", amount="250"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    commitment = Commitment.objects.get()
    assert sorted(
        (ln.source_name, ln.year, ln.amount) for ln in commitment.funding_lines.all()
    ) == [
        ("National budget", 2026, Decimal("500.00")),
        ("UNICEF", 2027, Decimal("250.00")),
    ]


@pytest.mark.parametrize(
    "row, message",
    [
        (line(amount="-5"), "The amount cannot be negative."),
        (line(year="2031"), "The year must be within the plan's period, 2025 to 2029."),
        (line(year="2019"), "The year must be within the plan's period, 2025 to 2029."),
        (line(source="partner"), "Name the development partner."),
        (line(partner="UNICEF"), "Only a development partner has a name here"),
    ],
)
def test_admin_form_explains_a_wrong_line(
    client, ke_plan, ke_police, ke_police_drafter, row, message
):
    response = post_new(client, ke_police_drafter, ke_plan, ke_police, row)
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not Commitment.objects.exists()


def test_editing_refuses_a_year_outside_the_period(client, ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police)
    data = edit_form_data(client, ke_police_drafter, commitment)
    data.update(lines(line(year="2035")))
    response = client.post(edit_url(commitment), data)
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "The year must be within the plan's period, 2025 to 2029." in text
    assert not FundingLine.objects.exists()


@pytest.mark.parametrize(
    "row, message",
    [
        ({"amount": Decimal("-1")}, "Funding line 1: The amount cannot be negative."),
        (
            {"year": 2040},
            "Funding line 1: The year must be within the plan's period, 2025 to 2029.",
        ),
        ({"source": "partner"}, "Funding line 1: Name the development partner."),
    ],
)
def test_service_explains_a_wrong_line(ke_plan, ke_police, row, message):
    values = {"source": "national_budget", "state": "secured", "year": 2026, "amount": 10, **row}
    with pytest.raises(ValidationError) as raised:
        make_commitment(ke_plan, ke_police, funding_lines=[values])
    assert message in raised.value.message_dict["funding_lines"]
    assert not Commitment.objects.exists()


def test_save_draft_checks_lines_too(ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(ValidationError) as raised:
        services.commitment_save_draft(
            actor=None,
            commitment=commitment,
            funding_lines=[
                {"state": "secured", "year": 2026, "amount": 10},
                {"state": "secured", "year": 2024, "amount": 10},
            ],
        )
    assert raised.value.message_dict["funding_lines"] == [
        "Funding line 2: The year must be within the plan's period, 2025 to 2029."
    ]
