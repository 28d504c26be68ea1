"""A published summary tells the public who was consulted, how many comments came in,
how many of each response, and each comment with its response and reason: named by
agency, never by author; a commitment the public cannot read is named by its
capability only. The same in export.json (`consultations`) and the PDF."""

import io
import json

import pytest
from pypdf import PdfReader

from ..consultation_helpers import ACCEPTED, NOT_ACCEPTED, PARTLY, close, comment, respond
from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db

HIDDEN = "Zqinternal cooperation protocol"


@pytest.fixture
def published(ke_round, ke_plan, ke_police, ke_helpline, ke_police_drafter, ke_coordinator):
    public = make_commitment(ke_plan, ke_police, title="Set up the cybercrime unit")
    hidden = make_commitment(ke_plan, ke_police, title=HIDDEN, is_internal=True, capability=11)
    ke_round.agencies.add(ke_helpline)
    helpline_voice = UserFactory(username="helpline-voice", first_name="Zqamina")
    member(helpline_voice, ke_helpline)
    ke_police_drafter.first_name = "Zqjoseph"
    ke_police_drafter.save()
    answers = [
        (comment(ke_round, ke_police_drafter, "Say who chairs the forum."), ACCEPTED, ""),
        (
            comment(ke_round, helpline_voice, "Add a helpline target.", capability=4),
            PARTLY,
            "A target for 2027, not 2026.",
        ),
        (
            comment(ke_round, ke_police_drafter, "Fund the unit.", commitment=public),
            ACCEPTED,
            "",
        ),
        (
            comment(ke_round, ke_police_drafter, "Share the protocol.", commitment=hidden),
            NOT_ACCEPTED,
            "It stays internal.",
        ),
    ]
    for remark, response, reason in answers:
        respond(remark, ke_coordinator, response, reason)
    close(ke_round, ke_coordinator, publish=True)
    return ke_round


def test_plan_page_shows_the_summary_with_counts(client, published):
    page = client.get(published.plan.url).content.decode()
    section = page[page.index('id="consultation-h"') :]
    assert published.title in section
    assert "Anti-Human Trafficking and Child Protection Unit" in section
    assert "Childline Kenya" in section
    assert "<dt>Comments received</dt><dd>4</dd>" in section
    assert "<dt>Accepted</dt><dd>2</dd>" in section
    assert "<dt>Partly accepted</dt><dd>1</dd>" in section
    assert "<dt>Not accepted</dt><dd>1</dd>" in section
    assert "A target for 2027, not 2026." in section
    assert "Set up the cybercrime unit" in section
    assert HIDDEN not in page
    assert "Zqjoseph" not in page and "Zqamina" not in page


def test_export_carries_the_summary(client, published):
    data = json.loads(client.get(f"{published.plan.url}export.json").content)
    (summary,) = data["consultations"]
    assert summary["comments"] == 4
    assert summary["responses"] == {"accepted": 2, "partly": 1, "not_accepted": 1}
    assert summary["agencies"] == [
        "Anti-Human Trafficking and Child Protection Unit",
        "Childline Kenya",
    ]
    targets = [item["on"] for item in summary["items"]]
    assert targets[0] == {"kind": "plan", "capability": None, "commitment": None}
    hidden = next(item for item in summary["items"] if item["comment"] == "Share the protocol.")
    assert hidden["on"] == {"kind": "commitment", "capability": 11, "commitment": None}
    assert hidden["reason"] == "It stays internal."
    assert HIDDEN not in json.dumps(data)
    assert "Zqjoseph" not in json.dumps(data)


def test_pdf_carries_the_summary(client, published):
    response = client.get(f"{published.plan.url}export.pdf")
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "A target for 2027, not 2026." in " ".join(text.split())
    assert HIDDEN not in text
