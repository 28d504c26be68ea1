"""The public search: published plans and public commitments only, grouped by country.

Matching, most exact first, through Wagtail's search backend (modelsearch):
1. the words themselves (full text: on PostgreSQL its word forms, "trained" finds
   "training");
2. word beginnings, through the titles' autocomplete index ("referr" finds "referral");
3. only when neither finds anything: similar spellings, with the backend's `Fuzzy` query
   (PostgreSQL trigrams, the `pg_trgm` extension of home/migrations/0006), so "referal"
   finds "referral". SQLite's backend has no fuzzy search: there, a misspelling finds
   nothing and the page says so.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy

from plans.models import Commitment, NationalPlanPage
from plans.selectors import public_commitment_rows, published_plans
from tracking import selectors as tracking

from .selectors import published_plans_in_language

WORDS, PREFIX, SIMILAR = "words", "prefix", "similar"
RESULTS = 50  # of each kind; the page says when there may be more
SNIPPET_LENGTH = 180


@dataclass
class CountryResults:
    country: object
    plans: list = field(default_factory=list)
    commitments: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.plans) + len(self.commitments)


@dataclass
class Results:
    terms: str
    how: str = WORDS
    plans: list = field(default_factory=list)
    commitments: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    truncated: bool = False

    @property
    def count(self) -> int:
        return len(self.plans) + len(self.commitments)


def countries_with_plans():
    """The countries a visitor may narrow the search to: those with a published plan."""
    seen, countries = set(), []
    for plan in published_plans():
        if plan.country_id not in seen:
            seen.add(plan.country_id)
            countries.append(plan.country)
    return countries


def search(terms: str, *, country=None) -> Results:
    """Published plans and public commitments matching the words in any of their live
    languages (a plan's live translations, a commitment's published translations), each
    shown in the visitor's language where it has one, else as written."""
    plans = published_plans()
    if country is not None:
        plans = plans.filter(country=country)
    # The search backends filter on plain field lookups only: "published, and the original
    # of its translations" is a subquery they refuse, so it is settled first, as ids.
    originals = dict(plans.values_list("translation_key", "pk"))
    plan_ids = list(originals.values())
    # A plan is found by the words of its live translations too (other pages, same key).
    versions = (
        NationalPlanPage.objects.live()
        .public()
        .filter(translation_key__in=list(originals))
        .values_list("pk", flat=True)
    )
    plan_versions = NationalPlanPage.objects.filter(pk__in=list(versions)).only(
        "pk", "translation_key"
    )
    # A commitment's row is its live version, and so are its `translations` rows: the
    # index holds no draft. Matched and ranked as bare rows: a common word matches tens of
    # thousands of commitments, and joining each to its plan and agency before ranking
    # cost more than the ranking; only the best are read whole.
    commitments = public_commitment_rows().filter(plan_id__in=plan_ids)
    results = Results(terms=terms)
    found_plans, found, results.how = _match(terms, plan_versions, commitments.only("pk"))
    rows = (
        commitments.select_related("lead_agency", "plan__locale")
        .prefetch_related("translations")
        .in_bulk([commitment.pk for commitment in found])
    )
    results.commitments = [rows[commitment.pk] for commitment in found]
    results.plans = _plans_shown(found_plans, originals)
    results.truncated = RESULTS in (len(found_plans), len(results.commitments))
    _attach_plans(results.commitments)
    _attach_lateness(results.commitments)
    words = re.findall(r"\w+", terms)
    for commitment in results.commitments:
        commitment.title_marked = highlight(commitment.shown_title, words)
        commitment.snippet = snippet(commitment.shown_description, words)
    for plan in results.plans:
        plan.title_marked = highlight(plan.title, words)
    results.groups = _by_country(results.plans, results.commitments)
    return results


def _plans_shown(found, originals):
    """Each plan found once (whichever of its versions matched), best match first, in the
    visitor's language where it has a live translation, else as written."""
    order = []
    for version in found:
        pk = originals[version.translation_key]
        if pk not in order:
            order.append(pk)
    by_id = NationalPlanPage.objects.select_related("country", "locale").in_bulk(order)
    return published_plans_in_language([by_id[pk] for pk in order])


def _match(terms, plans, commitments):
    backend = get_search_backend()
    found_plans = list(backend.search(terms, plans)[:RESULTS])
    found = list(backend.search(terms, commitments)[:RESULTS])
    how = WORDS
    more_plans = _beginnings(backend, terms, plans, found_plans)
    more = _beginnings(backend, terms, commitments, found)
    if (more_plans or more) and not (found_plans or found):
        how = PREFIX
    found_plans = (found_plans + more_plans)[:RESULTS]
    found = (found + more)[:RESULTS]
    if not found_plans and not found:
        try:
            found_plans = list(backend.search(Fuzzy(terms), plans)[:RESULTS])
            found = list(backend.search(Fuzzy(terms), commitments)[:RESULTS])
        except NotImplementedError:  # SQLite: no fuzzy matching in its backend
            return [], [], WORDS
        how = SIMILAR
    return found_plans, found, how


def _beginnings(backend, terms, queryset, found):
    """What the beginnings of the words find that the words did not: nothing to ask when
    the words found a full page, since those come first (a word in every title ranked all
    its matches a second time, by their beginnings)."""
    if len(found) >= RESULTS:
        return []
    return _new(found, backend.autocomplete(terms, queryset)[:RESULTS])


def _new(found, candidates):
    seen = {item.pk for item in found}
    return [item for item in candidates if item.pk not in seen]


def _attach_plans(commitments):
    """`public_plan` on each result (the plan as written, its links follow the visitor's
    language) and `shown_plan` (its live translation in the visitor's language, if any)."""
    by_id = NationalPlanPage.objects.select_related("country", "locale").in_bulk(
        {c.plan_id for c in commitments}
    )
    shown = dict(zip(by_id, published_plans_in_language(list(by_id.values())), strict=True))
    for commitment in commitments:
        commitment.public_plan = by_id[commitment.plan_id]
        commitment.shown_plan = shown[commitment.plan_id]


def _attach_lateness(commitments):
    """`is_overdue` on each result, by tracking's one rule (a result shows its status)."""
    overdue = set(
        Commitment.objects.filter(pk__in=[c.pk for c in commitments])
        .filter(tracking.overdue_q(on=tracking.today()))
        .values_list("pk", flat=True)
    )
    for commitment in commitments:
        commitment.is_overdue = commitment.pk in overdue


def _by_country(plans, commitments) -> list[CountryResults]:
    groups = {}
    for plan in plans:
        groups.setdefault(plan.country_id, CountryResults(plan.country)).plans.append(plan)
    for commitment in commitments:
        country = commitment.public_plan.country
        groups.setdefault(country.pk, CountryResults(country)).commitments.append(commitment)
    return sorted(groups.values(), key=lambda group: group.country.name)


def _pattern(words):
    words = [w for w in words if w]
    if not words:
        return None
    # A word of the query, at the start of a word of the text (prefixes match too).
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def highlight(text: str, words) -> str:
    """The text, escaped, with each matching word in `<mark>`."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(text: str, words, length: int = SNIPPET_LENGTH) -> str:
    """About `length` characters of the text around its first match, matches marked."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = len(text) if len(text) - start <= length else text.rfind(" ", start, start + length)
    end = end if end > start else start + length
    piece = highlight(text[start:end], words)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(text) else ""))  # noqa: S308
