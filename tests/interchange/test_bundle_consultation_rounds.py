"""Consultation rounds travel in the country's bundle: the agencies consulted, every
comment on the plan, a section or a commitment, and the coordinator's reasoned response
to each. People appear by username only, re-linked to accounts of that name where the
installation has them, left empty where it does not."""

import pytest
from django.core.management import call_command

from plans.models import ConsultationRound

from ..consultation_helpers import NOT_ACCEPTED, PARTLY, close, comment, open_round, respond
from ..factories import make_commitment
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def rounds(ke_plan, ke_police, ke_helpline, ke_police_drafter, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    first = open_round(ke_plan, [ke_police], title="Consultation on the draft")
    on_plan = comment(first, ke_police_drafter, "Add a helpline target.")
    on_section = comment(first, ke_police_drafter, "Section 4 needs a budget.", capability=4)
    on_commitment = comment(first, ke_police_drafter, "Set a date.", commitment=commitment)
    respond(on_plan, ke_coordinator)
    respond(on_section, ke_coordinator, PARTLY, "The budget is in the annex.")
    respond(on_commitment, ke_coordinator, NOT_ACCEPTED, "The date depends on funding.")
    close(first, ke_coordinator, publish=True)
    second = open_round(ke_plan, [ke_police, ke_helpline], title="Revision of 2026")
    comment(second, ke_police_drafter, "Waiting for its answer.")
    return ke_plan


def name(user):
    return user.username if user else None


def rounds_of(code):
    return [
        {
            "round": (
                r.title,
                r.purpose,
                sorted(a.acronym for a in r.agencies.all()),
                r.opens_on,
                r.deadline,
                r.state,
                r.summary_public,
                name(r.created_by),
                r.created_at,
                name(r.closed_by),
                r.closed_at,
            ),
            "comments": [
                (
                    name(c.author),
                    c.agency.acronym,
                    c.capability.number if c.capability else None,
                    c.commitment.title if c.commitment else None,
                    c.text,
                    c.created_at,
                    c.edited_at,
                    c.response,
                    c.reason,
                    name(c.responded_by),
                    c.responded_at,
                )
                for c in r.comments.order_by("created_at", "pk")
            ],
        }
        for r in ConsultationRound.objects.filter(plan__country__code=code).order_by("pk")
    ]


def test_rounds_comments_and_responses_round_trip(client, tmp_path, rounds):
    before = rounds_of("ke")
    assert [len(r["comments"]) for r in before] == [3, 1]
    page = client.get(rounds.url).content.decode()
    assert "The budget is in the annex." in page  # the published summary
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not ConsultationRound.objects.exists()
    call_command("import_plan_bundle", str(path))

    assert rounds_of("ke") == before
    restored = ConsultationRound.objects.get(title="Consultation on the draft").plan
    assert "The budget is in the annex." in client.get(restored.url).content.decode()


def test_comment_authors_without_an_account_here_come_back_without_one(
    tmp_path, rounds, ke_police_drafter, ke_coordinator
):
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    ke_police_drafter.delete()
    call_command("import_plan_bundle", str(path))

    comments = ConsultationRound.objects.get(title="Consultation on the draft").comments.all()
    assert [c.author for c in comments] == [None, None, None]
    assert {c.responded_by for c in comments} == {ke_coordinator}
