"""Every role × object × action, through the real admin URLs with the test client.

The expected answer of each cell comes from the rules of the plans issue, written out
below independently of `plans.permissions`; each cell is checked by what a user would
notice (status code, whether the object appears, whether anything changed).
Mutating cells run inside a savepoint that is rolled back, so cells do not interfere.
"""

import pytest
from django.db import transaction
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment, NationalPlanPage
from stakeholders.models import Agency, Membership

from ..factories import AgencyFactory, UserFactory, make_commitment, make_plan, member

pytestmark = pytest.mark.django_db

CELLS_CHECKED = []

ROLES = [
    "superuser",
    "coordinator",
    "reviewer",
    "lead_drafter",
    "supporting_drafter",
    "unrelated_drafter",
    "other_country",
    "anonymous",
]
COMMITMENT_ACTIONS = [
    "list",
    "edit_form",
    "save_draft",
    "publish",
    "delete",
    "history",
    "revert",
    "lock",
    "preview",
    "choose",
]
PAGE_ACTIONS = [
    "list",
    "edit_form",
    "save_draft",
    "publish",
    "delete",
    "history",
    "lock",
    "preview",
]

# Rights by role on the three commitments, as the issue states them.
COORDINATOR = {"view", "change", "delete", "lock"}
REVIEWER = {"view", "change", "publish"}
LEAD = {"view", "change", "lock"}
SUPPORTING = {"view"}
EVERYTHING = {"view", "change", "delete", "lock", "publish"}

COMMITMENT_RIGHTS = {
    # role: {object: rights}
    "superuser": {"own": EVERYTHING, "same_country": EVERYTHING, "other_country": EVERYTHING},
    "coordinator": {"own": COORDINATOR, "same_country": COORDINATOR, "other_country": set()},
    "reviewer": {"own": REVIEWER, "same_country": REVIEWER, "other_country": set()},
    "lead_drafter": {"own": LEAD, "same_country": set(), "other_country": set()},
    "supporting_drafter": {"own": SUPPORTING, "same_country": set(), "other_country": set()},
    "unrelated_drafter": {"own": set(), "same_country": LEAD, "other_country": set()},
    "other_country": {"own": set(), "same_country": set(), "other_country": COORDINATOR},
    "anonymous": {"own": set(), "same_country": set(), "other_country": set()},
}
# Nobody deletes a plan that has commitments (plans are superseded instead).
PAGE_RIGHTS = {
    "superuser": EVERYTHING - {"delete"},
    "coordinator": {"view", "change", "lock"},
    "reviewer": {"view", "change", "publish", "lock"},
}
ACTION_NEEDS = {
    "list": "view",
    "edit_form": "change",
    "save_draft": "change",
    "publish": "publish",
    "delete": "delete",
    "history": "view",
    "revert": "change",
    "lock": "lock",
    "preview": "view",
    "choose": "view",
}


@pytest.fixture
def world(kenya, jordan, ke_police, ke_helpline, ke_children_services, jo_police):
    ke_education = AgencyFactory(
        country=kenya, name="Ministry of Education", acronym="MoE", sector=Agency.Sector.EDUCATION
    )
    ke_plan = make_plan(kenya)
    jo_plan = make_plan(jordan)
    superuser = UserFactory(username="root")
    superuser.is_superuser = True
    superuser.save()
    users = {"superuser": superuser, "anonymous": None}
    for role, agency, membership_role in [
        ("coordinator", ke_children_services, Membership.Role.COORDINATOR),
        ("reviewer", ke_children_services, Membership.Role.REVIEWER),
        ("lead_drafter", ke_police, Membership.Role.DRAFTER),
        ("supporting_drafter", ke_helpline, Membership.Role.DRAFTER),
        ("unrelated_drafter", ke_education, Membership.Role.DRAFTER),
        ("other_country", jo_police, Membership.Role.COORDINATOR),
    ]:
        users[role] = UserFactory(username=role)
        member(users[role], agency, membership_role)
    objects = {
        # "own" is led by the lead drafter's agency and supported by the helpline
        "own": make_commitment(
            ke_plan, ke_police, title="Train police investigators", supporting=[ke_helpline]
        ),
        "same_country": make_commitment(
            ke_plan, ke_education, title="Teach online safety in schools", capability=21
        ),
        "other_country": make_commitment(jo_plan, jo_police, title="Jordan forensics lab"),
    }
    # The supporting drafter's agency leads something too, so "may change some
    # commitment" is true for them: the trap of model-level checks.
    make_commitment(ke_plan, ke_helpline, title="Helpline hours", capability=11)
    return {"users": users, "objects": objects, "plan": ke_plan, "superuser": superuser}


def _form_data(client, superuser, url, form_id="w-editor-form"):
    """The edit form exactly as the editor renders it, filled in by a superuser's view."""
    client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 200, url
    client.logout()
    return querydict_from_html(response.content.decode(), form_id=form_id)


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _shows(client, user, url, title):
    _login(client, user)
    response = client.get(url)
    return response.status_code == 200 and title in response.content.decode()


def _post_title_change(client, world, user, url, *, form_id, title, publish):
    data = _form_data(client, world["superuser"], url, form_id)
    data["title"] = f"{title} (changed)"
    if publish:
        data["action-publish"] = "action-publish"
    _login(client, user)
    client.post(url, data)


