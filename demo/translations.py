"""Each demo plan written in its original language gets a published English translation
(wagtail-localize's, as a coordinator's would be once approved), from the content
modules' English texts; its commitments carry theirs (`demo.plans._english`)."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from plans import services
from plans.models import NationalPlanPage

from .content import build_language, text


def publish_original_language(plan, spec) -> None:
    """Publish the English translation of `plan` (written from `spec`, a
    `demo.content.PlanContent`), unless it is written in English or has one already."""
    if build_language(plan.country.code) == "en":
        return
    english = Locale.objects.get(language_code="en")
    if plan.get_translation_or_none(english) is not None:
        return  # loaded before: load_demo stays idempotent
    source, _created = TranslationSource.get_or_create_from_instance(plan)
    source.create_or_update_translation(
        english, publish=True, copy_parent_pages=True, fallback=True
    )
    translated = NationalPlanPage.objects.get(pk=plan.get_translation(english).pk)
    translated.title = text(spec.title, "en")
    translated.summary = text(spec.summary, "en")
    translated.vision = text(spec.vision, "en")
    translated.situation_analysis = text(spec.situation, "en")
    translated.coordination_body = text(spec.coordination, "en")
    translated.monitoring_evaluation = text(spec.monitoring, "en")
    sections = {section.capability: section for section in spec.sections}
    rows = list(translated.capability_sections.select_related("capability"))
    for row in rows:
        section = sections.get(row.capability.number)
        if section is not None:
            row.objective = text(section.objective, "en")
            row.baseline_finding = text(section.baseline, "en")
        row.baseline_sources = text(spec.baseline_sources, "en")
    # Assigned, not edited in place: the revision serialises the relation as assigned.
    translated.capability_sections = rows
    translated.save_revision().publish()
    services.plan_setup(plan=translated)
