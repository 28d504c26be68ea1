"""What people are told about a review: who approved or asked for changes, in the
editor's message and in the history."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter


def _name(user) -> str:
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()


def review_message(*, obj, action: str, user) -> str:
    """The message after `action` ("approve" or "reject") on `obj` by `user`."""
    title = obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else obj
    if action == "reject":
        return _("Changes requested by %(name)s: “%(title)s” goes back to its drafters.") % {
            "name": _name(user),
            "title": title,
        }
    state = getattr(obj, "current_workflow_state", None)
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        return _("Approved by %(name)s: “%(title)s” goes on to the next step.") % {
            "name": _name(user),
            "title": title,
        }
    return _("Approved by %(name)s: “%(title)s” is published.") % {
        "name": _name(user),
        "title": title,
    }


def replace_update_message(request, *, obj) -> None:
    """Replace the editor's generic "... updated" message with who did what."""
    action = request.POST.get("workflow-action-name", "")
    if action not in ("approve", "reject"):
        return
    kept = [m for m in messages.get_messages(request) if m.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, review_message(obj=obj, action=action, user=request.user))


def _task_title(log_entry) -> str:
    try:
        return log_entry.data["workflow"]["task"]["title"]
    except (KeyError, TypeError):
        return ""


class ApprovedBy(LogFormatter):
    label = gettext_lazy("Approve")

    def format_message(self, log_entry):
        return _("Approved by %(name)s at “%(task)s”") % {
            "name": _name(log_entry.user),
            "task": _task_title(log_entry),
        }


class ChangesRequestedBy(LogFormatter):
    label = gettext_lazy("Request changes")

    def format_message(self, log_entry):
        return _("Changes requested by %(name)s at “%(task)s”") % {
            "name": _name(log_entry.user),
            "task": _task_title(log_entry),
        }


def register_review_log_actions(actions) -> None:
    """Wagtail's own entries say only at which step; these say who (same action names)."""
    for action, formatter in (
        ("wagtail.workflow.approve", ApprovedBy),
        ("wagtail.workflow.reject", ChangesRequestedBy),
    ):
        actions.choices = [choice for choice in actions.choices if choice[0] != action]
        actions.register_action(action)(formatter)
