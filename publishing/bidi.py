"""Keeping mixed-direction text in order: Arabic pages show English names, codes, dates,
amounts and periods, and English pages may show Arabic names.

Browsers isolate a run marked `<bdi>` or `dir="auto"`, taking its direction from its first
strong letter (HTML's "auto" direction). WeasyPrint, which makes the PDF, follows only
`dir="ltr"` and `dir="rtl"`: it ignores `<bdi>`, `dir="auto"` and `unicode-bidi`, and lays
out each inline element in the direction it is given. So the direction is worked out here,
the way a browser does for `dir="auto"`, and written out; the text also goes between the
Unicode isolates FSI and PDI, which Pango (WeasyPrint's text layout) applies within a line
and which keep the run whole where no element can carry a direction (the PDF's running
title, copied text).
"""

import html
import unicodedata

from django.utils.html import strip_tags

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE

RIGHT_TO_LEFT = {"R", "AL"}


def direction(text) -> str:
    """ "rtl" or "ltr", from the first letter with a strong direction (as `dir="auto"`);
    "ltr" when there is none (digits and punctuation only: "2022–2026")."""
    for character in html.unescape(strip_tags(str(text or ""))):
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in RIGHT_TO_LEFT:
            return "rtl"
    return "ltr"
