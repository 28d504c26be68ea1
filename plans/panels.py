"""Editor panels: what the reviewer asked for, and what changed since publication.

- `ReviewFeedbackPanel`: after "Request changes", the reviewer's comment stays at the top of
  the editor (who asked, when, what) until the next submission.
- `UnpublishedChangesPanel`: on plans and commitments that are live and have a newer
  draft, field by field, so a drafter knows what the public does not see yet and a
  reviewer reads the diff before approving.
"""

import datetime

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.compare import RichTextFieldComparison
from wagtail.admin.panels import Panel, get_edit_handler
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.rich_text import get_text_for_indexing


def _shown_value(comparison, value):
    # What the diff shows: datetimes to the second (revisions keep milliseconds, the
    # live row microseconds), rich text as its words.
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    if isinstance(comparison, RichTextFieldComparison):
        return " ".join(get_text_for_indexing(value or "").split())
    return value


def visibly_changed(comparison) -> bool:
    """Has the field (or inline list) changed in a way the diff would show?"""
    if not comparison.has_changed():
        return False
    if comparison.is_field:
        return _shown_value(comparison, comparison.val_a) != _shown_value(
            comparison, comparison.val_b
        )
    for child in comparison.get_child_comparisons():
        if child.is_addition() or child.is_deletion() or child.get_position_change():
            return True
        if any(visibly_changed(field) for field in child.get_field_comparisons()):
            return True
    return False


class UnpublishedChangesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "plans/panels/unpublished_changes.html"

        def is_shown(self):
            instance = self.instance
            return bool(instance.pk and instance.live and instance.has_unpublished_changes)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            model = type(self.instance)
            live = model.objects.get(pk=self.instance.pk)
            draft = live.get_latest_revision_as_object()
            root = get_edit_handler(model).get_bound_panel(
                instance=live, request=self.request, form=None
            )
            changes = [comparison(live, draft) for comparison in root.get_comparison()]
            context["changes"] = [change for change in changes if visibly_changed(change)]
            if isinstance(live, Page):
                url = reverse(
                    "wagtailadmin_pages:revisions_compare", args=[live.pk, "live", "latest"]
                )
            else:
                url = reverse(
                    f"{live.snippet_viewset.get_admin_url_namespace()}:revisions_compare",
                    args=[quote(live.pk), "live", "latest"],
                )
            context["compare_url"] = url
            return context


def changes_requested(instance) -> TaskState | None:
    """The step whose reviewer asked for changes, while nobody has submitted since."""
    if not instance.pk:
        return None
    latest = WorkflowState.objects.for_instance(instance).order_by("-created_at").first()
    if latest is None or latest.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        latest.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


class ReviewFeedbackPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "plans/panels/review_feedback.html"

        def is_shown(self):
            self.rejected = changes_requested(self.instance)
            return self.rejected is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rejected"] = self.rejected
            return context
