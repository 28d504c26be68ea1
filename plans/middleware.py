"""Middleware: the public cache's fast path, and guards for Wagtail admin views.

`FastPathMiddleware` (right after WhiteNoise) answers anonymous requests for cached
public pages from the cache alone; see `plans.caching`, "The fast path".

The guards are for Wagtail admin views that show a page before asking about rights on it.

Found by a review of every admin URL: these views put a plan's (draft or unpublished)
title or its review status into the response or a flash message for any admin user.
"""

from django.http import Http404
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
# Site-wide statistics that name the latest edited page of every type.
SUPERUSERS_ONLY = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


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
        if name in SUPERUSERS_ONLY:
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


class FastPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from . import caching

        response = caching.fast_path_response(request)
        if response is not None:
            return response
        response = self.get_response(request)
        caching.remember_for_fast_path(request, response)
        return response
