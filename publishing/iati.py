"""A published plan as IATI 2.03 activities (`<plan URL>export.iati.xml`), for funders.

The plan is one activity (hierarchy 1) and each public commitment a child activity
(hierarchy 2) under it: the file always holds at least one activity, as the schema
requires, and a reader sees which commitments make up which plan.

Only what the public sees is read, through the same selectors as the other exports:
the live version of each published, non-internal commitment, budgets only where the
commitment's budget is public, measurements only from published progress updates.
How each field maps onto IATI codes, and why, is in the README ("IATI export").

Each activity declares the language the plan is written in (`xml:lang`): its texts are
the original's, followed by one narrative per published translation (the plan page's live
wagtail-localize translations, the live commitment's translations), each with its
`xml:lang`, as IATI allows several narratives per text. What this site writes itself
(the government's name, notes, the MNR and INSPIRE names) is English, and says so.
"""

import datetime
import html
import re
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from lxml import etree

from home.i18n import in_default_locale, original_version
from tracking.models import IndicatorMeasurement

from .selectors import live_translations_of, public_commitments

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The language of the text this module writes itself.
OWN_TEXT = "en"
CENT = Decimal("0.01")

# IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled.
COMMITMENT_STATUS = {
    "not_started": "1",
    "on_track": "2",
    "at_risk": "2",
    "delayed": "2",
    "completed": "3",
    "dropped": "5",
}
PLAN_STATUS = {"drafting": "1", "consultation": "1", "adopted": "2", "superseded": "4"}

# IATI OrganisationType, only where an agency's sector says it: 10 government, 15 other
# public sector, 24 partner-country NGO, 70 private sector. Helplines, social welfare,
# health, education and international partners are public bodies in one country and
# NGOs or UN agencies in another, so they carry no type rather than a guessed one.
ORGANISATION_TYPE = {
    "ministry": "10",
    "law_enforcement": "10",
    "prosecution_judiciary": "10",
    "ict_regulator": "15",
    "civil_society": "24",
    "industry": "70",
}
GOVERNMENT = "10"

# IATI OrganisationRole: 1 funding, 2 accountable, 4 implementing.
FUNDING, ACCOUNTABLE, IMPLEMENTING = "1", "2", "4"

# OECD DAC CRS purpose codes (IATI sector vocabulary 1), by Model National Response domain.
DAC_SECTOR_BY_DOMAIN = {
    1: "15160",  # Policy and governance: human rights (programmes for children's rights)
    2: "15130",  # Criminal justice: legal and judicial development (police, courts)
    3: "16015",  # Victim: social services (incl. youth development, women and children)
    4: "15160",  # Societal: human rights (awareness raising, rights education)
    5: "22040",  # Industry: information and communication technology
    6: "15153",  # Media and communications: media and free flow of information
}
REPORTING_ORG_VOCABULARY = "99"
# SDG target 16.2: end abuse, exploitation, trafficking and all forms of violence against
# and torture of children. IATI TagVocabulary 3: UN SDG targets.
SDG_TARGET_VOCABULARY, SDG_TARGET = "3", "16.2"
INSPIRE_URI = (
    "https://www.who.int/publications/i/item/inspire-seven-strategies-for-ending-violence"
    "-against-children"
)

# IATI ActivityDateType: 1 planned start, 3 planned end. DocumentCategory A12: web page.
PLANNED_START, PLANNED_END = "1", "3"
ACTIVITY_WEB_PAGE = "A12"
# IATI RelatedActivityType: 1 parent, 2 child. ResultType 1: output. IndicatorMeasure 1
# unit, 2 percentage. BudgetType 1 original, BudgetStatus 1 indicative. ActivityScope 4.
PARENT, CHILD = "1", "2"
OUTPUT = "1"
UNIT, PERCENTAGE = "1", "2"
ORIGINAL, INDICATIVE = "1", "1"
NATIONAL = "4"

# Characters XML 1.0 cannot hold (control characters pasted from other programs): lxml
# refuses them, and a visitor would get an error instead of the file.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

NO_DATE_NOTE = "The commitment names no date: this is the plan's period."


def _element(parent, tag, text=None, **attributes):
    attributes = {k.replace("_", "-"): NOT_IN_XML.sub("", v) for k, v in attributes.items()}
    node = etree.SubElement(parent, tag, attributes)
    if text is not None:
        node.text = NOT_IN_XML.sub("", text)
    return node


