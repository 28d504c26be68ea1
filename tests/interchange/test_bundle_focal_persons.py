"""A commitment's and an indicator's focal person and deputy are memberships:
a bundle restores them as the membership of the same person in the same agency, in the
row and in every revision, and never keeps the ids of the database that made it (here
they are someone else's memberships). Where the person has no account here, or the bundle
is older than membership ids, they come back empty."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Revision

from plans import services as plan_services
from plans.models import Commitment
from stakeholders.models import Membership

from ..factories import UserFactory, make_commitment, member
from .test_bundle_hostile_input import craft
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db
TITLE = "Train investigators"


@pytest.fixture
def people(ke_police, ke_police_drafter):
    head = UserFactory(username="ke-police-head")
    return {
        "drafter": Membership.objects.get(user=ke_police_drafter, agency=ke_police),
        "head": member(head, ke_police, Membership.Role.HEAD),
    }


@pytest.fixture
def exported(tmp_path, ke_plan, ke_police, ke_coordinator, people):
    """Kenya's bundle (the live commitment names the drafter as focal person and the head
    as deputy, its draft swaps them), in a database where Kenya is gone and the bundle's
    membership ids belong to Jordan's people."""
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title=TITLE,
        focal_person=people["drafter"],
        focal_deputy=people["head"],
        indicators=[{"name": "Investigators trained", "target": 120}],
    )
    indicator = commitment.indicators.get()
    plan_services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        focal_person=people["head"],
        focal_deputy=people["drafter"],
        indicators=[
            {
                "pk": indicator.pk,
                "name": indicator.name,
                "focal_person": people["head"],
                "focal_deputy": people["drafter"],
            }
        ],
    )
    old_ids = {name: m.pk for name, m in people.items()}
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    return path, old_ids


@pytest.fixture
def collide(jo_police):
    """Give the bundle's membership ids to other people of another country, and shift the
    ids the import will take."""

    def collide(old_ids):
        for index, old in enumerate(old_ids.values()):
            user = UserFactory(username=f"jo-officer-{index}")
            Membership.objects.create(pk=old, user=user, agency=jo_police, role="drafter")
        for index in range(3):
            member(UserFactory(username=f"jo-extra-{index}"), jo_police)

    return collide


def focal_ids(content):
    return content["focal_person"], content["focal_deputy"]


def restored():
    commitment = Commitment.objects.get(title=TITLE)
    live = commitment.live_revision.content
    draft = Revision.objects.get(pk=commitment.latest_revision_id).content
    return commitment, live, draft


def test_focal_persons_come_back_as_the_same_people_not_the_bundles_ids(
    client, exported, collide, ke_coordinator
):
    path, old_ids = exported
    collide(old_ids)
    call_command("import_plan_bundle", str(path))

    commitment, live, draft = restored()
    drafter = Membership.objects.get(user__username="ke-police-drafter")
    head = Membership.objects.get(user__username="ke-police-head")
    assert drafter.agency == head.agency == commitment.lead_agency
    assert (commitment.focal_person, commitment.focal_deputy) == (drafter, head)
    assert focal_ids(live) == (drafter.pk, head.pk)
    assert focal_ids(draft) == (head.pk, drafter.pk)
    assert focal_ids(draft["indicators"][0]) == (head.pk, drafter.pk)
    assert commitment.indicators.get().focal_person is None  # the draft's, not published
    # Jordan's officers, who hold the bundle's old ids here, are nobody's focal person.
    others = Membership.objects.filter(pk__in=old_ids.values())
    assert not others.filter(focal_for__isnull=False).exists()
    assert not others.filter(deputy_for__isnull=False).exists()

    commitment.full_clean()
    client.force_login(get_user_model().objects.get(username="ke-coord"))
    edit = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/")
    assert edit.status_code == 200


def test_published_draft_keeps_the_indicators_focal_person(exported, collide):
    path, old_ids = exported
    collide(old_ids)
    call_command("import_plan_bundle", str(path))

    commitment, _, _ = restored()
    commitment.latest_revision.publish()
    commitment = Commitment.objects.get(pk=commitment.pk)
    head = Membership.objects.get(user__username="ke-police-head")
    indicator = commitment.indicators.get()
    assert (indicator.focal_person, indicator.focal_deputy.user.username) == (
        head,
        "ke-police-drafter",
    )
    assert (commitment.focal_person, commitment.focal_deputy) == (
        head,
        Membership.objects.get(user__username="ke-police-drafter"),
    )
    commitment.full_clean()


def test_a_focal_person_without_an_account_here_comes_back_empty(exported, collide):
    path, old_ids = exported
    get_user_model().objects.filter(username="ke-police-head").delete()
    collide(old_ids)
    call_command("import_plan_bundle", str(path))

    commitment, live, draft = restored()
    drafter = Membership.objects.get(user__username="ke-police-drafter")
    assert (commitment.focal_person, commitment.focal_deputy) == (drafter, None)
    assert focal_ids(live) == (drafter.pk, None)
    assert focal_ids(draft) == (None, drafter.pk)
    assert draft["indicators"][0]["focal_person"] is None
    commitment.full_clean()


def test_an_older_bundle_without_membership_ids_leaves_focal_persons_empty(
    client, exported, collide, tmp_path
):
    path, old_ids = exported

    def without_membership_ids(data):
        for row in data["memberships"]:
            del row["id"]

    older = craft(path, tmp_path / "older.zip", data=without_membership_ids)
    collide(old_ids)
    call_command("import_plan_bundle", str(older))

    commitment, live, draft = restored()
    assert (commitment.focal_person, commitment.focal_deputy) == (None, None)
    assert focal_ids(live) == focal_ids(draft) == (None, None)
    assert draft["indicators"][0]["focal_person"] is None
    # The people themselves are restored: only whose membership was meant is unknown.
    assert Membership.objects.filter(agency=commitment.lead_agency).count() == 2
    commitment.full_clean()
    client.force_login(get_user_model().objects.get(username="ke-coord"))
    edit = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/")
    assert edit.status_code == 200
