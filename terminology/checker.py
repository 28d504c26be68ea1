"""Finding terms to avoid (or to use with care) in text: pure functions, no database.

A rule is one term of the reference list. Its pattern matches the phrase as whole words,
case-insensitively, with hyphens or spaces between its words ("child-pornography"), and
with the spelling variants of its language (English: plural, paedophile/pedophile,
-ise/-ize), plus the extra spellings listed on the term. Text comes from plain fields,
rich text (HTML) and StreamField values alike.

A finding inside an accepted quotation (the exact official title of a law, say) is
reported but marked `quoted`, and never blocks anything.
"""

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

AVOID = "avoid"
CARE = "care"

# Between the words of a phrase: spaces (incl. non-breaking), hyphens and dashes.
SEPARATOR = r"[\s\-\u2010\u2011\u2012\u2013]+"
TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class TermRule:
    """What the checker needs to know about one term of the reference list."""

    phrase: str
    kind: str = AVOID
    replacement: str = ""
    reason: str = ""
    variants: tuple[str, ...] = ()
    language: str = "en"
    key: object = None  # the Term's id, for reports


@dataclass(frozen=True)
class Match:
    rule: TermRule
    start: int
    end: int
    text: str
    quoted: bool = False


@dataclass(frozen=True)
class Finding:
    """A match located in one field of one object."""

    rule: TermRule
    field: str  # the form field name, e.g. "description" or "indicators-0-name"
    label: str  # what the editor calls that field
    text: str  # the words as written
    quoted: bool = False
    context: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def blocking(self) -> bool:
        return self.rule.kind == AVOID and not self.quoted

    def message(self) -> str:
        return describe(self.rule, self.text, quoted=self.quoted)


def describe(rule: TermRule, text: str, *, quoted: bool = False) -> str:
    """One line for the editor: the term, what to use instead, why."""
    if rule.kind == AVOID:
        parts = [f"Terminology: avoid “{text}”"]
    else:
        parts = [f"Terminology: use “{text}” with care"]
    if rule.replacement:
        parts.append(f"→ use “{rule.replacement}”")
    line = " ".join(parts)
    if rule.reason:
        line += f" ({rule.reason})"
    if quoted:
        line += " [accepted quotation]"
    return line + "."


# --- Patterns --------------------------------------------------------------------


def _english_word(word: str, *, last: bool) -> str:
    pattern = re.escape(word.lower())
    # British and American spellings: paedophile/pedophile, foetus/fetus.
    pattern = pattern.replace("ae", "(?:ae|e)").replace("oe", "(?:oe|e)")
    # -ise/-ize, -isation/-ization, -yse/-yze.
    pattern = re.sub(r"([iy])[sz](e|ed|es|ing|ation|ations)$", r"\1[sz]\2", pattern)
    if last:
        pattern += "(?:s|es)?"  # plural (and third person); possessives end at the \W
    return pattern


def _plain_word(word: str, *, last: bool) -> str:
    return re.escape(word.lower())


# Per language: how one word of a phrase may be spelled. Other languages are checked for
# the exact phrase and the spellings listed on each term until they get their own rules.
WORD_PATTERNS: dict[str, Callable[..., str]] = {"en": _english_word}


def phrase_pattern(phrase: str, language: str = "en") -> str:
    words = [w for w in re.split(SEPARATOR, phrase.strip()) if w]
    word = WORD_PATTERNS.get(language, _plain_word)
    return SEPARATOR.join(word(w, last=i == len(words) - 1) for i, w in enumerate(words))


@lru_cache(maxsize=512)
def compile_rule(rule: TermRule) -> re.Pattern:
    spellings = [rule.phrase, *rule.variants]
    alternatives = sorted(
        {phrase_pattern(s, rule.language) for s in spellings if s.strip()}, key=len, reverse=True
    )
    # Whole words only: "clientele" does not contain the word "client".
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=512)
def _quotation_pattern(passage: str) -> re.Pattern | None:
    words = [w for w in re.split(SEPARATOR, passage) if w]
    if not words:
        return None
    return re.compile(SEPARATOR.join(re.escape(w) for w in words), re.IGNORECASE)


def parse_quotations(value: str | None) -> tuple[str, ...]:
    """The accepted quotations of an object: one passage a line, blank lines ignored."""
    return tuple(line.strip() for line in (value or "").splitlines() if line.strip())


# --- Text ------------------------------------------------------------------------


def html_to_text(value: str) -> str:
    # A tag becomes a space, so "<p>child</p><p>abuse</p>" does not join two words.
    return " ".join(html.unescape(TAG.sub(" ", value)).split())


def texts_of(value, *, rich: bool = False) -> Iterator[str]:
    """Every piece of text in a field's value: a string, rich text, or a StreamField value.

    Stream data is walked block by block (struct blocks, list blocks, nested streams),
    whether it comes as a StreamValue or as raw JSON-like data.
    """
    if value is None:
        return
    if isinstance(value, str):
        yield html_to_text(value) if rich else value
    elif hasattr(value, "source") and isinstance(value.source, str):  # RichText
        yield html_to_text(value.source)
    elif hasattr(value, "block_type") and hasattr(value, "value"):  # a StreamChild
        yield from texts_of(value.value, rich=_is_rich_block(value))
    elif isinstance(value, Mapping):
        if "type" in value and "value" in value:  # raw stream data
            yield from texts_of(value["value"], rich=rich)
        else:
            for item in value.values():
                yield from texts_of(item, rich=rich)
    elif isinstance(value, Iterable) and not isinstance(value, bytes):
        for item in value:
            yield from texts_of(item, rich=rich)


def _is_rich_block(child) -> bool:
    return type(getattr(child, "block", None)).__name__ == "RichTextBlock"


# --- Finding -----------------------------------------------------------------------


def find_in_text(
    text: str, rules: Iterable[TermRule], *, quotations: Iterable[str] = ()
) -> list[Match]:
    """The terms in `text`, longest first where they overlap ("webcam child sex tourism"
    is one finding, not two)."""
    if not text:
        return []
    found = []
    for rule in rules:
        for m in compile_rule(rule).finditer(text):
            found.append(Match(rule, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    spans = _quotation_spans(text, quotations)
    return [
        Match(m.rule, m.start, m.end, m.text, quoted=_inside(m, spans)) if spans else m
        for m in kept
    ]


def _quotation_spans(text: str, quotations: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for passage in quotations:
        pattern = _quotation_pattern(passage)
        if pattern is not None:
            spans.extend(m.span() for m in pattern.finditer(text))
    return spans


def _inside(match: Match, spans) -> bool:
    # The quotation must be longer than the term itself: listing "child pornography" as
    # a quotation would otherwise exempt every use of it.
    return any(
        start <= match.start and match.end <= end and end - start > match.end - match.start
        for start, end in spans
    )


def find_in_value(
    value, rules: Iterable[TermRule], *, rich: bool = False, quotations: Iterable[str] = ()
) -> list[Match]:
    rules = tuple(rules)
    quotations = tuple(quotations)
    matches = []
    for text in texts_of(value, rich=rich):
        matches.extend(find_in_text(text, rules, quotations=quotations))
    return matches
