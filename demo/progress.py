"""Demo implementation history: quarterly progress updates on each published plan, from
each commitment's start up to the day of loading (two years at most), as the content
module's `history()` lays them out.

Overdue commitments say why in their last update, some agencies stopped reporting months
ago (stale), indicators have measurements. Each update of a training commitment reports
one training (a quarter's course), with participants counted per audience and sex: the
commitment's people trained are the sum of those. Illustrative figures only, and counts,
never people.
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
        trainings=[_training(commitment, item, report, step, language)]
        if commitment.kind == Commitment.Kind.TRAINING and item.trainees
        else [],
        publish=True,
    )
    # As if published when reported, so "new this week" means something in the demo.
    published = datetime.datetime.combine(report.on, datetime.time(12))
    ProgressUpdate.objects.filter(pk=update.pk).update(published_at=timezone.make_aware(published))


COURSE_TITLES = {
    "en": "Quarterly course %(number)s",
    "es": "Curso trimestral %(number)s",
    "ar": "الدورة الفصلية %(number)s",
    "fr": "Cours trimestriel %(number)s",
    "sw": "Kozi ya robo mwaka %(number)s",
}
CITIES = {
    "jo": ("Amman", "Irbid", "Zarqa"),
    "ke": ("Nairobi", "Mombasa", "Kisumu"),
    "pe": ("Lima", "Arequipa", "Cusco"),
    "ph": ("Manila", "Cebu City", "Davao City"),
    "tz": ("Dar es Salaam", "Dodoma", "Mwanza"),
}


def people_in_quarter(people: int, step: int) -> int:
    """The people of one audience trained in the quarter `step` (demo figures)."""
    return people + (step % 3) * 2


def _training(commitment: Commitment, item, report, step: int, language: str) -> dict:
    """One course per quarter: its participants split by sex (some not recorded), test
    averages every other course."""
    mode = commitment.delivery or "in_person"
    if mode == "blended" and step % 2:
        mode = "e_learning"
    participants = []
    for audience, people in item.trainees.items():
        people = people_in_quarter(people, step)
        other = 1 if people >= 10 and step % 2 else 0
        female = people * (40 + (step * 7) % 25) // 100
        participants += [
            {"audience": audience, "sex": "female", "people": female},
            {"audience": audience, "sex": "male", "people": people - female - other},
        ]
        if other:
            participants.append({"audience": audience, "sex": "other", "people": other})
    cities = CITIES.get(commitment.plan.country.code, ("",))
    pre = 38 + (step * 5) % 20 if step % 2 == 0 else None
    return {
        "title": COURSE_TITLES.get(language, COURSE_TITLES["en"]) % {"number": step + 1},
        "starts_on": report.on - datetime.timedelta(days=4),
        "ends_on": report.on - datetime.timedelta(days=1),
        "mode": mode,
        "curriculum": f"MNR {commitment.capability.number}: module {step % 4 + 1}",
        "trainers": f"{commitment.lead_agency} training unit",
        "city": "" if mode == "e_learning" else cities[step % len(cities)],
        "pre_test_average": None if pre is None else Decimal(pre),
        "post_test_average": None if pre is None else Decimal(pre + 24),
        "participants": [row for row in participants if row["people"]],
    }


def people_to_train(item, months: int) -> list[dict]:
    """The plan's targets of a demo training commitment: a course per quarter of its
    timeframe, a little above what the quarters will reach."""
    quarters = max(1, months // 3)
    return [
        {"audience": audience, "people": (people + 2) * quarters}
        for audience, people in item.trainees.items()
    ]


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
    today = timezone.localdate()
    trainings = []
    if commitment.kind == Commitment.Kind.TRAINING:
        # Waiting for review like its update: on no public page until it is approved.
        trainings = [
            {
                "title": "Refresher course (awaiting review)",
                "starts_on": today - datetime.timedelta(days=6),
                "ends_on": today - datetime.timedelta(days=5),
                "mode": commitment.delivery or "in_person",
                "trainers": f"{commitment.lead_agency} training unit",
                "participants": [{"audience": "police", "sex": "female", "people": 7}],
            }
        ]
    services.progress_update_create(
        actor=drafter,
        commitment=commitment,
        status=commitment.status,
        progress=min(99, commitment.progress + 10),
        narrative="Two more courses held this quarter; the attendance lists are attached.",
        trainings=trainings,
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
