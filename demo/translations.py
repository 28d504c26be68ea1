"""Each demo plan written in its original language gets a published English translation
(wagtail-localize's, as a coordinator's would be once approved), from the content
modules' English texts; its commitments carry theirs (`demo.plans._english`)."""

from wagtail.models import Locale

from plans import services

from .content import build_language, text
from .results import GOAL


def publish_original_language(plan, spec) -> None:
    """Publish the English translation of `plan` (written from `spec`, a
    `demo.content.PlanContent`), unless it is written in English or has one already."""
    if build_language(plan.country.code) == "en":
        return
    english = Locale.objects.get(language_code="en")
    if plan.get_translation_or_none(english) is not None:
        return  # loaded before: load_demo stays idempotent
    written = {section.capability: section for section in spec.sections}
    services.plan_translation_publish_as_system(
        plan=plan,
        language_code="en",
        fields={
            "title": text(spec.title, "en"),
            "summary": text(spec.summary, "en"),
            "vision": text(spec.vision, "en"),
            "goal": text(GOAL, "en"),
            "situation_analysis": text(spec.situation, "en"),
            "coordination_body": text(spec.coordination, "en"),
            "monitoring_evaluation": text(spec.monitoring, "en"),
        },
        sections={
            number: _section_in_english(written.get(number), spec)
            for number in plan.capability_sections.values_list("capability__number", flat=True)
        },
    )


def _section_in_english(section, spec) -> dict:
    texts = {"baseline_sources": text(spec.baseline_sources, "en")}
    if section is not None:
        texts["objective"] = text(section.objective, "en")
        texts["baseline_finding"] = text(section.baseline, "en")
    return texts
