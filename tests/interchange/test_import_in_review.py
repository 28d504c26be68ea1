"""A commitment in review is not rewritten by an import: reviewers approve what was submitted."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.html import escape
from wagtail.test.utils.form_data import querydict_from_html

from interchange import importing
from interchange.importing.checking import IN_REVIEW
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

SUBMITTED = "Open a digital forensics lab in Nairobi"


@pytest.fixture
def in_review(client, ke_plan, ke_police, ke_police_drafter):
    """A published commitment whose drafter submitted a new title for review."""
    commitment = make_commitment(ke_plan, ke_police, title="Open a digital forensics lab")
    edit = f"/admin/snippets/plans/commitment/edit/{commitment.pk}/"
    client.force_login(ke_police_drafter)
    data = querydict_from_html(client.get(edit).content.decode(), form_id="w-editor-form")
    data["title"] = SUBMITTED
    data["action-submit"] = "action-submit"
    assert client.post(edit, data).status_code == 302
    client.logout()
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.workflow_in_progress
    return commitment


def in_review_message(commitment):
    return IN_REVIEW % {"pk": commitment.pk, "title": SUBMITTED}


def test_admin_check_and_import_refuse_a_row_of_a_commitment_in_review(
    client, in_review, ke_plan, ke_police, ke_coordinator
):
    other = make_commitment(ke_plan, ke_police, title="Train investigators", capability=11)
    revisions = in_review.revisions.count()
    content = (
        f"id,title\n{in_review.pk},Rewritten by the import\n{other.pk},Train 60 investigators\n"
    ).encode()
    client.force_login(ke_coordinator)
    for action in ("check", "import"):
        response = client.post(
            f"/admin/plans/import/{ke_plan.pk}/",
            {"file": SimpleUploadedFile("plan.csv", content), "action": action},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert escape(in_review_message(in_review)) in html
        assert "Not imported" in html
    commitment = Commitment.objects.get(pk=in_review.pk)
    assert commitment.revisions.count() == revisions
    assert commitment.get_latest_revision_as_object().title == SUBMITTED
    assert commitment.workflow_in_progress
    assert Commitment.objects.get(pk=other.pk).revisions.count() == 1


def test_a_row_that_leaves_a_commitment_in_review_unchanged_is_no_problem(
    client, in_review, ke_plan, ke_coordinator
):
    content = f"id,title\n{in_review.pk},{SUBMITTED}\n".encode()
    client.force_login(ke_coordinator)
    response = client.post(
        f"/admin/plans/import/{ke_plan.pk}/",
        {"file": SimpleUploadedFile("plan.csv", content), "action": "import"},
    )
    html = response.content.decode()
    assert "created 0, updated 0, unchanged 1; 0 problem(s)" in html


def test_a_commitment_that_goes_into_review_after_the_check_is_refused_at_write_time(
    tmp_path, ke_plan, ke_police, ke_police_drafter, monkeypatch, capsys
):
    commitment = make_commitment(ke_plan, ke_police, title="Open a digital forensics lab")
    check_import = importing.check_import

    def check_then_submit(**kwargs):
        result = check_import(**kwargs)
        # Meanwhile, the drafter submits the commitment for review.
        commitment.get_workflow().start(commitment, ke_police_drafter)
        return result

    monkeypatch.setattr(importing, "check_import", check_then_submit)
    path = tmp_path / "plan.csv"
    path.write_bytes(f"id,title\n{commitment.pk},Rewritten by the import\n".encode())
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_plan", str(path), "--country", "ke")
    message = IN_REVIEW % {"pk": commitment.pk, "title": commitment.title}
    assert message in capsys.readouterr().err
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.revisions.count() == 1
    assert commitment.get_latest_revision_as_object().title == "Open a digital forensics lab"
