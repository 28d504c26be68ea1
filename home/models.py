from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.i18n import LocalizedPageMixin
from plans.caching import PublicCacheMixin


class HomePage(PublicCacheMixin, LocalizedPageMixin, Page):
    """The site's front door: what the product is, and the way to every published plan."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A short, plain explanation of the site for the public."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from plans.selectors import public_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(public_overview())
        return context
