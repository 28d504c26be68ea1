"""demo.legislation gives each demo country its own legislative review: different
statuses, real law citations, bills pending in several countries, one review internal;
the findings the demo register had about a criterion become the review's, and loading
again changes nothing."""

import pytest

from demo.findings import add_demo_findings
from demo.legislation import ADOPTED, REVIEWS, add_demo_legislation
from plans.models import Finding, LegislativeCriterion, LegislativeReview

from ..factories import CountryFactory, make_plan

pytestmark = pytest.mark.django_db


def test_the_five_reviews_differ_and_cite_laws():
    assert set(REVIEWS) == {"jo", "ke", "pe", "ph", "tz"}
    codes = set(LegislativeCriterion.objects.values_list("code", flat=True))
    profiles = set()
    for code, spec in REVIEWS.items():
        assert {row["criterion"] for row in spec["assessments"]} == codes, code
        profiles.add(tuple(row["status"] for row in spec["assessments"]))
        assert any(row["law"] for row in spec["assessments"]), code
    assert len(profiles) == 5
    assert sum(bool(spec["bills"]) for spec in REVIEWS.values()) >= 2
    assert any(not spec["public"] for spec in REVIEWS.values())
    assert "Republic Act No. 11930 of 2022" in str(REVIEWS["ph"])
    assert "Cybercrime Law No. 17 of 2023" in str(REVIEWS["jo"])


def test_a_finding_of_the_register_becomes_the_reviews_and_reloading_adds_nothing():
    kenya = CountryFactory(code="ke", name="Kenya")
    plan = make_plan(kenya)
    add_demo_findings(kenya, plan)
    before = Finding.objects.filter(country=kenya).count()
    review = add_demo_legislation(kenya, plan)
    assert review is not None and review.public
    adopted = Finding.objects.get(legislative_criterion__code="isp-reporting", country=kenya)
    assert adopted.title != ADOPTED["ke"]["isp-reporting"]  # now worded by the review
    unmet = sum(row["status"] in ("not_met", "partly") for row in REVIEWS["ke"]["assessments"])
    assert Finding.objects.filter(country=kenya).count() == before + unmet - 1
    assert add_demo_legislation(kenya, plan) is None
    assert LegislativeReview.objects.count() == 1
    assert Finding.objects.filter(country=kenya).count() == before + unmet - 1
