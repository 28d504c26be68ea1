"""Demo implementation history: 18 months of progress updates on each published plan.

Some commitments are stale (no update for months), many of the older plans' ones are
overdue, some completed; indicators have measurements, trainings report people trained.
Illustrative figures only.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from plans.models import Commitment
from stakeholders.models import Agency
from tracking import evidence, services
from tracking.models import ProgressUpdate

STEPS = 4  # an update every five months or so, over about 18 months
SPACING_DAYS = 160
AUDIENCE_BY_SECTOR = {
    Agency.Sector.LAW_ENFORCEMENT: "police",
    Agency.Sector.CHILD_HELPLINE: "helpline_staff",
    Agency.Sector.SOCIAL_WELFARE: "social_workers",
    Agency.Sector.PROSECUTION_JUDICIARY: "prosecutors",
    Agency.Sector.EDUCATION: "educators",
}
NARRATIVES = (
    "Planning meeting held with partner agencies; workplan and budget agreed.",
    "First activities delivered as planned.",
    "Activities continued; a few delays in procurement.",
    "Review held with the coordination body; next steps agreed.",
)


def load_progress(plan) -> None:
    evidence.country_evidence_collection(country=plan.country)
    today = timezone.localdate()
    commitments = plan.commitments.filter(live=True).select_related("lead_agency").order_by("pk")
    for index, commitment in enumerate(commitments):
        if commitment.progress_updates.exists():
            continue
        _history(commitment, index, today)


def _history(commitment: Commitment, index: int, today: datetime.date) -> None:
    stale = index % 5 == 2  # its agency stopped reporting months ago
    latest_days_ago = 200 if stale else 15 + (index % 4) * 10
    indicators = list(commitment.indicators.all())
    final_status, final_progress = commitment.status, commitment.progress
    for step in range(STEPS):
        share = Decimal(step + 1) / STEPS
        last = step == STEPS - 1
        reporting_date = today - datetime.timedelta(days=latest_days_ago + (STEPS - 1 - step) * 91)
        progress = final_progress if last else round(final_progress * float(share))
        status = final_status if last else _status_on_the_way(final_status, step)
        update = services.progress_update_create(
            actor=None,
            commitment=commitment,
            status=status,
            progress=progress,
            narrative=NARRATIVES[step],
            reporting_date=reporting_date,
            measurements=[
                {
                    "indicator": indicator,
                    "measured_on": reporting_date,
                    "value": _measured(indicator, share * Decimal(final_progress) / 100),
                    "source": "Agency records",
                }
                for indicator in indicators
            ],
            trainees=_trainees(commitment, step),
            publish=True,
        )
        # As if published when reported, so "new this week" means something in the demo.
        published = datetime.datetime.combine(reporting_date, datetime.time(12))
        ProgressUpdate.objects.filter(pk=update.pk).update(
            published_at=timezone.make_aware(published)
        )


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
        progress=min(100, commitment.progress + 10),
        narrative="Two more courses held this quarter; the attendance lists are attached.",
        publish=True,  # the drafter's "Submit for review"
    )


def _status_on_the_way(final_status, step):
    if final_status in (Commitment.Status.NOT_STARTED,):
        return Commitment.Status.NOT_STARTED
    return Commitment.Status.ON_TRACK if step < 2 else final_status.replace("completed", "on_track")


def _measured(indicator, share):
    baseline = indicator.baseline or Decimal(0)
    target = indicator.target if indicator.target is not None else baseline
    return (baseline + (target - baseline) * share).quantize(Decimal("1"))


def _trainees(commitment, step):
    if commitment.kind != Commitment.Kind.TRAINING:
        return []
    audience = AUDIENCE_BY_SECTOR.get(commitment.lead_agency.sector, "ngos")
    return [{"audience": audience, "people": 8 + 4 * step}]
