"""Review of progress updates, per country: where it is on, an agency's update is public
only once a national coordinator approves it; where it is off, as before."""

import json

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.concurrency import STALE_SAVE
from plans.models import Commitment
from stakeholders import services as stakeholder_services
from stakeholders.models import Country
from tracking import services
from tracking.models import ProgressUpdate

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db
ADD = "/admin/progress_updates/new/"
NARRATIVE = "Reviewword: forty investigators trained"


def review_on(country):
    country.update_review = Country.UpdateReview.COORDINATOR
    stakeholder_services.country_save(country=country)


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Train investigators")


def form(commitment, **overrides):
    data = {
        "commitment": commitment.pk,
        "reporting_date": timezone.localdate().isoformat(),
        "status": "on_track",
        "progress": "45",
        "narrative": NARRATIVE,
        "evidence_url": "",
        "measurements-TOTAL_FORMS": "0",
        "measurements-INITIAL_FORMS": "0",
        "measurements-MIN_NUM_FORMS": "0",
        "measurements-MAX_NUM_FORMS": "1000",
        "publish_now": "on",
    }
    data.update(overrides)
    return data


def public_view(client, plan, commitment):
    """What an anonymous visitor reads: the commitment's page and export.json."""
    client.logout()
    page = client.get(f"{plan.url}commitments/{commitment.pk}/").content.decode()
    exported = json.loads(client.get(f"{plan.url}export.json").content)
    row = next(c for c in exported["commitments"] if c["id"] == commitment.pk)
    return page, row


def test_with_review_on_a_drafters_update_waits_for_the_coordinator(
    client,
    kenya,
    ke_plan,
    commitment,
    ke_police_drafter,
    ke_coordinator,
    django_capture_on_commit_callbacks,
):
    review_on(kenya)
    client.force_login(ke_police_drafter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD, form(commitment), follow=True)
    assert "submitted for review" in response.content.decode()
    update = ProgressUpdate.objects.get()
    assert update.state == ProgressUpdate.State.SUBMITTED and not update.is_published

    page, row = public_view(client, ke_plan, commitment)
    assert NARRATIVE not in page
    assert row["progress"] == 0 and row["status"] == "not_started"
    assert Commitment.objects.get(pk=commitment.pk).progress == 0
    assert [m.to for m in mail.outbox] == [[ke_coordinator.email]], "the coordinator is told"

    client.force_login(ke_coordinator)
    review = client.get(f"/admin/progress_updates/review/{update.pk}/")
    assert NARRATIVE in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/progress_updates/review/{update.pk}/",
            {"action": "approve", "loaded_version": update.updated_at.isoformat()},
        )
    assert response.status_code == 302

    page, row = public_view(client, ke_plan, commitment)
    assert NARRATIVE in page
    assert row["progress"] == 45 and row["status"] == "on_track"
    assert mail.outbox[-1].to == [ke_police_drafter.email]
    assert "approved" in mail.outbox[-1].subject.lower()
    actions = list(
        ModelLogEntry.objects.for_instance(update)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert actions == [
        ("wagtail.create", "ke-police-drafter"),
        (services.SUBMIT, "ke-police-drafter"),
        (services.APPROVE, "ke-coord"),
        ("wagtail.publish", "ke-coord"),
    ]


def test_with_review_off_a_drafters_update_is_public_at_once(
    client, ke_plan, commitment, ke_police_drafter
):
    client.force_login(ke_police_drafter)
    form_page = client.get(ADD).content.decode()
    assert "Publish now" in form_page and "Submit for review" not in form_page
    client.post(ADD, form(commitment))
    assert ProgressUpdate.objects.get().is_published
    page, row = public_view(client, ke_plan, commitment)
    assert NARRATIVE in page and row["progress"] == 45


def test_the_form_says_submit_for_review_and_which_status_wins(
    client, kenya, ke_police_drafter, ke_coordinator
):
    review_on(kenya)
    client.force_login(ke_police_drafter)
    page = client.get(ADD).content.decode()
    assert "Submit for review" in page and "Publish now" not in page
    assert "latest published update" in page
    client.force_login(ke_coordinator)
    assert "Publish now" in client.get(ADD).content.decode(), "coordinators publish"


def test_changes_requested_with_a_comment_the_drafter_reads(
    client, kenya, commitment, ke_police_drafter, ke_coordinator, django_capture_on_commit_callbacks
):
    review_on(kenya)
    update = make_update(commitment, actor=ke_police_drafter, publish=True)
    client.force_login(ke_coordinator)
    url = f"/admin/progress_updates/review/{update.pk}/"
    version = update.updated_at.isoformat()
    refused = client.post(url, {"action": "request_changes", "loaded_version": version})
    assert services.COMMENT_REQUIRED in refused.content.decode()
    assert ProgressUpdate.objects.get().is_submitted
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "action": "request_changes",
                "comment": "Say which regions the courses were in.",
                "loaded_version": version,
            },
        )
    update.refresh_from_db()
    assert update.state == ProgressUpdate.State.CHANGES_REQUESTED and not update.is_published
    assert "Say which regions" in mail.outbox[-1].body

    client.force_login(ke_police_drafter)
    editor = client.get(f"/admin/progress_updates/edit/{update.pk}/").content.decode()
    assert "Changes requested by" in editor and "Say which regions the courses were in." in editor
    client.post(
        f"/admin/progress_updates/edit/{update.pk}/",
        form(commitment, narrative="In Nairobi and Mombasa.", loaded_version=version),
    )
    update.refresh_from_db()
    assert update.is_submitted and not update.rejected_comment


