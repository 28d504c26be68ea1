"""Only members of the agencies consulted comment: an agency of the same country that
was not consulted neither comments nor reads the round; a consulted member's comment
carries their agency."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from plans import consultation
from plans.models import ConsultationComment, ConsultationRound

from .test_consultation_other_country_cannot_read_or_comment import refused

pytestmark = pytest.mark.django_db


def test_agency_not_consulted_cannot_comment(client, ke_round, ke_helpline_drafter):
    client.force_login(ke_helpline_drafter)
    url = f"/admin/consultations/{ke_round.pk}/"
    assert refused(client.get(url))
    assert refused(client.post(url, {"target": "plan", "text": "Us too"}))
    with pytest.raises(PermissionDenied):
        consultation.consultation_comment_add(
            actor=ke_helpline_drafter, consultation=ke_round, text="Us too"
        )
    assert not ConsultationComment.objects.exists()
    # Their plan's consultation page lists no round of theirs.
    page = client.get(f"/admin/plans/overview/{ke_round.plan_id}/consultations/")
    assert page.status_code == 200
    assert ke_round.title not in page.content.decode()


def test_consulted_member_comments_on_a_section_for_their_agency(
    client, ke_round, ke_police_drafter, ke_police
):
    client.force_login(ke_police_drafter)
    url = f"/admin/consultations/{ke_round.pk}/"
    page = client.get(url).content.decode()
    assert "Add the comment" in page
    capability = ke_round.plan.capability_sections.first().capability
    response = client.post(
        url,
        {"target": f"capability:{capability.pk}", "text": "Name the helpline", "agency": ""},
    )
    assert response.status_code == 302
    saved = ConsultationComment.objects.get()
    assert (saved.agency, saved.capability, saved.author) == (
        ke_police,
        capability,
        ke_police_drafter,
    )


def test_coordinator_opens_a_round_and_consulted_members_are_told(
    client,
    ke_plan,
    ke_coordinator,
    ke_police,
    ke_police_drafter,
    ke_helpline_drafter,
    jo_police,
    django_capture_on_commit_callbacks,
):
    client.force_login(ke_coordinator)
    url = f"/admin/plans/overview/{ke_plan.pk}/consultations/"
    data = {
        "title": "Draft 2",
        "purpose": "before_adoption",
        "agencies": [ke_police.pk],
        "opens_on": "2026-01-01",
        "deadline": "2025-12-01",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "The deadline cannot be before" in refused.content.decode()
    refused = client.post(url, {**data, "deadline": "2099-01-01", "agencies": [jo_police.pk]})
    assert refused.status_code == 200  # another country's agency is not even offered
    mail.outbox.clear()
    with_deadline = {**data, "deadline": "2099-01-01"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, with_deadline)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[ke_police_drafter.email]]
    assert "Draft 2" in mail.outbox[0].body


def test_drafter_does_not_open_a_round(client, ke_plan, ke_police_drafter, ke_police):
    client.force_login(ke_police_drafter)
    url = f"/admin/plans/overview/{ke_plan.pk}/consultations/"
    assert "Open the round" not in client.get(url).content.decode()
    data = {"title": "Mine", "purpose": "revision", "agencies": [ke_police.pk]}
    data.update(opens_on="2026-01-01", deadline="2099-01-01")
    assert refused(client.post(url, data))
    with pytest.raises(PermissionDenied):
        consultation.consultation_open(
            actor=ke_police_drafter,
            plan=ke_plan,
            title="Mine",
            agencies=[ke_police],
            deadline=datetime.date(2099, 1, 1),
        )
    assert not ConsultationRound.objects.exists()
