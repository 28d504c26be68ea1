"""Review e-mails: who is told what when a plan or commitment moves through review.

Plain text and HTML, one message per recipient, sent through Django's e-mail backend by
the Celery tasks in `plans.tasks`. Recipients can switch each kind off in their Wagtail
account settings (Notifications), which set the flags read here.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from home.mail import email_link, send_templated_mail

from .models import ConsultationRound

EVENTS = ("submitted", "approved", "rejected")


def _admin_url(content) -> str:
    if isinstance(content, Page):
        path = reverse("wagtailadmin_pages:edit", args=[content.pk])
    else:
        path = reverse("wagtailsnippets_plans_commitment:edit", args=[content.pk])
    return email_link(path)


def _wants(user, event) -> bool:
    return bool(
        user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{event}_notifications")
    )


def _recipients_and_context(event, *, workflow_state_id=None, task_state_id=None, actor_id=None):
    if event == "submitted":
        task_state = TaskState.objects.get(pk=task_state_id).specific
        workflow_state = task_state.workflow_state
        content = workflow_state.content_object
        task = task_state.task.specific
        reviewers = task.reviewers(content) if hasattr(task, "reviewers") else []
        recipients = list(reviewers)
        comment = ""
    else:
        workflow_state = WorkflowState.objects.get(pk=workflow_state_id)
        content = workflow_state.content_object
        last = workflow_state.task_states.order_by("-started_at", "-id").first()
        task_state = last.specific if last else None
        task = task_state.task.specific if task_state else None
        recipients = [workflow_state.requested_by] if workflow_state.requested_by_id else []
        comment = task_state.get_comment() if task_state else ""
    content = getattr(content, "specific", content)
    recipients = [u for u in recipients if u.pk != actor_id and _wants(u, event)]
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    context = {
        "event": event,
        "object": content,
        "object_kind": content._meta.verbose_name,
        "task": task,
        "comment": comment,
        "actor": actor,
        "requested_by": workflow_state.requested_by,
        "url": _admin_url(content),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return recipients, context


def send_review_notification(
    event: str, *, workflow_state_id=None, task_state_id=None, actor_id=None
) -> int:
    """Send one review e-mail per recipient; returns how many were sent."""
    if event not in EVENTS:
        raise ValueError(f"unknown review event {event!r}")
    recipients, context = _recipients_and_context(
        event, workflow_state_id=workflow_state_id, task_state_id=task_state_id, actor_id=actor_id
    )
    sent = 0
    for user in recipients:
        sent += send_templated_mail(
            f"plans/email/review_{event}", to=user.email, context={**context, "recipient": user}
        )
    return sent


def send_consultation_opened(consultation_id: int) -> int:
    """Tell every member of the consulted agencies that a round takes their comments."""
    consultation = ConsultationRound.objects.select_related("plan").get(pk=consultation_id)
    members = (
        get_user_model()
        .objects.filter(is_active=True, memberships__agency__in=consultation.agencies.all())
        .exclude(email="")
        .distinct()
    )
    context = {
        "consultation": consultation,
        "plan": consultation.plan,
        "url": email_link(reverse("consultation_round", args=[consultation.pk])),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    sent = 0
    for user in members:
        sent += send_templated_mail(
            "plans/email/consultation_opened",
            to=user.email,
            context={**context, "name": user.first_name},
        )
    return sent
