"""The demo, clicked through as the contract's accounts: each sees what the rules say."""

import re

import pytest

from plans.models import Commitment, NationalPlanPage

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/plans/commitment/?per_page=100"


def login(client, username):
    assert client.login(username=username, password="demo-pass-2026")


def listed_ids(client, url=LISTING):
    html = client.get(url).content.decode()
    return {int(pk) for pk in re.findall(r"/admin/snippets/plans/commitment/edit/(\d+)/", html)}


def edit_status(client, commitment):
    return client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/").status_code


def refused_with_reason(client, commitment):
    """Someone of the commitment's country is told who leads it and whom to ask."""
    response = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/", follow=True)
    return response.status_code in (200, 403) and "Led by" in response.content.decode()


def test_demo_has_published_plans_with_drafts_kept_private(demo, client):
    for plan in NationalPlanPage.objects.originals():
        assert plan.live
        assert 15 <= plan.commitments.count() <= 30
        numbers = set(plan.capability_sections.values_list("capability__number", flat=True))
        assert {4, 5, 8, 9, 11, 13, 21} <= numbers
        assert 5 <= len(numbers) <= 8
        assert plan.commitments.filter(has_unpublished_changes=True).exists()
    drafted = Commitment.objects.filter(
        plan__country__code="ke", title__contains="digital forensics capability"
    ).get()
    assert "laboratory" in drafted.get_latest_revision_as_object().title
    html = client.get(drafted.plan.url).content.decode()
    assert "digital forensics capability" in html
    assert "forensics laboratory" not in html


def test_ke_police_sees_and_edits_what_their_unit_leads(demo, client):
    login(client, "ke-police")
    kenya = Commitment.objects.filter(plan__country__code="ke")
    police_led = kenya.filter(lead_agency__acronym="AHTCPU")
    assert police_led.count() >= 3
    assert listed_ids(client) == set(police_led.values_list("pk", flat=True))
    assert all(edit_status(client, c) == 200 for c in police_led)
    helpline_led = kenya.filter(lead_agency__acronym="116").first()
    assert edit_status(client, helpline_led) == 403
    assert refused_with_reason(client, helpline_led)
    supported = kenya.filter(supporting_agencies__acronym="AHTCPU").first()
    assert f"/edit/{supported.pk}/" in client.get(LISTING + "&scope=all").content.decode() or (
        client.get(f"/admin/snippets/plans/commitment/inspect/{supported.pk}/").status_code == 200
    )
    assert edit_status(client, supported) == 302  # to the read-only view, with the reason
    assert refused_with_reason(client, supported)


def test_ke_helpline_sees_only_the_helplines_work(demo, client):
    login(client, "ke-helpline")
    helpline_led = Commitment.objects.filter(plan__country__code="ke", lead_agency__acronym="116")
    assert helpline_led.count() >= 3
    assert listed_ids(client) == set(helpline_led.values_list("pk", flat=True))
    police_led = Commitment.objects.filter(plan__country__code="ke", lead_agency__acronym="AHTCPU")
    # Refused with the reason: on the read-only view where the helpline supports it.
    assert all(edit_status(client, c) in (302, 403) for c in police_led)
    assert all(refused_with_reason(client, c) for c in police_led)


def test_ke_coordinator_sees_all_of_kenya_and_nothing_else(demo, client):
    login(client, "ke-coordinator")
    kenya = set(Commitment.objects.filter(plan__country__code="ke").values_list("pk", flat=True))
    assert listed_ids(client) == kenya
    jordan = Commitment.objects.filter(plan__country__code="jo").first()
    assert edit_status(client, jordan) == 302
    assert client.get(f"/admin/snippets/plans/commitment/history/{jordan.pk}/").status_code == 302
    plan = NationalPlanPage.objects.get(country__code="ke")
    assert client.get(f"/admin/pages/{plan.pk}/edit/").status_code == 200


