"""Focal persons: who answers for a commitment at its lead agency, and the handover when
one leaves.

When a membership ends (deleted, or its user removed), each commitment it was focal person
for gets its deputy as focal person; where it was the deputy, the deputy is cleared. The
country's coordinators get one e-mail listing the commitments handed over and those left
without a focal person, sent once the deletion is committed.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import pre_delete
from django.urls import reverse

from home.mail import email_link, send_templated_mail
from stakeholders.models import Membership

from .models import Commitment


def _edit_url(commitment):
    return email_link(reverse("wagtailsnippets_plans_commitment:edit", args=[commitment.pk]))


def focal_handover(*, membership: Membership) -> dict:
    """Move the deputies up for the commitments `membership` was focal person for, clear it
    as deputy, and tell the country's coordinators (on commit). Returns what changed."""
    focal_of = Commitment.objects.filter(focal_person=membership)
    handed = list(focal_of.filter(focal_deputy__isnull=False).select_related("focal_deputy__user"))
    orphaned = list(focal_of.filter(focal_deputy__isnull=True))
    deputy_of = list(Commitment.objects.filter(focal_deputy=membership))
    if handed:
        Commitment.objects.filter(pk__in=[c.pk for c in handed]).update(
            focal_person=F("focal_deputy"), focal_deputy=None
        )
    if orphaned:
        Commitment.objects.filter(pk__in=[c.pk for c in orphaned]).update(focal_person=None)
    if deputy_of:
        Commitment.objects.filter(pk__in=[c.pk for c in deputy_of]).update(focal_deputy=None)
    if handed or orphaned:
        country_id = membership.agency.country_id
        person = str(membership.user)
        agency = str(membership.agency)
        context = {
            "person": person,
            "agency": agency,
            "handed": [(c, c.focal_deputy.user, _edit_url(c)) for c in handed],
            "orphaned": [(c, _edit_url(c)) for c in orphaned],
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        transaction.on_commit(lambda: _tell_coordinators(country_id, membership.pk, context))
    return {"handed": handed, "orphaned": orphaned, "deputy_cleared": deputy_of}


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
