"""Demo implementation history: quarterly progress updates on each published plan, from
each commitment's start up to the day of loading (two years at most), as the content
module's `history()` lays them out.

Overdue commitments say why in their last update, some agencies stopped reporting months
ago (stale), indicators have measurements, trainings report people trained per audience.
Illustrative figures only.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from plans.models import Commitment, Dimension
from tracking import evidence, services
from tracking.models import ProgressUpdate

from . import content
from .content import text


def load_progress(plan, *, today: datetime.date | None = None) -> None:
    evidence.country_evidence_collection(country=plan.country)
    today = today or timezone.localdate()
    spec = content.plan_content(plan.country.code)
    language = content.build_language(plan.country.code)
    items = {
        text(item.title, language): (index, item) for index, item in enumerate(spec.commitments)
    }
    commitments = plan.commitments.filter(live=True).select_related("lead_agency").order_by("pk")
    for commitment in commitments:
        if commitment.title not in items or commitment.progress_updates.exists():
            continue
        index, item = items[commitment.title]
        entry = content.dated(spec, item, today)
        for step, report in enumerate(content.history(spec, entry, index, today)):
            _update(commitment, item, report, step, language)


def _update(commitment: Commitment, item, report, step: int, language: str) -> None:
    update = services.progress_update_create(
        actor=None,
        commitment=commitment,
        status=report.status,
        progress=report.progress,
        narrative=text(report.narrative, language),
        reporting_date=report.on,
        measurements=[_measurement(indicator, report) for indicator in commitment.indicators.all()],
        trainees=[
            {"audience": audience, "people": people + (step % 3) * 2}
            for audience, people in item.trainees.items()
        ]
        if commitment.kind == Commitment.Kind.TRAINING
        else [],
        publish=True,
    )
    # As if published when reported, so "new this week" means something in the demo.
    published = datetime.datetime.combine(report.on, datetime.time(12))
    ProgressUpdate.objects.filter(pk=update.pk).update(published_at=timezone.make_aware(published))


def load_update_in_review(plan, *, drafter) -> None:
    """Where the country reviews updates: one of the drafter's, waiting for the coordinator
    (the history above was published before review was switched on)."""
    updates = ProgressUpdate.objects.filter(commitment__plan=plan)
    if updates.filter(submitted_at__isnull=False).exists():
        return
    commitment = (
        plan.commitments.filter(live=True, lead_agency__memberships__user=drafter)
        .exclude(
            status__in=(
                Commitment.Status.NOT_STARTED,
                Commitment.Status.COMPLETED,
                Commitment.Status.DROPPED,
            )
        )
        .order_by("pk")
        .first()
    )
    if commitment is None:
        return
    services.progress_update_create(
        actor=drafter,
        commitment=commitment,
        status=commitment.status,
        progress=min(99, commitment.progress + 10),
        narrative="Two more courses held this quarter; the attendance lists are attached.",
        publish=True,  # the drafter's "Submit for review"
    )


# The share of women among the people trained, in the demo's illustrative figures.
FEMALE_SHARE = Decimal("0.45")


def _measurement(indicator, report) -> dict:
    """The indicator's figure on the day reported, for its quarter so far (the period's
    default), broken down by sex where the indicator is: aggregates only."""
    value = _measured(indicator, report.progress)
    breakdown = []
    if Dimension.SEX in (indicator.disaggregation or []):
        female = (value * FEMALE_SHARE).quantize(Decimal("1"))
        breakdown = [
            {"dimension": Dimension.SEX, "category": "female", "value": female},
            {"dimension": Dimension.SEX, "category": "male", "value": value - female},
        ]
    return {
        "indicator": indicator,
        "measured_on": report.on,
        "value": value,
        "source": "Agency records",
        "breakdown": breakdown,
    }


def _measured(indicator, progress: int) -> Decimal:
    baseline = indicator.baseline or Decimal(0)
    target = indicator.target if indicator.target is not None else baseline
    return (baseline + (target - baseline) * Decimal(progress) / 100).quantize(Decimal("1"))
