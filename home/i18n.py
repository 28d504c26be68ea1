"""Public pages in the visitor's language, whether or not their content is translated yet.

Plan content is translated with wagtail-localize, page by page. Until a page has a live
translation in the visitor's language, the English page is shown, and links to it keep the
visitor's prefix (`/ar/plans/<slug>/`) so the interface stays in their language.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import translation
from wagtail.models import Page


def base_language(language: str | None = None) -> str:
    """ "ar" for "ar-JO", "es" for "es-419": the language without its region, which is what
    the site's translations are keyed on. Without an argument, the active language's."""
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    return code.split("-")[0].lower()


def active_prefix():
    """`/ar` etc., or "" for English (the default language has no prefix)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    if code == settings.LANGUAGE_CODE or code not in dict(settings.LANGUAGES):
        return ""
    return f"/{code}"


def original_q():
    """Pages that are originals: in the locale of their first wagtail-localize source
    (what was translated from), or, never translated, the first page of their key."""
    from wagtail_localize.models import TranslationSource

    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    first_page = Page.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    return Q(locale_id=Subquery(sources.order_by("created_at", "pk").values("locale_id")[:1])) | (
        ~Exists(sources) & Q(pk=Subquery(first_page.values("pk")[:1]))
    )


def original_version(page):
    """The page as written (a plan in its country's language), or the page itself."""
    cached = getattr(page, "_original_version", None)
    if cached is not None:
        return cached
    original = Page.objects.filter(translation_key=page.translation_key).filter(original_q())
    original = original.first()
    original = page if original is None or original.pk == page.pk else original.specific
    page._original_version = original
    return original


# Older name: the original used to be the English page.
in_default_locale = original_version


def url_in_own_language(page):
    """The page's address in its own locale (not rewritten to the visitor's prefix)."""
    with translation.override(page.locale.language_code):
        return page.get_url()


class LocalizedUrlMixin:
    """Links to an English page keep the visitor's language prefix."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        language = self.locale.language_code
        prefix = active_prefix()
        if parts is None or prefix == (
            "" if language == settings.LANGUAGE_CODE else f"/{language}"
        ):
            return parts
        # A page seen from another language (a Spanish plan from /ar/...): link to it under
        # the visitor's prefix. It is served there (translated if a live translation
        # exists, else as written, marked with its language).
        site_id, root_url, page_path = parts
        own = f"/{language}/"
        if language != settings.LANGUAGE_CODE and page_path.startswith(own):
            page_path = page_path[len(own) - 1 :]
        return site_id, root_url, prefix + page_path


class LocalizedPageMixin(LocalizedUrlMixin):
    """For pages with public children: those children are found in every language."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        # This page's own children first, then those of its other language versions: a
        # plan written in Spanish is reachable under the English and Arabic /plans/ too.
        paths = [self.path]
        paths += Page.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        paths = [path if isinstance(path, str) else path.path for path in paths]
        for parent_path in paths:
            child = Page.objects.filter(
                path__startswith=parent_path, depth=self.depth + 1, slug=slug
            ).first()
            if child is not None:
                # Its live translation in the visitor's language if there is one, else
                # the original (never a draft translation).
                page = original_version(child.specific).localized.specific
                return page.route(request, remaining)
        raise Http404
