"""A translation the system publishes (the demo's English Jordan and Peru) keeps the texts
it was given once the transaction commits: wagtail-localize's own publish of its copy,
run on commit, must not bring the original's words back."""

import pytest

from plans import services
from plans.models import NationalPlanPage

from ..factories import CountryFactory, make_plan_in_its_language

pytestmark = pytest.mark.django_db


def test_the_published_translation_has_the_given_texts_after_commit(
    client, django_capture_on_commit_callbacks
):
    jordan = CountryFactory(code="jo", name="Jordan", default_language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan_in_its_language(
            jordan,
            title="الخطة الوطنية",
            objective="تعزيز التحقيق",
            start=2025,
            end=2030,
            slug="jo-2025-2030",
        )
    with django_capture_on_commit_callbacks(execute=True):
        translated = services.plan_translation_publish_as_system(
            plan=plan,
            language_code="en",
            fields={"title": "National plan"},
            sections={4: {"objective": "Stronger investigations"}},
        )
    translated = NationalPlanPage.objects.get(pk=translated.pk)
    assert translated.live and translated.title == "National plan"
    html = client.get("/plans/jo-2025-2030/").content.decode()
    assert "National plan" in html and "Stronger investigations" in html
    assert "الخطة الوطنية" not in html and "تعزيز التحقيق" not in html
