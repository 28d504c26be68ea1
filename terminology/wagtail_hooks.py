from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views, selectors
from .models import Term
from .permissions import term_policy

# Policy first: the viewset below refuses to register without it.
register_permission_policy(Term, term_policy)


class TermViewSet(ModelViewSet):
    model = Term
    name = "terminology"
    icon = "check"
    menu_label = _("Terminology")
    menu_order = 410
    add_to_admin_menu = True
    list_display = ["phrase", "kind", "replacement", "language", "draft", "active"]
    list_filter = ["kind", "language", "draft", "active"]
    search_fields = ["phrase", "replacement", "variants"]
    form_fields = [
        "language",
        "phrase",
        "kind",
        "replacement",
        "reason",
        "variants",
        "source",
        "draft",
        "active",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = admin_views.TermCreateView
    edit_view_class = admin_views.TermEditView


@hooks.register("register_admin_viewset")
def register_viewset():
    return TermViewSet()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "terminology/<int:pk>/versions/",
            admin_views.TermVersionsView.as_view(),
            name="terminology_term_versions",
        ),
    ]


def _summarise(request, instance):
    """On opening an editor: one line naming every finding, since some fields sit on tabs
    the reviewer may not open."""
    if request.method != "GET":
        return
    working = instance
    if getattr(instance, "latest_revision_id", None):
        working = instance.get_latest_revision_as_object()
    findings = selectors.findings_for_instance(working)
    if not findings:
        return
    listed = "; ".join(dict.fromkeys(f"{f.label}: “{f.text}”" for f in findings))
    blocking = sum(f.blocking for f in findings)
    text = ngettext(
        "Terminology: %(count)d finding (%(listed)s).",
        "Terminology: %(count)d findings (%(listed)s).",
        len(findings),
    ) % {"count": len(findings), "listed": listed}
    if blocking:
        text += " " + str(
            _("Terms to avoid must be changed, or quoted, before submitting or publishing.")
        )
    messages.warning(request, text)


@hooks.register("before_edit_snippet")
def warn_on_snippet_editor(request, instance):
    if selectors.is_checked(instance):
        _summarise(request, instance)


@hooks.register("before_edit_page")
def warn_on_page_editor(request, page):
    if selectors.is_checked(page.specific):
        _summarise(request, page.specific)
