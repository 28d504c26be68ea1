"""`{% load public_format %}`: dates, amounts and numbers in the visitor's language
(`publishing.formats`), each kept on one line (class `nowrap`) and isolated in its own
direction (`publishing.bidi`), and `isolate` for names and codes amid other text."""

import datetime

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from home.i18n import base_language, original_version, url_in_own_language
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
    "(DCS) Directorate ..."; in the PDF, where WeasyPrint ignores `<bdi>` alone.

    A name that knows its language (an agency's `name_language`) also carries `lang`
    where it differs from the page's, so a screen reader reads it in that language."""
    if value is None or value == "":
        return ""
    return format_html(
        '<bdi dir="{}"{}>{}{}{}</bdi>',
        bidi.direction(value),
        content_lang(getattr(value, "name_language", "")),
        bidi.FSI,
        value,
        bidi.PDI,
    )


# The comma that separates items of a list, per language: Arabic writes "،".
LIST_SEPARATORS = {"ar": "، "}


@register.filter
def isolated_list(values):
    """Names each isolated (`isolate`), separated as the visitor's language separates a
    list: "A، B" in Arabic, "A, B" elsewhere."""
    separator = LIST_SEPARATORS.get(base_language(), ", ")
    return format_html_join(separator, "{}", ((isolate(value),) for value in values))


@register.filter
def direction(value):
    """`dir="{{ text|direction }}"` on a block: the `dir="auto"` of browsers, which the PDF's
    WeasyPrint does not follow."""
    return bidi.direction(value)


# --- Content in another language than the visitor's -------------------------------


@register.filter
def content_lang(code):
    """` lang="es"` on content written in another language than the page's, else ""."""
    if not code or code == (get_language() or settings.LANGUAGE_CODE):
        return ""
    return format_html(' lang="{}"', code)


@register.filter
def language_name(code):
    """The language's name in the visitor's language: "Spanish", "español"..."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.simple_tag
def shown_in_note(code):
    """One line for content shown in its own language: "Shown in Spanish: no English
    translation yet", with the language's attributes; "" in the visitor's language."""
    visitor = get_language() or settings.LANGUAGE_CODE
    if not code or code == visitor:
        return ""
    text = _("Shown in %(original)s: no %(visitor)s translation yet") % {
        "original": language_name(code),
        "visitor": language_name(visitor),
    }
    return format_html('<p class="meta shown-in">{}</p>', text)


@register.simple_tag(takes_context=True)
def alternate_links(context, page, commitment=None):
    """`<link rel="alternate" hreflang>` for each live language version of the page (and
    `x-default`, the original), addresses in each version's own language. For a
    commitment's page, give the commitment."""
    request = context.get("request")
    versions = list(
        page.__class__.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    )
    if not versions:
        return ""
    original = original_version(versions[0])
    subpath = page.reverse_subpage("commitment", args=(commitment.pk,)) if commitment else ""
    links = []
    for version in sorted(versions, key=lambda v: v.locale.language_code):
        url = url_in_own_language(version)
        if url is None:
            continue
        absolute = request.build_absolute_uri(url + subpath) if request else url + subpath
        links.append((version.locale.language_code, absolute))
        if version.pk == original.pk:
            links.append(("x-default", absolute))
    return format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        sorted(links, key=lambda link: link[0] == "x-default"),
    )
