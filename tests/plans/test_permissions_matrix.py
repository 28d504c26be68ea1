"""Every role × object × action, through the real admin URLs with the test client.

The expected answer of each cell comes from the rules of the plans issue, written out
below independently of `plans.permissions`; each cell is checked by what a user would
notice (status code, whether the object appears, whether anything changed).
Mutating cells run inside a savepoint that is rolled back, so cells do not interfere.
"""

import pytest
from django.db import transaction
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment, CommitmentIndicator, NationalPlanPage
from stakeholders.models import Agency, Membership

from ..factories import AgencyFactory, UserFactory, make_commitment, make_plan, member
from ..stakeholders.test_agency_public_name import agency_form

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

# Rights by role on the commitments, as the issues state them. A published commitment is
# part of the public record: coordinators delete only drafts never published.
COORDINATOR = {"view", "change", "lock"}
COORDINATOR_ON_DRAFT = COORDINATOR | {"delete"}
REVIEWER = {"view", "change", "publish"}
LEAD = {"view", "change", "lock"}
SUPPORTING = {"view"}
EVERYTHING = {"view", "change", "delete", "lock", "publish"}

COMMITMENT_RIGHTS = {
    # role: {object: rights}
    "superuser": {
        "own": EVERYTHING,
        "own_draft": EVERYTHING,
        "same_country": EVERYTHING,
        "other_country": EVERYTHING,
    },
    "coordinator": {
        "own": COORDINATOR,
        "own_draft": COORDINATOR_ON_DRAFT,
        "same_country": COORDINATOR,
        "other_country": set(),
    },
    "reviewer": {
        "own": REVIEWER,
        "own_draft": REVIEWER,
        "same_country": REVIEWER,
        "other_country": set(),
    },
    "lead_drafter": {
        "own": LEAD,
        "own_draft": LEAD,
        "same_country": set(),
        "other_country": set(),
    },
    "supporting_drafter": {
        "own": SUPPORTING,
        "own_draft": set(),
        "same_country": set(),
        "other_country": set(),
    },
    "unrelated_drafter": {
        "own": set(),
        "own_draft": set(),
        "same_country": LEAD,
        "other_country": set(),
    },
    "other_country": {
        "own": set(),
        "own_draft": set(),
        "same_country": set(),
        "other_country": COORDINATOR,
    },
    "anonymous": {"own": set(), "own_draft": set(), "same_country": set(), "other_country": set()},
}
COMMITMENT_OBJECTS = ("own", "own_draft", "same_country", "other_country")
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
        "own_draft": make_commitment(
            ke_plan, ke_police, title="Draft referral protocol", publish=False
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
            # A draft never published keeps its working copy in its row: published means live.
            fresh = Commitment.objects.get(pk=obj.pk)
            return fresh.live and fresh.title.endswith("(changed)")
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
    for key in COMMITMENT_OBJECTS:
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
    # 8 roles x (4 commitments x 10 actions + 8 plan-page actions + 10 rights-field changes)
    cells = len(COMMITMENT_OBJECTS) * len(COMMITMENT_ACTIONS) + len(PAGE_ACTIONS)
    assert len(ROLES) * (cells + len(RIGHTS_FIELD_CHANGES)) == 464


# --- Fields that carry rights ---------------------------------------------------------
# Changing one of these is a change of rights, checked as one. Each cell posts the change
# through the real admin URL and judges by what changed in the database.

ALL_ROLES = set(ROLES)
RIGHTS_FIELD_CHANGES = {
    # change: roles that may make it
    "plan_country_to_other_country": set(),
    "commitment_plan_to_other_country": set(),
    "membership_role_to_reviewer": {"superuser"},
    "membership_agency_within_country": {"superuser", "coordinator"},
    "membership_agency_to_other_country": {"superuser"},
    "own_membership_as_reviewer": {"superuser"},
    "update_evidence_of_other_country": set(),
    "update_indicator_of_other_commitment": set(),
    "public_agency_renamed": {"superuser"},
    "agency_to_other_country": set(),
}


@pytest.fixture
def rights_world(world, jordan, jo_police, ke_police, ke_helpline):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents.models import Document

    from tracking.evidence import country_evidence_collection

    person = UserFactory(username="a-police-drafter")
    world["membership"] = member(person, ke_police, Membership.Role.DRAFTER)
    world["jo_plan"] = NationalPlanPage.objects.get(country=jordan)
    world["jo_document"] = Document.objects.create(
        title="Jordan case file index",
        file=SimpleUploadedFile("jo.pdf", b"%PDF-1.4 x"),
        collection=country_evidence_collection(country=jordan),
    )
    world["jo_indicator"] = CommitmentIndicator.objects.create(
        commitment=world["objects"]["other_country"], name="Jordan cases"
    )
    world["ke_police"], world["ke_helpline"], world["jo_police"] = ke_police, ke_helpline, jo_police
    return world


def _membership_post(client, user, membership, **changes):
    data = {"user": membership.user_id, "agency": membership.agency_id, "role": membership.role}
    data.update(changes)
    _login(client, user)
    client.post(f"/admin/memberships/edit/{membership.pk}/", data)
    return Membership.objects.get(pk=membership.pk)


def _update_post(client, user, commitment, **extra):
    from tracking.models import ProgressUpdate

    data = {
        "commitment": commitment.pk,
        "reporting_date": "2026-01-15",
        "status": "on_track",
        "progress": "20",
        "narrative": "Reported.",
        "evidence_url": "",
        "measurements-TOTAL_FORMS": "0",
        "measurements-INITIAL_FORMS": "0",
    }
    data.update(extra)
    _login(client, user)
    client.post("/admin/progress_updates/new/", data)
    return ProgressUpdate.objects.filter(commitment=commitment).exists()


def _agency_post(client, user, agency, **changes):
    _login(client, user)
    client.post(f"/admin/agencies/edit/{agency.pk}/", agency_form(agency, **changes))
    return Agency.objects.get(pk=agency.pk)


def check_rights_field_cell(client, world, role, change):
    user = world["users"][role]
    own = world["objects"]["own"]
    if change == "plan_country_to_other_country":
        url = f"/admin/pages/{world['plan'].pk}/edit/"
        data = _form_data(client, world["superuser"], url, "page-edit-form")
        data["country"] = str(world["jo_plan"].country_id)
        data["action-publish"] = "action-publish"
        _login(client, user)
        client.post(url, data)
        plan = NationalPlanPage.objects.get(pk=world["plan"].pk)
        return world["jo_plan"].country_id in (
            plan.country_id,
            plan.get_latest_revision_as_object().country_id,
        )
    if change == "commitment_plan_to_other_country":
        url = f"/admin/snippets/plans/commitment/edit/{own.pk}/"
        data = _form_data(client, world["superuser"], url)
        data["plan"] = str(world["jo_plan"].pk)
        _login(client, user)
        client.post(url, data)
        fresh = Commitment.objects.get(pk=own.pk)
        return world["jo_plan"].pk in (fresh.plan_id, fresh.get_latest_revision_as_object().plan_id)
    if change == "membership_role_to_reviewer":
        return _membership_post(client, user, world["membership"], role="reviewer").role == (
            "reviewer"
        )
    if change == "membership_agency_within_country":
        moved = _membership_post(client, user, world["membership"], agency=world["ke_helpline"].pk)
        return moved.agency_id == world["ke_helpline"].pk
    if change == "membership_agency_to_other_country":
        moved = _membership_post(client, user, world["membership"], agency=world["jo_police"].pk)
        return moved.agency_id == world["jo_police"].pk
    if change == "own_membership_as_reviewer":
        if user is None:
            return False
        before = Membership.objects.filter(user=user, role="reviewer").count()
        _login(client, user)
        client.post(
            "/admin/memberships/new/",
            {"user": user.pk, "agency": world["ke_helpline"].pk, "role": "reviewer"},
        )
        return Membership.objects.filter(user=user, role="reviewer").count() > before
    if change == "update_evidence_of_other_country":
        return _update_post(client, user, own, evidence_document=world["jo_document"].pk)
    if change == "update_indicator_of_other_commitment":
        return _update_post(
            client,
            user,
            own,
            **{
                "measurements-TOTAL_FORMS": "1",
                "measurements-0-indicator": world["jo_indicator"].pk,
                "measurements-0-measured_on": "2026-01-15",
                "measurements-0-value": "4",
                "measurements-0-ORDER": "1",
            },
        )
    if change == "public_agency_renamed":
        return _agency_post(client, user, world["ke_police"], name="Renamed unit").name == (
            "Renamed unit"
        )
    if change == "agency_to_other_country":
        moved = _agency_post(client, user, world["ke_police"], country=world["jo_plan"].country_id)
        return moved.country_id == world["jo_plan"].country_id
    raise AssertionError(change)


@pytest.mark.parametrize("role", ROLES)
def test_rights_fields_matrix(client, rights_world, role):
    mismatches = []
    for change, allowed in RIGHTS_FIELD_CHANGES.items():
        expected = role in allowed
        actual = _run(check_rights_field_cell, client, rights_world, role, change)
        CELLS_CHECKED.append((role, "rights field", change, ""))
        if actual != expected:
            mismatches.append(f"{role} {change}: {actual=} {expected=}")
    assert not mismatches, "\n".join(mismatches)
