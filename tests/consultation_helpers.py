"""Consultation rounds for tests, built through the services (`plans.consultation`)."""

import datetime

from django.utils import timezone

from plans import consultation
from plans.models import Capability, ConsultationComment

ACCEPTED = ConsultationComment.Response.ACCEPTED
PARTLY = ConsultationComment.Response.PARTLY
NOT_ACCEPTED = ConsultationComment.Response.NOT_ACCEPTED


def open_round(plan, agencies, *, days=14, title="Consultation on the draft"):
    today = timezone.localdate()
    return consultation.consultation_open(
        actor=None,
        plan=plan,
        title=title,
        agencies=agencies,
        opens_on=today,
        deadline=today + datetime.timedelta(days=days),
    )


def comment(round_, author, text="Add a helpline target.", **target):
    if "capability" in target and isinstance(target["capability"], int):
        target["capability"] = Capability.objects.get(
            framework__code="MNR-2016", number=target["capability"]
        )
    return consultation.consultation_comment_add(
        actor=author, consultation=round_, text=text, **target
    )


def respond(comment_, coordinator, response=ACCEPTED, reason=""):
    return consultation.consultation_respond(
        actor=coordinator, comment=comment_, response=response, reason=reason
    )


def close(round_, coordinator, *, publish=False):
    round_ = consultation.consultation_close(actor=coordinator, consultation=round_)
    if publish:
        round_ = consultation.consultation_publish_summary(
            actor=coordinator, consultation=round_, public=True
        )
    return round_