def _title_of_latest(obj):
    obj = type(obj).objects.get(pk=obj.pk)
    return obj.get_latest_revision_as_object().title


def check_commitment_cell(client, world, role, key, action):
    """Return True when the user could do the action, judged by what changed."""
    user = world["users"][role]
    obj = world["objects"][key]
    base = "/admin/snippets/plans/commitment"
    if action == "list":
        _login(client, user)
        response = client.get(f"{base}/?scope=all")
        return response.status_code == 200 and obj.title in response.content.decode()
    if action == "choose":
        _login(client, user)
        listing = client.get(f"/admin/snippets/choose/plans/commitment/?q={obj.title[:12]}")
        chosen = client.get(f"/admin/snippets/choose/plans/commitment/chosen/{obj.pk}/")
        shown = listing.status_code == 200 and obj.title in listing.content.decode()
        assert shown == (chosen.status_code == 200), (role, key, "chooser disagrees with chosen")
        return shown
    if action in ("edit_form", "history", "preview"):
        url = {
            "edit_form": f"{base}/edit/{obj.pk}/",
            "history": f"{base}/history/{obj.pk}/",
            "preview": f"{base}/history/{obj.pk}/revisions/{obj.latest_revision_id}/view/",
        }[action]
        return _shows(client, user, url, obj.title)
    if action == "revert":
        _login(client, user)
        first = obj.revisions.order_by("created_at").first()
        response = client.get(f"{base}/history/{obj.pk}/revisions/{first.pk}/revert/")
        return response.status_code == 200
    if action in ("save_draft", "publish"):
        _post_title_change(
            client,
            world,
            user,
            f"{base}/edit/{obj.pk}/",
            form_id="w-editor-form",
            title=obj.title,
            publish=action == "publish",
        )
        if action == "publish":
            return Commitment.objects.get(pk=obj.pk).title.endswith("(changed)")
        return _title_of_latest(obj).endswith("(changed)")
    if action == "delete":
        _login(client, user)
        client.post(f"{base}/delete/{obj.pk}/")
        return not Commitment.objects.filter(pk=obj.pk).exists()
    if action == "lock":
        _login(client, user)
        client.post(f"{base}/lock/{obj.pk}/")
        return Commitment.objects.get(pk=obj.pk).locked
    raise AssertionError(action)


def check_page_cell(client, world, role, action):
    user = world["users"][role]
    plan = world["plan"]
    if action == "list":
        # The plan index's listing, or the explorer where the user's rights start.
        _login(client, user)
        edit_link = f"/admin/pages/{plan.pk}/edit/"
        for url in (f"/admin/pages/{plan.get_parent().pk}/", "/admin/pages/"):
            response = client.get(url, follow=True)
            if response.status_code == 200 and edit_link in response.content.decode():
                return True
        return False
    if action in ("edit_form", "history", "preview"):
        url = {
            "edit_form": f"/admin/pages/{plan.pk}/edit/",
            "history": f"/admin/pages/{plan.pk}/history/",
            "preview": f"/admin/pages/{plan.pk}/view_draft/",
        }[action]
        return _shows(client, user, url, plan.title)
    if action in ("save_draft", "publish"):
        _post_title_change(
            client,
            world,
            user,
            f"/admin/pages/{plan.pk}/edit/",
            form_id="page-edit-form",
            title=plan.title,
            publish=action == "publish",
        )
        fresh = NationalPlanPage.objects.get(pk=plan.pk)
        if action == "publish":
            return fresh.title.endswith("(changed)")
        return fresh.get_latest_revision_as_object().title.endswith("(changed)")
    if action == "delete":
        _login(client, user)
        client.post(f"/admin/pages/{plan.pk}/delete/")
        return not NationalPlanPage.objects.filter(pk=plan.pk).exists()
    if action == "lock":
        _login(client, user)
        client.post(f"/admin/pages/{plan.pk}/lock/")
        return NationalPlanPage.objects.get(pk=plan.pk).locked
    raise AssertionError(action)


def _run(check, *args):
    with transaction.atomic():
        result = check(*args)
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    mismatches = []
    for key in ("own", "same_country", "other_country"):
        rights = COMMITMENT_RIGHTS[role][key]
        for action in COMMITMENT_ACTIONS:
            expected = ACTION_NEEDS[action] in rights
            actual = _run(check_commitment_cell, client, world, role, key, action)
            CELLS_CHECKED.append((role, "commitment", key, action))
            if actual != expected:
                mismatches.append(f"{role} {action} commitment[{key}]: {actual=} {expected=}")
    page_rights = PAGE_RIGHTS.get(role, set())
    for action in PAGE_ACTIONS:
        expected = ACTION_NEEDS[action] in page_rights
        actual = _run(check_page_cell, client, world, role, action)
        CELLS_CHECKED.append((role, "plan page", "", action))
        if actual != expected:
            mismatches.append(f"{role} {action} plan page: {actual=} {expected=}")
    assert not mismatches, "\n".join(mismatches)


def test_matrix_is_big_enough():
    # 8 roles x (3 commitments x 10 actions + 8 plan-page actions)
    assert len(ROLES) * (3 * len(COMMITMENT_ACTIONS) + len(PAGE_ACTIONS)) == 304
