"""Demo reporting cycles: calendar-year reporting periods on each published plan.

Each full year of the plan that has ended (the last two at most) is a closed period with
its annual progress report; the current year is open. Each commitment's last update
within a period is its lead agency's period report, so the reports read like the history
(demo/progress.py) that precedes them. Illustrative figures only.
"""

import datetime
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from publishing import annual_reports
from tracking import services
from tracking.models import ProgressUpdate, ReportingPeriod

CLOSED_YEARS = 2


def load_reporting(plan, *, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if ReportingPeriod.objects.filter(plan=plan).exists():
        return
    ended = [y for y in range(plan.period_start, today.year) if y <= plan.period_end]
    for year in ended[-CLOSED_YEARS:]:
        period = _open(plan, year)
        _file_reports(period)
        annual_reports.period_close(actor=None, period=period)
    if plan.period_start <= today.year <= plan.period_end:
        _file_reports(_open(plan, today.year), every_other=True)


def _open(plan, year):
    return services.reporting_period_open(
        actor=None,
        plan=plan,
        title=str(year),
        slug=str(year),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        deadline=datetime.date(year + 1, 1, 31),
    )


def _file_reports(period, *, every_other=False) -> None:
    """Each commitment's last published lead-agency update in the period becomes its
    period report, with what it spent where its budget is public (a tenth of its cost)."""
    updates = ProgressUpdate.objects.filter(
        commitment__plan=period.plan,
        is_contribution=False,
        published_at__isnull=False,
        reporting_date__range=(period.starts_on, period.ends_on),
    )
    last = updates.values("commitment").annotate(on=Max("reporting_date")).order_by("commitment")
    for index, row in enumerate(last):
        if every_other and index % 2:
            continue
        report = (
            updates.filter(commitment=row["commitment"], reporting_date=row["on"])
            .select_related("commitment")
            .first()
        )
        cost = report.commitment.estimated_cost
        spent = (cost / 10).quantize(Decimal("1")) if cost else None
        # A plain update: the history is already published, and a period report differs
        # from it only in naming the period.
        ProgressUpdate.objects.filter(pk=report.pk).update(period=period, funding_spent=spent)
