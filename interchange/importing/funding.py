"""Reading a commitment's funding lines from one spreadsheet cell.

One cell per commitment, one line per funding line, so that a row stays a commitment (a
second sheet would need every line to name its commitment again, and a CSV has no second
sheet). Each line reads as a planning officer would say it:

    2026 secured national budget 1,200,000
    2027 pledged partner UNICEF 500,000
    2027 pledged other 20,000.50

year, state (secured or pledged), source (national budget, other, or "partner" and the
development partner's name), amount in the commitment's currency with "," between
thousands and "." before decimals. Lines are separated by new lines or ";". Words match
whatever their case, in English or in the plan's language.
"""

import re
import unicodedata
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from plans.models import FundingLine

from .reading import parse_cost, split_cell

FUNDING_EXAMPLES = "2026 secured national budget 1,200,000; 2027 pledged partner UNICEF 500,000"
FUNDING_LINE_UNREADABLE = _(
    "Funding line %(number)s (“%(line)s”) cannot be read: write year, secured or pledged, "
    "source, amount, e.g. “%(examples)s”."
)
FUNDING_STATE_UNKNOWN = _(
    "Funding line %(number)s (“%(line)s”): after the year comes “secured” or “pledged”."
)
FUNDING_SOURCE_UNKNOWN = _(
    "Funding line %(number)s (“%(line)s”): “%(source)s” is not a source; write “national "
    "budget”, “other”, or “partner” and the development partner's name (“partner UNICEF”)."
)
FUNDING_PARTNER_MISSING = _(
    "Funding line %(number)s (“%(line)s”): name the development partner after “partner”."
)
FUNDING_AMOUNT_INVALID = _(
    "Funding line %(number)s (“%(line)s”): %(problem)s Write “,” between thousands and “.” "
    "before decimals: 1,200,000.50."
)

# Year, then words, then the amount (digits, "," and ".", read by `parse_cost`). No
# spaces inside the amount: a partner's name may end in a number.
_LINE = re.compile(r"^(?P<year>\d{4})\s+(?P<words>.+?)\s+(?P<amount>\d[\d.,]*)$")
_PARTNER_WORDS = ("development partner", "partner")


def _word_key(text) -> str:
    """Words as compared: any case, accents and Arabic short vowels, spacing, punctuation
    ("Asegurado" and "asegurado", "مؤمَّن" and "مؤمن", "partner:" and "partner")."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(re.sub(r"[\W_]+", " ", bare.casefold()).split())


def _names(choice, language) -> set[str]:
    """A choice's key and label, in English and in the plan's language."""
    names = {_word_key(choice.value)}
    for code in ("en", language):
        with translation.override(code):
            names.add(_word_key(str(choice.label)))
    return names - {""}


class FundingCell:
    """The words of states and sources, in English and the plan's language, loaded once."""

    def __init__(self, language: str):
        S, Src = FundingLine.State, FundingLine.Source
        self.states = {name: state for state in S for name in _names(state, language)}
        self.sources = {
            name: source
            for source in (Src.NATIONAL_BUDGET, Src.OTHER)
            for name in _names(source, language)
        }
        self.partner_words = {*_PARTNER_WORDS, *_names(Src.PARTNER, language)}

    def parse(self, text: str) -> tuple[list[dict], list[str]]:
        """The cell's lines as FundingLine fields, and a message for each line not read."""
        lines, errors = [], []
        for number, line in enumerate(split_cell(text, r"[;\n]"), start=1):
            try:
                lines.append(self._line(line, number))
            except ValueError as error:
                errors.append(str(error))
        return lines, errors

    def _line(self, line: str, number: int) -> dict:
        where = {"number": number, "line": line}
        match = _LINE.match(" ".join(line.split()))
        if match is None:
            raise ValueError(FUNDING_LINE_UNREADABLE % {**where, "examples": FUNDING_EXAMPLES})
        state, source_text = self._state(match.group("words"))
        if state is None:
            raise ValueError(FUNDING_STATE_UNKNOWN % where)
        source, partner = self._source(source_text, where)
        try:
            amount = parse_cost(match.group("amount"))
        except ValueError as error:
            raise ValueError(FUNDING_AMOUNT_INVALID % {**where, "problem": error}) from None
        return {
            "year": int(match.group("year")),
            "state": state,
            "source": source,
            "partner": partner,
            "amount": Decimal(amount),
        }

    def _state(self, words: str):
        # A state may be more than one word in some languages: the longest match wins.
        tokens = words.split()
        for size in range(len(tokens) - 1, 0, -1):
            state = self.states.get(_word_key(" ".join(tokens[:size])))
            if state is not None:
                return state, " ".join(tokens[size:])
        return None, ""

    def _source(self, text: str, where: dict) -> tuple[str, str]:
        source = self.sources.get(_word_key(text))
        if source is not None:
            return source, ""
        tokens = text.split()
        for size in range(len(tokens), 0, -1):
            if _word_key(" ".join(tokens[:size])) in self.partner_words:
                partner = " ".join(tokens[size:]).strip(" :-–—")
                if not partner:
                    raise ValueError(FUNDING_PARTNER_MISSING % where)
                return FundingLine.Source.PARTNER, partner
        raise ValueError(FUNDING_SOURCE_UNKNOWN % {**where, "source": text})
