"""The printable plan has what the plan page has: summary, vision, situation analysis,
the capability map, the gaps and the commitments; its contents list names each capability
of the plan."""

import io

import pytest
from pypdf import PdfReader

from plans.models import NationalPlanPage

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(ke_plan, ke_police):
    page = NationalPlanPage.objects.get(pk=ke_plan.pk)
    page.summary = "<p>Summaryword of the plan.</p>"
    page.vision = "<p>Visionword of the plan.</p>"
    page.situation_analysis = "<p>Situationword: what was found at the baseline.</p>"
    page.save_revision().publish()
    make_commitment(ke_plan, ke_police, title="Train investigators", capability=4)
    return NationalPlanPage.objects.get(pk=ke_plan.pk)


def pdf_pages(client, plan):
    reader = PdfReader(io.BytesIO(client.get(f"{plan.url}export.pdf").content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_pdf_has_every_part_of_the_page(client, plan):
    text = " ".join(pdf_pages(client, plan))
    for part in ("Summaryword", "Visionword", "Situationword", "Situation analysis"):
        assert part in text, part
    assert "MNR capability map" in text and "Gaps" in text
    # The gaps of the page: capabilities 11 and 21 have no published commitment.
    gaps = text[text.index("Gaps") :]
    assert "Capabilities of the plan with no published commitment:" in gaps
    assert "Train investigators" in text


def test_the_contents_list_names_each_capability(client, plan):
    contents = next(page for page in pdf_pages(client, plan) if page.startswith("Contents"))
    for capability in ("4. Dedicated law enforcement", "11. Child helpline", "21. Universal"):
        assert capability in contents, capability
