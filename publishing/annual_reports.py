"""Annual progress reports: made once, when a coordinator closes a reporting period.

Closing (`period_close`) freezes the period (tracking) and, in the same transaction, takes
a snapshot of what the public may see of the plan for that period: every live commitment
with its period report (status, progress, narrative, funding spent), its indicators'
values measured in the period against their targets, the results chain rolled up from
those figures, the donor view of funding, and what was overdue at the period's end with
the reason its agency gave. The snapshot is plain JSON, in each language the plan is
published in; the PDF and the spreadsheet are rendered from it afterwards (a Celery task,
`tasks.build_annual_report_files`) and stored. Nothing reads the live plan again, so later
edits never change a report, its figures or its files.
"""

from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy

from home import outbox
from home.i18n import in_default_locale
from plans.models import Commitment
from plans.selectors import published_plans
from tracking import funding as tracking_funding
from tracking import selectors as tracking
from tracking import services as tracking_services
from tracking.models import ReportingPeriod

from . import exports, selectors
from .exports import FUNDING_FIGURES, _amount, _date
from .models import AnnualReport, AnnualReportFile

SCHEMA = 1
PLAN_NOT_PUBLISHED = gettext_lazy(
    "Publish the plan before closing one of its reporting periods: the annual progress "
    "report is public."
)
NO_REPORT_REASON = gettext_lazy("No period report was filed.")
S = Commitment.Status


# --- Closing ---------------------------------------------------------------------------


@transaction.atomic
def period_close(*, actor, period) -> AnnualReport:
    """Close the period and freeze its annual report; the files follow on commit."""
    plan = in_default_locale(period.plan)
    if not published_plans().filter(pk=plan.pk).exists():
        raise ValidationError(PLAN_NOT_PUBLISHED)
    period = tracking_services.reporting_period_close(actor=actor, period=period)
    report = AnnualReport.objects.create(period=period, snapshot=build_snapshot(period))
    from . import receivers, tasks  # the task module imports this one

    outbox.send_on_commit(tasks.build_annual_report_files, report.pk)
    receivers.plan_record_changed(plan.pk)
    return report


# --- The snapshot ----------------------------------------------------------------------


def plan_languages(plan) -> list[tuple[str, object]]:
    """(language code, page) for the plan as written, then each live translation."""
    original = in_default_locale(plan)
    versions = [original, *selectors.live_translations_of(original)]
    return [(version.locale.language_code, version) for version in versions]


def build_snapshot(period) -> dict:
    """Everything the report shows, as JSON, per language. A fixed number of queries per
    language, whatever the number of commitments, indicators and earlier periods."""
    plan = in_default_locale(period.plan)
    reports = tracking.period_reports_by_commitment(period=period)
    languages = plan_languages(plan)
    return {
        "schema": SCHEMA,
        "plan_id": plan.pk,
        "currency": tracking_funding.plan_currency(plan),
        "period": {
            "title": period.title,
            "slug": period.slug,
            "starts_on": _date(period.starts_on),
            "ends_on": _date(period.ends_on),
            "deadline": _date(period.deadline),
            "closed_at": period.closed_at.isoformat() if period.closed_at else None,
        },
        "languages": [code for code, _page in languages],
        "content": {
            code: _content(version, period, language=code, reports=reports)
            for code, version in languages
        },
    }


def _content(plan, period, *, language, reports) -> dict:
    with translation.override(language):
        on = period.ends_on
        commitments = list(selectors.public_commitments(plan=plan, on=on, series=True))
        currency = tracking_funding.plan_currency(plan)
        url = plan.get_full_url() or ""
        entries = [
            _commitment(c, period, plan=plan, report=reports.get(c.pk), url=url)
            for c in commitments
        ]
        by_id = {entry["id"]: entry for entry in entries}
        return {
            "plan_title": plan.title,
            "country": str(plan.country),
            "plan_period": plan.period_label,
            "plan_url": url,
            "goal": plan.goal,
            "summary": _summary(entries),
            "results_chain": _chain(plan, by_id),
            "capabilities": _by_capability(commitments, entries),
            "funding": _funding(plan, entries, currency=currency),
            "overdue": [entry for entry in entries if entry["overdue"]],
        }


