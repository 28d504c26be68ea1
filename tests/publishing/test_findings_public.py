"""What the public sees of the findings register: published findings that nothing
answers yet on the plan page, in its gaps and its PDF; each public commitment's page
names the published findings it answers; `export.json` carries them. An internal finding
never shows anywhere public: pages, exports, the PDF, the API (every filter) and search."""

import csv
import io
import json

import pytest
from pypdf import PdfReader

from plans.models import Commitment, Finding

from ..factories import make_commitment
from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db

INTERNAL = "Zqinternal finding on police informants"
OPEN = "Grooming is not an offence"
ANSWERED = "No specialised police unit"


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline):
    open_finding = make_finding(ke_plan.country, title=OPEN, capabilities=(3,))
    answered = make_finding(ke_plan.country, title=ANSWERED, capabilities=(4,))
    internal = make_finding(ke_plan.country, title=INTERNAL, text=INTERNAL, public=False)
    make_commitment(
        ke_plan, ke_police, title="Set up the cybercrime unit", findings=[answered, internal]
    )
    # An internal commitment answers nothing the public can see.
    make_commitment(
        ke_plan, ke_helpline, title="Zqhidden plan", is_internal=True, findings=[open_finding]
    )
    return ke_plan


def test_an_unanswered_published_finding_is_on_the_plan_page_and_its_gaps(client, plan):
    html = client.get(plan.url).content.decode()
    section = html[html.index('id="findings-h"') : html.index('id="funding-h"')]
    assert OPEN in section
    assert ANSWERED not in section  # a public commitment answers it
    gaps = html[html.index('id="gaps-h"') : html.index('id="findings-h"')]
    assert "3. Legislation" in gaps and OPEN in gaps
    assert INTERNAL not in html and "Zqhidden" not in html


def test_the_commitment_page_names_the_published_findings_it_answers(client, plan):
    commitment = Commitment.objects.get(title="Set up the cybercrime unit")
    html = client.get(f"{plan.url}commitments/{commitment.pk}/").content.decode()
    assert ANSWERED in html
    assert INTERNAL not in html


def test_export_json_carries_published_findings_only(client, plan):
    data = json.loads(client.get(f"{plan.url}export.json").content)
    findings = {f["title"]: f for f in data["findings"]}
    assert set(findings) == {OPEN, ANSWERED}
    commitment = Commitment.objects.get(title="Set up the cybercrime unit")
    assert findings[ANSWERED]["status"] == "answered"
    assert findings[ANSWERED]["commitments"] == [commitment.pk]
    assert findings[ANSWERED]["capabilities"] == [4]
    assert findings[OPEN]["status"] == "open" and findings[OPEN]["commitments"] == []
    (row,) = data["commitments"]
    assert row["findings"] == [findings[ANSWERED]["id"]]
    assert INTERNAL not in json.dumps(data)


def test_no_internal_finding_in_the_csv_or_the_pdf(client, plan):
    text = client.get(f"{plan.url}export.csv").content.decode("utf-8-sig")
    assert INTERNAL not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    reader = PdfReader(io.BytesIO(client.get(f"{plan.url}export.pdf").content))
    pdf = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Findings not yet answered" in pdf and OPEN in pdf
    assert "Zqinternal" not in pdf


def test_the_api_lists_published_findings_only_whatever_the_filter(client, plan):
    internal = Finding.objects.get(title=INTERNAL)
    queries = [
        {},
        {"country": "ke"},
        {"capability": 4},
        {"status": "open"},
        {"status": "answered"},
        {"country": "ke", "capability": 3, "status": "open"},
    ]
    for query in queries:
        response = client.get("/api/v1/findings/", query)
        assert response.status_code == 200, query
        assert INTERNAL not in response.content.decode(), query
    titles = lambda q: {f["title"] for f in client.get("/api/v1/findings/", q).json()["results"]}  # noqa: E731
    assert titles({}) == {OPEN, ANSWERED}
    assert titles({"status": "answered"}) == {ANSWERED}
    assert titles({"capability": 3}) == {OPEN}
    assert titles({"country": "jo"}) == set()
    assert client.get(f"/api/v1/findings/{internal.pk}/").status_code == 404
    commitments = client.get("/api/v1/commitments/").json()["results"]
    (row,) = commitments
    assert row["findings"] == [Finding.objects.get(title=ANSWERED).pk]


def test_search_never_finds_an_internal_finding(client, plan):
    response = client.get("/search/", {"q": "Zqinternal"})
    assert response.status_code == 200
    assert INTERNAL not in response.content.decode()


def test_a_drafted_plan_shows_no_finding(client, plan):
    """Findings of a country whose plan is unpublished are not in the API."""
    from plans.models import NationalPlanPage

    NationalPlanPage.objects.get(pk=plan.pk).unpublish()
    assert client.get("/api/v1/findings/").json()["results"] == []
