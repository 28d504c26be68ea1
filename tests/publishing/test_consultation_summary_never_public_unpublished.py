"""A consultation round reaches the public only closed and with its summary published
by the coordinator: an open round, or a closed one whose summary is not (or no longer)
published, is on neither the plan page nor export.json nor the PDF."""

import json

import pytest
from django.core.exceptions import ValidationError

from plans import consultation
from plans.selectors import public_consultation_rounds

from ..consultation_helpers import close, comment, open_round, respond
from ..factories import make_plan

pytestmark = pytest.mark.django_db

REMARK = "Zqdraft remark on the hotline"


def public_texts(client, plan):
    page = client.get(plan.url).content.decode()
    data = json.loads(client.get(f"{plan.url}export.json").content)
    return page, data


def test_open_round_is_not_public(client, ke_round, ke_police_drafter, ke_coordinator):
    respond(comment(ke_round, ke_police_drafter, REMARK), ke_coordinator)
    page, data = public_texts(client, ke_round.plan)
    assert REMARK not in page and ke_round.title not in page
    assert 'id="consultation-h"' not in page
    assert data["consultations"] == []


def test_closed_round_without_published_summary_is_not_public(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    respond(comment(ke_round, ke_police_drafter, REMARK), ke_coordinator)
    close(ke_round, ke_coordinator)
    page, data = public_texts(client, ke_round.plan)
    assert REMARK not in page
    assert data["consultations"] == []


def test_withdrawn_summary_leaves_the_public_page(
    client, ke_round, ke_police_drafter, ke_coordinator
):
    respond(comment(ke_round, ke_police_drafter, REMARK), ke_coordinator)
    close(ke_round, ke_coordinator, publish=True)
    page, data = public_texts(client, ke_round.plan)
    assert REMARK in page and len(data["consultations"]) == 1
    consultation.consultation_publish_summary(
        actor=ke_coordinator, consultation=ke_round, public=False
    )
    page, data = public_texts(client, ke_round.plan)
    assert REMARK not in page
    assert data["consultations"] == []


def test_summary_of_an_open_round_cannot_be_published(ke_round, ke_coordinator):
    with pytest.raises(ValidationError) as refused:
        consultation.consultation_publish_summary(actor=ke_coordinator, consultation=ke_round)
    assert refused.value.messages == [str(consultation.SUMMARY_ONLY_WHEN_CLOSED)]
    ke_round.refresh_from_db()
    assert not ke_round.summary_public


def test_published_summary_of_an_unpublished_plan_is_not_public(
    client, kenya, ke_police, ke_police_drafter, ke_coordinator
):
    draft = make_plan(kenya, start=2030, end=2034, publish=False)
    round_ = open_round(draft, [ke_police])
    respond(comment(round_, ke_police_drafter, REMARK), ke_coordinator)
    close(round_, ke_coordinator, publish=True)
    assert not public_consultation_rounds().exists()
    assert client.get(f"/en/plans/{draft.slug}/").status_code == 404