def _commitment(commitment, period, *, plan, report, url) -> dict:
    budget = commitment.budget_is_public
    status = report.status if report else commitment.status
    progress = report.progress if report else commitment.progress
    due = commitment.due_date
    overdue = bool(due and due < period.ends_on and status not in tracking.CLOSED)
    indicators = [
        _indicator(indicator, year=period.ends_on.year) for indicator in commitment.indicators.all()
    ]
    figures = selectors.public_commitment_funding(commitment) if budget else None
    return {
        "id": commitment.pk,
        "title": commitment.shown_title,
        "capability": commitment.capability.number,
        "capability_name": commitment.capability.name,
        "lead_agency": str(commitment.lead_agency),
        "due_date": _date(due),
        "status": status,
        "status_label": str(S(status).label),
        "progress": progress,
        "reported": report is not None,
        "report_date": _date(report.reporting_date) if report else None,
        "narrative": report.narrative if report else "",
        "reason": (report.narrative if report else str(NO_REPORT_REASON)) if overdue else "",
        "overdue": overdue,
        "days_late": (period.ends_on - due).days if overdue else None,
        "funding_spent": _amount(report.funding_spent) if report and budget else None,
        "funding": {name: _amount(figures[name]) for name in FUNDING_FIGURES} if figures else None,
        "indicators": indicators,
        "url": exports.commitment_url(plan, url, commitment.pk) if url else "",
        "output": commitment.output_id,
    }


def _indicator(indicator, *, year) -> dict:
    """An indicator as the period left it: each year's figure against that year's target
    up to the period's year (published measurements only, `actual_against_target`), and
    the period's own row: the figure whose measurement period ends in it."""
    measured = [m for m in indicator.public_measurements if m.year <= year]
    series = [
        row for row in tracking.actual_against_target(indicator, measured) if row["year"] <= year
    ]
    this_year = next((row for row in series if row["year"] == year), None)
    value = this_year["actual"] if this_year else None
    measurement = this_year["measurement"] if this_year else None
    return {
        "name": indicator.shown_name,
        "unit": indicator.shown_unit,
        "level": indicator.level,
        "level_label": str(indicator.get_level_display()),
        "baseline": _amount(indicator.baseline),
        "baseline_year": indicator.baseline_year,
        "target": _amount(indicator.target),
        "year_target": _amount(this_year["target"]) if this_year else None,
        "value": _amount(value),
        "met": this_year["met"] if this_year else None,
        "period_start": _date(measurement.period_start) if measurement else None,
        "period_end": _date(measurement.period_end) if measurement else None,
        "percent": tracking.percent_of_target(indicator.baseline, indicator.target, value)
        if value is not None
        else None,
        "series": [
            {
                "year": row["year"],
                "target": _amount(row["target"]),
                "actual": _amount(row["actual"]),
                "met": row["met"],
            }
            for row in series
        ],
    }


def _summary(entries) -> dict:
    total = len(entries)
    counts = {value: 0 for value in S.values}
    for entry in entries:
        counts[entry["status"]] += 1
    open_ = [e for e in entries if e["status"] != S.DROPPED]
    return {
        "total": total,
        "reported": sum(1 for e in entries if e["reported"]),
        "overdue": sum(1 for e in entries if e["overdue"]),
        "average_progress": round(sum(e["progress"] for e in open_) / len(open_))
        if open_
        else None,
        "statuses": [
            {"status": value, "label": str(label), "count": counts[value]}
            for value, label in S.choices
        ],
    }


