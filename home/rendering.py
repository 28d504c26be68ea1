"""How a page is shown to the public: a registry the public site fills.

Page models live in the apps that own their content (`home`, `plans`); what a page shows
the public (its context, its sub-pages, whether and how it is cached) is decided by the
public site (`publishing`), which sits above those apps and registers a renderer per page
model, as apps register permission policies with Wagtail's `policy_registry`. A page
model with no renderer shows its own fields only and is never cached.
"""

from wagtail.utils.registry import ObjectTypeRegistry


class PageRenderer:
    """What the public site adds to a page; the default adds nothing."""

    def get_context(self, page, request) -> dict:
        return {}

    def cache_scope(self, page) -> tuple[str, ...] | None:
        """The cache generations the page's public rendering depends on; None: not cached."""
        return None

    def cache_variant(self, page, request) -> str:
        """What in the query string changes the page (everything else is ignored)."""
        return ""


_registry = ObjectTypeRegistry()
_DEFAULT = PageRenderer()


def register_page_renderer(model, renderer: PageRenderer) -> None:
    _registry.register(model, value=renderer)


def renderer_for(page) -> PageRenderer:
    """The renderer registered for the page's class or its nearest ancestor class."""
    return _registry.get(page) or _DEFAULT


class RenderedPageMixin:
    """For page models: the public context comes from the page's renderer."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(renderer_for(self).get_context(self, request))
        return context
