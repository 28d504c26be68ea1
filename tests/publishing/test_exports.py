"""CSV and JSON exports of a published plan: published content only, and consistent."""

import csv
import io
import json

import pytest
from pypdf import PdfReader

from plans import services
from plans.models import Commitment

from ..factories import make_commitment, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(ke_plan, ke_police, ke_helpline):
    live = make_commitment(
        ke_plan, ke_police, title="Train investigators", supporting=[ke_helpline]
    )
    services.commitment_save_draft(actor=None, commitment=live, title="SECRET newer draft title")
    make_commitment(ke_plan, ke_helpline, title="SECRET never published", publish=False)
    make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    return ke_plan


def get(client, plan, fmt):
    response = client.get(f"{plan.url}export.{fmt}")
    assert response.status_code == 200, response.status_code
    return response


def test_json_has_the_contract_fields_and_only_live_versions(client, published):
    data = json.loads(get(client, published, "json").content)
    assert {"title", "country", "period", "status", "url", "commitments"} <= set(data)
    assert data["country"] == "ke"
    assert data["period"] == "2025–2029"
    titles = {c["title"] for c in data["commitments"]}
    assert titles == {"Train investigators", "Helpline hours"}
    assert "SECRET" not in json.dumps(data)
    first = next(c for c in data["commitments"] if c["title"] == "Train investigators")
    required = {
        "id",
        "title",
        "capability",
        "capability_name",
        "domain",
        "lead_agency",
        "supporting_agencies",
        "status",
        "progress",
        "start_date",
        "due_date",
        "indicators",
    }
    assert required <= set(first)
    assert first["capability"] == 4 and first["domain"] == "Criminal justice"
    assert first["supporting_agencies"] == ["Childline Kenya (116)"]


def test_csv_has_bom_header_and_one_row_per_published_commitment(client, published):
    response = get(client, published, "csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert text.lstrip("\ufeff").startswith("id,title,capability,")
    assert {"id", "title", "capability", "lead_agency", "status", "progress"} <= set(rows[0])
    assert "SECRET" not in text
    assert len(rows) == 2


def test_csv_and_json_agree_with_each_other_and_the_database(client, published):
    data = json.loads(get(client, published, "json").content)
    text = get(client, published, "csv").content.decode("utf-8").lstrip("\ufeff")
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {c["id"] for c in data["commitments"]}
    for item in data["commitments"]:
        row = rows[item["id"]]
        live = Commitment.objects.get(pk=item["id"])
        assert row["title"] == item["title"] == live.title
        assert int(row["capability"]) == item["capability"] == live.capability.number
        assert int(row["progress"]) == item["progress"] == live.progress
        assert row["status"] == item["status"] == live.status


def test_unpublished_plan_has_no_exports(client, jordan):
    draft = make_plan(jordan, publish=False)
    for fmt in ("csv", "json", "pdf"):
        assert client.get(f"/plans/{draft.slug}/export.{fmt}").status_code == 404
    assert client.get("/plans/no-such-plan/export.csv").status_code == 404
    assert client.get("/plans/export.csv").status_code == 404, "the index is not a plan"


def test_exports_can_be_cached_by_a_cdn(client, published):
    response = get(client, published, "json")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_is_the_published_plan_and_agrees_with_the_json(client, published):
    response = get(client, published, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response)
    data = json.loads(get(client, published, "json").content)
    assert published.title in text
    assert "Contents" in text and "MNR capability map" in text
    for item in data["commitments"]:
        assert item["title"] in text
        assert item["lead_agency"] in text
    assert "SECRET" not in text


def test_arabic_pdf_is_right_to_left_with_arabic_headings(client, published):
    response = client.get(f"/ar{published.url}export.pdf")
    assert response.status_code == 200
    assert published.title in pdf_text(response)
