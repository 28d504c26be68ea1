"""Admin pages of the product's own, headed by what they are."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

HOME = {"url": "", "label": _("Home")}


def breadcrumbs(title, *parents):
    """Home, the parents ({"url", "label"}), then the page itself."""
    return [{**HOME, "url": reverse("wagtailadmin_home")}, *parents, {"url": "", "label": title}]


class HeadedAdminPageMixin(WagtailAdminTemplateMixin):
    """Wagtail's slim header shows the breadcrumbs and gives the page title to screen
    readers only, so a view without crumbs of its own is headed "Home": the last crumb
    names the page."""

    def get_breadcrumbs_items(self):
        return breadcrumbs(self.get_page_title())


def headed_response(request, template, title, context=None, status=200):
    """A response outside a WagtailAdminTemplateMixin view (a refusal) with the same header."""
    context = {"page_title": title, "breadcrumbs_items": breadcrumbs(title), **(context or {})}
    return TemplateResponse(request, template, context, status=status)
