"""Illustrative consultation rounds for the demo (issue 20): Kenya consulted three of its
agencies on the draft plan before adopting it, answered every comment and published the
summary; Jordan has a round open on its plan, with one comment still to answer.

Texts are illustrative, not claims about any government; they speak of laws, services and
systems, never of a child. `add_demo_consultations(plan)` is idempotent: a plan that has a
round with the demo's title is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from plans import consultation
from plans.models import ConsultationComment, ConsultationRound
from plans.selectors import public_commitment_rows
from stakeholders.models import Agency

ACCEPTED = ConsultationComment.Response.ACCEPTED
PARTLY = ConsultationComment.Response.PARTLY
NOT_ACCEPTED = ConsultationComment.Response.NOT_ACCEPTED

KENYA_TITLE = "Consultation of agencies on the draft plan"
JORDAN_TITLE = "Consultation on the revised plan"


def _user(username):
    return get_user_model().objects.get(username=username)


def _agency_of(user):
    return user.memberships.select_related("agency").first().agency


def _kenya(plan):
    today = timezone.localdate()
    coordinator, police, helpline = (
        _user(f"ke-{n}") for n in ("coordinator", "police", "helpline")
    )
    prosecution = Agency.objects.filter(
        country=plan.country, name="Office of the Director of Public Prosecutions"
    )
    round_ = consultation.consultation_open(
        actor=coordinator,
        plan=plan,
        title=KENYA_TITLE,
        purpose=ConsultationRound.Purpose.BEFORE_ADOPTION,
        agencies=[_agency_of(police), _agency_of(helpline), *prosecution],
        opens_on=today - datetime.timedelta(days=60),
        deadline=today - datetime.timedelta(days=40),
    )
    on = round_.opens_on + datetime.timedelta(days=5)
    sections = sorted(
        plan.capability_sections.select_related("capability"), key=lambda s: s.capability.number
    )
    # One the police unit leads, so its drafter may open it.
    commitment = (
        public_commitment_rows()
        .filter(plan=plan, lead_agency=_agency_of(police))
        .order_by("pk")
        .first()
    )
    remarks = [
        (
            police,
            "Name the body that chairs the multi-stakeholder forum and how often it meets.",
            {},
            ACCEPTED,
            "The coordination section now names the National Council and a quarterly meeting.",
        ),
        (
            helpline,
            "The section should set a target for calls answered within a minute, as the "
            "helpline's own standard does.",
            {"capability": sections[0].capability} if sections else {},
            PARTLY,
            "A response-time target is added for 2027; the one-minute standard needs funding "
            "that is not yet secured.",
        ),
        (
            police,
            "Ask internet service providers to report takedown times every quarter.",
            {"commitment": commitment} if commitment else {},
            NOT_ACCEPTED,
            "Reporting duties of providers are set by the regulator's rules, outside this "
            "plan; the regulator is asked to consider it in its next review.",
        ),
    ]
    for author, text, target, response, reason in remarks:
        comment = consultation.consultation_comment_add(
            actor=author, consultation=round_, text=text, on=on, **target
        )
        # Dated the day it was made in the story, within the round's dates.
        ConsultationComment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=(today - on).days)
        )
        consultation.consultation_respond(
            actor=coordinator, comment=comment, response=response, reason=reason
        )
    consultation.consultation_close(actor=coordinator, consultation=round_)
    consultation.consultation_publish_summary(actor=coordinator, consultation=round_)


def _jordan(plan):
    today = timezone.localdate()
    coordinator, police, helpline = (
        _user(f"jo-{n}") for n in ("coordinator", "police", "helpline")
    )
    round_ = consultation.consultation_open(
        actor=coordinator,
        plan=plan,
        title=JORDAN_TITLE,
        purpose=ConsultationRound.Purpose.REVISION,
        agencies=[_agency_of(police), _agency_of(helpline)],
        opens_on=today - datetime.timedelta(days=3),
        deadline=today + datetime.timedelta(days=25),
    )
    consultation.consultation_comment_add(
        actor=helpline,
        consultation=round_,
        text="The revised plan could say which agency answers reports made through the helpline.",
    )


DEMO_ROUNDS = {"ke": (KENYA_TITLE, _kenya), "jo": (JORDAN_TITLE, _jordan)}


@transaction.atomic
def add_demo_consultations(plan) -> None:
    if plan.country.code not in DEMO_ROUNDS:
        return
    title, build = DEMO_ROUNDS[plan.country.code]
    if not ConsultationRound.objects.filter(plan=plan, title=title).exists():
        build(plan)
