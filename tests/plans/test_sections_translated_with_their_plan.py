"""A plan's capability sections are translated with the plan: wagtail-localize's editor
offers each section's objective for translation, and the published translation shows
the translated objective, never the original's text as if it were the reader's."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from plans.models import NationalPlanPage, PlanCapabilitySection

pytestmark = pytest.mark.django_db

ORIGINAL = "Objective for capability 4"
SWAHILI = "Lengo la uwezo wa nne"


def translate_segment(plan, original_text, text, language="sw"):
    """What the coordinator types in wagtail-localize's editor for one segment."""
    source = TranslationSource.objects.get_for_instance(plan)
    segment = source.stringsegment_set.select_related("string", "context").get(
        string__data=original_text
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code=language),
        context=segment.context,
        data=text,
    )
    return segment.context.path


def test_a_section_objective_is_translated_and_published_with_the_plan(
    client, ke_plan, ke_coordinator, ke_reviewer, django_capture_on_commit_callbacks
):
    client.force_login(ke_coordinator)
    assert client.post(f"/admin/plans/overview/{ke_plan.pk}/translate/", {"locale": "sw"}).url
    path = translate_segment(ke_plan, ORIGINAL, SWAHILI)
    assert path.startswith("capability_sections."), "offered as a section's segment"
    translated = NationalPlanPage.objects.get(
        translation_key=ke_plan.translation_key, locale__language_code="sw"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/plans/translations/{translated.pk}/submit/")
    translated.refresh_from_db()
    client.force_login(ke_reviewer)
    task = translated.current_workflow_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{translated.pk}/approve/{task.pk}/", {"comment": ""}
        )
    client.logout()

    swahili = client.get(f"/sw/plans/{ke_plan.slug}/").content.decode()
    assert SWAHILI in swahili
    assert ORIGINAL not in swahili
    english = client.get(f"/plans/{ke_plan.slug}/").content.decode()
    assert ORIGINAL in english and SWAHILI not in english


def test_a_translated_section_is_in_its_translations_locale_under_one_key(ke_plan):
    source, _created = TranslationSource.get_or_create_from_instance(ke_plan)
    source.create_or_update_translation(
        Locale.objects.get(language_code="sw"), publish=True, fallback=True, copy_parent_pages=True
    )
    original = PlanCapabilitySection.objects.get(plan=ke_plan, capability__number=4)
    copy = PlanCapabilitySection.objects.get(
        plan__translation_key=ke_plan.translation_key,
        plan__locale__language_code="sw",
        capability__number=4,
    )
    assert original.locale.language_code == "en"
    assert copy.locale.language_code == "sw"
    assert copy.translation_key == original.translation_key
    assert copy.pk != original.pk


def test_a_section_added_to_an_arabic_original_is_arabic(jordan):
    from ..factories import make_plan

    plan = make_plan(jordan)
    plan.locale = Locale.objects.get(language_code="ar")
    plan.save()
    section = plan.capability_sections.first()
    section.save()
    assert section.locale.language_code == "ar"
