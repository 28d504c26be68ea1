"""Focal persons: who answers for a commitment at its lead agency, and the handover when
one leaves.

When a membership ends (deleted, or its user removed), each commitment and indicator it was
focal person for gets its deputy as focal person; where it was the deputy, the deputy is
cleared. The country's coordinators get one e-mail listing what was handed over and what
is left without a focal person, sent once the deletion is committed.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_delete
from django.urls import reverse

from home.mail import email_link, send_templated_mail
from stakeholders.models import Membership

from .models import Commitment, CommitmentIndicator


def _edit_url(commitment_id):
    return email_link(reverse("wagtailsnippets_plans_commitment:edit", args=[commitment_id]))


def _named(row):
    if isinstance(row, CommitmentIndicator):
        return f"{row.name} ({row.commitment.title})"
    return row.title


def _url(row):  # an indicator is edited in its commitment's form
    return _edit_url(row.commitment_id if isinstance(row, CommitmentIndicator) else row.pk)


def _move_deputies_up(model, membership):
    """For one model with a focal person and deputy: the rows `membership` was focal
    person for get their deputy (or nobody), and it is cleared as deputy."""
    focal_of = model.objects.filter(focal_person=membership)
    related = ("commitment",) if model is CommitmentIndicator else ()
    handed = list(
        focal_of.filter(focal_deputy__isnull=False).select_related("focal_deputy__user", *related)
    )
    orphaned = list(focal_of.filter(focal_deputy__isnull=True).select_related(*related))
    deputy_of = list(model.objects.filter(focal_deputy=membership))
    if handed:
        model.objects.filter(pk__in=[row.pk for row in handed]).update(
            focal_person=F("focal_deputy"), focal_deputy=None
        )
    if orphaned:
        model.objects.filter(pk__in=[row.pk for row in orphaned]).update(focal_person=None)
    if deputy_of:
        model.objects.filter(pk__in=[row.pk for row in deputy_of]).update(focal_deputy=None)
    return handed, orphaned, deputy_of


def focal_handover(*, membership: Membership) -> dict:
    """Move the deputies up for the commitments and indicators `membership` was focal
    person for, clear it as deputy, and tell the country's coordinators (on commit).
    Returns what changed."""
    handed, orphaned, deputy_of = _move_deputies_up(Commitment, membership)
    indicators = _move_deputies_up(CommitmentIndicator, membership)
    if handed or orphaned or indicators[0] or indicators[1]:
        country_id = membership.agency.country_id
        context = {
            "person": str(membership.user),
            "agency": str(membership.agency),
            "handed": [
                (_named(row), row.focal_deputy.user, _url(row)) for row in handed + indicators[0]
            ],
            "orphaned": [(_named(row), _url(row)) for row in orphaned + indicators[1]],
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        transaction.on_commit(lambda: _tell_coordinators(country_id, membership.pk, context))
    return {
        "handed": handed,
        "orphaned": orphaned,
        "deputy_cleared": deputy_of,
        "indicators_handed": indicators[0],
        "indicators_orphaned": indicators[1],
        "indicators_deputy_cleared": indicators[2],
    }


def _tell_coordinators(country_id, gone_pk, context):
    coordinators = (
        Membership.objects.filter(
            agency__country_id=country_id,
            role=Membership.Role.COORDINATOR,
            user__is_active=True,
        )
        .exclude(user__email="")
        .exclude(pk=gone_pk)
        .values_list("user__email", "user__first_name")
        .distinct()
    )
    for email, first_name in coordinators:
        send_templated_mail(
            "plans/email/focal_handover", to=email, context={**context, "name": first_name}
        )


def on_membership_deleted(sender, instance, **kwargs):
    focal_handover(membership=instance)


def connect():
    pre_delete.connect(
        on_membership_deleted, sender=Membership, dispatch_uid="plans_focal_handover"
    )
