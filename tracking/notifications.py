"""E-mails of the review of progress updates, where a country asks for it.

Submission tells the country's national coordinators; approval and a request for changes
tell the person who submitted. Each person can switch each kind off in their account
settings (Notifications), the same flags as the review of plans and commitments.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.mail import email_link, send_templated_mail

from .models import ProgressUpdate

EVENTS = ("submitted", "approved", "rejected")


def _wants(user, event) -> bool:
    return bool(
        user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{event}_notifications")
    )


def _recipients(event, update):
    if event == "submitted":
        country = update.commitment.plan.country
        return list(get_user_model().objects.filter(groups=country.coordinators_group_id))
    person = update.submitted_by or update.author
    return [person] if person else []


def send_update_review_notification(event: str, *, update_id, actor_id=None) -> int:
    """One e-mail per recipient; returns how many were sent."""
    if event not in EVENTS:
        raise ValueError(f"unknown review event {event!r}")
    update = (
        ProgressUpdate.objects.select_related("commitment__plan__country", "agency")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        return 0  # deleted since
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    url_name = "progress_updates:review" if event == "submitted" else "progress_updates:edit"
    context = {
        "update": update,
        "country": update.commitment.plan.country,
        "actor": actor,
        "comment": update.rejected_comment,
        "url": email_link(reverse(url_name, args=[update.pk])),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    sent = 0
    for user in _recipients(event, update):
        if user.pk == actor_id or not _wants(user, event):
            continue
        sent += send_templated_mail(
            f"tracking/email/update_{event}", to=user.email, context={**context, "recipient": user}
        )
    return sent
