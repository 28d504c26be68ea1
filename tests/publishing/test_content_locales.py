"""Plan content in several languages (wagtail-localize on Wagtail's locales).

English pages are the default; a page with no live translation is shown in English under
the visitor's prefix, and a published translation replaces it there.
"""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from plans.models import NationalPlanPage

from ..factories import make_commitment
from ..factories import translate_page as translate

pytestmark = pytest.mark.django_db


def publish_parents(page):
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()


def test_the_five_locales_exist_and_english_is_the_default():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.LANGUAGES}
    assert Locale.get_default().language_code == "en"
    root = Site.objects.get(is_default_site=True).root_page
    assert root.locale.language_code == "en"
    assert set(
        Page.objects.filter(depth__gt=1).values_list("locale__language_code", flat=True)
    ) == {"en"}


def test_untranslated_pages_are_shown_in_english_under_each_prefix(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Train investigators")
    with translation.override("ar"):
        assert Site.objects.get().root_page.localized.locale.language_code == "en"
    html = client.get("/ar/plans/").content.decode()
    assert ke_plan.title in html and f'href="/ar/plans/{ke_plan.slug}/"' in html
    response = client.get(f"/ar/plans/{ke_plan.slug}/")
    assert response.status_code == 200
    assert "Train investigators" in response.content.decode()


def test_a_published_arabic_translation_is_shown_under_ar(client, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    arabic = translate(ke_plan, "ar", title="الخطة الوطنية لكينيا")
    assert arabic.slug == ke_plan.slug and arabic.locale.language_code == "ar"
    assert NationalPlanPage.objects.filter(country=ke_plan.country).count() == 2

    html = client.get(f"/ar/plans/{ke_plan.slug}/").content.decode()
    assert "الخطة الوطنية لكينيا" in html
    assert "Train investigators" in html, "commitments belong to the English plan"
    assert f'href="/ar/plans/{ke_plan.slug}/commitments/{commitment.pk}/"' in html
    assert client.get(f"/ar/plans/{ke_plan.slug}/commitments/{commitment.pk}/").status_code == 200
    assert "الخطة الوطنية لكينيا" in client.get("/ar/plans/").content.decode()

    # Other languages and English are unchanged; the plan is listed once.
    html = client.get(f"/plans/{ke_plan.slug}/").content.decode()
    assert ke_plan.title in html and "الخطة الوطنية لكينيا" not in html
    assert ke_plan.title in client.get(f"/es/plans/{ke_plan.slug}/").content.decode()
    assert client.get("/plans/").content.decode().count(f"/plans/{ke_plan.slug}/") == 1


def test_untranslated_plans_stay_reachable_under_translated_parents(
    client, ke_plan, jo_plan, ke_police
):
    arabic = translate(jo_plan, "ar", title="الخطة الوطنية للأردن")
    publish_parents(arabic)
    with translation.override("ar"):
        assert Site.objects.get().root_page.localized.locale.language_code == "ar"
    html = client.get("/ar/plans/").content.decode()
    assert "الخطة الوطنية للأردن" in html and ke_plan.title in html
    assert client.get(f"/ar/plans/{ke_plan.slug}/").status_code == 200
    assert "الخطة الوطنية للأردن" in client.get(f"/ar/plans/{jo_plan.slug}/").content.decode()


def test_a_draft_translation_is_never_shown(client, ke_plan):
    source, _created = TranslationSource.get_or_create_from_instance(ke_plan)
    source.create_or_update_translation(
        Locale.objects.get(language_code="fr"), publish=False, copy_parent_pages=True, fallback=True
    )
    draft = ke_plan.get_translation(Locale.objects.get(language_code="fr"))
    assert not draft.live
    html = client.get(f"/fr/plans/{ke_plan.slug}/").content.decode()
    assert ke_plan.title in html