def test_an_update_changed_after_the_coordinator_opened_it_is_not_approved(
    client, kenya, commitment, ke_police_drafter, ke_coordinator
):
    review_on(kenya)
    update = make_update(commitment, actor=ke_police_drafter, publish=True)
    seen = update.updated_at.isoformat()
    update.narrative = "Changed after the coordinator opened it."
    update.save()
    client.force_login(ke_coordinator)
    url = f"/admin/progress_updates/review/{update.pk}/"
    response = client.post(url, {"action": "approve", "loaded_version": seen})
    assert str(STALE_SAVE)[:40] in response.content.decode()
    assert not ProgressUpdate.objects.get().is_published


def test_a_drafter_neither_publishes_nor_changes_a_public_update_where_review_is_on(
    client, kenya, commitment, ke_police_drafter
):
    review_on(kenya)
    draft = make_update(commitment, actor=ke_police_drafter)
    with pytest.raises(services.PermissionDenied):
        services.progress_update_publish(actor=ke_police_drafter, update=draft)
    public = make_update(commitment, publish=True)  # the system: published
    client.force_login(ke_police_drafter)
    response = client.get(f"/admin/progress_updates/edit/{public.pk}/", follow=True)
    assert "only its national coordinators change or delete it" in response.content.decode()
    assert client.post(f"/admin/progress_updates/delete/{public.pk}/").status_code == 302
    assert ProgressUpdate.objects.filter(pk=public.pk).exists()


def test_only_the_countrys_coordinators_review(
    client, kenya, commitment, ke_police_drafter, ke_reviewer, jo_coordinator
):
    review_on(kenya)
    update = make_update(commitment, actor=ke_police_drafter, publish=True)
    for user in (ke_police_drafter, ke_reviewer, jo_coordinator):
        client.force_login(user)
        client.post(
            f"/admin/progress_updates/review/{update.pk}/",
            {"action": "approve", "loaded_version": update.updated_at.isoformat()},
        )
        assert not ProgressUpdate.objects.get().is_published, user


def test_only_superusers_change_the_setting_coordinators_read_it(
    client, kenya, ke_coordinator, superuser
):
    client.force_login(ke_coordinator)
    inspect = client.get(f"/admin/countries/inspect/{kenya.pk}/")
    assert inspect.status_code == 200
    assert "Published by the lead agency" in inspect.content.decode()
    data = {"code": "ke", "name": "Kenya", "default_language": "en", "update_review": "coordinator"}
    client.post(f"/admin/countries/edit/{kenya.pk}/", data)
    assert Country.objects.get(pk=kenya.pk).update_review == Country.UpdateReview.LEAD_AGENCY
    client.force_login(superuser)
    assert client.post(f"/admin/countries/edit/{kenya.pk}/", data).status_code == 302
    assert Country.objects.get(pk=kenya.pk).reviews_updates
