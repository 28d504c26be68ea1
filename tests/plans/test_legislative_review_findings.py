"""A legislative review's unmet criteria are findings of the register (MNR capability 3):
one per criterion, updated when its status changes, addressed once it is met, answered
by a commitment like any finding; a published review publishes them, an internal one
never does."""

import pytest

from plans import selectors, services
from plans.models import AssessmentStatus, Finding, LegislativeAssessment, LegislativeCriterion
from plans.reference_data import LEGISLATIVE_CRITERIA

from ..factories import make_commitment
from ..legislation_helpers import make_review

pytestmark = pytest.mark.django_db

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET


def set_status(review, code, status):
    review.refresh_from_db()
    rows = list(review.assessments.all())
    for assessment in rows:
        if assessment.criterion.code == code:
            assessment.status = status
    review.assessments = rows  # the children in memory, as the admin form leaves them
    return services.legislative_review_save(actor=None, review=review)


def test_the_checklist_is_seeded_in_five_languages():
    criteria = list(LegislativeCriterion.objects.order_by("order"))
    assert [c.code for c in criteria] == [row[1] for row in LEGISLATIVE_CRITERIA]
    assert "knowing-possession" in {c.code for c in criteria}
    for criterion in criteria:
        for language in ("ar", "es", "fr", "sw"):
            assert criterion.name_in(language) != criterion.name, (criterion.code, language)
    assert LegislativeCriterion.objects.get(code="csam-defined").name_in("es") == (
        "El material de abuso sexual infantil está definido"
    )


def test_every_criterion_gets_a_row(kenya):
    review = make_review(kenya, statuses={"csam-defined": MET})
    assert review.assessments.count() == len(LEGISLATIVE_CRITERIA)
    assert review.assessments.filter(status=AssessmentStatus.NOT_ASSESSED).count() == 7


def test_unmet_and_partly_met_criteria_become_findings_of_capability_3(kenya):
    make_review(
        kenya, statuses={"isp-reporting": NOT_MET, "online-grooming": PARTLY, "csam-defined": MET}
    )
    findings = Finding.objects.filter(country=kenya).order_by("legislative_criterion__order")
    assert [f.legislative_criterion.code for f in findings] == ["isp-reporting", "online-grooming"]
    isp, grooming = findings
    assert isp.source_kind == Finding.SourceKind.LEGISLATIVE_REVIEW
    assert [c.number for c in isp.capabilities.all()] == [3]
    assert isp.severity == Finding.Severity.HIGH and grooming.severity == Finding.Severity.MEDIUM
    assert "not met" in isp.title and "partly met" in grooming.title
    assert "Republic Act No. 11930 of 2022, s. 4" in isp.text
    assert isp.public and isp.status == Finding.Status.OPEN


def test_saving_again_updates_the_finding_instead_of_adding_one(kenya):
    review = make_review(kenya, statuses={"isp-reporting": PARTLY})
    finding = Finding.objects.get(country=kenya)
    set_status(review, "isp-reporting", NOT_MET)
    assert Finding.objects.filter(country=kenya).count() == 1
    finding.refresh_from_db()
    assert "not met" in finding.title and finding.severity == Finding.Severity.HIGH


def test_a_commitment_answers_the_finding_and_it_counts_as_answered(kenya, ke_plan, ke_police):
    make_review(kenya, statuses={"isp-reporting": NOT_MET})
    finding = Finding.objects.get(country=kenya)
    assert [f.pk for f in selectors.public_findings_unanswered(ke_plan)] == [finding.pk]
    make_commitment(ke_plan, ke_police, title="Draft the ISP reporting duty", findings=[finding])
    assert list(selectors.public_findings_unanswered(ke_plan)) == []
    (row,) = selectors.findings_of_country(country_id=kenya.pk)
    assert selectors.finding_state(row) == Finding.Status.ANSWERED


def test_met_later_marks_the_finding_addressed_and_unmet_again_reopens_it(kenya):
    review = make_review(kenya, statuses={"sexual-extortion": NOT_MET})
    set_status(review, "sexual-extortion", MET)
    finding = Finding.objects.get(country=kenya)
    assert finding.status == Finding.Status.ADDRESSED
    set_status(review, "sexual-extortion", PARTLY)
    finding.refresh_from_db()
    assert finding.status == Finding.Status.OPEN
    assert Finding.objects.filter(country=kenya).count() == 1


def test_an_internal_review_raises_internal_findings_until_it_is_published(kenya):
    review = make_review(kenya, statuses={"isp-reporting": NOT_MET}, public=False)
    finding = Finding.objects.get(country=kenya)
    assert finding.public is False
    set_status(review, "online-grooming", PARTLY)  # still internal: nothing published
    assert not Finding.objects.filter(country=kenya, public=True).exists()
    review.refresh_from_db()
    review.public = True
    services.legislative_review_save(actor=None, review=review)
    assert Finding.objects.filter(country=kenya, public=True).count() == 2
    review.public = False
    services.legislative_review_save(actor=None, review=review)
    assert not Finding.objects.filter(country=kenya, public=True).exists()


def test_a_finding_written_before_the_review_is_adopted_not_duplicated(kenya):
    from ..findings_helpers import make_finding

    old = make_finding(kenya, title="No duty on providers", capabilities=(3,))
    criterion = LegislativeCriterion.objects.get(code="isp-reporting")
    services.legislative_finding_adopt(actor=None, finding=old, criterion=criterion)
    make_review(kenya, statuses={"isp-reporting": NOT_MET})
    assert list(Finding.objects.filter(country=kenya)) == [old]


def test_a_criterion_assessed_twice_is_refused_and_nothing_is_saved(kenya):
    with pytest.raises(services.ValidationError) as refused:
        services.legislative_review_create(
            actor=None,
            country=kenya,
            title="Review",
            assessments=[
                {"criterion": "isp-reporting", "status": NOT_MET},
                {"criterion": "isp-reporting", "status": MET},
            ],
        )
    assert str(services.CRITERION_TWICE).split("“")[0] in str(refused.value)
    assert not LegislativeAssessment.objects.exists()
    assert not Finding.objects.exists()


def test_a_second_review_of_the_same_country_is_refused(kenya):
    make_review(kenya)
    with pytest.raises(services.ValidationError):
        make_review(kenya, title="Another")


def test_no_field_holds_data_about_a_child():
    """Laws, articles and notes only: every free-text field says so in its help text."""
    from plans.models import LegislativeReview, PendingBill
    from plans.models.findings import NO_CHILD_DATA

    for model, name in (
        (LegislativeReview, "summary"),
        (LegislativeAssessment, "note"),
        (PendingBill, "note"),
    ):
        assert model._meta.get_field(name).help_text == NO_CHILD_DATA


def test_a_public_review_with_a_term_to_avoid_is_refused_unless_it_is_quoted(kenya):
    bill = {"title": "Anti-Child Pornography (Amendment) Bill", "stage": "tabled"}
    with pytest.raises(services.ValidationError):
        make_review(kenya, statuses={"isp-reporting": NOT_MET}, bills=[bill])
    assert not Finding.objects.exists()
    review = make_review(
        kenya,
        statuses={"isp-reporting": NOT_MET},
        bills=[bill],
        terminology_quotations="Anti-Child Pornography (Amendment) Bill",
    )
    assert review.public and review.pending_bills.count() == 1
