"""A commitment's page lists its published versions and what changed in what the public
sees; drafts and internal fields never appear, there or anywhere else."""

import datetime
import json
from decimal import Decimal

import pytest

from plans import services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def publish_draft(commitment, **changes):
    """A reviewer's approval: the changes saved as a draft, then that revision published."""
    services.commitment_save_draft(actor=None, commitment=commitment, **changes)
    commitment = Commitment.objects.get(pk=commitment.pk)
    commitment.latest_revision.publish()
    return Commitment.objects.get(pk=commitment.pk)


@pytest.fixture
def commitment(ke_plan, ke_police):
    return make_commitment(
        ke_plan,
        ke_police,
        title="Agree a referral procedure",
        start_date=datetime.date(2022, 5, 1),
        due_date=datetime.date(2023, 5, 1),
        indicators=[{"name": "Agencies signed up", "baseline": 0, "target": 12}],
        budget_visibility=Commitment.BudgetVisibility.INTERNAL,
        estimated_cost=Decimal("2600000"),
        currency="KES",
    )


def page(client, commitment):
    return client.get(f"{commitment.plan.url}commitments/{commitment.pk}/").content.decode()


def history_of(html):
    return html.split('id="history-h"')[1]


def test_a_moved_due_date_shows_the_old_and_the_new(client, commitment):
    moved = publish_draft(commitment, due_date=datetime.date(2024, 11, 1))
    history = history_of(page(client, moved))
    assert "Due date:" in history
    old = history.index('<time datetime="2023-05-01" class="nowrap" dir="ltr">1 May 2023<')
    new = history.index('<time datetime="2024-11-01" class="nowrap" dir="ltr">1 November 2024<')
    assert old < new  # "old → new"
    assert "First published" in history


def test_a_lowered_target_and_a_new_lead_show_too(client, commitment, ke_helpline):
    indicator = commitment.indicators.get()
    changed = publish_draft(
        commitment,
        lead_agency=ke_helpline,
        indicators=[
            type(indicator)(pk=indicator.pk, name=indicator.name, baseline=0, target=Decimal(8))
        ],
    )
    history = history_of(page(client, changed))
    assert "Target of “Agencies signed up”: " in history and ">12</span>" in history
    assert ">8</span>" in history
    assert "Lead agency: <bdi>Anti-Human Trafficking" in history
    assert "<bdi>Childline Kenya (116)</bdi>" in history


def test_drafts_and_internal_fields_appear_nowhere(client, commitment):
    changed = publish_draft(
        commitment, internal_notes="Secretnote about an operation", estimated_cost=Decimal(99)
    )
    services.commitment_save_draft(
        actor=None, commitment=changed, title="Draftword title", due_date=datetime.date(2030, 1, 1)
    )
    html = page(client, changed)
    history = history_of(html)
    # The internal note and the internal budget changed: nothing public did, so no entry.
    assert history.count('<li><p class="history-date">') == 1
    assert "Secretnote" not in html and "99" not in history and "Estimated cost" not in html
    assert "Draftword" not in html and "2030" not in html
    data = client.get(f"{changed.plan.url}export.json").content.decode()
    assert "Draftword" not in data and "Secretnote" not in data
    assert json.loads(data)["commitments"][0]["due_date"] == "2023-05-01"


def test_versions_published_while_internal_were_never_public(client, ke_plan, ke_police):
    hidden = make_commitment(ke_plan, ke_police, title="Hiddenword plan", is_internal=True)
    public = publish_draft(hidden, title="Public title", is_internal=False)
    history = history_of(page(client, public))
    assert "Hiddenword" not in history
    assert history.count('<li><p class="history-date">') == 1  # first public version only
