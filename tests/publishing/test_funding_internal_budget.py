"""An internal budget's funding never appears in public: not on the plan page, the
commitment page, the exports, the PDF or /compare/ (not even summed into a total), while
a public budget's funding does."""

import io
import json
from decimal import Decimal

import pytest
from pypdf import PdfReader

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

SECRETS = ("Hiddenpartnerword", "987123", "987,123")


@pytest.fixture
def content(ke_plan, ke_police, ke_helpline):
    internal = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        estimated_cost=Decimal("1987123"),
        currency="KES",
        budget_visibility=Commitment.BudgetVisibility.INTERNAL,
        funding_lines=[
            {
                "source": "partner",
                "partner": "Hiddenpartnerword",
                "state": "secured",
                "year": 2026,
                "amount": Decimal("987123"),
            }
        ],
    )
    public = make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline hours",
        capability=11,
        estimated_cost=Decimal("5000"),
        currency="KES",
        budget_visibility=Commitment.BudgetVisibility.PUBLIC,
        funding_lines=[
            {
                "source": "partner",
                "partner": "Shownpartnerword",
                "state": "secured",
                "year": 2026,
                "amount": Decimal("1200"),
            }
        ],
    )
    return {"plan": ke_plan, "internal": internal, "public": public}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def texts(client, content):
    plan = content["plan"]
    found = {}
    for url in (
        plan.url,
        f"/ar{plan.url}",
        f"{plan.url}commitments/{content['internal'].pk}/",
        f"{plan.url}commitments/{content['public'].pk}/",
        f"{plan.url}export.csv",
        f"{plan.url}export.json",
        "/compare/",
        f"/api/v2/pages/{plan.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content.decode()
    response = client.get(f"{plan.url}export.pdf")
    assert response.status_code == 200
    found["export.pdf"] = pdf_text(response.content)
    return found


def test_internal_budget_funding_is_never_public(client, content):
    for where, text in texts(client, content).items():
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked through {where}"


def test_public_budget_funding_is_shown(client, content):
    plan = content["plan"]
    found = texts(client, content)
    assert "Shownpartnerword" in found[f"{plan.url}commitments/{content['public'].pk}/"]
    assert "Shownpartnerword" in found[f"{plan.url}export.json"]
    # The plan's total is the public commitment's alone: 5,000 − 1,200 = 3,800.
    for where in (plan.url, "export.pdf", "/compare/"):
        assert "3,800" in found[where], where
        assert "5,000" in found[where], where


def test_json_funding_is_null_for_an_internal_budget(client, content):
    data = json.loads(client.get(f"{content['plan'].url}export.json").content)
    by_title = {c["title"]: c for c in data["commitments"]}
    assert by_title["Train investigators"]["funding"] is None
    funding = by_title["Helpline hours"]["funding"]
    assert {k: funding[k] for k in ("cost", "secured", "pledged", "gap")} == {
        "cost": "5000.00",
        "secured": "1200.00",
        "pledged": "0.00",
        "gap": "3800.00",
    }
    assert funding["currency"] == "KES"
