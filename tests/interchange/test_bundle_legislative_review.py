"""A country's legislative review travels in its bundle: its assessments per criterion
(matched by code), its pending bills with the criteria they would meet, and the findings
it raised, still linked to their criteria and to the commitments that answer them. The
import restores the findings as they were (never re-synced), and the review goes on
updating its own findings afterwards instead of adding new ones."""

import pytest
from django.core.management import call_command

from plans import services as plan_services
from plans.models import AssessmentStatus, Commitment, Finding, LegislativeReview

from ..factories import make_commitment
from ..findings_helpers import make_finding
from ..legislation_helpers import make_review
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET
BILL = {
    "title": "Computer Misuse and Cybercrimes (Amendment) Bill, 2025",
    "stage": "committee",
    "criteria": ["csam-defined", "technology-facilitated"],
    "note": "Second reading expected in March.",
}


@pytest.fixture
def review(ke_plan, ke_police):
    review = make_review(
        ke_plan.country,
        statuses={"csam-defined": NOT_MET, "technology-facilitated": PARTLY, "isp-reporting": MET},
        bills=[BILL, {"title": "Data Protection (Amendment) Bill", "stage": "drafted"}],
        summary="The Sexual Offences Act predates online offending.",
        source_url="https://example.org/ke-legislative-review-2025.pdf",
    )
    raised = Finding.objects.get(legislative_criterion__code="csam-defined")
    # The coordinator sharpened the raised finding's text: the import must keep it.
    raised.text = "No definition of child sexual abuse material in the Sexual Offences Act."
    plan_services.finding_save(actor=None, finding=raised)
    make_commitment(ke_plan, ke_police, title="Define abuse material in law", findings=[raised])
    make_finding(ke_plan.country, title="Police lack forensic tools")
    return review


def review_of(code):
    review = LegislativeReview.objects.get(country__code=code)
    return {
        "review": (
            review.title,
            review.date,
            review.source_url,
            review.summary,
            review.public,
            review.terminology_quotations,
            review.created_at,
        ),
        "assessments": sorted(
            (a.criterion.code, a.status, a.law, a.article, a.note)
            for a in review.assessments.select_related("criterion")
        ),
        "bills": [
            (b.title, b.stage, sorted(c.code for c in b.criteria.all()), b.note)
            for b in review.pending_bills.order_by("pk")
        ],
        "findings": sorted(
            (
                f.legislative_criterion.code if f.legislative_criterion else "",
                f.title,
                f.text,
                f.status,
                f.public,
                sorted(c.title for c in f.commitments.all()),
            )
            for f in Finding.objects.filter(country__code=code)
        ),
    }


def test_the_legislative_review_and_its_findings_round_trip(tmp_path, review):
    before = review_of("ke")
    assert len(before["findings"]) == 3  # two raised by the review, one written by hand
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not LegislativeReview.objects.exists()
    call_command("import_plan_bundle", str(path))

    assert review_of("ke") == before
    commitment = Commitment.objects.get(title="Define abuse material in law")
    assert [f.legislative_criterion.code for f in commitment.findings.all()] == ["csam-defined"]


def test_the_restored_review_updates_its_own_findings(tmp_path, review):
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    call_command("import_plan_bundle", str(path))

    restored = LegislativeReview.objects.get(country__code="ke")
    rows = list(restored.assessments.select_related("criterion"))
    for assessment in rows:
        if assessment.criterion.code == "csam-defined":
            assessment.status = MET
    restored.assessments = rows
    plan_services.legislative_review_save(actor=None, review=restored)

    raised = Finding.objects.filter(country__code="ke", legislative_criterion__code="csam-defined")
    assert [f.status for f in raised] == [Finding.Status.ADDRESSED]
    assert Finding.objects.filter(country__code="ke").count() == 3
