"""The demo's five national plans, one module per country (`jo`, `ke`, `pe`, `ph`, `tz`).

Each module describes its plan after the structure of that country's real national plan
or framework, but every commitment, figure and date is illustrative: never a claim about
what a government has committed to or achieved. No data about children.

Every text is given in the plan's original language and in English (`{"en": ..., "ar":
...}`); `build_language()` says which one the loader writes. Dates are months relative to
the day the demo is loaded, so the demo stays coherent whenever it is loaded; `check()`
refuses a plan whose statuses contradict its dates.
"""

import datetime
import importlib
from dataclasses import dataclass, field

Text = dict[str, str]  # {"en": ..., "<original language>": ...}

NOT_STARTED, ON_TRACK, AT_RISK, DELAYED, COMPLETED, DROPPED = (
    "not_started",
    "on_track",
    "at_risk",
    "delayed",
    "completed",
    "dropped",
)
CLOSED = (COMPLETED, DROPPED)
CODES = ("jo", "ke", "pe", "ph", "tz")
PAST_DUE_REASON = {
    "en": "Past its due date and not completed; the lead agency is asked for a new date."
}


def build_language(country_code: str) -> str:
    """The language the loader writes a country's plan in: its original language (Jordan
    Arabic, Peru Spanish, Tanzania Swahili); `demo.translations` publishes the English."""
    return plan_content(country_code).language


def text(value: Text | None, language: str) -> str:
    """`value` in `language`, else in English; "" for nothing."""
    if not value:
        return ""
    return value.get(language) or value["en"]


@dataclass(frozen=True)
class Indicator:
    name: Text
    unit: str
    baseline: int
    target: int


@dataclass(frozen=True)
class Section:
    capability: int
    objective: Text
    baseline: Text
    levels: tuple[int, int]  # baseline and target maturity level (1-4)


@dataclass(frozen=True)
class Item:
    """One commitment. `start` is in months from the load date (negative: in the past),
    `months` its duration; `cost` in the plan's currency (None: not costed)."""

    capability: int
    title: Text
    lead: str
    supporting: tuple[str, ...]
    status: str
    progress: int
    start: int
    months: int
    cost: int | None
    description: Text = field(default_factory=dict)
    inspire: tuple[int, ...] = (1,)
    indicators: tuple[Indicator, ...] = ()
    reason: Text | None = None  # why it is delayed or at risk: said in its last update
    kind: str = "action"
    delivery: str = ""
    trainees: dict[str, int] = field(default_factory=dict)  # people trained per quarter
    internal: bool = False
    budget_public: bool = True
    internal_notes: str = ""
    draft: dict | None = None  # a newer, unpublished version (English field values)
    stale: bool = False  # its agency stopped reporting months ago


@dataclass(frozen=True)
class Funding:
    partner: str
    secured: str  # shares of the cost, as decimal strings
    pledged: str
    years: int


@dataclass(frozen=True)
class PlanContent:
    code: str
    language: str  # the plan's original language
    period: tuple[int, int]
    currency: str
    title: Text
    summary: Text
    vision: Text
    situation: Text
    coordination: Text
    monitoring: Text
    sections: tuple[Section, ...]
    commitments: tuple[Item, ...]
    funding: Funding
    funding_source: Text
    baseline_sources: Text
    awaiting_review: str  # English title of the commitment submitted for review
    narratives: tuple[Text, ...]  # for routine progress updates, oldest first


def plan_content(code: str) -> PlanContent:
    return importlib.import_module(f"demo.content.{code}").PLAN


def all_plans() -> list[PlanContent]:
    return [plan_content(code) for code in CODES]


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Dated:
    """An item placed in time on the load date: the dates and state that are loaded."""

    item: Item
    start: datetime.date
    due: datetime.date
    status: str
    progress: int
    reason: Text | None


def dated(plan: PlanContent, item: Item, today: datetime.date) -> Dated:
    """Place `item` in time: months counted from the load day (from the last month of
    the plan when it is loaded after its period), kept within the plan's period."""
    first, last = datetime.date(plan.period[0], 1, 1), datetime.date(plan.period[1], 12, 31)
    anchor = min(today, last - datetime.timedelta(days=30)).replace(day=1)
    start = max(first, add_months(anchor, item.start))
    start = min(start, add_months(last.replace(day=1), -1))
    due = min(last, add_months(start, item.months) - datetime.timedelta(days=1))
    status, progress, reason = item.status, item.progress, item.reason
    if today > last and status not in (*CLOSED, DELAYED):
        # Loaded after the plan's period: what was still open is now past due, never
        # "on track". Otherwise the content says what it says, and check() judges it.
        status, reason = DELAYED, reason or PAST_DUE_REASON
    return Dated(item, start, due, status, progress, reason)


