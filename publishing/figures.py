"""The stored public figures of each published plan (`models.PlanFigures`): what the pages
that list plans show of each, read as one row per plan instead of aggregating every
public commitment of the network on every request (`/`, `/plans/`, `/compare/` and its
CSV, `/api/v1/plans/`; make bench-network measured them growing with the network).

The figures depend only on the plan's public commitments (and what hangs from them:
published trainings, live training targets, funding lines) and on the date (overdue).
Everything that changes the first bumps the plan's own cache generation
(`publishing.receivers`), so a row carries the version it was computed for, that
generation and the date (`caching.figures_version`), and every read compares it with
the current one: rows of another generation or another day are recomputed there and
then, in a fixed number of queries for however many plans, and stored again. A row is
therefore never stale and never waits for a task; the task after a publication
(`tasks.refresh_plan_figures`) only spares the first reader the work.

Not in the version, and read live beside the figures: the epoch (names of countries,
capabilities and agencies, reference data, view restrictions), which changes no count,
and which plans are published (`plans.selectors.published_plans()`): a row of a plan no
longer published is simply never read.
"""

import logging
from decimal import Decimal

from django.db import DatabaseError, transaction
from django.db.models import Count, Q, Sum

from plans.models import Commitment
from plans.selectors import public_budget_rows, public_commitment_rows, published_plans
from tracking import selectors as tracking
from tracking.funding import FIGURES as MONEY_FIGURES
from tracking.funding import funding_by_plan, plan_currency

from . import caching
from .models import PlanFigures

logger = logging.getLogger(__name__)

COUNTS = ("commitment_count", "completed_count", "on_track_count", "behind_count", "overdue_count")
STORED = (
    "version",
    "currency",
    *COUNTS,
    "progress_sum",
    "capabilities",
    "trained",
    "targets",
    "funding",
    "computed_at",
)


# What only the comparison reads: the overview and the API leave it in the database.
DETAILS = ("capabilities", "trained", "targets", "funding")


def for_plans(plans, *, on=None, details=True) -> dict[int, PlanFigures]:
    """`{plan id: PlanFigures}` for these published plans (originals), each current;
    without `details`, the counts only (`DETAILS` deferred).

    One query for the stored rows and one cache round trip for the versions; the rows of
    another version (or none yet) are recomputed in five queries more, together."""
    plans = list(plans)
    if not plans:
        return {}
    on = on or tracking.today()
    # The versions before the commitments are read: a row is never stored under a version
    # newer than the state it was computed from.
    generations = caching.plan_generations(plan.pk for plan in plans)
    versions = {pk: caching.figures_version(gen, on) for pk, gen in generations.items()}
    rows = PlanFigures.objects.filter(plan__in=list(versions))
    stored = {row.plan_id: row for row in (rows if details else rows.defer(*DETAILS))}
    stale = [
        plan
        for plan in plans
        if (row := stored.get(plan.pk)) is None
        or row.version != versions[plan.pk]
        or row.currency != plan_currency(plan)
    ]
    if stale:
        fresh = compute(stale, versions=versions, on=on)
        _store(fresh)
        stored.update((row.plan_id, row) for row in fresh)
    return stored


def refresh_plan(plan_id: int) -> None:
    """After a publication: the plan's row, recomputed now if it is not current (the
    generation was just bumped), so the next reader finds it; removed when the plan is no
    longer published."""
    plans = list(published_plans().filter(pk=plan_id))
    if plans:
        for_plans(plans)
    else:
        PlanFigures.objects.filter(plan_id=plan_id).delete()


