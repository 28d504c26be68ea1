"""Names of countries in the site's languages, from CLDR (Babel)."""

from functools import cache

from babel import Locale, UnknownLocaleError

from home.i18n import base_language


@cache
def _territories(language: str) -> dict:
    try:
        return Locale.parse(language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        return {}


def country_name_in(code: str, language: str | None) -> str:
    """CLDR's name of the ISO 3166-1 country `code` in `language`, or "" if it has none."""
    if not code or not language:
        return ""
    return _territories(base_language(language)).get(code.upper(), "")
