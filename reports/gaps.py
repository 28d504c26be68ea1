"""Our plan → Gap analysis: where the plan does not answer the MNR yet.

For the country's coordinators and reviewers (and superusers): it reads every commitment,
drafts and internal ones included (`tracking.gaps.plan_gaps`).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from plans import permissions
from plans.models import NationalPlanPage
from tracking.gaps import plan_gaps


class PlanGapsView(WagtailAdminTemplateMixin, TemplateView):
    """Where the plan does not answer the MNR yet, with links to the commitments."""

    template_name = "plans/admin/plan_gaps.html"
    header_icon = "warning"

    def dispatch(self, request, *args, pk, **kwargs):
        self.plan = get_object_or_404(NationalPlanPage, pk=pk)
        if not permissions.user_can_view_plan_gaps(user=request.user, plan=self.plan):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Gaps: %(plan)s") % {"plan": self.plan.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("plan_overview_index"), "label": _("Our plan")},
            {
                "url": reverse("plan_overview", args=(self.plan.pk,)),
                "label": self.plan.get_admin_display_title(),
            },
            {"url": "", "label": _("Gaps")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(plan=self.plan, gaps=plan_gaps(self.plan))
        return context