def _chain(plan, by_id) -> dict | None:
    """The results chain, rolled up from the period's figures (not today's)."""
    chain = selectors.public_results_chain(plan=plan)
    if not chain["outcomes"]:
        return None
    outcomes = []
    for row in chain["outcomes"]:
        outputs = []
        for output_row in row["outputs"]:
            ids = [c.pk for c in output_row["commitments"] if c.pk in by_id]
            progress = selectors.weighted_progress(
                (by_id[i]["progress"], 1) for i in ids if by_id[i]["status"] != S.DROPPED
            )
            outputs.append(
                {
                    "title": output_row["output"].title,
                    "weight": output_row["output"].weight,
                    "progress": progress,
                    "commitments": ids,
                }
            )
        outcome = row["outcome"]
        outcomes.append(
            {
                "title": outcome.title,
                "capability": outcome.capability.number if outcome.capability_id else None,
                "weight": outcome.weight,
                "progress": selectors.weighted_progress(
                    (o["progress"], o["weight"]) for o in outputs
                ),
                "indicators": [
                    {
                        "name": i.name,
                        "level": i.level,
                        "level_label": i.get_level_display(),
                        "unit": i.unit,
                        "baseline": _amount(i.baseline),
                        "baseline_year": i.baseline_year,
                        "target": _amount(i.target),
                        "target_year": i.target_year,
                        "data_source": i.data_source,
                    }
                    for i in row["indicators"]
                ],
                "outputs": outputs,
            }
        )
    return {
        "goal": chain["goal"],
        "progress": selectors.weighted_progress((o["progress"], o["weight"]) for o in outcomes),
        "outcomes": outcomes,
    }


def _by_capability(commitments, entries) -> list[dict]:
    sections: dict[int, dict] = {}
    for commitment, entry in zip(commitments, entries, strict=True):
        section = sections.setdefault(
            commitment.capability.number,
            {
                "number": commitment.capability.number,
                "name": commitment.capability.name,
                "commitments": [],
            },
        )
        section["commitments"].append(entry)
    return [sections[number] for number in sorted(sections)]


def _funding(plan, entries, *, currency) -> dict | None:
    """The donor view of the commitments whose budget is public, and what they spent."""
    rollup = selectors.public_funding(plan=plan)
    if not rollup["totals"]:
        return None
    spent = [Decimal(e["funding_spent"]) for e in entries if e["funding_spent"] is not None]

    def row(entry):
        return {
            "currency": entry["currency"],
            "commitments": entry["commitments"],
            **{n: _amount(entry[n]) for n in FUNDING_FIGURES},
        }

    return {
        "currency": currency,
        "totals": [row(entry) for entry in rollup["totals"]],
        "capabilities": [
            {"number": e["capability"].number, "name": e["capability"].name, **row(e)}
            for e in rollup["capabilities"]
        ],
        "spent": _amount(sum(spent, Decimal("0.00"))) if spent else None,
    }


# --- Reading ---------------------------------------------------------------------------


def public_reporting(*, plan) -> dict:
    """The plan page's "Reports": the annual reports, newest period first, and the open
    periods with their deadlines. Two queries, whatever the number of periods."""
    original = in_default_locale(plan)
    return {
        "reports": list(
            AnnualReport.objects.filter(period__plan=original)
            .select_related("period")
            .order_by("-period__ends_on")
        ),
        "open": list(
            ReportingPeriod.objects.filter(
                plan=original, state=ReportingPeriod.State.OPEN
            ).order_by("ends_on")
        ),
    }


def report_file(*, plan, slug: str, kind: str, language: str) -> AnnualReportFile | None:
    """The stored file in the reader's language where the plan is published in it, else
    in the plan's own; None while it is being made."""
    original = in_default_locale(plan)
    files = AnnualReportFile.objects.filter(
        report__period__plan=original, report__period__slug=slug, kind=kind
    )
    return (
        files.filter(language=language).first()
        or files.filter(language=original.locale.language_code).first()
    )


def report_of(*, plan, slug: str) -> AnnualReport | None:
    return AnnualReport.objects.filter(
        period__plan=in_default_locale(plan), period__slug=slug
    ).first()


def request_files(report) -> None:
    """Ask a worker to make the report's missing files, once at a time: the task sent on
    closing may have been lost with its worker. With eager Celery it runs here."""
    from . import tasks

    if cache.add(
        f"annual-report-build:{report.pk}", True, timeout=settings.PUBLIC_PDF_BUILD_SECONDS
    ):
        outbox.send(tasks.build_annual_report_files, report.pk)
