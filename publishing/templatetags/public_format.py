"""`{% load public_format %}`: dates, amounts and numbers in the visitor's language
(`publishing.formats`), each kept on one line (class `nowrap`)."""

import datetime

from django import template
from django.utils.html import format_html

from publishing import formats

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
    return format_html(
        '<time datetime="{}" class="nowrap">{}</time>', iso.isoformat(), formats.day(value)
    )


@register.filter
def number(value):
    return formats.number(value)


@register.filter
def money(value, currency=""):
    if value is None or value == "":
        return "—"
    return format_html('<span class="nowrap">{}</span>', formats.money(value, currency))


@register.filter
def percent(value):
    """A percentage that never wraps between the number and its sign.

    Isolated left to right: in an Arabic line Chromium drew "70%" as "%70" after an
    inline-block (a status tag) but not elsewhere; isolated, it reads the same everywhere."""
    if value is None or value == "":
        return "—"
    return format_html('<span class="nowrap" dir="ltr">{}</span>', formats.percent(value))
