"""Who submitted a progress update for review and who sent it back travel as usernames, like
its author: re-linked to the same accounts here, empty where there is none, never the user
ids of the database that made the bundle (here they may be someone else's)."""

import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from plans.models import Commitment
from stakeholders import services as stakeholder_services
from stakeholders.models import Country
from tracking import services as tracking_services

from ..factories import make_commitment, make_update
from .test_bundle_hostile_input import craft
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(tmp_path, kenya, ke_plan, ke_police, ke_police_drafter, ke_coordinator):
    """Kenya's bundle with an update the drafter submitted and the coordinator sent back,
    in a database where Kenya is gone."""
    kenya.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=kenya)
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    update = make_update(commitment, actor=ke_police_drafter, narrative="Two courses held.")
    tracking_services.progress_update_submit(actor=ke_police_drafter, update=update)
    tracking_services.progress_update_request_changes(
        actor=ke_coordinator, update=update, comment="Say how many were trained."
    )
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    return path


def restored_update():
    return Commitment.objects.get(title="Train investigators").progress_updates.get()


def test_the_bundle_names_reviewers_by_username_not_by_id(exported):
    with zipfile.ZipFile(exported) as archive:
        (row,) = json.loads(archive.read("data.json"))["progress_updates"]
    assert (row["submitted_by"], row["rejected_by"]) == ("ke-police-drafter", "ke-coord")
    assert row["data"]["submitted_by"] is row["data"]["rejected_by"] is None


def test_reviewers_come_back_as_the_same_accounts(exported):
    call_command("import_plan_bundle", str(exported))
    update = restored_update()
    assert update.submitted_by.username == "ke-police-drafter"
    assert update.rejected_by.username == "ke-coord"
    assert update.rejected_comment == "Say how many were trained."


def test_a_reviewer_without_an_account_here_is_left_empty_not_someone_else(exported):
    User = get_user_model()
    coordinator = User.objects.get(username="ke-coord")
    old_id = coordinator.pk
    coordinator.delete()
    User.objects.create(pk=old_id, username="jo-someone-else")
    call_command("import_plan_bundle", str(exported))
    update = restored_update()
    assert update.rejected_by is None
    assert update.submitted_by.username == "ke-police-drafter"


def test_raw_user_ids_in_an_older_bundle_are_not_kept(exported, tmp_path):
    """A bundle written before reviewers travelled by username carried their ids in the row."""
    User = get_user_model()
    someone_else = User.objects.create(username="jo-someone-else")

    def with_raw_ids(data):
        for row in data["progress_updates"]:
            del row["submitted_by"], row["rejected_by"]
            row["data"]["submitted_by"] = row["data"]["rejected_by"] = someone_else.pk

    older = craft(exported, tmp_path / "old.zip", data=with_raw_ids)
    call_command("import_plan_bundle", str(older))
    update = restored_update()
    assert (update.submitted_by, update.rejected_by) == (None, None)
