"""The IATI 2.03 activity export of a published plan: valid, and only what the public sees."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from plans import services
from plans.models import InspireStrategy
from publishing import caching

from ..factories import make_commitment, make_plan, make_update

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(settings.BASE_DIR) / "publishing" / "iati_schema" / "2.03"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


def iati(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    schema.assertValid(root)
    return root


def activity(root, title):
    found = [a for a in root.iter("iati-activity") if a.findtext("title/narrative") == title]
    assert len(found) == 1, [a.findtext("title/narrative") for a in root.iter("iati-activity")]
    return found[0]


@pytest.fixture
def published(ke_plan, ke_police, ke_helpline):
    strategy = InspireStrategy.objects.order_by("number").first()
    train = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        supporting=[ke_helpline],
        inspire_strategies=[strategy],
        start_date=datetime.date(2025, 7, 1),
        due_date=datetime.date(2026, 6, 30),
        estimated_cost=Decimal("1000.00"),
        currency="KES",
        funding_source="National treasury",
        budget_visibility="public",
        indicators=[
            {"name": "Officers trained", "unit": "officers", "baseline": 10, "target": 50},
        ],
    )
    indicator = train.indicators.get()
    make_update(
        train,
        publish=True,
        measurements=[
            {"indicator": indicator, "measured_on": datetime.date(2025, 3, 1), "value": 20},
            {"indicator": indicator, "measured_on": datetime.date(2025, 9, 1), "value": 30},
            {"indicator": indicator, "measured_on": datetime.date(2026, 2, 1), "value": 40},
        ],
    )
    make_update(
        train,
        measurements=[
            {
                "indicator": indicator,
                "measured_on": datetime.date(2026, 3, 1),
                "value": Decimal("4242.42"),
            },
        ],
    )
    services.commitment_save_draft(actor=None, commitment=train, title="SECRET newer draft title")
    make_commitment(ke_plan, ke_helpline, title="SECRET never published", publish=False)
    make_commitment(ke_plan, ke_police, title="SECRET internal", is_internal=True)
    hours = make_commitment(
        ke_plan,
        ke_helpline,
        title="Helpline hours",
        capability=11,
        estimated_cost=Decimal("987654.32"),
        currency="KES",
        funding_source="SECRET donor",
        budget_visibility="internal",
    )
    # A draft making the budget public publishes nothing until it is approved.
    services.commitment_save_draft(actor=None, commitment=hours, budget_visibility="public")
    return ke_plan


def test_the_export_validates_against_the_iati_schema(client, published, schema):
    root = iati(client, f"{published.url}export.iati.xml", schema)
    assert root.get("version") == "2.03"
    titles = [a.findtext("title/narrative") for a in root.iter("iati-activity")]
    assert sorted(titles) == sorted([published.title, "Train investigators", "Helpline hours"])


def test_drafts_internal_commitments_and_unpublished_changes_appear_nowhere(
    client, published, schema
):
    text = etree.tostring(iati(client, f"{published.url}export.iati.xml", schema)).decode()
    assert "SECRET" not in text
    # Figures with decimals: timestamps' microseconds cannot hold them by chance.
    assert "4242.42" not in text, "a measurement of an unpublished update"
    assert "987654.32" not in text, "an internal budget"


def test_budget_per_year_in_the_commitments_currency(client, published, schema):
    train = activity(iati(client, f"{published.url}export.iati.xml", schema), "Train investigators")
    assert train.get("default-currency") == "KES"
    budgets = [
        (
            b.find("period-start").get("iso-date"),
            b.find("period-end").get("iso-date"),
            b.findtext("value"),
        )
        for b in train.iter("budget")
    ]
    # 184 of the 365 days fall in 2025.
    assert budgets == [
        ("2025-07-01", "2025-12-31", "504.11"),
        ("2026-01-01", "2026-06-30", "495.89"),
    ]
    funding = train.find("participating-org[@role='1']")
    assert funding.findtext("narrative") == "National treasury"


def test_an_internal_budget_has_no_budget_nor_funder(client, published, schema):
    hours = activity(iati(client, f"{published.url}export.iati.xml", schema), "Helpline hours")
    assert hours.find("budget") is None
    assert hours.get("default-currency") is None
    assert hours.find("participating-org[@role='1']") is None


def test_dates_organisations_and_codes(client, published, schema, ke_police):
    root = iati(client, f"{published.url}export.iati.xml", schema)
    train = activity(root, "Train investigators")
    dates = {d.get("type"): d.get("iso-date") for d in train.iter("activity-date")}
    assert dates == {"1": "2025-07-01", "3": "2026-06-30"}
    roles = [(o.get("role"), o.findtext("narrative")) for o in train.iter("participating-org")]
    assert roles[:3] == [
        ("2", "Government of Kenya"),
        ("4", str(ke_police)),
        ("4", "Childline Kenya (116)"),
    ]
    assert train.find("participating-org[@role='4']").get("type") == "10"
    assert train.find("recipient-country").get("code") == "KE"
    sectors = {(s.get("vocabulary"), s.get("code")) for s in train.iter("sector")}
    assert sectors == {("1", "15130"), ("99", "MNR-4")}
    assert train.find("tag").get("code") == "16.2"
    assert train.find("policy-marker").get("vocabulary") == "99"
    parent = train.find("related-activity")
    assert parent.get("type") == "1"
    assert parent.get("ref") == activity(root, published.title).findtext("iati-identifier")
    # A commitment without dates is given the plan's period, and says so.
    hours = activity(root, "Helpline hours")
    dates = {d.get("type"): d.get("iso-date") for d in hours.iter("activity-date")}
    assert dates == {"1": "2025-01-01", "3": "2029-12-31"}
    assert hours.find("activity-date/narrative") is not None


def test_results_have_baseline_target_and_actuals_per_year(client, published, schema):
    train = activity(iati(client, f"{published.url}export.iati.xml", schema), "Train investigators")
    indicator = train.find("result/indicator")
    assert indicator.findtext("title/narrative") == "Officers trained"
    assert indicator.get("ascending") == "1"
    baseline = indicator.find("baseline")
    assert (baseline.get("year"), baseline.get("value")) == ("2025", "10")
    periods = [
        (
            p.find("period-start").get("iso-date"),
            p.find("target").get("value") if p.find("target") is not None else None,
            p.find("actual").get("value") if p.find("actual") is not None else None,
        )
        for p in indicator.iter("period")
    ]
    # The last published value of each year; the target in the year it is due.
    assert periods == [("2025-01-01", None, "30"), ("2026-01-01", "50", "40")]


def test_a_plan_without_public_commitments_still_validates(client, jordan, schema):
    plan = make_plan(jordan)
    root = iati(client, f"{plan.url}export.iati.xml", schema)
    assert len(root.findall("iati-activity")) == 1


def test_under_a_language_prefix_the_same_activities(client, published, schema):
    english = iati(client, f"{published.url}export.iati.xml", schema)
    spanish = iati(client, f"/es{published.url}export.iati.xml", schema)
    ids = [a.findtext("iati-identifier") for a in english.iter("iati-activity")]
    assert ids == [a.findtext("iati-identifier") for a in spanish.iter("iati-activity")]


def test_unpublished_plan_has_no_iati_export(client, jordan):
    draft = make_plan(jordan, publish=False)
    assert client.get(f"/plans/{draft.slug}/export.iati.xml").status_code == 404
    assert client.get("/plans/export.iati.xml").status_code == 404


def test_the_iati_export_is_cached_until_the_plan_is_published_again(client, published):
    first = client.get(f"{published.url}export.iati.xml")
    assert "public" in first["Cache-Control"]
    assert client.get(f"{published.url}export.iati.xml")["X-Cache"] == "hit"


def test_the_plan_page_links_its_iati_export_in_every_language(client, published):
    english = client.get(published.url).content.decode()
    assert f'href="{published.url}export.iati.xml"' in english
    assert "IATI (aid transparency data)" in english
    spanish = client.get(f"/es{published.url}").content.decode()
    assert "IATI (datos de transparencia de la ayuda)" in spanish


def test_the_exports_queries_do_not_grow_with_the_plan(client, ke_plan, ke_police, ke_helpline):
    strategies = list(InspireStrategy.objects.order_by("number")[:2])

    def add(count):
        for number in range(count):
            commitment = make_commitment(
                ke_plan,
                ke_police,
                title=f"Commitment {number}",
                supporting=[ke_helpline],
                inspire_strategies=strategies,
                indicators=[{"name": "People", "baseline": 1, "target": 2}],
            )
            make_update(
                commitment,
                publish=True,
                measurements=[
                    {
                        "indicator": commitment.indicators.get(),
                        "measured_on": datetime.date(2025, 1, 1),
                        "value": 1,
                    }
                ],
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{ke_plan.url}export.iati.xml")["X-Cache"] == "miss"
        return len(captured)

    add(2)
    queries()  # the first request also reads what every request then finds cached
    caching.invalidate_plan(ke_plan.pk)
    small = queries()
    add(4)
    assert queries() == small


def test_control_characters_pasted_into_a_commitment_do_not_break_the_file(
    client, ke_plan, ke_police, schema
):
    make_commitment(
        ke_plan,
        ke_police,
        title="Vertical\x0btab",
        description="Form\x0cfeed and bell\x07",
        indicators=[{"name": "Escape\x1b", "unit": "\x01"}],
    )
    root = iati(client, f"{ke_plan.url}export.iati.xml", schema)
    assert activity(root, "Verticaltab").findtext("description/narrative") == "Formfeed and bell"


def test_publishing_a_commitment_shows_it_in_the_next_file(client, published, ke_police, schema):
    assert "Report hotline" not in client.get(f"{published.url}export.iati.xml").content.decode()
    make_commitment(published, ke_police, title="Report hotline")
    activity(iati(client, f"{published.url}export.iati.xml", schema), "Report hotline")


def test_unpublishing_the_plan_removes_its_cached_iati_export(client, published):
    assert client.get(f"{published.url}export.iati.xml").status_code == 200
    published.unpublish()
    assert client.get(f"{published.url}export.iati.xml").status_code == 404


def test_a_date_outside_the_plans_period_keeps_the_budget(client, ke_plan, ke_police, schema):
    make_commitment(
        ke_plan,
        ke_police,
        title="Late start",
        start_date=datetime.date(2030, 3, 1),
        estimated_cost=Decimal("100"),
        currency="KES",
        budget_visibility="public",
    )
    late = activity(iati(client, f"{ke_plan.url}export.iati.xml", schema), "Late start")
    dates = {d.get("type"): d.get("iso-date") for d in late.iter("activity-date")}
    assert dates == {"1": "2030-03-01", "3": "2030-03-01"}
    assert [b.findtext("value") for b in late.iter("budget")] == ["100"]
