from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from plans import permissions

from . import admin_views


@hooks.register("register_admin_urls")
def register_plan_import_urls():
    return [
        path("plans/import/", admin_views.PlanImportIndexView.as_view(), name="plan_import_index"),
        path("plans/import/<int:pk>/", admin_views.PlanImportView.as_view(), name="plan_import"),
        path(
            "plans/import/download/<str:name>",
            admin_views.ImportTemplateDownloadView.as_view(),
            name="plan_import_download",
        ),
    ]


class PlanImportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_may_import(user=request.user)


@hooks.register("register_admin_menu_item")
def register_plan_import_menu_item():
    return PlanImportMenuItem(
        _("Import commitments"), reverse("plan_import_index"), icon_name="upload", order=155
    )


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    # "plans.import": the audit log's action string, kept since entries store it.
    actions.register_action("plans.import", _("Import"), _("Commitments imported from a file"))
