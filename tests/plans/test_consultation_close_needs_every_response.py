"""A round closes only once every comment has its response; partly and not accepted
need a reason. Refusals say how many comments are waiting and change nothing."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from plans import consultation
from plans.models import ConsultationRound
from plans.models.consultation import REASON_REQUIRED

from ..consultation_helpers import NOT_ACCEPTED, PARTLY, comment, respond

pytestmark = pytest.mark.django_db


def test_round_with_unanswered_comments_does_not_close(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    first = comment(ke_round, ke_police_drafter, "One")
    comment(ke_round, ke_police_drafter, "Two", capability=4)
    comment(ke_round, ke_police_drafter, "Three")
    respond(first, ke_coordinator)
    with pytest.raises(ValidationError) as refused:
        consultation.consultation_close(actor=ke_coordinator, consultation=ke_round)
    assert refused.value.messages == [consultation.unanswered_refusal(2)]
    client.force_login(ke_coordinator)
    response = client.post(f"/admin/consultations/{ke_round.pk}/close/", follow=True)
    assert "2 comments have no response yet" in response.content.decode()
    ke_round.refresh_from_db()
    assert ke_round.state == ConsultationRound.State.OPEN and ke_round.closed_at is None


def test_round_closes_once_every_comment_has_its_response(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    only = comment(ke_round, ke_police_drafter, "One")
    client.force_login(ke_coordinator)
    respond_url = f"/admin/consultations/comments/{only.pk}/respond/"
    client.post(respond_url, {f"c{only.pk}-response": "partly"}, follow=True)
    only.refresh_from_db()
    assert only.response == ""  # partly accepted without a reason is refused
    client.post(
        respond_url, {f"c{only.pk}-response": "partly", f"c{only.pk}-reason": "Kept the target."}
    )
    only.refresh_from_db()
    assert (only.response, only.reason, only.responded_by) == (
        PARTLY,
        "Kept the target.",
        ke_coordinator,
    )
    response = client.post(f"/admin/consultations/{ke_round.pk}/close/")
    assert response.status_code == 302
    ke_round.refresh_from_db()
    assert ke_round.state == ConsultationRound.State.CLOSED
    assert ke_round.closed_by == ke_coordinator
    # The round's history has each step, with who did it.
    logged = ModelLogEntry.objects.filter(object_id=str(ke_round.pk)).order_by("timestamp")
    assert [(e.action, e.user_id) for e in logged][-2:] == [
        ("plans.consultation_responded", ke_coordinator.pk),
        ("plans.consultation_closed", ke_coordinator.pk),
    ]


def test_not_accepted_needs_a_reason(ke_round, ke_police_drafter, ke_coordinator):
    mine = comment(ke_round, ke_police_drafter)
    with pytest.raises(ValidationError) as refused:
        respond(mine, ke_coordinator, NOT_ACCEPTED, "  ")
    assert refused.value.message_dict["reason"] == [str(REASON_REQUIRED)]
    mine.refresh_from_db()
    assert mine.response == ""


def test_responses_are_final_once_closed(ke_round, ke_police_drafter, ke_coordinator):
    mine = comment(ke_round, ke_police_drafter)
    respond(mine, ke_coordinator)
    consultation.consultation_close(actor=ke_coordinator, consultation=ke_round)
    with pytest.raises(ValidationError) as refused:
        respond(mine, ke_coordinator, NOT_ACCEPTED, "Changed my mind")
    assert refused.value.messages == [str(consultation.NOT_WHILE_CLOSED)]