def _narrative(parent, tag, text, *, lang=None, **attributes):
    """An element with one narrative; `lang` when the text is not in the activity's
    language."""
    node = _element(parent, tag, **attributes)
    narrative = _element(node, "narrative", text)
    if lang:
        narrative.set(XML_LANG, lang)
    return node


def _narratives(parent, tag, texts, **attributes):
    """An element with the text as written (in the activity's language), then a narrative
    per translation, with its `xml:lang`. `texts`: [(language, text)], the original first;
    a translation that is empty or the original's words (an untranslated copy) is left
    out, since it would claim the wrong language."""
    (_language, original), *translations = texts
    node = _narrative(parent, tag, original, **attributes)
    seen = {original}
    for language, text in translations:
        if text and text not in seen:
            seen.add(text)
            _element(node, "narrative", text).set(XML_LANG, language)
    return node


def _decimal(value) -> str:
    return format(Decimal(value).normalize(), "f")


def reporting_org() -> dict:
    """Who publishes the file: this site's operator, named in the settings."""
    return settings.IATI_REPORTING_ORG


def plan_identifier(plan) -> str:
    # The English plan's id: every language's file names the same activities.
    return f"{reporting_org()['ref']}-NAP-{in_default_locale(plan).pk}"


def commitment_identifier(plan_id: str, commitment) -> str:
    return f"{plan_id}-{commitment.pk}"


def _plan_period(plan) -> tuple[datetime.date, datetime.date]:
    return datetime.date(plan.period_start, 1, 1), datetime.date(plan.period_end, 12, 31)


def _timeframe(plan, commitment) -> tuple[datetime.date, datetime.date]:
    """The commitment's dates; a missing one is the plan's (never past the other date)."""
    first, last = _plan_period(plan)
    start, due = commitment.start_date, commitment.due_date
    return start or min(first, due or first), due or max(last, start or last)


def yearly_budget(total: Decimal, start: datetime.date, end: datetime.date):
    """`total` shared between the calendar years of start..end in proportion to their days.

    IATI budgets cover at most a year each; the plan records one cost for the whole
    timeframe, so each year gets its share, and the last takes the rounding remainder.
    """
    days = (end - start).days + 1
    periods, given = [], Decimal(0)
    for year in range(start.year, end.year + 1):
        first = max(start, datetime.date(year, 1, 1))
        last = min(end, datetime.date(year, 12, 31))
        if year == end.year:
            share = total - given
        else:
            share = (total * ((last - first).days + 1) / days).quantize(CENT, ROUND_HALF_UP)
        given += share
        periods.append((first, last, share))
    return periods


def _participating_org(parent, role, names, org_type=None, *, lang=None):
    """`names`: a name in the activity's language (or in `lang`), or [(language, name)]."""
    attributes = {"role": role}
    if org_type:
        attributes["type"] = org_type
    if isinstance(names, str):
        _narrative(parent, "participating-org", names, lang=lang, **attributes)
    else:
        _narratives(parent, "participating-org", names, **attributes)


def _government(plan) -> str:
    return f"Government of {plan.country.name}"


def _common_head(activity, *, identifier, titles, descriptions):
    org = reporting_org()
    _element(activity, "iati-identifier", identifier)
    _narrative(
        activity, "reporting-org", org["name"], lang=OWN_TEXT, ref=org["ref"], type=org["type"]
    )
    _narratives(activity, "title", titles)
    descriptions = [
        (language, description or title)
        for (language, description), (_same, title) in zip(descriptions, titles, strict=True)
    ]
    _narratives(activity, "description", descriptions, type="1")


def _dates(activity, start, end, *, note=None):
    for date_type, day in ((PLANNED_START, start), (PLANNED_END, end)):
        node = _element(activity, "activity-date", type=date_type, iso_date=day.isoformat())
        if note and note[date_type]:
            _element(node, "narrative", NO_DATE_NOTE).set(XML_LANG, OWN_TEXT)


def _country(activity, plan):
    _element(activity, "activity-scope", code=NATIONAL)
    _narrative(
        activity,
        "recipient-country",
        plan.country.name,
        lang=OWN_TEXT,
        code=plan.country.code.upper(),
        percentage="100",
    )


def _web_page(activity, url, titles):
    link = _element(activity, "document-link", url=url, format="text/html")
    _narratives(link, "title", titles)
    _element(link, "category", code=ACTIVITY_WEB_PAGE)


