"""An editor panel saying what changed since publication, field by field.

Shown on plans and commitments that are live and have a newer draft, so a drafter knows
what the public does not see yet and a reviewer reads the diff before approving.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.panels import Panel, get_edit_handler
from wagtail.models import Page


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
            context["changes"] = [change for change in changes if change.has_changed()]
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
