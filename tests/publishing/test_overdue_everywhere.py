"""Every commitment past its due date that is neither completed nor dropped is marked
overdue wherever the public reads its status (plan page, its page, the PDF, CSV, JSON and
the read API), and no other commitment is; `?status=overdue` lists exactly those."""

import csv
import datetime
import io
import json
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
OVERDUE_TITLES = {"Late and on track", "Late and delayed"}


@pytest.fixture
def plan(ke_plan, ke_police):
    long_ago = TODAY - 800 * DAY

    def add(title, *, due, status="on_track", **fields):
        make_commitment(
            ke_plan,
            ke_police,
            title=title,
            start_date=long_ago,
            due_date=due,
            status=status,
            **fields,
        )

    add("Late and on track", due=TODAY - 300 * DAY)
    add("Late and delayed", due=TODAY - DAY, status="delayed")
    add("Late but completed", due=TODAY - 300 * DAY, status="completed")
    add("Late but dropped", due=TODAY - 300 * DAY, status="dropped")
    add("Due today", due=TODAY)
    add("Due next year", due=TODAY + 365 * DAY)
    add("Without a due date", due=None)
    add("Late and internal", due=TODAY - 300 * DAY, is_internal=True)
    return ke_plan


def ids_by_title(plan):
    return {c.title: c.pk for c in plan.commitments.filter(live=True, is_internal=False)}


def test_plan_page_labels_exactly_the_overdue_commitments(client, plan):
    html = client.get(plan.url).content.decode()
    for title, pk in ids_by_title(plan).items():
        item = re.search(
            rf'<li class="commitment" id="c-{pk}">.*?</li>\s*(?=<li class="commitment"|</ul>)',
            html,
            re.S,
        )
        assert item, title
        labelled = '<span class="tag tag-overdue">Overdue</span>' in item[0]
        assert labelled == (title in OVERDUE_TITLES), title
    assert "Late and internal" not in html


def test_status_filter_overdue_lists_exactly_those(client, plan):
    html = client.get(plan.url, {"status": "overdue"}).content.decode()
    shown = set(re.findall(r'class="commitment-title" dir="auto"><a [^>]*>([^<]+)</a>', html))
    assert shown == OVERDUE_TITLES
    assert "2 of 7 commitments match" in html


def test_commitment_page_says_since_when(client, plan):
    for title, pk in ids_by_title(plan).items():
        html = client.get(f"{plan.url}commitments/{pk}/").content.decode()
        says = "Overdue since" in html
        assert says == (title in OVERDUE_TITLES), title
    late = ids_by_title(plan)["Late and delayed"]
    html = client.get(f"{plan.url}commitments/{late}/").content.decode()
    due = TODAY - DAY
    assert f'Overdue since <time datetime="{due.isoformat()}" class="nowrap" dir="ltr">' in html


def test_exports_and_api_carry_overdue(client, plan):
    data = json.loads(client.get(f"{plan.url}export.json").content)
    assert {c["title"] for c in data["commitments"] if c["overdue"]} == OVERDUE_TITLES
    assert all(isinstance(c["overdue"], bool) for c in data["commitments"])
    text = client.get(f"{plan.url}export.csv").content.decode("utf-8").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["title"] for r in rows if r["overdue"] == "true"} == OVERDUE_TITLES
    assert {r["overdue"] for r in rows} == {"true", "false"}
    api = client.get(f"/api/v2/pages/{plan.pk}/").json()["public_commitments"]
    assert {c["title"] for c in api if c["overdue"]} == OVERDUE_TITLES
    assert len(api) == len(rows) == len(data["commitments"]) == 7


def test_pdf_marks_exactly_the_overdue_commitments(client, plan):
    response = client.get(f"{plan.url}export.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    table = text[text.index("Commitment Lead agency") :]
    titles = sorted(ids_by_title(plan), key=table.index)
    for title, following in zip(titles, [*titles[1:], None], strict=True):
        row = table[table.index(title) : table.index(following) if following else None]
        assert ("Overdue since" in row) == (title in OVERDUE_TITLES), (title, row)
    assert "2 are overdue" in text


def test_search_results_mark_exactly_the_overdue(client, plan):
    html = client.get("/search/", {"q": "Late"}).content.decode()
    html = re.sub(r"</?mark>", "", html)
    items = re.findall(r'dir="auto">(Late[^<]*)</a>(.*?)</li>', html, re.S)
    assert {title for title, _rest in items} == {
        "Late and on track",
        "Late and delayed",
        "Late but completed",
        "Late but dropped",
    }
    for title, rest in items:
        labelled = '<span class="tag tag-overdue">Overdue</span>' in rest
        assert labelled == (title in OVERDUE_TITLES), title
