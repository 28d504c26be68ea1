"""Funding: what each commitment costs, what is secured and pledged for it, and the gap.

All figures are computed in the database: per commitment with two subqueries over its
funding lines (`with_funding`), rolled up by capability or plan with one grouped
aggregate (`funding_rollup`, `funding_by_plan`), so the number of queries never grows
with the number of commitments or lines.

The rules:
- secured / pledged: the sum of the commitment's lines in that state (all years);
- gap: estimated cost − secured, never below zero; a commitment with more secured than
  its cost has a surplus (secured − cost) and no gap, so one commitment's surplus never
  hides another's gap. At every level, gap − surplus = cost − secured of the commitments
  with an estimated cost;
- a commitment without an estimated cost has no gap (it is unknown); its lines still
  count in secured and pledged, and it is counted as `uncosted`.

Callers choose which commitments: the public pages pass
`plans.selectors.public_budget_rows()` (live, not internal, budget public) and nothing
else.
"""

from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from home.currencies import country_currency
from plans.models import Capability, FundingLine

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)
FIGURES = ("cost", "secured", "pledged", "gap", "surplus")


def _lines_total(state):
    lines = (
        FundingLine.objects.filter(commitment=OuterRef("pk"), state=state)
        .order_by()
        .values("commitment")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(lines, output_field=MONEY), ZERO, output_field=MONEY)


def with_funding(queryset):
    """Annotate `funding_secured`, `funding_pledged`, `funding_gap` and `funding_surplus`
    on each commitment (gap and surplus are None without an estimated cost)."""
    S = FundingLine.State
    queryset = queryset.annotate(
        funding_secured=_lines_total(S.SECURED), funding_pledged=_lines_total(S.PLEDGED)
    )
    balance = ExpressionWrapper(F("estimated_cost") - F("funding_secured"), output_field=MONEY)
    excess = ExpressionWrapper(F("funding_secured") - F("estimated_cost"), output_field=MONEY)
    return queryset.annotate(
        funding_gap=Case(
            When(estimated_cost__isnull=True, then=Value(None, output_field=MONEY)),
            default=Greatest(balance, ZERO, output_field=MONEY),
            output_field=MONEY,
        ),
        funding_surplus=Case(
            When(estimated_cost__isnull=True, then=Value(None, output_field=MONEY)),
            default=Greatest(excess, ZERO, output_field=MONEY),
            output_field=MONEY,
        ),
    )


def commitment_funding(commitment) -> dict:
    """{cost, secured, pledged, gap, surplus} of one commitment annotated by
    `with_funding`; amounts as Decimal (gap and surplus None without a cost)."""
    return {
        "cost": commitment.estimated_cost,
        "secured": _money(commitment.funding_secured),
        "pledged": _money(commitment.funding_pledged),
        "gap": _money(commitment.funding_gap),
        "surplus": _money(commitment.funding_surplus),
    }


def funding_state(figures) -> str:
    """How a set of figures reads: "uncosted", "fully_funded", "over_funded" or "gap"."""
    if figures.get("cost") is None:
        return "uncosted"
    if figures.get("gap"):
        return "gap"  # even if another commitment of the group has a surplus
    if figures.get("surplus"):
        return "over_funded"
    return "fully_funded"


def _money(value):
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.01"))


def _grouped(commitments, *by):
    aggregates = {
        "commitments": Count("pk"),
        "uncosted": Count("pk", filter=Q(estimated_cost__isnull=True)),
        "cost": Sum("estimated_cost"),
        "secured": Sum("funding_secured"),
        "pledged": Sum("funding_pledged"),
        "gap": Sum("funding_gap"),
        "surplus": Sum("funding_surplus"),
    }
    return with_funding(commitments).order_by().values(*by, "currency").annotate(**aggregates)


def _add(into: dict, row: dict) -> None:
    into["commitments"] += row["commitments"]
    into["uncosted"] += row["uncosted"]
    for name in FIGURES:
        value = row[name]
        if value is not None:
            into[name] = _money((into[name] or 0) + Decimal(value))


def _empty(currency: str, **extra) -> dict:
    return {
        "currency": currency,
        "commitments": 0,
        "uncosted": 0,
        **dict.fromkeys(FIGURES),
        **extra,
    }


def _finish(entry: dict) -> dict:
    # Nothing secured or pledged is zero, not unknown; cost, gap and surplus may be unknown.
    for name in ("secured", "pledged"):
        entry[name] = entry[name] if entry[name] is not None else Decimal("0.00")
    entry["state"] = funding_state(entry)
    return entry


def funding_rollup(commitments, *, currency: str = "") -> dict:
    """Cost, secured, pledged, gap and surplus of these commitments, by capability and in
    total, per currency. A commitment without a currency counts in `currency` (the plan's).

    Returns {"capabilities": [{capability, currency, commitments, uncosted, cost,
    secured, pledged, gap, surplus, state}] in capability order, "totals": [the same
    without capability, one per currency, the plan's currency first], "currency"}.
    Two queries, whatever the number of commitments and lines.
    """
    by_capability: dict[tuple, dict] = {}
    totals: dict[str, dict] = {}
    for row in _grouped(commitments, "capability_id"):
        code = row["currency"] or currency
        entry = by_capability.setdefault(
            (row["capability_id"], code), _empty(code, capability_id=row["capability_id"])
        )
        _add(entry, row)
        _add(totals.setdefault(code, _empty(code)), row)
    capabilities = Capability.objects.in_bulk({key[0] for key in by_capability})
    rows = []
    for (capability_id, _code), entry in by_capability.items():
        entry["capability"] = capabilities[capability_id]
        rows.append(_finish(entry))
    rows.sort(key=lambda e: (e["capability"].number, e["currency"] != currency, e["currency"]))
    ordered = sorted(totals.values(), key=lambda e: (e["currency"] != currency, e["currency"]))
    return {
        "capabilities": rows,
        "totals": [_finish(entry) for entry in ordered],
        "currency": currency,
    }


def plan_currency(plan) -> str:
    """The plan's currency: its country's (commitments start in it)."""
    return country_currency(plan.country.code) if plan is not None else ""


def funding_by_plan(commitments, *, currencies: dict) -> dict:
    """{plan_id: [totals per currency, the plan's first]} in one query; `currencies` maps
    a plan id to its currency (for commitments without one)."""
    totals: dict[int, dict[str, dict]] = {}
    for row in _grouped(commitments, "plan_id"):
        code = row["currency"] or currencies.get(row["plan_id"], "")
        plan_totals = totals.setdefault(row["plan_id"], {})
        _add(plan_totals.setdefault(code, _empty(code)), row)
    return {
        plan_id: [
            _finish(entry)
            for entry in sorted(
                by_currency.values(),
                key=lambda e: (e["currency"] != currencies.get(plan_id), e["currency"]),
            )
        ]
        for plan_id, by_currency in totals.items()
    }
