"""The demo has one closed consultation round with its responses, published with Kenya's
plan, and a round open on Jordan's plan with a comment still to answer."""

import pytest

from plans.models import ConsultationRound
from plans.selectors import public_consultation_rounds

pytestmark = pytest.mark.django_db


def test_kenya_has_a_closed_round_with_every_response_published(demo, client):
    (kenya,) = public_consultation_rounds()
    assert kenya.plan.country.code == "ke"
    comments = list(kenya.comments.all())
    assert len(comments) == 3
    assert {c.response for c in comments} == {"accepted", "partly", "not_accepted"}
    assert all(c.reason for c in comments)
    assert {c.target_kind for c in comments} == {"plan", "capability", "commitment"}
    page = client.get(kenya.plan.url).content.decode()
    assert kenya.title in page and "Partly accepted" in page


def test_jordan_has_an_open_round_waiting_for_a_response(demo):
    jordan = ConsultationRound.objects.get(plan__country__code="jo")
    assert jordan.is_open and not jordan.summary_public
    assert [c.response for c in jordan.comments.all()] == [""]