def _plain(rich_text) -> str:
    return html.unescape(strip_tags(rich_text or "")).strip()


def plan_texts(plan) -> tuple[str, list, list]:
    """The plan's language, and its titles and descriptions as [(language, text)]: the
    original's first, then each published translation's."""
    original = original_version(plan)
    pages = [original, *live_translations_of(original)]
    languages = [page.locale.language_code for page in pages]
    titles = list(zip(languages, [page.title for page in pages], strict=True))
    descriptions = list(zip(languages, [_plain(page.summary) for page in pages], strict=True))
    return languages[0], titles, descriptions


def commitment_texts(commitment) -> tuple[str, list, list, list]:
    """The commitment's language, and its titles, descriptions and funding sources as
    [(language, text)]: as written first, then each translation of its live version."""
    translations = sorted(commitment.translations.all(), key=lambda t: t.language_code)
    rows = [(commitment.language, commitment)] + [(t.language_code, t) for t in translations]

    def texts(name):
        return [(language, getattr(row, name)) for language, row in rows]

    return commitment.language, texts("title"), texts("description"), texts("funding_source")


def plan_activity(root, plan, *, identifier, url, commitments):
    language, titles, descriptions = plan_texts(plan)
    activity = _element(root, "iati-activity", hierarchy="1")
    activity.set(XML_LANG, language)
    if plan.last_published_at:
        activity.set("last-updated-datetime", plan.last_published_at.isoformat())
    _common_head(activity, identifier=identifier, titles=titles, descriptions=descriptions)
    _participating_org(activity, ACCOUNTABLE, _government(plan), GOVERNMENT, lang=OWN_TEXT)
    _element(activity, "activity-status", code=PLAN_STATUS.get(plan.plan_status, "2"))
    _dates(activity, *_plan_period(plan))
    _country(activity, plan)
    _element(activity, "tag", vocabulary=SDG_TARGET_VOCABULARY, code=SDG_TARGET)
    _web_page(activity, url, titles)
    for commitment in commitments:
        _element(
            activity,
            "related-activity",
            ref=commitment_identifier(identifier, commitment),
            type=CHILD,
        )


def commitment_activity(root, plan, commitment, *, plan_id, url, measurements):
    budget_public = (
        commitment.budget_is_public
        and commitment.estimated_cost is not None
        and bool(commitment.currency)
    )
    language, titles, descriptions, funding_sources = commitment_texts(commitment)
    activity = _element(root, "iati-activity", hierarchy="2")
    activity.set(XML_LANG, language)
    if commitment.last_published_at:
        activity.set("last-updated-datetime", commitment.last_published_at.isoformat())
    if budget_public:
        activity.set("default-currency", commitment.currency)
    _common_head(
        activity,
        identifier=commitment_identifier(plan_id, commitment),
        titles=titles,
        descriptions=descriptions,
    )
    _participating_org(activity, ACCOUNTABLE, _government(plan), GOVERNMENT, lang=OWN_TEXT)
    for agency in [commitment.lead_agency, *commitment.supporting_agencies.all()]:
        _participating_org(
            activity, IMPLEMENTING, str(agency), ORGANISATION_TYPE.get(agency.sector)
        )
    if commitment.budget_is_public and commitment.funding_source:
        _participating_org(activity, FUNDING, funding_sources)
    _element(activity, "activity-status", code=COMMITMENT_STATUS[commitment.status])
    start, end = _timeframe(plan, commitment)
    note = {PLANNED_START: not commitment.start_date, PLANNED_END: not commitment.due_date}
    _dates(activity, start, end, note=note)
    _country(activity, plan)
    _sectors(activity, commitment)
    _element(activity, "tag", vocabulary=SDG_TARGET_VOCABULARY, code=SDG_TARGET)
    for strategy in commitment.inspire_strategies.all():
        _narrative(
            activity,
            "policy-marker",
            f"INSPIRE {strategy.letter}: {strategy.name}",
            lang=OWN_TEXT,
            vocabulary=REPORTING_ORG_VOCABULARY,
            vocabulary_uri=INSPIRE_URI,
            code=str(strategy.number),
        )
    if budget_public:
        for first, last, share in yearly_budget(commitment.estimated_cost, start, end):
            budget = _element(activity, "budget", type=ORIGINAL, status=INDICATIVE)
            _element(budget, "period-start", iso_date=first.isoformat())
            _element(budget, "period-end", iso_date=last.isoformat())
            _element(budget, "value", _decimal(share), value_date=first.isoformat())
    _web_page(activity, url, titles)
    _element(activity, "related-activity", ref=plan_id, type=PARENT)
    _result(activity, plan, commitment, measurements, titles=titles)


