"""A closed round, or one past its deadline, takes no new comment and no change to a
comment: through the service and through the admin's URLs, with a clear message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from plans import consultation
from plans.models import ConsultationComment

from ..consultation_helpers import close, comment, respond

pytestmark = pytest.mark.django_db


def test_closed_round_refuses_a_new_comment(ke_round, ke_police_drafter, ke_coordinator):
    close(ke_round, ke_coordinator)
    with pytest.raises(ValidationError) as refused:
        comment(ke_round, ke_police_drafter)
    assert refused.value.messages == [str(consultation.ROUND_CLOSED)]
    assert not ConsultationComment.objects.exists()


def test_closed_round_refuses_a_new_comment_through_the_url(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    close(ke_round, ke_coordinator)
    client.force_login(ke_police_drafter)
    url = f"/admin/consultations/{ke_round.pk}/"
    page = client.get(url).content.decode()
    assert "Add the comment" not in page
    response = client.post(url, {"target": "plan", "text": "Late", "agency": ""}, follow=True)
    assert not ConsultationComment.objects.exists()
    assert str(consultation.ROUND_CLOSED) in response.content.decode()


def test_closed_round_refuses_a_changed_comment(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    mine = comment(ke_round, ke_police_drafter, "First words")
    # Rejected comments get their response; the round closes; the author tries again.
    respond(mine, ke_coordinator, ConsultationComment.Response.NOT_ACCEPTED, "Out of scope.")
    close(ke_round, ke_coordinator)
    with pytest.raises(ValidationError) as refused:
        consultation.consultation_comment_edit(
            actor=ke_police_drafter, comment=mine, text="Other words"
        )
    assert refused.value.messages == [str(consultation.ROUND_CLOSED)]
    client.force_login(ke_police_drafter)
    response = client.post(
        f"/admin/consultations/comments/{mine.pk}/edit/", {"text": "Other words"}, follow=True
    )
    assert str(consultation.ROUND_CLOSED) in response.content.decode()
    mine.refresh_from_db()
    assert mine.text == "First words" and mine.edited_at is None


def test_round_past_its_deadline_refuses_comments(ke_round, ke_police_drafter):
    mine = comment(ke_round, ke_police_drafter, "In time")
    late = ke_round.deadline + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        consultation.consultation_comment_add(
            actor=ke_police_drafter, consultation=ke_round, text="Late", on=late
        )
    assert refused.value.messages == [str(consultation.DEADLINE_PASSED)]
    with pytest.raises(ValidationError):
        consultation.consultation_comment_edit(
            actor=ke_police_drafter, comment=mine, text="Changed late", on=late
        )
    assert ConsultationComment.objects.get().text == "In time"


def test_answered_comment_is_not_changed(ke_round, ke_police_drafter, ke_coordinator):
    mine = comment(ke_round, ke_police_drafter, "Words")
    respond(mine, ke_coordinator)
    with pytest.raises(ValidationError) as refused:
        consultation.consultation_comment_edit(actor=ke_police_drafter, comment=mine, text="New")
    assert refused.value.messages == [str(consultation.ALREADY_ANSWERED)]


def test_author_changes_an_open_comment(client, ke_round, ke_police_drafter):
    mine = comment(ke_round, ke_police_drafter, "Words")
    client.force_login(ke_police_drafter)
    response = client.post(f"/admin/consultations/comments/{mine.pk}/edit/", {"text": "Better"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.text == "Better" and mine.edited_at is not None
