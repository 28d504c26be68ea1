"""The five demo countries read as five different plans: their own commitments, figures,
currency and progress, with dates that agree with the day the demo was loaded."""

import csv
import dataclasses
import datetime
import io
import itertools

import pytest
from django.utils import timezone

from demo import content
from plans.models import Commitment
from plans.selectors import published_plans
from tracking.models import ProgressUpdate

CURRENCIES = {"jo": "JOD", "ke": "KES", "pe": "PEN", "ph": "PHP", "tz": "TZS"}
OPEN = ("not_started", "on_track", "at_risk")


@pytest.mark.django_db
def test_countries_have_their_own_commitments_currency_and_figures(demo, client):
    titles = {
        code: set(
            Commitment.objects.filter(plan__country__code=code).values_list("title", flat=True)
        )
        for code in CURRENCIES
    }
    for a, b in itertools.combinations(CURRENCIES, 2):
        assert len(titles[a] & titles[b]) <= 1, (a, b, titles[a] & titles[b])
    for code, currency in CURRENCIES.items():
        currencies = set(
            Commitment.objects.filter(plan__country__code=code)
            .exclude(estimated_cost=None)
            .values_list("currency", flat=True)
        )
        assert currencies == {currency}, code

    assert client.get("/compare/").status_code == 200
    rows = list(
        csv.DictReader(io.StringIO(client.get("/compare/export.csv").content.decode("utf-8-sig")))
    )
    figures = {}
    for row in rows:
        figures.setdefault(row["plan"], []).append(
            (
                row["in_plan"],
                row["baseline_level"],
                row["average_progress_percent"],
                row["public_commitments"],
            )
        )
    assert len(figures) == 5
    for a, b in itertools.combinations(figures.values(), 2):
        assert a != b, "two countries show the same figures on /compare/"

    budgets = {}
    for plan in published_plans():
        data = client.get(f"{plan.url}export.json").json()
        funded = [c["funding"] for c in data["commitments"] if c.get("funding")]
        assert funded, plan.country.code
        budgets[plan.country.code] = sorted(str(f["cost"]) for f in funded)
    assert len({tuple(b) for b in budgets.values()}) == 5


@pytest.mark.django_db
def test_no_commitment_reports_on_track_past_its_due_date(demo):
    today = timezone.localdate()
    live = Commitment.objects.filter(live=True)
    assert not live.filter(due_date__lt=today, status__in=OPEN).exists()
    assert not ProgressUpdate.objects.filter(
        status="on_track", reporting_date__gt=models_due()
    ).exists()
    assert not ProgressUpdate.objects.filter(reporting_date__gt=today).exists()
    for code in CURRENCIES:
        overdue = live.filter(plan__country__code=code, due_date__lt=today).exclude(
            status__in=("completed", "dropped")
        )
        assert overdue.exists(), f"{code} has overdue commitments, on purpose"
        for commitment in overdue:
            assert commitment.status == "delayed", commitment.title
            last = commitment.progress_updates.order_by("-reporting_date").first()
            assert last.status == "delayed" and last.narrative, commitment.title
    for plan in published_plans():
        first = datetime.date(plan.period_start, 1, 1)
        last = datetime.date(plan.period_end, 12, 31)
        for commitment in plan.commitments.all():
            assert first <= commitment.start_date < commitment.due_date <= last, commitment.title


def models_due():
    from django.db.models import F

    return F("commitment__due_date")


@pytest.mark.parametrize("years_later", [0, 1, 3])
def test_every_plan_is_coherent_whenever_it_is_loaded(years_later):
    day = datetime.date.today() + datetime.timedelta(days=365 * years_later)
    for plan in content.all_plans():
        content.check(plan, day)


def test_check_refuses_a_commitment_on_track_years_past_due():
    plan = content.plan_content("jo")
    stale = dataclasses.replace(plan.commitments[0], status=content.ON_TRACK, start=-20, months=6)
    broken = dataclasses.replace(plan, commitments=(stale, *plan.commitments[1:]))
    with pytest.raises(ValueError, match="on track"):
        content.check(broken)


def test_every_text_has_its_original_language_and_english():
    originals = {plan.code: plan.language for plan in content.all_plans()}
    assert originals == {"jo": "ar", "ke": "en", "pe": "es", "ph": "en", "tz": "sw"}
    assert {code: content.build_language(code) for code in originals} == originals
    for plan in content.all_plans():
        for item in plan.commitments:
            assert set(item.title) == {"en", plan.language}