def _sectors(activity, commitment):
    capability = commitment.capability
    _element(
        activity,
        "sector",
        vocabulary="1",
        code=DAC_SECTOR_BY_DOMAIN[capability.domain.number],
        percentage="100",
    )
    _narrative(
        activity,
        "sector",
        f"WePROTECT Model National Response capability {capability.number}: {capability.name}",
        lang=OWN_TEXT,
        vocabulary=REPORTING_ORG_VOCABULARY,
        code=f"MNR-{capability.number}",
        percentage="100",
    )


def _result(activity, plan, commitment, measurements, *, titles):
    indicators = list(commitment.indicators.all())
    if not indicators:
        return
    result = _element(activity, "result", type=OUTPUT)
    _narratives(result, "title", titles)
    start, end = _timeframe(plan, commitment)
    for indicator in indicators:
        _indicator(result, indicator, start, end, measurements.get(indicator.pk, []))


def _indicator(result, indicator, start, end, measured):
    attributes = {"measure": PERCENTAGE if indicator.unit.strip() == "%" else UNIT}
    if indicator.baseline is not None and indicator.target is not None:
        attributes["ascending"] = "1" if indicator.target >= indicator.baseline else "0"
    node = _element(result, "indicator", **attributes)
    translations = sorted(indicator.translations.all(), key=lambda t: t.language_code)
    _narratives(
        node,
        "title",
        [(None, indicator.name)] + [(t.language_code, t.name) for t in translations],
    )
    about = [
        f"Unit: {indicator.unit}" if indicator.unit else "",
        f"Means of verification: {indicator.means_of_verification}"
        if indicator.means_of_verification
        else "",
    ]
    about = ". ".join(part for part in about if part)
    if about:
        _narrative(node, "description", about)
    if indicator.baseline is not None:
        _element(
            node,
            "baseline",
            year=str(start.year),
            iso_date=start.isoformat(),
            value=_decimal(indicator.baseline),
        )
    for year, target, actual in indicator_periods(indicator, end, measured):
        period = _element(node, "period")
        _element(period, "period-start", iso_date=datetime.date(year, 1, 1).isoformat())
        _element(period, "period-end", iso_date=datetime.date(year, 12, 31).isoformat())
        if target is not None:
            _element(period, "target", value=_decimal(target))
        if actual is not None:
            _element(period, "actual", value=_decimal(actual))


def indicator_periods(indicator, end, measured):
    """(year, target, actual) per calendar year: the target in the year it is due, the
    actual as the last published measurement of each year (values are levels, as on the
    commitment's page)."""
    actuals = {}
    for measured_on, value in measured:  # in date order: the year's last one stays
        actuals[measured_on.year] = value
    target_year = end.year if indicator.target is not None else None
    years = sorted(set(actuals) | ({target_year} if target_year else set()))
    return [
        (year, indicator.target if year == target_year else None, actuals.get(year))
        for year in years
    ]


def published_measurements(commitments) -> dict:
    """Indicator id -> [(measured_on, value)] from published progress updates, in date order."""
    rows = (
        IndicatorMeasurement.objects.filter(
            indicator__commitment__in=[c.pk for c in commitments],
            update__published_at__isnull=False,
        )
        .order_by("indicator_id", "measured_on", "pk")
        .values_list("indicator_id", "measured_on", "value")
    )
    measurements = {}
    for indicator_id, measured_on, value in rows:
        measurements.setdefault(indicator_id, []).append((measured_on, value))
    return measurements


def plan_as_iati_xml(plan, *, url: str) -> bytes:
    """The plan and its public commitments as an IATI 2.03 activity file."""
    commitments = list(public_commitments(plan=plan))
    measurements = published_measurements(commitments)
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": timezone.now().isoformat()},
    )
    plan_id = plan_identifier(plan)
    plan_activity(root, plan, identifier=plan_id, url=url, commitments=commitments)
    for commitment in commitments:
        commitment_url = url + plan.reverse_subpage("commitment", args=(commitment.pk,))
        commitment_activity(
            root, plan, commitment, plan_id=plan_id, url=commitment_url, measurements=measurements
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
