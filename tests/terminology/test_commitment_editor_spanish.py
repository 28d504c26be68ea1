"""A Spanish commitment (a plan of Peru, whose language is Spanish) is checked against the
Spanish list in the editor: flagged with the agreed Spanish term, and refused on submit,
as "child pornography" is in English."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment
from stakeholders.models import Agency, Membership

from ..factories import AgencyFactory, CountryFactory, UserFactory, make_commitment, make_plan
from ..factories import member as add_member

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"
WARNING = "Terminology: avoid “pornografía infantil” → use “material de abuso sexual infantil”"


@pytest.fixture
def peru():
    return CountryFactory(code="pe", name="Peru", default_language="es")


@pytest.fixture
def pe_police(peru):
    return AgencyFactory(
        country=peru,
        name="División de Investigación de Delitos de Alta Tecnología",
        acronym="DIVINDAT",
        sector=Agency.Sector.LAW_ENFORCEMENT,
    )


@pytest.fixture
def pe_police_drafter(pe_police):
    user = UserFactory(username="pe-police-drafter")
    add_member(user, pe_police, Membership.Role.DRAFTER)
    return user


@pytest.fixture
def draft(peru, pe_police):
    plan = make_plan(peru)
    return make_commitment(
        plan, pe_police, title="Abrir un laboratorio de informática forense", publish=False
    )


def edit_data(client, user, commitment, **changes):
    client.force_login(user)
    url = f"{BASE}/edit/{commitment.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name, value in changes.items():
        data[name] = value
    return url, data


def test_a_spanish_term_to_avoid_is_flagged_with_the_agreed_spanish_term(
    client, draft, pe_police_drafter
):
    description = "Bloquear la pornografía infantil en línea."
    url, data = edit_data(client, pe_police_drafter, draft, description=description)
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    saved = Commitment.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert saved.description == description, "a draft may be saved with a finding"
    assert WARNING in html
    field_html = html.split('data-contentpath="description"')[1].split("</textarea>")[0]
    assert "terminology-warning" in field_html
    assert "material de abuso sexual infantil" in field_html


def test_submitting_with_a_spanish_term_to_avoid_is_refused(client, draft, pe_police_drafter):
    url, data = edit_data(
        client,
        pe_police_drafter,
        draft,
        description="Bloquear la PORNOGRAFIA INFANTIL en línea.",
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "“PORNOGRAFIA INFANTIL” is a term to avoid" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
    assert not Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_english_is_still_checked_in_a_spanish_plan(client, draft, pe_police_drafter):
    url, data = edit_data(
        client,
        pe_police_drafter,
        draft,
        description="Coordinar con INTERPOL sobre child pornography.",
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert "“child pornography” is a term to avoid" in response.content.decode()
    assert not Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_a_quoted_spanish_law_title_may_be_submitted(client, draft, pe_police_drafter):
    law = "Ley de Delitos de Pornografía Infantil"
    url, data = edit_data(
        client,
        pe_police_drafter,
        draft,
        description=f"Revisar la {law} con la fiscalía.",
        terminology_quotations=law,
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_the_agreed_spanish_term_may_be_submitted(client, draft, pe_police_drafter):
    url, data = edit_data(
        client,
        pe_police_drafter,
        draft,
        description="Bloquear el material de abuso sexual infantil en línea.",
        **{"action-submit": "action-submit"},
    )
    assert client.post(url, data).status_code == 302
    assert Commitment.objects.get(pk=draft.pk).workflow_in_progress