def compute(plans, *, versions: dict, on) -> list[PlanFigures]:
    """The figures of these plans from their public commitments, unsaved: four queries
    (counts by capability, people trained, people to train, funding), however many."""
    ids = [plan.pk for plan in plans]
    public = public_commitment_rows().filter(plan__in=ids)
    S = Commitment.Status

    def count(rule):
        return Count("pk", filter=rule)

    rows = {
        plan.pk: PlanFigures(
            plan_id=plan.pk, version=versions[plan.pk], currency=plan_currency(plan)
        )
        for plan in plans
    }
    for group in (
        public.order_by()
        .values("plan_id", "capability_id")
        .annotate(
            count=Count("pk"),
            progress=Sum("progress"),
            completed=count(Q(status=S.COMPLETED)),
            on_track=count(Q(status=S.ON_TRACK)),
            behind=count(Q(status__in=[S.AT_RISK, S.DELAYED])),
            overdue=count(tracking.overdue_q(on=on)),
        )
    ):
        row = rows[group["plan_id"]]
        row.commitment_count += group["count"]
        row.progress_sum += group["progress"] or 0
        row.completed_count += group["completed"]
        row.on_track_count += group["on_track"]
        row.behind_count += group["behind"]
        row.overdue_count += group["overdue"]
        row.capabilities[str(group["capability_id"])] = [
            group["count"],
            group["progress"] or 0,
            group["overdue"],
        ]
    for (plan_id, audience), people in tracking.people_trained_by_plan_and_audience(
        commitments=public
    ).items():
        rows[plan_id].trained[audience] = people
    for (plan_id, audience), people in tracking.targets_by_plan_and_audience(
        commitments=public
    ).items():
        rows[plan_id].targets[audience] = people
    funding = funding_by_plan(
        public_budget_rows().filter(plan__in=ids),
        currencies={plan.pk: plan_currency(plan) for plan in plans},
    )
    for plan_id, totals in funding.items():
        rows[plan_id].funding = [_money_as_text(entry) for entry in totals]
    return list(rows.values())


def _store(rows) -> None:
    # A reader must get its figures even if the write fails (the plan deleted meanwhile,
    # a read-only replica): the next reader computes them again.
    try:
        with transaction.atomic():
            PlanFigures.objects.bulk_create(
                rows, update_conflicts=True, unique_fields=["plan"], update_fields=STORED
            )
    except DatabaseError:
        logger.warning("Public figures of plans %s not stored", [r.plan_id for r in rows])


def _money_as_text(entry: dict) -> dict:
    return {
        name: str(value) if name in MONEY_FIGURES and value is not None else value
        for name, value in entry.items()
    }


# --- Reading a row as the pages use it -------------------------------------------------


def average(count: int, total: int) -> float | None:
    """The mean progress of `count` commitments whose progress adds up to `total`, as
    `Avg("progress")` gives it (progress is never empty); None without commitments."""
    return total / count if count else None


def average_progress(row: PlanFigures) -> float | None:
    return average(row.commitment_count, row.progress_sum)


def by_capability(row: PlanFigures) -> dict[int, dict]:
    """`{capability id: {count, average, overdue}}` of the plan's public commitments."""
    return {
        int(capability_id): {
            "count": count,
            "average": average(count, total),
            "overdue": overdue,
        }
        for capability_id, (count, total, overdue) in row.capabilities.items()
    }


def funding_totals(row: PlanFigures) -> list[dict]:
    """The plan's funding totals per currency (`tracking.funding.funding_by_plan`)."""
    return [
        {
            name: Decimal(value) if name in MONEY_FIGURES and value is not None else value
            for name, value in entry.items()
        }
        for entry in row.funding
    ]


def network_totals(rows) -> dict:
    """The figures of these plans added up (the average weighted by their commitments)."""
    rows = list(rows)
    count = sum(row.commitment_count for row in rows)
    mean = average(count, sum(row.progress_sum for row in rows))
    return {
        "count": count,
        "average": round(mean) if mean is not None else None,
        "completed": sum(row.completed_count for row in rows),
        "on_track": sum(row.on_track_count for row in rows),
        "behind": sum(row.behind_count for row in rows),
        "overdue": sum(row.overdue_count for row in rows),
    }
