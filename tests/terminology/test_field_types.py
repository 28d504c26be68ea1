"""Every term to avoid is found in each kind of text field of plans, sections,
commitments, indicators and progress updates (StreamField: see test_checker)."""

import pytest

from terminology.selectors import findings_for_instance
from tracking.models import IndicatorMeasurement, ProgressUpdate

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def fields_with(obj):
    return sorted({f.field for f in findings_for_instance(obj) if f.blocking})


def test_commitment_char_and_text_fields_and_indicators(ke_plan, ke_police, avoid_terms):
    commitment = make_commitment(ke_plan, ke_police, publish=False)
    for term in avoid_terms:
        commitment.title = f"Act on {term.phrase}"  # CharField
        commitment.description = f"Tackle {term.phrase}s."  # TextField
        commitment.internal_notes = term.phrase.upper()
        commitment.indicators = [
            commitment.indicators.model(name=f"Cases of {term.phrase}", unit="cases")
        ]
        assert fields_with(commitment) == [
            "description",
            "indicators-0-name",
            "internal_notes",
            "title",
        ], term.phrase


def test_plan_rich_text_fields_and_capability_sections(ke_plan, avoid_terms):
    plan = ke_plan.get_latest_revision_as_object()
    section = plan.capability_sections.all()[0]
    for term in avoid_terms:
        plan.summary = f"<p>The plan ends <b>{term.phrase}</b>.</p>"  # RichTextField
        plan.search_description = term.phrase  # Page's own TextField
        section.objective = f"No more {term.phrase}."
        section.baseline_finding = ""
        plan.capability_sections = [section]
        assert fields_with(plan) == [
            "capability_sections-0-objective",
            "search_description",
            "summary",
        ], term.phrase


def test_progress_update_narrative_and_measurement_source(ke_plan, ke_police, avoid_terms):
    commitment = make_commitment(ke_plan, ke_police)
    for term in avoid_terms:
        update = ProgressUpdate(
            commitment=commitment,
            agency=ke_police,
            status="on_track",
            progress=10,
            narrative=f"Cases of {term.phrase} fell.",
        )
        update.measurements = [IndicatorMeasurement(value=1, source=term.phrase)]
        assert fields_with(update) == ["measurements-0-source", "narrative"], term.phrase


def test_accepted_quotation_exempts_the_quoted_title_only(ke_plan, ke_police):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        publish=False,
        description="Review the Anti-Child Pornography Act of 2009.",
        terminology_quotations="Anti-Child Pornography Act of 2009",
    )
    findings = findings_for_instance(commitment)
    assert [(f.field, f.quoted, f.blocking) for f in findings] == [("description", True, False)]
    commitment.title = "Child pornography units"
    assert [f.field for f in findings_for_instance(commitment) if f.blocking] == ["title"]


def test_an_inactive_term_is_not_checked(ke_plan, ke_police):
    from terminology.models import Term

    Term.objects.filter(phrase="sextortion").update(active=False)
    commitment = make_commitment(ke_plan, ke_police, publish=False, description="sextortion")
    assert findings_for_instance(commitment) == []
