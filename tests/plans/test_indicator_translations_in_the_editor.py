"""In the commitment's Translations tab a drafter names its indicators in another
language: she picks one of this commitment's indicators (never another commitment's),
in another language than the plan's, and it waits in the draft like any change."""

import pytest

from ..factories import make_commitment
from .test_commitment_admin import edit_form_data, edit_url

pytestmark = pytest.mark.django_db

NAME = "Officers certified"
SWAHILI = "Maafisa waliothibitishwa"


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, indicators=[{"name": NAME, "unit": "officers"}])


@pytest.fixture
def other(ke_plan, ke_helpline):
    return make_commitment(ke_plan, ke_helpline, indicators=[{"name": "Calls answered"}])


def with_translation(data, indicator, language="sw", name=SWAHILI, **extra):
    data = data.copy()
    prefix = "indicator_translations"
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data.update(
        {
            f"{prefix}-0-id": "",
            f"{prefix}-0-ORDER": "1",
            f"{prefix}-0-DELETE": "",
            f"{prefix}-0-indicator": str(indicator.pk),
            f"{prefix}-0-language_code": language,
            f"{prefix}-0-name": name,
            f"{prefix}-0-unit": "maafisa",
        }
    )
    data.update(extra)
    return data


def test_the_editor_offers_only_this_commitments_indicators(
    client, commitment, other, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    response = client.get(edit_url(commitment))
    formset = response.context["form"].formsets["indicator_translations"]
    assert list(formset.empty_form.fields["indicator"].queryset) == [commitment.indicators.get()]
    assert "Calls answered" not in response.content.decode()


def test_a_drafter_translates_an_indicator_in_the_draft(client, commitment, ke_police_drafter):
    data = edit_form_data(client, ke_police_drafter, commitment)
    indicator = commitment.indicators.get()
    response = client.post(edit_url(commitment), with_translation(data, indicator))
    assert response.status_code == 302, response.content.decode()[:2000]
    commitment.refresh_from_db()
    draft = commitment.get_latest_revision_as_object()
    assert [(t.language_code, t.name) for t in draft.indicator_translations.all()] == [
        ("sw", SWAHILI)
    ]
    assert not commitment.indicator_translations.exists(), "public only once published"
    page = client.get(f"/sw/plans/{commitment.plan.slug}/commitments/{commitment.pk}/")
    assert SWAHILI not in page.content.decode()


def test_a_translation_in_the_plans_language_is_refused_with_a_message(
    client, commitment, ke_police_drafter
):
    data = edit_form_data(client, ke_police_drafter, commitment)
    revisions = commitment.revisions.count()
    response = client.post(
        edit_url(commitment), with_translation(data, commitment.indicators.get(), "en")
    )
    assert response.status_code == 200
    assert "The commitment is written in English already." in response.content.decode()
    assert commitment.revisions.count() == revisions


def test_a_translation_of_an_indicator_being_removed_is_refused(
    client, commitment, ke_police_drafter
):
    data = edit_form_data(client, ke_police_drafter, commitment)
    revisions = commitment.revisions.count()
    response = client.post(
        edit_url(commitment),
        with_translation(data, commitment.indicators.get(), **{"indicators-0-DELETE": "1"}),
    )
    assert response.status_code == 200
    assert "This indicator is being removed" in response.content.decode()
    assert commitment.revisions.count() == revisions
