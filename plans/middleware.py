"""Guards for Wagtail admin views that show a page before asking about rights on it.

Found by a review of every admin URL: these views put a plan's (draft or unpublished)
title or its review status into the response or a flash message for any admin user.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from wagtail.models import Page

# Views whose page must be one the user may edit (they reveal review status).
EDITORS_ONLY = {
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:workflow_preview",
}
# Views that show a page's title: it must be published, or editable by the user.
PUBLISHED_OR_EDITABLE = {"wagtailadmin_choose_page_child"}
PUBLISHED_OR_EDITABLE_MANY = {"wagtailadmin_choose_page_chosen_multiple"}
# Wagtail's and wagtail-localize's site-wide reports and tools: they list pages, log
# entries, translations or the names of people of every country (their filters offer
# "Edited by", "Locked by", "Requested by", "User" from the whole site), and the site
# uses none of them for its own work (the Reports menu has the product's own reports).
SUPERUSERS_ONLY = {
    f"wagtailadmin_reports:{report}{suffix}"
    for report in (
        "page_types_usage",
        "site_history",
        "locked_pages",
        "workflow",
        "workflow_tasks",
        "aging_pages",
    )
    for suffix in ("", "_results")
} | {
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
}
# Whole areas the site does not use: images and form pages.
SUPERUSERS_ONLY_NAMESPACES = {"wagtailimages", "wagtailimages_chooser", "wagtailforms"}
# The page explorer lists pages with filters naming everyone who edited any page; the
# country's people reach their plan pages from "Our plan" instead.
EXPLORER = {"wagtailadmin_explore_root", "wagtailadmin_explore", "wagtailadmin_explore_results"}
# Views of one page that named it before asking about rights (a move's confirmation).
MOVERS_ONLY = {"wagtailadmin_pages:move", "wagtailadmin_pages:move_confirm"}


def superusers_only(view_name: str, namespace: str = "") -> bool:
    """Is this admin view for superusers alone? Also hides its menu items."""
    return view_name in SUPERUSERS_ONLY | EXPLORER or any(
        namespace == ns or namespace.startswith(f"{ns}:") for ns in SUPERUSERS_ONLY_NAMESPACES
    )


def hide_superuser_only_items(request, menu_items) -> None:
    """For the construct_main_menu and construct_reports_menu hooks."""
    if request.user.is_superuser:
        return

    def shown(item):
        try:
            match = resolve(item.url)
        except (Resolver404, AttributeError, TypeError):
            return True
        return not superusers_only(match.view_name, match.namespace)

    menu_items[:] = [item for item in menu_items if shown(item)]


def _can_edit(user, page) -> bool:
    return page.permissions_for_user(user).can_edit()


def _visible(user, page) -> bool:
    return (page.live and not page.get_view_restrictions().exists()) or _can_edit(user, page)


class AdminPagePrivacyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        name = match.view_name
        if name in EXPLORER:
            return redirect("plan_overview_index")
        if superusers_only(name, match.namespace):
            raise Http404
        if name in MOVERS_ONLY:
            page = Page.objects.filter(pk=view_kwargs.get("page_to_move_id")).first()
            if page is None or not page.permissions_for_user(user).can_move():
                raise Http404
        if name in EDITORS_ONLY | PUBLISHED_OR_EDITABLE:
            page_id = view_kwargs.get("page_id") or view_kwargs.get("parent_page_id")
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                raise Http404
            allowed = _can_edit(user, page) if name in EDITORS_ONLY else _visible(user, page)
            if not allowed:
                raise Http404
        if name in PUBLISHED_OR_EDITABLE_MANY:
            pages = Page.objects.filter(
                pk__in=[i for i in request.GET.getlist("id") if i.isdigit()]
            )
            if not all(_visible(user, page) for page in pages):
                raise Http404
        return None
