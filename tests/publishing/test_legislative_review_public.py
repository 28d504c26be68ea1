"""What the public sees of the legislative reviews: /compare/ shows the published reviews
side by side (criteria by country, the status in words and a symbol, the law cited, the
bills pending), its CSV the same; a plan page shows its country's published review. An
internal review never shows: not on /compare/, its CSV, the plan page, the exports, the
API or search, and its findings are not published."""

import csv
import io
import json

import pytest

from plans.models import AssessmentStatus
from publishing.comparison import LEGISLATION_CSV_HEADER

from ..factories import make_plan
from ..legislation_helpers import make_review

pytestmark = pytest.mark.django_db

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET
INTERNAL = "Zqinternal review of the Penal Code"
SECRET_LAW = "Zqsecret Act"
SECRET_BILL = "Zqsecret bill"


@pytest.fixture
def reviews(ke_plan, jo_plan, kenya, jordan):
    make_review(
        kenya,
        title="Kenya legislative review 2024",
        statuses={"isp-reporting": NOT_MET, "knowing-possession": MET, "online-grooming": PARTLY},
        bills=[
            {
                "title": "Cybercrimes (Amendment) Bill",
                "stage": "committee",
                "criteria": ["isp-reporting"],
            }
        ],
    )
    make_review(
        jordan,
        title="Jordan legislative review 2024",
        statuses={"isp-reporting": MET, "knowing-possession": NOT_MET},
    )
    return ke_plan, jo_plan


@pytest.fixture
def internal(tz_plan):
    from plans import services

    return services.legislative_review_create(
        actor=None,
        country=tz_plan.country,
        title=INTERNAL,
        public=False,
        assessments=[{"criterion": "isp-reporting", "status": NOT_MET, "law": SECRET_LAW}],
        bills=[{"title": SECRET_BILL, "stage": "drafted"}],
    )


@pytest.fixture
def tz_plan(db):
    from ..factories import CountryFactory

    return make_plan(CountryFactory(code="tz", name="Tanzania", default_language="sw"))


def legislation_section(html):
    return html[html.index('id="legislation-h"') : html.index('id="figures-h"')]


def test_compare_shows_two_reviews_side_by_side(client, reviews):
    html = client.get("/compare/").content.decode()
    section = legislation_section(html)
    assert section.index("Jordan") < section.index("Kenya")  # the columns, by country name
    assert (
        "Kenya legislative review 2024" in section and "Jordan legislative review 2024" in section
    )
    row = section[section.index("Internet service providers must report") :]
    row = row[: row.index("</tr>")]
    jordan_cell, kenya_cell = row.split("<td>")[1:]
    assert "Met" in jordan_cell and "●" in jordan_cell
    assert "Not met" in kenya_cell and "○" in kenya_cell
    assert 'aria-hidden="true">○' in kenya_cell  # the symbol repeats the words, never alone
    assert "Partly met" in section and "◐" in section
    assert "Republic Act No. 11930 of 2022" in section and "s. 4" in section
    assert "Cybercrimes (Amendment) Bill" in section and "In committee" in section
    assert section.count('<th scope="row">') == 8 + 2  # the criteria, the review, the bills


def test_the_csv_has_a_row_per_country_and_criterion(client, reviews):
    text = client.get("/compare/legislation.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 * 8
    kenya = {r["criterion_code"]: r for r in rows if r["country"] == "Kenya"}
    assert kenya["isp-reporting"]["status"] == "not_met"
    assert kenya["online-grooming"]["law"] == "Republic Act No. 11930 of 2022"
    assert kenya["data-retention"]["status"] == "not_assessed"


def test_the_plan_page_shows_its_countrys_published_review(client, reviews):
    ke_plan, _jo_plan = reviews
    html = client.get(ke_plan.url).content.decode()
    section = html[html.index('id="legislation-h"') :]
    assert "Kenya legislative review 2024" in section
    assert "Not met" in section and "Cybercrimes (Amendment) Bill" in section


def test_compare_in_arabic_names_criteria_and_statuses_in_arabic(client, reviews):
    html = client.get("/ar/compare/").content.decode()
    section = legislation_section(html)
    assert "إلزام مزودي خدمة الإنترنت بالإبلاغ" in section
    assert 'dir="rtl"' in html


def test_an_internal_review_shows_nowhere_public(client, reviews, internal, tz_plan):
    pages = [
        "/compare/",
        "/compare/legislation.csv",
        "/compare/export.csv",
        tz_plan.url,
        f"{tz_plan.url}export.json",
        f"{tz_plan.url}export.csv",
        "/api/v1/findings/",
        "/api/v1/findings/?country=tz",
        "/api/v1/plans/",
        "/search/?q=Zqinternal",
        "/search/?q=Zqsecret",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8-sig")
        for secret in (INTERNAL, SECRET_LAW, SECRET_BILL):
            assert secret not in text, (url, secret)
    compare = legislation_section(client.get("/compare/").content.decode())
    assert "no published review" in compare  # Tanzania's column
    assert 'id="legislation-h"' not in client.get(tz_plan.url).content.decode()
    data = json.loads(client.get(f"{tz_plan.url}export.json").content)
    assert data["findings"] == []  # its finding stays internal


def test_without_any_published_review_compare_has_no_such_section(client, ke_plan, internal):
    assert 'id="legislation-h"' not in client.get("/compare/").content.decode()
    text = client.get("/compare/legislation.csv").content.decode("utf-8-sig")
    assert text.strip().splitlines() == [",".join(LEGISLATION_CSV_HEADER)]


def test_publishing_a_review_refreshes_the_cached_compare_page(client, ke_plan, kenya):
    assert 'id="legislation-h"' not in client.get("/compare/").content.decode()
    make_review(kenya, statuses={"isp-reporting": NOT_MET})
    assert 'id="legislation-h"' in client.get("/compare/").content.decode()
