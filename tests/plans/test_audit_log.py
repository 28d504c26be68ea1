"""Every audited action leaves exactly one log entry, with the acting user."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment
from stakeholders.models import Membership

from ..factories import UserFactory, make_commitment, member
from .test_commitment_admin import ADD_URL, new_commitment_data
from .test_review_workflow import act, submit

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"


def entries(obj, action):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk), action=action
    )


def assert_logged_once(obj, action, user):
    found = list(entries(obj, action))
    assert len(found) == 1, (action, [(e.action, e.user) for e in found])
    assert found[0].user_id == user.pk, action


def post_edit(client, user, commitment, **extra):
    client.force_login(user)
    url = f"{BASE}/edit/{commitment.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["title"] = data["title"] + " (edited)"
    data.update(extra)
    return client.post(url, data)


def test_create_edit_submit_approve(client, ke_plan, ke_police, ke_police_drafter, ke_reviewer):
    client.force_login(ke_police_drafter)
    client.post(ADD_URL, new_commitment_data(ke_plan, ke_police))
    commitment = Commitment.objects.get()
    assert_logged_once(commitment, "wagtail.create", ke_police_drafter)

    post_edit(client, ke_police_drafter, commitment)
    assert_logged_once(commitment, "wagtail.edit", ke_police_drafter)

    submit(client, ke_police_drafter, commitment)
    assert_logged_once(commitment, "wagtail.workflow.start", ke_police_drafter)

    act(client, ke_reviewer, commitment, "approve")
    assert_logged_once(commitment, "wagtail.workflow.approve", ke_reviewer)
    assert_logged_once(commitment, "wagtail.publish", ke_reviewer)


def test_reject(client, ke_plan, ke_police, ke_police_drafter, ke_reviewer):
    commitment = make_commitment(ke_plan, ke_police, publish=False)
    submit(client, ke_police_drafter, commitment)
    act(client, ke_reviewer, commitment, "reject", "Needs a budget.")
    assert_logged_once(commitment, "wagtail.workflow.reject", ke_reviewer)


def test_publish_unpublish_revert_lock_delete(
    client, ke_plan, ke_police, ke_reviewer, superuser, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police, publish=False)
    post_edit(client, ke_reviewer, commitment, **{"action-publish": "action-publish"})
    assert_logged_once(commitment, "wagtail.publish", ke_reviewer)

    client.force_login(ke_reviewer)
    client.post(f"{BASE}/unpublish/{commitment.pk}/")
    assert_logged_once(commitment, "wagtail.unpublish", ke_reviewer)

    first = commitment.revisions.order_by("created_at").first()
    url = f"{BASE}/history/{commitment.pk}/revisions/{first.pk}/revert/"
    client.force_login(ke_police_drafter)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    client.post(url, data)
    assert_logged_once(commitment, "wagtail.revert", ke_police_drafter)

    client.post(f"{BASE}/lock/{commitment.pk}/")
    assert_logged_once(commitment, "wagtail.lock", ke_police_drafter)
    client.post(f"{BASE}/unlock/{commitment.pk}/")
    assert_logged_once(commitment, "wagtail.unlock", ke_police_drafter)

    # Once published, only a superuser deletes it (test_published_commitments_stay.py).
    client.force_login(superuser)
    client.post(f"{BASE}/delete/{commitment.pk}/")
    assert not Commitment.objects.filter(pk=commitment.pk).exists()
    assert_logged_once(commitment, "wagtail.delete", superuser)


def test_reassigning_lead_logs_the_rights_change(
    client, ke_plan, ke_police, ke_helpline, ke_coordinator
):
    commitment = make_commitment(ke_plan, ke_police)
    assert not entries(commitment, "plans.rights_changed").exists()
    client.force_login(ke_coordinator)
    url = f"{BASE}/edit/{commitment.pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data["lead_agency"] = str(ke_helpline.pk)
    client.post(url, data)
    assert_logged_once(commitment, "plans.rights_changed", ke_coordinator)
    entry = entries(commitment, "plans.rights_changed").get()
    assert any("Childline Kenya" in g and "change" in g for g in entry.data["granted"])
    assert any(ke_police.name in r for r in entry.data["revoked"])


def test_membership_changes_are_logged_once(client, superuser, ke_police, ke_helpline):
    person = UserFactory()
    client.force_login(superuser)
    client.post(
        "/admin/memberships/new/", {"user": person.pk, "agency": ke_police.pk, "role": "drafter"}
    )
    membership = Membership.objects.get(user=person)
    assert_logged_once(membership, "wagtail.create", superuser)
    client.post(
        f"/admin/memberships/edit/{membership.pk}/",
        {"user": person.pk, "agency": ke_helpline.pk, "role": "drafter"},
    )
    assert_logged_once(membership, "wagtail.edit", superuser)
    client.post(f"/admin/memberships/delete/{membership.pk}/")
    assert_logged_once(membership, "wagtail.delete", superuser)
    entry = entries(membership, "wagtail.delete").get()
    assert entry.data == {"country": "ke", "agency": ke_helpline.pk, "role": "drafter"}


# --- The Activity report --------------------------------------------------------------


@pytest.fixture
def activity(ke_plan, jo_plan, ke_police, jo_police, ke_police_drafter, ke_helpline):
    from plans import services

    ke = make_commitment(ke_plan, ke_police, title="Kenyan police work")
    services.commitment_save_draft(actor=ke_police_drafter, commitment=ke, progress=10)
    make_commitment(jo_plan, jo_police, title="Jordan forensics work")
    colleague = UserFactory(username="helpline-colleague")
    member(colleague, ke_helpline)
    return ke


def test_coordinator_sees_own_countrys_activity_only(client, activity, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.get("/admin/reports/activity/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kenyan police work" in html
    assert "Jordan forensics work" not in html
    assert "helpline-colleague" in html or "Membership" in html


def test_activity_filters_by_agency_and_user(
    client, activity, ke_coordinator, ke_helpline, ke_police_drafter
):
    client.force_login(ke_coordinator)
    html = client.get("/admin/reports/activity/", {"agency": ke_helpline.pk}).content.decode()
    assert "Kenyan police work" not in html
    html = client.get("/admin/reports/activity/", {"user": ke_police_drafter.pk}).content.decode()
    assert "Kenyan police work" in html


def test_activity_exports_a_spreadsheet(client, activity, ke_coordinator):
    client.force_login(ke_coordinator)
    response = client.get("/admin/reports/activity/", {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "Kenyan police work" in text
    assert "Jordan forensics work" not in text
    response = client.get("/admin/reports/activity/", {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_activity_is_refused_to_drafters_and_reviewers(
    client, activity, ke_police_drafter, ke_reviewer
):
    for user in (ke_police_drafter, ke_reviewer):
        client.force_login(user)
        assert client.get("/admin/reports/activity/").status_code == 302
