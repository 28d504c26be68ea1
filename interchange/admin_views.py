"""The admin upload for `services.plan_import`: check a spreadsheet, then import it.

Only the plan's national coordinators (and superusers) may import: an import writes many
of a plan's commitments at once, for any of its agencies. Others get 403.
"""

from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View

from home.admin_pages import HeadedAdminPageMixin, headed_response
from plans import permissions
from plans.models import NationalPlanPage

from . import importing, services

TEMPLATES_DIR = Path(__file__).resolve().parent / "import_templates"
DOWNLOADS = {
    "plan-import-template.xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "plan-import-template.csv": "text/csv",
    "sample-plan.csv": "text/csv",
}
IMPORT_REFUSED = _("Only the national coordinators of %(country)s may import into its plan.")
NO_PLAN_TO_IMPORT_INTO = _(
    "Only national coordinators import plans, into their own country's plan once it exists."
)


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            ".csv or .xlsx, up to 5 MB, one commitment a row, the header in the first row."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            importing.check_upload(name=upload.name, size=upload.size)
        except importing.ImportFileError as error:
            raise ValidationError(str(error)) from error
        return upload


def _forbidden(request, message):
    return headed_response(
        request,
        "plans/admin/import_refused.html",
        _("Import commitments"),
        {"message": message},
        status=403,
    )


class PlanImportIndexView(HeadedAdminPageMixin, View):
    """Which plan to import into; straight to it when the user coordinates one."""

    page_title = _("Import commitments")
    header_icon = "upload"

    def get(self, request):
        plans = list(permissions.plans_user_may_import_into(user=request.user))
        if not plans:
            return _forbidden(request, NO_PLAN_TO_IMPORT_INTO)
        if len(plans) == 1:
            return redirect("plan_import", plans[0].pk)
        context = self.get_context_data(plans=plans, downloads=DOWNLOADS)
        return TemplateResponse(request, "plans/admin/plan_import.html", context)


class PlanImportView(HeadedAdminPageMixin, FormView):
    form_class = PlanImportForm
    template_name = "plans/admin/plan_import.html"
    header_icon = "upload"

    def dispatch(self, request, *args, pk, **kwargs):
        self.plan = get_object_or_404(
            NationalPlanPage.objects.originals().select_related("country"), pk=pk
        )
        if not permissions.user_can_import_into_plan(user=request.user, plan=self.plan):
            return _forbidden(request, IMPORT_REFUSED % {"country": self.plan.country})
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import commitments")

    def get_page_subtitle(self):
        return self.plan.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, downloads=DOWNLOADS, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        dry_run = self.request.POST.get("action") != "import"
        result = services.plan_import(
            actor=self.request.user,
            plan=self.plan,
            file_name=upload.name,
            content=upload.read(),
            dry_run=dry_run,
        )
        listing = reverse("wagtailsnippets_plans_commitment:list") + f"?plan={self.plan.pk}"
        if result.done:
            messages.success(
                self.request,
                _("Imported %(file)s: %(summary)s. The commitments are drafts until reviewed.")
                % {"file": upload.name, "summary": result.summary()},
            )
        context = self.get_context_data(
            form=self.form_class(), result=result, dry_run=dry_run, listing_url=listing
        )
        return self.render_to_response(context)


class ImportTemplateDownloadView(View):
    def get(self, request, name):
        if name not in DOWNLOADS:
            raise Http404
        return FileResponse(
            (TEMPLATES_DIR / name).open("rb"),
            as_attachment=True,
            filename=name,
            content_type=DOWNLOADS[name],
        )
