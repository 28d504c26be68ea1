"""Public pages in the visitor's language, whether or not their content is translated yet.

Plan content is translated with wagtail-localize, page by page. Until a page has a live
translation in the visitor's language, the English page is shown, and links to it keep the
visitor's prefix (`/ar/plans/<slug>/`) so the interface stays in their language.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale


def active_prefix():
    """`/ar` etc., or "" for English (the default language has no prefix)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code == settings.LANGUAGE_CODE or code not in dict(settings.LANGUAGES):
        return ""
    return f"/{code}"


def in_default_locale(page):
    """The default-locale (English) version of a page, or the page itself."""
    if page.locale.language_code == settings.LANGUAGE_CODE:  # page.locale is cached
        return page
    return page.get_translation_or_none(Locale.get_default()) or page


class LocalizedUrlMixin:
    """Links to an English page keep the visitor's language prefix."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        prefix = active_prefix()
        if parts is None or not prefix or self.locale.language_code != settings.LANGUAGE_CODE:
            return parts
        # An English page seen from /ar/...: link to it under /ar/ too. It is served there
        # (translated if a live translation exists, else in English).
        site_id, root_url, page_path = parts
        return site_id, root_url, prefix + page_path


class LocalizedPageMixin(LocalizedUrlMixin):
    """For pages with public children: those children are found in every language."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        # This page's own children first, then those of its English version: a page not
        # yet translated is still reachable under a translated parent.
        for parent in dict.fromkeys([self, in_default_locale(self)]):
            child = parent.get_children().filter(slug=slug).first()
            if child is not None:
                # Its live translation in the visitor's language if there is one, else
                # the English page (never a draft translation).
                page = in_default_locale(child.specific).localized.specific
                return page.route(request, remaining)
        raise Http404
