"""Nothing is public until the country's own reviewers approve it, through the admin URLs."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from plans import services
from plans.models import Commitment
from stakeholders.models import Membership

from ..factories import UserFactory, make_commitment, make_plan, member
from .test_commitment_admin import ADD_URL, new_commitment_data

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"


@pytest.fixture
def draft(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Open a digital forensics lab", publish=False)


@pytest.fixture
def jo_reviewer(jo_police, jo_plan):
    user = UserFactory(username="jo-rev")
    member(user, jo_police, Membership.Role.REVIEWER)
    return user


def submit(client, user, commitment):
    client.force_login(user)
    response = client.get(f"{BASE}/edit/{commitment.pk}/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data["action-submit"] = "action-submit"
    response = client.post(f"{BASE}/edit/{commitment.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Commitment.objects.get(pk=commitment.pk)


def act(client, user, commitment, action, comment=""):
    commitment = Commitment.objects.get(pk=commitment.pk)
    task_state = commitment.current_workflow_task_state
    client.force_login(user)
    return client.post(
        f"{BASE}/workflow/action/{commitment.pk}/{action}/{task_state.pk}/", {"comment": comment}
    )


def public_html(client, plan):
    client.logout()
    return client.get(plan.url).content.decode()


def test_submit_notifies_the_countrys_reviewers_and_stays_private(
    client,
    draft,
    ke_plan,
    ke_police_drafter,
    ke_reviewer,
    jo_reviewer,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        commitment = submit(client, ke_police_drafter, draft)
    assert commitment.workflow_in_progress
    assert commitment.current_workflow_task.name == "Kenya: national review"
    assert [m.to for m in mail.outbox] == [[ke_reviewer.email]]
    message = mail.outbox[0]
    assert draft.title in message.subject
    assert f"/admin/snippets/plans/commitment/edit/{draft.pk}/" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert draft.title not in public_html(client, ke_plan)


def test_reviewer_of_the_country_approves_and_it_goes_public(
    client, draft, ke_plan, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    submit(client, ke_police_drafter, draft)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, ke_reviewer, draft, "approve", "Well drafted.")
    assert response.status_code == 302
    commitment = Commitment.objects.get(pk=draft.pk)
    assert commitment.live
    assert not commitment.workflow_in_progress
    assert draft.title in public_html(client, ke_plan)
    assert [m.to for m in mail.outbox] == [[ke_police_drafter.email]]
    assert "Well drafted." in mail.outbox[0].body


def test_reviewer_of_another_country_cannot_approve(client, draft, ke_police_drafter, jo_reviewer):
    submit(client, ke_police_drafter, draft)
    client.force_login(jo_reviewer)
    assert client.get(f"{BASE}/edit/{draft.pk}/").status_code == 302
    response = act(client, jo_reviewer, draft, "approve")
    assert response.status_code == 302
    commitment = Commitment.objects.get(pk=draft.pk)
    assert not commitment.live
    assert commitment.workflow_in_progress


def test_drafter_sees_no_approve_action_and_cannot_approve_own_work(
    client, draft, ke_police_drafter
):
    submit(client, ke_police_drafter, draft)
    html = client.get(f"{BASE}/edit/{draft.pk}/").content.decode()
    assert (
        'name="workflow-action-name"' not in html
        or "approve" not in html.split('name="workflow-action-name"')[1][:200]
    )
    act(client, ke_police_drafter, draft, "approve")
    assert not Commitment.objects.get(pk=draft.pk).live


def test_reject_with_comment_notifies_submitter_and_stays_unpublished(
    client, draft, ke_plan, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    submit(client, ke_police_drafter, draft)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, ke_reviewer, draft, "reject", "Please add a budget line.")
    commitment = Commitment.objects.get(pk=draft.pk)
    assert not commitment.live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mail.outbox] == [[ke_police_drafter.email]]
    assert "Please add a budget line." in mail.outbox[0].body
    assert "Please add a budget line." in mail.outbox[0].alternatives[0][0]
    assert draft.title not in public_html(client, ke_plan)


def test_reviewer_who_switched_notifications_off_gets_none(
    client, draft, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(ke_reviewer)
    profile.submitted_notifications = False
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, ke_police_drafter, draft)
    assert mail.outbox == []


def test_task_state_of_another_commitment_cannot_be_acted_on(
    client, ke_plan, ke_police, ke_helpline, ke_police_drafter, ke_helpline_drafter, ke_reviewer
):
    police = make_commitment(ke_plan, ke_police, title="Police draft", publish=False)
    helpline = make_commitment(ke_plan, ke_helpline, title="Helpline draft", publish=False)
    submit(client, ke_police_drafter, police)
    submit(client, ke_helpline_drafter, helpline)
    helpline_state = Commitment.objects.get(pk=helpline.pk).current_workflow_task_state
    client.force_login(ke_reviewer)
    response = client.post(
        f"{BASE}/workflow/action/{police.pk}/approve/{helpline_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 404
    assert not Commitment.objects.get(pk=helpline.pk).live


def test_create_and_submit_starts_the_countrys_workflow(
    client, ke_plan, ke_police, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    client.force_login(ke_police_drafter)
    data = new_commitment_data(ke_plan, ke_police, **{"action-submit": "action-submit"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    commitment = Commitment.objects.get(title=data["title"])
    assert commitment.workflow_in_progress
    assert commitment.current_workflow_task.specific.country == ke_plan.country
    assert [m.to for m in mail.outbox] == [[ke_reviewer.email]]


# --- Tanzania: head of the lead agency first, then the national reviewer --------------


@pytest.fixture
def tanzania():
    from ..factories import CountryFactory

    return CountryFactory(code="tz", name="Tanzania", default_language="sw")


@pytest.fixture
def tz(tanzania):
    from stakeholders.models import Agency

    from ..factories import AgencyFactory

    services.country_review_setup(country=tanzania, agency_heads_first=True)
    plan = make_plan(tanzania)
    police = AgencyFactory(
        country=tanzania, name="Gender and Children Desks", sector=Agency.Sector.LAW_ENFORCEMENT
    )
    helpline = AgencyFactory(country=tanzania, name="C-Sema", sector=Agency.Sector.CHILD_HELPLINE)
    ministry = AgencyFactory(
        country=tanzania, name="Ministry", sector=Agency.Sector.GOVERNMENT_MINISTRY
    )
    users = {}
    for name, agency, role in [
        ("police", police, Membership.Role.DRAFTER),
        ("police-head", police, Membership.Role.HEAD),
        ("helpline-head", helpline, Membership.Role.HEAD),
        ("reviewer", ministry, Membership.Role.REVIEWER),
    ]:
        users[name] = UserFactory(username=f"tz-{name}")
        member(users[name], agency, role)
    commitment = make_commitment(plan, police, title="Train gender desk officers", publish=False)
    return {"plan": plan, "users": users, "commitment": commitment}


def test_tanzania_needs_the_lead_agency_head_then_the_national_reviewer(
    client, tz, django_capture_on_commit_callbacks
):
    users, commitment = tz["users"], tz["commitment"]
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, users["police"], commitment)
    assert [m.to for m in mail.outbox] == [[users["police-head"].email]]

    act(client, users["helpline-head"], commitment, "approve")
    assert Commitment.objects.get(pk=commitment.pk).current_workflow_task.name.endswith(
        "head of lead agency"
    ), "the head of another agency cannot approve"
    act(client, users["reviewer"], commitment, "approve")
    assert not Commitment.objects.get(pk=commitment.pk).live, "the reviewer's turn comes second"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(client, users["police-head"], commitment, "approve")
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert not commitment.live
    assert commitment.current_workflow_task.name == "Tanzania: national review"
    assert [m.to for m in mail.outbox] == [[users["reviewer"].email]]

    act(client, users["reviewer"], commitment, "approve")
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.live
    assert commitment.title in public_html(client, tz["plan"])


def test_workflow_history_is_private_to_the_country(client, draft, ke_police_drafter, jo_reviewer):
    submit(client, ke_police_drafter, draft)
    assert client.get(f"{BASE}/workflow_history/{draft.pk}/").status_code == 200
    client.force_login(jo_reviewer)
    assert client.get(f"{BASE}/workflow_history/{draft.pk}/").status_code == 302


def test_plan_changes_go_through_the_countrys_review(
    client, ke_plan, ke_coordinator, ke_reviewer, jo_reviewer, django_capture_on_commit_callbacks
):
    from plans.models import NationalPlanPage

    url = f"/admin/pages/{ke_plan.pk}/edit/"
    client.force_login(ke_coordinator)
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Kenya national plan, revised"
    data["action-submit"] = "action-submit"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    plan = NationalPlanPage.objects.get(pk=ke_plan.pk)
    assert plan.workflow_in_progress
    assert plan.title != "Kenya national plan, revised", "not public before approval"
    assert [m.to for m in mail.outbox] == [[ke_reviewer.email]]

    task_state = plan.current_workflow_task_state
    action = f"/admin/pages/workflow/action/{plan.pk}/approve/{task_state.pk}/"
    client.force_login(jo_reviewer)
    client.post(action, {"comment": ""})
    assert NationalPlanPage.objects.get(pk=plan.pk).title != "Kenya national plan, revised"

    client.force_login(ke_reviewer)
    assert client.post(action, {"comment": ""}).status_code == 302
    assert NationalPlanPage.objects.get(pk=plan.pk).title == "Kenya national plan, revised"
