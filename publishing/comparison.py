"""The cross-country comparison (`/compare/`): the published plans side by side.

Built only from published data: each country's most recent published plan
(`selectors.published_plans()`) and the figures of its public commitments
(`selectors.public_commitment_rows()`), stored per plan (`publishing.figures`); people
trained come from published progress updates on those commitments only. A fixed number
of queries, whatever the size.
"""

from plans.models import Capability, MaturityLevel, PlanCapabilitySection
from plans.selectors import published_plans
from tracking.maturity import estimate
from tracking.models import Audience

from . import figures
from .paging import page_of
from .selectors import (
    audience_rows,
    legislative_table,
    public_legislative_reviews,
    published_plans_in_language,
)

HELPLINE_CAPABILITY = 11  # MNR-2016: child helpline


def _latest_plan_per_country():
    plans, seen = [], set()
    for plan in published_plans():  # by country, newest period first
        if plan.country_id not in seen:
            seen.add(plan.country_id)
            plans.append(plan)
    return plans


# Countries per page of /compare/: its default page does not grow with the network
# (the CSV stays whole). make bench-network measured 150 countries on one page at x6.
COMPARE_PAGE_SIZE = 10


def comparison(page=None, per_page=None, *, coverage_only=False):
    """Countries × 21 MNR capabilities, and per-country figures.

    Returns {"columns": [{plan, country}], "domains": [{domain, rows: [{capability,
    cells: [cell per column]}]}], "figures": [per column]}; a cell has covered, baseline,
    target, current (MaturityLevel or None), progress (%), count and overdue (how many of
    the count are overdue today). A column's figures include `funding`: cost, secured,
    pledged and gap per currency of its commitments with a public budget
    (`tracking.funding`). With `coverage_only` (the CSV of the heat map), only columns and
    domains: no per-country figures, legislation or trainings, which it does not show.
    """
    english = _latest_plan_per_country()
    pages = None
    if page is not None:
        english, pages = page_of(english, number=page, per_page=per_page or COMPARE_PAGE_SIZE)
    shown = published_plans_in_language(english)  # titles and links in the visitor's language
    plan_ids = [plan.pk for plan in english]
    levels = list(MaturityLevel.objects.all())
    level_by_id = {level.pk: level for level in levels}
    # (baseline, target) of each capability a plan covers, as plain values: at 150
    # countries, a model per section and level was a third of the CSV's time.
    sections = {
        (plan_id, capability_id): (level_by_id.get(baseline), level_by_id.get(target))
        for plan_id, capability_id, baseline, target in PlanCapabilitySection.objects.filter(
            plan__in=plan_ids
        ).values_list("plan_id", "capability_id", "baseline_level_id", "target_level_id")
    }
    # The plans' stored figures (`publishing.figures`): a row per plan, not a pass over
    # every public commitment of the network, which made the CSV grow with it.
    stored = figures.for_plans(english)
    progress = {
        (plan.pk, capability_id): row
        for plan in english
        for capability_id, row in figures.by_capability(stored[plan.pk]).items()
    }
    domains, helpline_id = {}, None
    for capability in (
        Capability.objects.filter(framework__code="MNR-2016")
        .select_related("domain")
        .order_by("number")
    ):
        if capability.number == HELPLINE_CAPABILITY:
            helpline_id = capability.pk
        cells, capability_id = [], capability.pk
        for plan_id in plan_ids:  # 150 x 21 cells in the CSV: ids, not model attributes
            section = sections.get((plan_id, capability_id))
            row = progress.get((plan_id, capability_id), {})
            average = round(row["average"]) if row.get("average") is not None else None
            maturity = (
                estimate(baseline=section[0], target=section[1], progress=average, levels=levels)
                if section
                else None
            )
            cells.append(
                {
                    "covered": section is not None,
                    "baseline": maturity.baseline if maturity else None,
                    "target": maturity.target if maturity else None,
                    "current": maturity.current if maturity else None,
                    "progress": average,
                    "count": row.get("count", 0),
                    "overdue": row.get("overdue", 0),
                    "heat": _heat(section, average),
                }
            )
        entry = domains.setdefault(capability.domain_id, {"domain": capability.domain, "rows": []})
        entry["rows"].append({"capability": capability, "cells": cells})

    columns = [{"plan": plan, "country": plan.country} for plan in shown]
    if coverage_only:
        return {"columns": columns, "domains": list(domains.values()), "pages": pages}
    # {plan id: {audience: people}}
    trained = {plan.pk: stored[plan.pk].trained for plan in english}
    targets = {plan.pk: stored[plan.pk].targets for plan in english}
    totals = {
        plan.pk: {
            "count": stored[plan.pk].commitment_count,
            "average": figures.average_progress(stored[plan.pk]),
            "overdue": stored[plan.pk].overdue_count,
        }
        for plan in english
    }
    # The donor view per country: only commitments whose budget is public.
    funding = {plan.pk: figures.funding_totals(stored[plan.pk]) for plan in english}

    per_plan = []
    for plan in english:
        helpline = progress.get((plan.pk, helpline_id), {})
        total = totals.get(plan.pk, {})
        per_plan.append(
            {
                "commitments": total.get("count", 0),
                "overdue": total.get("overdue", 0),
                "average": round(total["average"]) if total.get("average") is not None else None,
                "helpline_commitments": helpline.get("count", 0),
                "helpline_progress": round(helpline["average"])
                if helpline.get("average") is not None
                else None,
                "helpline_staff_trained": trained[plan.pk].get(Audience.HELPLINE_STAFF, 0),
                "people_trained": sum(trained[plan.pk].values()),
                # Totals per currency (the plan's first); empty without a public budget.
                "funding": funding.get(plan.pk, []),
            }
        )
    return {
        "columns": columns,
        "domains": list(domains.values()),
        "figures": per_plan,
        "legislation": legislation(english),
        "trained": _trained_by_audience(english, trained, targets),
        "pages": pages,
    }


