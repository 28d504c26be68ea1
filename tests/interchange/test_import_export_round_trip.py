"""export.csv -> edit in a spreadsheet -> import: a new draft of the same commitment."""

import pytest

from interchange.services import plan_import
from plans import services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_edited_export_updates_the_commitment_as_a_draft(client, ke_plan, ke_police, ke_helpline):
    edited = make_commitment(
        ke_plan, ke_police, title="Train investigators", supporting=[ke_helpline]
    )
    untouched = make_commitment(ke_plan, ke_helpline, title="Answer the helpline", capability=11)
    exported = client.get(f"{ke_plan.url}export.csv").content.decode("utf-8")
    assert "Train investigators" in exported
    content = exported.replace("Train investigators", "Train 60 investigators").encode("utf-8")

    result = plan_import(actor=None, plan=ke_plan, file_name="export.csv", content=content)

    assert result.problems == [] and result.done
    assert [r.commitment.pk for r in result.to_update] == [edited.pk]
    assert [r.commitment.pk for r in result.unchanged] == [untouched.pk]
    assert Commitment.objects.count() == 2
    edited = Commitment.objects.get(pk=edited.pk)
    assert edited.live and edited.title == "Train investigators"  # the public still sees this
    assert edited.has_unpublished_changes
    assert edited.get_latest_revision_as_object().title == "Train 60 investigators"
    untouched = Commitment.objects.get(pk=untouched.pk)
    assert untouched.revisions.count() == 1


def test_export_does_not_undo_a_newer_draft(client, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators", progress=10)
    services.commitment_save_draft(actor=None, commitment=commitment, progress=40)
    exported = client.get(f"{ke_plan.url}export.csv").content  # still says 10 (published)
    result = plan_import(actor=None, plan=ke_plan, file_name="export.csv", content=exported)
    assert [r.action for r in result.rows] == ["unchanged"]
    assert Commitment.objects.get().get_latest_revision_as_object().progress == 40


def test_import_by_coordinator_goes_through_their_rights(ke_plan, ke_police, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    content = f"id,title\n{commitment.pk},Train all investigators\n".encode()
    result = plan_import(actor=ke_coordinator, plan=ke_plan, file_name="x.csv", content=content)
    assert result.done
    revision = Commitment.objects.get().latest_revision
    assert revision.user == ke_coordinator
    assert revision.as_object().title == "Train all investigators"


def test_text_quoted_against_formulas_comes_back_as_written(client, ke_plan, ke_police):
    # The export quotes text a spreadsheet would run ('-...); importing it back drops the quote.
    commitment = make_commitment(
        ke_plan, ke_police, title="=Train investigators", description="- first\n- second"
    )
    exported = client.get(f"{ke_plan.url}export.csv").content
    assert b"'=Train investigators" in exported and b"'- first" in exported
    result = plan_import(actor=None, plan=ke_plan, file_name="export.csv", content=exported)
    assert [r.action for r in result.rows] == ["unchanged"]
    assert Commitment.objects.get(pk=commitment.pk).revisions.count() == 1
