"""A country's coordinators translate its plan themselves, through the country's review;
nobody else starts or submits a translation of it."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from plans import services
from plans.models import NationalPlanPage

pytestmark = pytest.mark.django_db

SWAHILI_TITLE = "Mpango wa kitaifa wa Kenya 2025-2029"


def overview(plan):
    return f"/admin/plans/overview/{plan.pk}/"


def start(client, plan, language="sw"):
    return client.post(f"/admin/plans/overview/{plan.pk}/translate/", {"locale": language})


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def translations_of(plan):
    return NationalPlanPage.objects.filter(translation_key=plan.translation_key).exclude(pk=plan.pk)


def translate_title(plan, text, language="sw"):
    """What the coordinator types in wagtail-localize's editor: a translated segment."""
    source = TranslationSource.objects.get_for_instance(plan)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code=language),
        context=segment.context,
        data=text,
    )


def test_a_coordinator_starts_a_translation_and_lands_in_its_editor(
    client, ke_plan, ke_coordinator
):
    client.force_login(ke_coordinator)
    html = client.get(overview(ke_plan)).content.decode()
    assert "Start a translation into Swahili" in html

    response = start(client, ke_plan)

    translated = translations_of(ke_plan).get()
    assert translated.locale.language_code == "sw"
    assert not translated.live, "a translation starts as a draft"
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{translated.pk}/edit/"
    assert client.get(response.url).status_code == 200
    assert "Submit for review" in client.get(overview(ke_plan)).content.decode()


def test_the_translation_is_public_only_once_a_reviewer_approves_it(
    client, ke_plan, ke_coordinator, ke_reviewer, django_capture_on_commit_callbacks
):
    client.force_login(ke_coordinator)
    start(client, ke_plan)
    translate_title(ke_plan, SWAHILI_TITLE)
    translated = translations_of(ke_plan).get()
    public = f"/sw/plans/{ke_plan.slug}/"
    assert SWAHILI_TITLE not in client.get(public).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/plans/translations/{translated.pk}/submit/")
    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.workflow_in_progress
    assert SWAHILI_TITLE not in client.get(public).content.decode()

    task_state = translated.current_workflow_task_state
    client.force_login(ke_reviewer)
    approve = f"/admin/pages/workflow/action/{translated.pk}/approve/{task_state.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {"comment": ""}).status_code == 302
    client.logout()
    assert SWAHILI_TITLE in client.get(public).content.decode()


def test_another_countrys_coordinator_cannot_translate_or_submit(
    client, ke_plan, ke_coordinator, jo_coordinator
):
    client.force_login(jo_coordinator)
    assert refused(start(client, ke_plan))
    assert not translations_of(ke_plan).exists()
    assert "Start a translation" not in client.get(overview(ke_plan)).content.decode()

    translated = services.plan_translation_start(
        actor=ke_coordinator, plan=ke_plan, locale=Locale.objects.get(language_code="sw")
    )
    assert refused(client.post(f"/admin/plans/translations/{translated.pk}/submit/"))
    translated.refresh_from_db()
    assert not translated.workflow_in_progress


def test_a_drafter_reads_the_plan_but_does_not_translate_it(client, ke_plan, ke_police_drafter):
    client.force_login(ke_police_drafter)
    html = client.get(overview(ke_plan)).content.decode()
    assert "Translations" not in html
    assert refused(start(client, ke_plan))
    assert not translations_of(ke_plan).exists()


def test_a_second_translation_into_the_same_language_is_refused(client, ke_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    start(client, ke_plan)
    response = start(client, ke_plan, language="sw")
    assert response.status_code == 302
    assert response.url == overview(ke_plan)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[-1] == services.TRANSLATION_EXISTS % {"language": "Swahili"}
    assert translations_of(ke_plan).count() == 1


def test_an_unknown_language_is_refused_with_a_message(client, ke_plan, ke_coordinator):
    client.force_login(ke_coordinator)
    response = start(client, ke_plan, language="xx")
    assert response.status_code == 302
    assert not translations_of(ke_plan).exists()


def test_a_translation_is_not_a_second_plan(client, ke_plan, ke_coordinator):
    """Commitments, imports and "Our plan" belong to the plan as written."""
    client.force_login(ke_coordinator)
    start(client, ke_plan)
    translated = translations_of(ke_plan).get()
    index = client.get("/admin/plans/overview/").content.decode()
    assert index.count(f"/admin/plans/overview/{ke_plan.pk}/") == 1
    assert f"/admin/plans/overview/{translated.pk}/" not in index
    assert client.get(f"/admin/plans/import/{translated.pk}/").status_code == 404
    add_form = client.get("/admin/snippets/plans/commitment/add/").content.decode()
    assert f'value="{translated.pk}"' not in add_form
