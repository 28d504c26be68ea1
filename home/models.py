from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.i18n import LocalizedPageMixin
from home.rendering import RenderedPageMixin


class HomePage(RenderedPageMixin, LocalizedPageMixin, Page):
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


class QueuedTask(models.Model):
    """A background task the broker could not take: kept here and sent again later.

    Saving, submitting and approving must not fail because Redis or e-mail is down, and
    the e-mails and cache refreshes they trigger must not be lost either.
    """

    name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} (queued {self.created_at:%Y-%m-%d %H:%M})"
