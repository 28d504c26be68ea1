"""`{% load public_format %}`: dates, amounts and numbers in the visitor's language
(`publishing.formats`), each kept on one line (class `nowrap`) and isolated in its own
direction (`publishing.bidi`), and `isolate` for names and codes amid other text."""

import datetime

from django import template
from django.utils.html import format_html

from publishing import bidi, formats

register = template.Library()


@register.filter
def day(value):
    """The date as text, "1 May 2023" (for attributes and sentences)."""
    return formats.day(value)


@register.filter
def day_tag(value):
    """`<time>` with the ISO date for machines and "1 May 2023" for people, unbroken."""
    if not value:
        return "—"
    iso = value.date() if isinstance(value, datetime.datetime) else value
    text = formats.day(value)
    return format_html(
        '<time datetime="{}" class="nowrap" dir="{}">{}</time>',
        iso.isoformat(),
        bidi.direction(text),
        text,
    )


@register.filter
def number(value):
    return formats.number(value)


@register.filter
def money(value, currency=""):
    if value is None or value == "":
        return "—"
    text = formats.money(value, currency)
    return format_html('<span class="nowrap" dir="{}">{}</span>', bidi.direction(text), text)


@register.filter
def percent(value):
    """A percentage that never wraps between the number and its sign.

    Isolated left to right: in an Arabic line Chromium drew "70%" as "%70" after an
    inline-block (a status tag) but not elsewhere; isolated, it reads the same everywhere."""
    if value is None or value == "":
        return "—"
    return format_html('<span class="nowrap" dir="ltr">{}</span>', formats.percent(value))


@register.filter
def isolate(value):
    """A name, code or sentence kept whole and in its own direction amid other text:
    `<bdi dir="ltr|rtl">`, the text between Unicode isolates (see `publishing.bidi`).

    "Directorate of Children Services (DCS)" in an Arabic line stays so, not
    "(DCS) Directorate ..."; in the PDF, where WeasyPrint ignores `<bdi>` alone."""
    if value is None or value == "":
        return ""
    return format_html(
        '<bdi dir="{}">{}{}{}</bdi>', bidi.direction(value), bidi.FSI, value, bidi.PDI
    )


@register.filter
def direction(value):
    """`dir="{{ text|direction }}"` on a block: the `dir="auto"` of browsers, which the PDF's
    WeasyPrint does not follow."""
    return bidi.direction(value)
