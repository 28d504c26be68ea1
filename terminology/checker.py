"""Finding terms to avoid (or to use with care) in text: pure functions, no database.

A rule is one term of the reference list. Its pattern matches the phrase as whole words,
case-insensitively, with hyphens or spaces between its words ("child-pornography"), and
with the spelling variants of its language, plus the extra spellings listed on the term:

- English: plurals, paedophile/pedophile, -ise/-ize.
- Spanish and French: with or without accents (PORNOGRAFIA, pédophile/pedophile), and
  gender and number on every word, since adjectives agree ("niño prostituto", "niñas
  prostitutas"; "enfant prostitué", "enfants prostituées").
- Arabic: with or without short vowels and tatweel, any form of alef, ta marbuta or ha,
  alef maqsura or ya, the attached conjunctions, prepositions and article ("والمواد",
  "للأطفال"), and common plural and feminine endings.

Text is compared in Unicode NFKC form, so Arabic presentation forms (text pasted from a
PDF) and composed or decomposed accents are found alike. Text comes from plain fields,
rich text (HTML) and StreamField values alike.

A finding inside an accepted quotation (the exact official title of a law, say) is
reported but marked `quoted`, and never blocks anything.
"""

import html
import re
import unicodedata
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


# Latin letters and their accented forms: a term is found with or without its accents.
_ACCENT_GROUPS = ("aáàâäã", "eéèêë", "iíìîï", "oóòôöõ", "uúùûü", "cç", "nñ", "yÿ")
_ACCENTED = {letter: f"[{group}]" for group in _ACCENT_GROUPS for letter in group}
_APOSTROPHES = "['’]"


def _latin_letters(text: str) -> str:
    return "".join(
        _ACCENTED.get(ch) or (_APOSTROPHES if ch in "'’" else re.escape(ch)) for ch in text
    )


def _spanish_word(word: str, *, last: bool) -> str:
    word = word.lower()
    if len(word) <= 3:  # de, la, con, por: never inflected
        return _latin_letters(word)
    if word[-1] in "oa":  # niño, niña, niños, niñas: gender and number agree
        return _latin_letters(word[:-1]) + "[oa]s?"
    if word.endswith(("ón", "on")):  # prostitución, prostituciones
        return _latin_letters(word[:-2]) + "(?:[oó]n|ones)"
    if word[-1] in "eéií":
        return _latin_letters(word) + "s?"
    return _latin_letters(word) + "(?:es)?"  # infantil, infantiles


def _french_word(word: str, *, last: bool) -> str:
    word = word.lower()
    if len(word) <= 3:  # de, des, la, aux: never inflected
        return _latin_letters(word)
    if word.endswith("al"):  # sexuel/sexual forms: -al, -aux, -ale, -ales
        return _latin_letters(word[:-2]) + "(?:al|aux|ale|ales)"
    if word.endswith("el"):  # sexuel, sexuelle, sexuels, sexuelles
        return _latin_letters(word) + "(?:le)?s?"
    if word.endswith("e"):
        return _latin_letters(word) + "s?"
    if word[-1] in "sx":
        return _latin_letters(word)
    return _latin_letters(word) + "e?s?"  # prostitué, prostituée, prostitués, prostituées


# Short vowels, the superscript alef and tatweel may sit after any letter.
_ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]*"
_ARABIC_LETTERS = {
    **dict.fromkeys("اأإآٱ", "[اأإآٱ]"),
    **dict.fromkeys("ةه", "[ةه]"),
    **dict.fromkeys("ىي", "[ىي]"),
}
_ARABIC_ENDINGS = ("ات", "ون", "ين", "ان", "ة", "ها", "هم")


def _arabic_letters(text: str) -> str:
    return "".join((_ARABIC_LETTERS.get(ch) or re.escape(ch)) + _ARABIC_MARKS for ch in text)


def _arabic_word(word: str, *, last: bool) -> str:
    word = re.sub(_ARABIC_MARKS, "", word)
    m = _ARABIC_MARKS
    conjunction = f"(?:[وف]{m})?"
    if word.startswith("ال"):
        # The article, after a preposition (بال, كال) or contracted with li- (لل).
        article = f"(?:(?:[بك]{m})?[اأإآٱ]{m}ل{m}|ل{m}ل{m})"
        pattern = conjunction + article + _arabic_letters(word[2:])
    else:
        pattern = conjunction + f"(?:[بلك]{m})?" + _arabic_letters(word)
    if last:
        pattern += "(?:" + "|".join(_arabic_letters(e) for e in _ARABIC_ENDINGS) + ")?"
    return pattern


# Per language: how one word of a phrase may be spelled. Other languages are checked for
# the exact phrase and the spellings listed on each term until they get their own rules.
WORD_PATTERNS: dict[str, Callable[..., str]] = {
    "en": _english_word,
    "es": _spanish_word,
    "fr": _french_word,
    "ar": _arabic_word,
}


def normalized(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def phrase_pattern(phrase: str, language: str = "en") -> str:
    words = [w for w in re.split(SEPARATOR, normalized(phrase).strip()) if w]
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
    words = [w for w in re.split(SEPARATOR, normalized(passage)) if w]
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
    text = normalized(text)
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
