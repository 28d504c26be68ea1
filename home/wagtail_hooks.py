from django.conf import settings
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .sites import SITE_HOST_IS_LOCAL, local_default_site, site_host


class SiteHostPanel(Component):
    """What `manage.py check` says of the Site's host, where the administrator looks."""

    name = "site_host"
    order = 10

    def __init__(self, site):
        self.site = site

    def render_html(self, parent_context=None):
        return format_html(
            '<div class="help-block help-warning" role="status"><p>{}</p></div>',
            SITE_HOST_IS_LOCAL % {"host": site_host(self.site)},
        )


@hooks.register("construct_homepage_panels")
def add_site_host_panel(request, panels):
    if not request.user.is_superuser or settings.DEBUG:
        return
    site = local_default_site()
    if site is not None:
        panels.insert(0, SiteHostPanel(site))
