"""Reviewing from the edit screen: Approve is the primary action for the reviewer of the
current step, the reviewer's request for changes reaches the drafter's editor, and
messages and history say who approved or asked for changes."""

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/plans/commitment"


def editor(client, user, url, form_id="w-editor-form"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), querydict_from_html(
        response.content.decode(), form_id=form_id
    )


def primary_action(html) -> str:
    """The footer's first (primary) button, as the editor shows it."""
    footer = re.search(r"<footer class=\"footer.*?</footer>", html, re.S).group(0)
    first = re.search(r"<button[^>]*>(.*?)</button>", footer, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", first).split())


@pytest.fixture
def submitted(client, ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police, title="Referral protocol", publish=False)
    url = f"{BASE}/edit/{commitment.pk}/"
    _html, data = editor(client, ke_police_drafter, url)
    data["action-submit"] = "action-submit"
    assert client.post(url, data).status_code == 302
    return commitment


def test_the_reviewers_primary_action_is_approve(client, submitted, ke_reviewer):
    html, _data = editor(client, ke_reviewer, f"{BASE}/edit/{submitted.pk}/")
    assert primary_action(html) == "Approve and Publish"
    footer = re.search(r"<footer class=\"footer.*?</footer>", html, re.S).group(0)
    assert footer.index("Request changes") < footer.index("Approve with comment")


def test_the_drafters_primary_action_is_not_approve(client, submitted, ke_police_drafter):
    html, _data = editor(client, ke_police_drafter, f"{BASE}/edit/{submitted.pk}/")
    assert "Approve" not in primary_action(html)


def test_approving_from_the_editor_says_who_approved(client, submitted, ke_reviewer):
    url = f"{BASE}/edit/{submitted.pk}/"
    _html, data = editor(client, ke_reviewer, url)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(url, data, follow=True)
    assert Commitment.objects.get(pk=submitted.pk).live
    assert "Approved by ke-rev: “Referral protocol” is published." in response.content.decode()
    history = client.get(f"{BASE}/history/{submitted.pk}/").content.decode()
    assert "Approved by ke-rev" in history


def test_the_reviewers_comment_waits_in_the_drafters_editor_until_resubmission(
    client, submitted, ke_reviewer, ke_police_drafter
):
    url = f"{BASE}/edit/{submitted.pk}/"
    _html, data = editor(client, ke_reviewer, url)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "reject"
    data["workflow-action-extra-data"] = '{"comment": "Name the agencies that refer cases."}'
    response = client.post(url, data, follow=True)
    assert "Changes requested by ke-rev" in response.content.decode()

    html, data = editor(client, ke_police_drafter, url)
    assert "Changes requested by ke-rev" in html
    assert "Name the agencies that refer cases." in html

    data["action-submit"] = "action-submit"
    client.post(url, data)
    html, _data = editor(client, ke_police_drafter, url)
    assert "Name the agencies that refer cases." not in html
    history = client.get(f"{BASE}/history/{submitted.pk}/").content.decode()
    assert "Changes requested by ke-rev" in history


def test_a_plan_page_in_review_offers_the_reviewer_approve_first(
    client, ke_plan, ke_coordinator, ke_reviewer
):
    url = f"/admin/pages/{ke_plan.pk}/edit/"
    _html, data = editor(client, ke_coordinator, url, "page-edit-form")
    data["title"] = "Kenya plan, revised"
    data["action-submit"] = "action-submit"
    assert client.post(url, data).status_code == 302
    html, data = editor(client, ke_reviewer, url, "page-edit-form")
    assert primary_action(html) == "Approve and Publish"
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(url, data, follow=True)
    text = response.content.decode()
    assert "Approved by ke-rev: “Kenya plan, revised” is published." in text
    assert "has been updated" not in text
