"""Questions about implementation, answered in the database (never by looping in Python)."""

import datetime

from django.conf import settings
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from plans.models import Commitment, CommitmentIndicator, TrainingTarget
from plans.models.indicators import Frequency

from .models import (
    IndicatorMeasurement,
    MeasurementValue,
    ProgressUpdate,
    ReportingPeriod,
    Training,
    TrainingParticipants,
    default_period,
)

CLOSED = (Commitment.Status.COMPLETED, Commitment.Status.DROPPED)


def live_commitments():
    return Commitment.objects.filter(live=True)


# Lateness is derived, never stored: these two rules are the only definitions of it.


def today() -> datetime.date:
    """The date lateness is judged on: the site's local date (`TIME_ZONE`)."""
    return timezone.localdate()


def overdue_q(*, on: datetime.date, prefix: str = "") -> Q:
    """Overdue: the due date has passed and it is neither completed nor dropped.

    `prefix` applies the rule through a relation (`"commitments__"` from a plan)."""
    return Q(**{f"{prefix}due_date__lt": on}) & ~Q(**{f"{prefix}status__in": CLOSED})


def stale_q(*, on: datetime.date, days=None) -> Q:
    """Stale: open, with no published update (nor publication) for `days` before `on`.
    Needs `last_update_on` (`with_last_update`)."""
    days = settings.TRACKING_STALE_AFTER_DAYS if days is None else days
    cutoff = on - datetime.timedelta(days=days)
    return Q(last_update_on__lt=cutoff) & ~Q(status__in=CLOSED)


def with_lateness(queryset, *, on: datetime.date, days=None):
    """Annotate `last_update_on`, `is_overdue` and `is_stale` on each commitment.

    An overdue commitment has been overdue since its due date (`due_date`)."""

    def flag(rule):
        return Case(When(rule, then=Value(True)), default=Value(False), output_field=BooleanField())

    return with_last_update(queryset).annotate(
        is_overdue=flag(overdue_q(on=on)), is_stale=flag(stale_q(on=on, days=days))
    )


def commitments_overdue(*, on: datetime.date, queryset=None):
    """Due before `on` and neither completed nor dropped."""
    queryset = live_commitments() if queryset is None else queryset
    return queryset.filter(overdue_q(on=on))


def commitments_due_soon(*, on: datetime.date, within_days=None, queryset=None):
    within_days = settings.TRACKING_DUE_SOON_DAYS if within_days is None else within_days
    queryset = live_commitments() if queryset is None else queryset
    return queryset.filter(
        due_date__gte=on, due_date__lte=on + datetime.timedelta(days=within_days)
    ).exclude(status__in=CLOSED)


def with_last_update(queryset):
    """Annotate `last_published_update` (the reporting date of the latest published
    update, or None) and `last_update_on` (that, else the date of first publication).

    Subqueries rather than an aggregate over the join: the queryset stays one row per
    commitment, so it can still be filtered, counted, grouped and made distinct."""
    latest = (
        ProgressUpdate.objects.filter(commitment=OuterRef("pk"), published_at__isnull=False)
        .order_by("-reporting_date")
        .values("reporting_date")[:1]
    )
    return queryset.annotate(
        last_published_update=Subquery(latest, output_field=DateField())
    ).annotate(
        last_update_on=Coalesce(
            F("last_published_update"),
            Cast("first_published_at", output_field=DateField()),
        )
    )


def commitments_stale(*, on: datetime.date, days=None, queryset=None):
    """Open commitments with no published update for `days` (setting) before `on`."""
    queryset = live_commitments() if queryset is None else queryset
    return with_last_update(queryset).filter(stale_q(on=on, days=days))


def published_updates(*, commitment, newest_first=False):
    order = ("-reporting_date", "-pk") if newest_first else ("reporting_date", "pk")
    return (
        ProgressUpdate.objects.filter(commitment=commitment, published_at__isnull=False)
        .select_related("agency", "author")
        .prefetch_related("measurements__indicator")
        .order_by(*order)
    )


def indicator_progress(*, indicator):
    """Latest measured value, and the share of the way from baseline to target (0-100)."""
    latest = (
        IndicatorMeasurement.objects.filter(indicator=indicator, update__published_at__isnull=False)
        .order_by("-measured_on", "-pk")
        .first()
    )
    if latest is None:
        return None, None
    return latest.value, percent_of_target(indicator.baseline, indicator.target, latest.value)


def percent_of_target(baseline, target, value):
    if target is None:
        return None
    start = baseline or 0
    if target == start:
        return 100 if value >= target else 0
    share = (value - start) / (target - start) * 100
    return max(0, min(100, round(share)))


def progress_by_capability(*, plan):
    """Per capability section: how many live commitments and their average progress."""
    return (
        live_commitments()
        .filter(plan=plan)
        .values("capability__number", "capability__name")
        .annotate(count=Count("pk"), average=Avg("progress"))
        .order_by("capability__number")
    )


