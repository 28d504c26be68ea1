"""A commitment's translation into another language (its "Translations" tab) is checked in
the language it is written in: "pornografía infantil" in the Spanish translation of an
English commitment is flagged with the agreed Spanish term, and refused on submit."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from plans import services as plan_services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"
WARNING = "Terminology: avoid “pornografía infantil” → use “material de abuso sexual infantil”"


@pytest.fixture
def draft(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Open a digital forensics lab", publish=False)


def edit_data(client, user, commitment, description, **changes):
    client.force_login(user)
    url = f"{BASE}/edit/{commitment.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        {
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "0",
            "translations-0-id": "",
            "translations-0-ORDER": "1",
            "translations-0-DELETE": "",
            "translations-0-language_code": "es",
            "translations-0-title": "Abrir un laboratorio de informática forense",
            "translations-0-description": description,
            "translations-0-funding_source": "",
        }
    )
    for name, value in changes.items():
        data[name] = value
    return url, data


def test_a_spanish_translation_is_flagged_with_the_agreed_spanish_term(
    client, draft, ke_police_drafter
):
    description = "Bloquear la pornografía infantil en línea."
    url, data = edit_data(client, ke_police_drafter, draft, description)
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    saved = Commitment.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert [t.description for t in saved.translations.all()] == [description], (
        "a draft may be saved with a finding"
    )
    assert WARNING in html
    # Under the translation's own description field.
    before_field = html.split('id="id_translations-0-description"')[0]
    field_html = before_field.rsplit('data-contentpath="description"', 1)[-1]
    assert "terminology-warning" in field_html
    assert "material de abuso sexual infantil" in field_html


def test_submitting_a_spanish_translation_with_a_term_to_avoid_is_refused(
    client, draft, ke_police_drafter
):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        "Bloquear la PORNOGRAFIA INFANTIL en línea.",
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "“PORNOGRAFIA INFANTIL” is a term to avoid" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
    assert not Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_the_agreed_spanish_term_in_a_translation_may_be_submitted(
    client, draft, ke_police_drafter
):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        "Bloquear el material de abuso sexual infantil en línea.",
        **{"action-submit": "action-submit"},
    )
    assert client.post(url, data).status_code == 302
    assert Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_the_translation_opens_with_its_warning(client, draft, ke_police_drafter):
    plan_services.commitment_translate(
        actor=None,
        commitment=draft,
        language_code="es",
        title="Bloquear la pornografía infantil",
    )
    client.force_login(ke_police_drafter)
    html = client.get(f"{BASE}/edit/{draft.pk}/").content.decode()
    assert WARNING in html


def test_publishing_a_translation_with_a_term_to_avoid_is_refused_in_the_service(draft):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        plan_services.commitment_translate(
            actor=None,
            commitment=draft,
            language_code="fr",
            title="Lutter contre la pédopornographie",
            publish=True,
        )
    assert "translations-0-title" in refused.value.message_dict
    assert not Commitment.objects.get(pk=draft.pk).live
