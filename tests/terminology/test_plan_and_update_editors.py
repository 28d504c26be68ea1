"""Plan pages (rich text, capability sections) and progress updates are checked too."""

import json

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import NationalPlanPage
from tracking.models import ProgressUpdate

from ..factories import make_commitment
from ..tracking.test_update_admin import form as update_form

pytestmark = pytest.mark.django_db


def draftail(text):
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def plan_edit(client, user, plan, **changes):
    client.force_login(user)
    url = f"/admin/pages/{plan.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return url, data


def test_plan_rich_text_finding_blocks_submission(client, ke_plan, ke_coordinator):
    url, data = plan_edit(
        client,
        ke_coordinator,
        ke_plan,
        summary=draftail("How we end child sex tourism."),
        **{"action-submit": "action-submit"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "“child sex tourism” is a term to avoid" in response.content.decode()
    assert not NationalPlanPage.objects.get(pk=ke_plan.pk).workflow_in_progress
    assert not WorkflowState.objects.exists()


def test_plan_section_finding_warns_on_a_saved_draft(client, ke_plan, ke_coordinator):
    url, data = plan_edit(
        client,
        ke_coordinator,
        ke_plan,
        **{"capability_sections-0-objective": "Fewer paedophiles online."},
    )
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    draft = NationalPlanPage.objects.get(pk=ke_plan.pk).get_latest_revision_as_object()
    objectives = [s.objective for s in draft.capability_sections.all()]
    assert "Fewer paedophiles online." in objectives
    assert "Terminology: avoid “paedophiles” → use “child sex offender”" in html


def test_plan_with_a_quoted_title_is_submitted(client, ke_plan, ke_coordinator):
    url, data = plan_edit(
        client,
        ke_coordinator,
        ke_plan,
        summary=draftail("Apply the Child Pornography Prevention Act 2011."),
        terminology_quotations="Child Pornography Prevention Act 2011",
        **{"action-submit": "action-submit"},
    )
    assert client.post(url, data).status_code == 302
    assert NationalPlanPage.objects.get(pk=ke_plan.pk).workflow_in_progress


def test_progress_update_with_a_term_is_saved_but_not_published(
    client, ke_plan, ke_police, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    data = update_form(
        commitment,
        reporting_date="2025-01-15",
        narrative="Two sextortion rings.",
        terminology_quotations="",
    )
    response = client.post("/admin/progress_updates/new/", {**data, "publish_now": "on"})
    assert response.status_code == 200
    assert "“sextortion” is a term to avoid" in response.content.decode()
    assert not ProgressUpdate.objects.exists()

    assert client.post("/admin/progress_updates/new/", data).status_code == 302
    update = ProgressUpdate.objects.get()
    assert not update.is_published
    html = client.get(f"/admin/progress_updates/edit/{update.pk}/").content.decode()
    assert "Terminology: avoid “sextortion” → use “sexual extortion of children”" in html
