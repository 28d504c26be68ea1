"""Dates, amounts and numbers for people, in the visitor's language (Babel, CLDR data).

Babel because Django's localisation formats numbers and dates but not money: Babel has
each language's currency pattern (symbol before or after, separators) from the Unicode
CLDR. Dates are CLDR's long form ("1 May 2023", "1 de mayo de 2023", "1 مايو 2023").

Two choices of ours:
- English is formatted as British English (`en_GB`): day, month, year, as in the five
  countries, rather than CLDR's American default ("May 1, 2023").
- Digits are Latin in every language (CLDR's default for Arabic too), like the years,
  percentages and figures written in the plans themselves.

Babel does not apply CLDR's currency spacing (a no-break space between a currency code
made of letters and the digits next to it: "KES 2,600,000", not "KES2,600,000"), so
`money` adds it.
"""

import copy
import datetime
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import (
    format_decimal,
    format_percent,
    get_currency_precision,
    get_currency_symbol,
    parse_pattern,
)
from django.conf import settings
from django.utils import timezone, translation

FORMAT_LOCALES = {"en": "en_GB"}
NO_BREAK_SPACE = "\u00a0"


def locale(language: str | None = None) -> Locale:
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return Locale.parse(FORMAT_LOCALES.get(code, code).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FORMAT_LOCALES[settings.LANGUAGE_CODE])


def day(value, language: str | None = None) -> str:
    """A date (or the local date of a datetime) as "1 May 2023" in the language."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date(value, format="long", locale=locale(language))


def number(value, language: str | None = None) -> str:
    """A number with the language's separators ("1,234.5", "1 234,5"); no needless zeros."""
    if value is None or value == "":
        return ""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format_decimal(value, locale=locale(language), numbering_system="latn")


def percent(value, language: str | None = None) -> str:
    """A percentage (0-100) as the language writes it ("70%", "70 %" in French)."""
    if value is None or value == "":
        return ""
    share = Decimal(str(value)) / 100
    return format_percent(share, locale=locale(language), numbering_system="latn")


def money(value, currency: str, language: str | None = None) -> str:
    """An amount in the language's currency pattern; cents only when there are some."""
    if value is None or value == "":
        return ""
    if not currency:
        return number(value, language)
    where = locale(language)
    value = Decimal(str(value))
    digits = get_currency_precision(currency)
    pattern = copy.copy(parse_pattern(where.currency_formats["standard"]))
    pattern.frac_prec = (0, digits) if value == value.to_integral_value() else (digits, digits)
    text = pattern.apply(
        value, where, currency=currency, currency_digits=False, numbering_system="latn"
    )
    return _currency_spacing(text, get_currency_symbol(currency, locale=where))


def _currency_spacing(text: str, symbol: str) -> str:
    """CLDR's currencySpacing: a no-break space between letters of the symbol and a digit."""
    if not symbol:
        return text
    at = text.find(symbol)
    if at < 0:
        return text
    end = at + len(symbol)
    if symbol[-1].isalpha() and end < len(text) and text[end].isdigit():
        text = text[:end] + NO_BREAK_SPACE + text[end:]
    if symbol[0].isalpha() and at > 0 and text[at - 1].isdigit():
        text = text[:at] + NO_BREAK_SPACE + text[at:]
    return text