@dataclass(frozen=True)
class Report:
    on: datetime.date
    status: str
    progress: int
    share: float  # of the way from baseline to the final figures
    narrative: Text


QUARTER = 91
MAX_REPORTS = 8  # two years of quarterly updates at most


def history(plan: PlanContent, entry: Dated, index: int, today: datetime.date) -> list[Report]:
    """Quarterly published updates from the commitment's start up to the load date."""
    if entry.status == NOT_STARTED:
        return []
    lag = 200 if entry.item.stale else 8 + (index % 4) * 9
    latest = today - datetime.timedelta(days=lag)
    if entry.status == COMPLETED:
        latest = min(latest, entry.due)
    dates = []
    day = latest
    while day >= entry.start + datetime.timedelta(days=20) and len(dates) < MAX_REPORTS:
        dates.insert(0, day)
        day -= datetime.timedelta(days=QUARTER)
    if not dates:
        dates = [max(entry.start, min(latest, today))]
    reports = []
    count = len(dates)
    for step, on in enumerate(dates):
        last = step == count - 1
        share = (step + 1) / count
        if last:
            status = entry.status
        elif on > entry.due:
            status = DELAYED
        elif step >= count - 2 and entry.status in (AT_RISK, DELAYED):
            status = AT_RISK
        else:
            status = ON_TRACK
        progress = entry.progress if last else min(95, round(entry.progress * share))
        if last and entry.reason and status in (AT_RISK, DELAYED):
            narrative = entry.reason
        elif last and status == COMPLETED:
            narrative = plan.narratives[-1]
        else:
            narrative = plan.narratives[min(step, len(plan.narratives) - 2)]
        reports.append(Report(on, status, progress, share, narrative))
    return reports


def check(plan: PlanContent, today: datetime.date | None = None) -> None:
    """Refuse incoherent content: raise ValueError naming every problem."""
    today = today or datetime.date.today()
    problems = []
    first, last = datetime.date(plan.period[0], 1, 1), datetime.date(plan.period[1], 12, 31)
    sections = {s.capability for s in plan.sections}
    titles = [c.title["en"] for c in plan.commitments]
    if len(set(titles)) != len(titles):
        problems.append("two commitments share a title")
    if plan.awaiting_review not in titles:
        problems.append(f"no commitment titled {plan.awaiting_review!r}")
    texts = [plan.title, plan.summary, *(s.objective for s in plan.sections)]
    for entry in plan.commitments:
        texts += [entry.title, entry.description, *(i.name for i in entry.indicators)]
    for value in texts:
        if value and set(value) != {"en", plan.language} and set(value) != {"en"}:
            problems.append(f"{value.get('en', value)!r}: not in en and {plan.language}")
        if value and plan.language != "en" and plan.language not in value:
            problems.append(f"{value['en']!r}: no {plan.language} text")
    for index, item in enumerate(plan.commitments):
        entry = dated(plan, item, today)
        name = item.title["en"]
        if item.capability not in sections:
            problems.append(f"{name}: capability {item.capability} has no section")
        if not (first <= entry.start < entry.due <= last):
            problems.append(f"{name}: dates outside the plan period")
        if entry.due < today and entry.status not in (*CLOSED, DELAYED):
            problems.append(f"{name}: {entry.status} but due {entry.due}")
        if entry.status in (DELAYED, AT_RISK) and not entry.reason:
            problems.append(f"{name}: {entry.status} without a reason")
        if (entry.status == COMPLETED) != (entry.progress == 100):
            problems.append(f"{name}: completed iff progress 100")
        if entry.status == NOT_STARTED and (entry.progress or entry.start <= today):
            problems.append(f"{name}: not started but begun")
        if entry.status == COMPLETED and entry.start >= today:
            problems.append(f"{name}: completed before it starts")
        for report in history(plan, entry, index, today):
            if report.on > today or report.on < entry.start:
                problems.append(f"{name}: an update outside its dates")
            if report.status == ON_TRACK and report.on > entry.due:
                problems.append(f"{name}: reported on track after its due date")
    if problems:
        raise ValueError(f"demo plan {plan.code}: " + "; ".join(problems))