def test_jo_coordinator_sees_all_of_jordan_and_nothing_of_kenya(demo, client):
    login(client, "jo-coordinator")
    jordan = set(Commitment.objects.filter(plan__country__code="jo").values_list("pk", flat=True))
    assert listed_ids(client) == jordan
    kenya_plan = NationalPlanPage.objects.get(country__code="ke")
    assert client.get(f"/admin/pages/{kenya_plan.pk}/edit/").status_code == 302
    kenyan = Commitment.objects.filter(plan__country__code="ke").first()
    chosen = client.get(f"/admin/snippets/choose/plans/commitment/chosen/{kenyan.pk}/")
    assert chosen.status_code == 404


def test_a_submitted_commitment_awaits_ke_reviewer(demo, client):
    waiting = Commitment.objects.get(
        plan__country__code="ke", title__startswith="Answer the child helpline"
    )
    assert waiting.workflow_in_progress
    login(client, "ke-reviewer")
    dashboard = client.get("/admin/").content.decode()
    assert waiting.title in dashboard, "listed under 'Awaiting your review'"
    task_state = waiting.current_workflow_task_state
    response = client.post(
        f"/admin/snippets/plans/commitment/workflow/action/{waiting.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    approved = Commitment.objects.get(pk=waiting.pk)
    assert not approved.has_unpublished_changes
    assert "messaging apps" in approved.description, "the reviewed draft is now live"


def test_tanzanias_waiting_commitment_goes_to_the_helpline_head_first(demo, client):
    from demo import content

    spec = content.plan_content("tz")  # written in Swahili: its title in Swahili
    item = next(c for c in spec.commitments if c.title["en"] == spec.awaiting_review)
    waiting = Commitment.objects.get(plan__country__code="tz", title=item.title[spec.language])
    assert waiting.current_workflow_task.name == "Tanzania: head of lead agency"
    login(client, "tz-reviewer")
    assert waiting.title not in client.get("/admin/").content.decode()
    login(client, "tz-helpline-head")
    assert waiting.title in client.get("/admin/").content.decode()


def test_demo_has_an_implementation_history(demo, client):
    from django.utils import timezone

    from tracking import selectors
    from tracking.models import IndicatorMeasurement, ProgressUpdate, Training

    today = timezone.localdate()
    assert ProgressUpdate.objects.filter(published_at__isnull=False).count() >= 85 * 4
    oldest = ProgressUpdate.objects.order_by("reporting_date").first().reporting_date
    assert (today - oldest).days >= 15 * 30, "about 18 months of history"
    assert selectors.commitments_overdue(on=today).exists()
    assert selectors.commitments_stale(on=today).exists()
    assert selectors.live_commitments().filter(status="completed").exists()
    assert IndicatorMeasurement.objects.exists() and Training.objects.exists()
    login(client, "ke-coordinator")
    html = client.get("/admin/").content.decode()
    assert "<svg" in html and "People trained" in html


def test_kenya_reviews_progress_updates_the_others_publish_theirs(demo, client):
    from stakeholders.models import Country
    from tracking.models import ProgressUpdate

    reviewing = set(
        Country.objects.filter(update_review=Country.UpdateReview.COORDINATOR).values_list(
            "code", flat=True
        )
    )
    assert reviewing == {"ke"}
    waiting = ProgressUpdate.objects.get(submitted_at__isnull=False, published_at__isnull=True)
    assert waiting.commitment.plan.country.code == "ke"
    assert waiting.author.username == "ke-police"
    public = client.get(f"{waiting.commitment.plan.url}commitments/{waiting.commitment_id}/")
    assert waiting.narrative not in public.content.decode()
    login(client, "ke-coordinator")
    dashboard = client.get("/admin/").content.decode()
    assert "Progress updates waiting for your review" in dashboard
    assert f"/admin/progress_updates/review/{waiting.pk}/" in dashboard
    login(client, "ke-police")
    assert "Submit for review" in client.get("/admin/progress_updates/new/").content.decode()
    login(client, "pe-police")
    assert "Publish now" in client.get("/admin/progress_updates/new/").content.decode()
