"""ISO 4217 currencies in use today, with their names in the visitor's language, and the
currency a country pays in (Babel's copy of the Unicode CLDR)."""

from functools import cache

from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies
from django.utils.translation import get_language, to_locale


@cache
def currencies_in_use() -> tuple[str, ...]:
    """Legal tender somewhere today (CLDR lists historic ones too)."""
    return tuple(
        sorted(
            {
                code
                for entries in get_global("territory_currencies").values()
                for code, _start, end, tender in entries
                if end is None and tender
            }
        )
    )


def currency_choices() -> list[tuple[str, str]]:
    locale = to_locale(get_language() or "en")
    return [
        (code, f"{code} – {get_currency_name(code, locale=locale)}") for code in currencies_in_use()
    ]


def country_currency(country_code: str) -> str:
    """The currency of a country (ISO 3166 code, any case), or "" if CLDR knows none."""
    found = get_territory_currencies(country_code.upper(), tender=True) if country_code else []
    return found[0] if found else ""
