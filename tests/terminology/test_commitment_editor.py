"""In the commitment editor: findings are warnings next to the field; submitting for
review or publishing with a term to avoid is refused unless it is a quotation."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"
WARNING = "Terminology: avoid “child pornography” → use “child sexual abuse material (CSAM)”"


@pytest.fixture
def draft(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Open a digital forensics lab", publish=False)


def edit_data(client, user, commitment, **changes):
    client.force_login(user)
    url = f"{BASE}/edit/{commitment.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name, value in changes.items():
        data[name] = value
    return url, data


def test_saving_a_draft_with_a_term_to_avoid_warns_next_to_the_field(
    client, draft, ke_police_drafter
):
    url, data = edit_data(
        client, ke_police_drafter, draft, description="Block child pornography online."
    )
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert Commitment.objects.get(pk=draft.pk).get_latest_revision_as_object().description == (
        "Block child pornography online."
    ), "a draft may be saved with a finding"
    assert WARNING in html
    # The warning sits in the description field's help, not somewhere else on the page.
    field_html = html.split('data-contentpath="description"')[1].split("</textarea>")[0]
    assert "terminology-warning" in field_html
    assert "child sexual abuse material" in field_html


def test_submitting_with_a_term_to_avoid_is_refused(client, draft, ke_police_drafter):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        description="Block child pornography online.",
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "“child pornography” is a term to avoid" in html
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
    assert not Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_a_term_in_an_indicator_blocks_submission_too(client, draft, ke_police_drafter):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        **{
            "indicators-TOTAL_FORMS": "1",
            "indicators-0-name": "Sextortion cases referred",
            "indicators-0-unit": "cases",
            "indicators-0-ORDER": "1",
            "action-submit": "action-submit",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "“Sextortion” is a term to avoid" in response.content.decode()
    assert not WorkflowState.objects.exists()


def test_a_quoted_law_title_may_be_submitted(client, draft, ke_police_drafter, ke_reviewer):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        description="Review the Anti-Child Pornography Act of 2009 with prosecutors.",
        terminology_quotations="Anti-Child Pornography Act of 2009",
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_a_care_term_warns_but_does_not_block(client, draft, ke_police_drafter):
    url, data = edit_data(
        client,
        ke_police_drafter,
        draft,
        description="Train officers on online grooming.",
        **{"action-submit": "action-submit"},
    )
    assert client.post(url, data).status_code == 302
    assert Commitment.objects.get(pk=draft.pk).workflow_in_progress


def test_a_reviewer_cannot_publish_a_term_to_avoid(client, draft, ke_reviewer, ke_plan):
    url, data = edit_data(
        client,
        ke_reviewer,
        draft,
        description="Paedophiles are targeted.",
        **{"action-publish": "action-publish"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "“Paedophiles” is a term to avoid" in response.content.decode()
    assert not Commitment.objects.get(pk=draft.pk).live


def test_the_reviewer_sees_the_findings_of_the_version_under_review(
    client, ke_plan, ke_police, ke_police_drafter, ke_reviewer
):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        publish=False,
        description="Online grooming and sexting awareness.",
    )
    commitment.get_workflow().start(commitment, ke_police_drafter)
    client.force_login(ke_reviewer)
    html = client.get(f"{BASE}/edit/{commitment.pk}/").content.decode()
    assert "Terminology: use “grooming” with care" in html
    assert "Terminology: 2 findings" in html