def published_participants():
    """Participant counts of the trainings of published updates: the one source of every
    public people-trained figure (a draft's or a submitted update's trainings never count)."""
    return TrainingParticipants.objects.filter(training__update__published_at__isnull=False)


def people_trained_by_audience(*, countries):
    return (
        published_participants()
        .filter(training__update__commitment__plan__country__in=countries)
        .values("audience")
        .annotate(people=Sum("people"))
        .order_by("audience")
    )


def people_trained_by_plan_and_audience(*, commitments) -> dict:
    """`{(plan_id, audience): people}` over the published trainings of these commitments,
    in one query."""
    return {
        (row["training__update__commitment__plan_id"], row["audience"]): row["people"]
        for row in published_participants()
        .filter(training__update__commitment__in=commitments)
        .values("training__update__commitment__plan_id", "audience")
        .annotate(people=Sum("people"))
        .order_by()
    }


def targets_by_plan_and_audience(*, commitments) -> dict:
    """`{(plan_id, audience): people to train}` over the live targets of these public
    commitments, in one query."""
    return {
        (row["commitment__plan_id"], row["audience"]): row["people"]
        for row in TrainingTarget.objects.filter(commitment__in=commitments)
        .values("commitment__plan_id", "audience")
        .annotate(people=Sum("people"))
        .order_by()
    }


def published_trainings(*, commitments):
    """The trainings of the published updates of these commitments, with their
    participant counts, oldest first."""
    return (
        Training.objects.filter(update__in=published_updates_of(commitments=commitments))
        .select_related("update")
        .prefetch_related("participants")
        .order_by("starts_on", "pk")
    )


def published_updates_of(*, commitments):
    """The published progress updates of these commitments (a queryset of them): what the
    public may read of their implementation. Drafts, submitted and returned updates never."""
    return ProgressUpdate.objects.filter(commitment__in=commitments, published_at__isnull=False)


def published_update_exists_since(*, since) -> Q:
    """On commitments: a progress update was published (or a published one changed) at or
    after `since`."""
    return Q(
        pk__in=ProgressUpdate.objects.filter(published_at__isnull=False)
        .filter(Q(published_at__gte=since) | Q(updated_at__gte=since))
        .values("commitment_id")
    )


def people_trained_by_commitment(*, commitment_ids) -> dict:
    """People trained per audience, from the trainings of published updates, for each of
    these commitments: `{commitment_id: [{"audience": ..., "people": ...}]}`, in one query."""
    figures = {}
    for row in (
        published_participants()
        .filter(training__update__commitment_id__in=commitment_ids)
        .values("training__update__commitment_id", "audience")
        .annotate(people=Sum("people"))
        .order_by("training__update__commitment_id", "audience")
    ):
        figures.setdefault(row["training__update__commitment_id"], []).append(
            {"audience": row["audience"], "people": row["people"]}
        )
    return figures


# --- Reporting periods --------------------------------------------------------------


def period_reports_by_commitment(*, period) -> dict:
    """Each commitment's published lead-agency report for the period: the latest by
    reporting date (a contribution of a supporting agency is never the commitment's
    report). One query, whatever the number of commitments."""
    reports = ProgressUpdate.objects.filter(
        period=period, is_contribution=False, published_at__isnull=False
    ).order_by("commitment_id", "-reporting_date", "-pk")
    latest = {}
    for report in reports:
        latest.setdefault(report.commitment_id, report)
    return latest


def period_report_rows(*, period) -> list[dict]:
    """For the coordinator running the period: every live commitment of the plan, its
    lead agency and its period report (the latest published one, else the latest in any
    state; None: nothing filed yet)."""
    reports = {}
    for report in ProgressUpdate.objects.filter(period=period, is_contribution=False).order_by(
        "commitment_id", "-reporting_date", "-pk"
    ):
        shown = reports.get(report.commitment_id)
        if shown is None or (report.is_published and not shown.is_published):
            reports[report.commitment_id] = report
    commitments = (
        live_commitments()
        .filter(plan_id=period.plan_id)
        .select_related("lead_agency", "capability")
        .order_by("capability__number", "title")
    )
    return [{"commitment": c, "report": reports.get(c.pk)} for c in commitments]