def legislation(plans) -> dict | None:
    """The published legislative reviews of the plans' countries, in the same columns:
    {"reviews": [review or None per column], "rows": [{criterion, cells}]}, or None when
    no country shown has published one. Five queries, whatever the number of countries."""
    reviews_by_country = public_legislative_reviews(plan.country_id for plan in plans)
    if not reviews_by_country:
        return None
    reviews = [reviews_by_country.get(plan.country_id) for plan in plans]
    return {"reviews": reviews, "rows": legislative_table(reviews)}


def _trained_by_audience(plans, trained, targets) -> list[dict]:
    """Per audience any shown plan trains or means to train: `{audience, label, cells}`, a
    cell per plan as `selectors.audience_rows` makes it (trained, target, percent).
    `trained` and `targets`: {plan id: {audience: people}}."""
    per_plan = []
    for plan in plans:
        rows = audience_rows(targets[plan.pk], trained[plan.pk])
        per_plan.append({row["audience"]: row for row in rows})
    rows = []
    for audience, label in Audience.choices:
        if not any(audience in cells for cells in per_plan):
            continue
        empty = {"trained": 0, "target": None, "percent": None}
        rows.append(
            {
                "audience": audience,
                "label": label,
                "cells": [cells.get(audience, empty) for cells in per_plan],
            }
        )
    return rows


def _heat(section, average) -> str:
    """A CSS class for the cell's shade; the cell always says the same in words."""
    if section is None:
        return "heat-none"
    if average is None:
        return "heat-0"
    return f"heat-{min(4, 1 + average // 25)}"


CSV_HEADER = [
    "country",
    "plan",
    "domain",
    "capability_number",
    "capability",
    "in_plan",
    "baseline_level",
    "target_level",
    "current_level_estimate",
    "average_progress_percent",
    "public_commitments",
    "overdue_commitments",
]


LEGISLATION_CSV_HEADER = [
    "country",
    "criterion_number",
    "criterion_code",
    "criterion",
    "status",
    "law",
    "article",
    "review",
    "review_date",
]


def legislation_rows(data):
    """The legislative review table as CSV rows (one per country with a published review
    and criterion). `status` is the key (met, partly, not_met, not_assessed), the same in
    every language; the criterion is named in the page's language."""
    legislation = data["legislation"]
    if legislation is None:
        return
    columns = zip(data["columns"], legislation["reviews"], strict=True)
    for index, (column, review) in enumerate(columns):
        if review is None:
            continue
        for row in legislation["rows"]:
            cell = row["cells"][index]
            yield [
                column["country"].name,
                row["criterion"].order,
                row["criterion"].code,
                row["criterion"].display_name,
                cell["status"],
                cell["law"],
                cell["article"],
                review.title,
                review.date.isoformat() if review.date else "",
            ]


def comparison_rows(data):
    """The heat map as CSV rows (one per country and capability), as the page shows it.

    The header names stay English (they are what scripts read); the cells are in the
    visitor's language like the page, so `/es/compare/export.csv` names the capabilities,
    domains and levels in Spanish. `capability_number` is the key that is the same in every
    language, and `/compare/export.csv` is the English file.
    """
    for entry in data["domains"]:
        domain = entry["domain"].display_name
        for row in entry["rows"]:
            number, capability = row["capability"].number, row["capability"].display_name
            for column, cell in zip(data["columns"], row["cells"], strict=True):
                yield [
                    column["country"].name,
                    column["plan"].title,
                    domain,
                    number,
                    capability,
                    "yes" if cell["covered"] else "no",
                    str(cell["baseline"] or ""),
                    str(cell["target"] or ""),
                    str(cell["current"] or ""),
                    "" if cell["progress"] is None else cell["progress"],
                    cell["count"],
                    cell["overdue"],
                ]