def commitments_period_report_due(*, on: datetime.date, within_days=None, queryset=None):
    """Live commitments of a plan with an open reporting period whose deadline is near
    (`TRACKING_PERIOD_REPORT_NOTICE_DAYS`) or past, and no period report of their lead
    agency submitted or published for it yet. Each carries `due_period_id`,
    `due_period_title` and `due_period_deadline` (the earliest such period)."""
    within_days = (
        settings.TRACKING_PERIOD_REPORT_NOTICE_DAYS if within_days is None else within_days
    )
    queryset = live_commitments() if queryset is None else queryset
    periods = ReportingPeriod.objects.filter(
        plan_id=OuterRef("plan_id"),
        state=ReportingPeriod.State.OPEN,
        deadline__lte=on + datetime.timedelta(days=within_days),
    ).order_by("deadline", "pk")
    filed = ProgressUpdate.objects.filter(
        commitment=OuterRef("pk"),
        period_id=OuterRef("due_period_id"),
        is_contribution=False,
    ).filter(Q(published_at__isnull=False) | Q(submitted_at__isnull=False))
    return (
        queryset.exclude(status__in=CLOSED)
        .annotate(
            due_period_id=Subquery(periods.values("pk")[:1]),
            due_period_title=Subquery(periods.values("title")[:1]),
            due_period_deadline=Subquery(periods.values("deadline")[:1]),
        )
        .filter(due_period_id__isnull=False)
        .exclude(Exists(filed))
    )


def previous_collection_period(frequency: str, on: datetime.date):
    """The last collection period of an indicator of this frequency that ended before
    `on` (first and last day), or None for one collected once."""
    if frequency == Frequency.ONCE:
        return None
    end = default_period(frequency, on)[0] - datetime.timedelta(days=1)
    return default_period(frequency, end)[0], end


def indicators_figure_due(*, on: datetime.date, grace_days=None):
    """Indicators of live open commitments with no figure submitted or published for
    their last ended collection period, ended at least `grace_days` before `on`
    (`TRACKING_INDICATOR_FIGURE_GRACE_DAYS`), within the commitment's dates. Each carries
    `due_from` and `due_to`, that period's first and last day."""
    grace = settings.TRACKING_INDICATOR_FIGURE_GRACE_DAYS if grace_days is None else grace_days
    due, starts, ends = Q(), [], []
    for frequency in Frequency.values:
        period = previous_collection_period(frequency, on)
        if period is None or on < period[1] + datetime.timedelta(days=grace):
            continue
        start, end = period
        filed = IndicatorMeasurement.objects.filter(indicator=OuterRef("pk")).filter(
            Q(period_end__range=period) | Q(period_end__isnull=True, measured_on__range=period),
            Q(update__published_at__isnull=False) | Q(update__submitted_at__isnull=False),
        )
        due |= (
            Q(frequency=frequency)
            & ~Exists(filed)
            & (Q(commitment__start_date__isnull=True) | Q(commitment__start_date__lte=end))
            & (Q(commitment__due_date__isnull=True) | Q(commitment__due_date__gte=start))
            & Q(commitment__plan__period_start__lte=end.year)
        )
        starts.append(When(frequency=frequency, then=Value(start)))
        ends.append(When(frequency=frequency, then=Value(end)))
    if not starts:  # every period that has ended is still within its grace days
        return CommitmentIndicator.objects.none()
    return (
        CommitmentIndicator.objects.filter(commitment__live=True)
        .exclude(commitment__status__in=CLOSED)
        .filter(due)
        .annotate(
            due_from=Case(*starts, output_field=DateField()),
            due_to=Case(*ends, output_field=DateField()),
        )
    )


# --- Indicators: a year's measurement against that year's target -----------------------


def published_measurements():
    """Measurements of published progress updates (the public's and the charts'), each
    with its break-down, oldest period first."""
    return (
        IndicatorMeasurement.objects.filter(update__published_at__isnull=False)
        .prefetch_related(Prefetch("breakdown", queryset=MeasurementValue.objects.order_by("pk")))
        .order_by("period_end", "measured_on", "pk")
    )


def _latest_key(measurement):
    return (
        measurement.period_end or measurement.measured_on,
        measurement.measured_on,
        measurement.pk,
    )


def actual_against_target(indicator, measurements) -> list[dict]:
    """Per year, oldest first: the indicator's target for that year and the figure for
    it, the latest measurement whose period ends in the year (by the period's end, then
    the day measured). `measurements`: the indicator's, already narrowed to what the
    reader may see (`published_measurements`). A year has a row if it has either.

    `met` says whether the figure reached the year's target, in the indicator's
    direction: down where the end target is below the baseline (fewer days to take
    material down), else up; None without both."""
    targets = {target.year: target.value for target in indicator.targets.all()}
    latest = {}
    for measurement in measurements:
        year = measurement.year
        if year not in latest or _latest_key(measurement) > _latest_key(latest[year]):
            latest[year] = measurement
    falling = (
        indicator.baseline is not None
        and indicator.target is not None
        and indicator.target < indicator.baseline
    )
    rows = []
    for year in sorted({*targets, *latest}):
        target = targets.get(year)
        measurement = latest.get(year)
        actual = measurement.value if measurement is not None else None
        met = None
        if target is not None and actual is not None:
            met = actual <= target if falling else actual >= target
        rows.append(
            {
                "year": year,
                "target": target,
                "actual": actual,
                "measurement": measurement,
                "met": met,
            }
        )
    return rows
