"""Demo national plans: one published plan per country, up to 17 commitments each.

The content is illustrative, in the agreed (Luxembourg Guidelines) terminology, and makes
no claim about any government's real commitments.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from plans import services
from plans.models import (
    Capability,
    Commitment,
    InspireStrategy,
    MaturityLevel,
    NationalPlanPage,
    PlanIndexPage,
)
from stakeholders.models import Agency

from .countries import COUNTRIES

PLAN_META = {
    "jo": (2025, 2028, "JOD", Decimal("0.71")),
    "ke": (2022, 2026, "KES", Decimal("130")),
    "pe": (2025, 2030, "PEN", Decimal("3.7")),
    "ph": (2024, 2028, "PHP", Decimal("56")),
    "tz": (2024, 2028, "TZS", Decimal("2600")),
}

# Which demo agency plays each part in each country (keys of demo.countries.COUNTRIES).
ROLES = {
    "jo": {"prosecution": "justice", "social": "social", "regulator": "regulator"},
    "ke": {"prosecution": "prosecution", "social": "lead", "regulator": "regulator"},
    "pe": {"prosecution": "prosecution", "social": "cem", "regulator": "regulator"},
    "ph": {"prosecution": "doj", "social": "lead", "regulator": "dict"},
    "tz": {"prosecution": "prosecution", "social": "social", "regulator": "regulator"},
}

SECTIONS = {
    1: (
        "A national coordination body meets regularly and owns the plan.",
        "Coordination happens case by case; no body is accountable for the whole response.",
    ),
    4: (
        "Police investigate online child sexual exploitation and abuse with trained staff "
        "and the tools they need.",
        "Few investigators are trained in online investigations; forensic capacity is limited.",
    ),
    5: (
        "Prosecutors and judges handle cases in a child-friendly, victim-centred way.",
        "Children are interviewed several times; few prosecutors have specific training.",
    ),
    8: (
        "Every child who discloses abuse is supported from first contact to recovery.",
        "Referral pathways differ between agencies and regions.",
    ),
    9: (
        "Social workers recognise online harms and know how to respond.",
        "The child-protection workforce is small and rarely trained on online harms.",
    ),
    11: (
        "The child helpline answers, documents and refers reports of online abuse.",
        "The helpline receives reports of online abuse but lacks categories and training.",
    ),
    13: (
        "Children, parents and teachers know the risks online and where to get help.",
        "Online safety is not part of the curriculum; awareness campaigns are occasional.",
    ),
    21: (
        "All agencies use the terminology of the Luxembourg Guidelines.",
        "Laws and forms use outdated terms; agencies use different words for the same harm.",
    ),
}


# Baseline and target maturity levels (1-4) of each section, per country: illustrative,
# not the findings of any real needs assessment.
MATURITY = {
    "jo": {
        1: (2, 3),
        4: (2, 4),
        5: (1, 3),
        8: (2, 3),
        9: (1, 2),
        11: (3, 4),
        13: (1, 3),
        21: (1, 2),
    },
    "ke": {
        1: (2, 4),
        4: (2, 3),
        5: (2, 3),
        8: (1, 3),
        9: (2, 3),
        11: (3, 4),
        13: (2, 3),
        21: (1, 3),
    },
    "pe": {
        1: (2, 3),
        4: (1, 3),
        5: (2, 3),
        8: (2, 4),
        9: (1, 3),
        11: (3, 4),
        13: (1, 2),
        21: (1, 2),
    },
    "ph": {
        1: (3, 4),
        4: (3, 4),
        5: (2, 3),
        8: (2, 3),
        9: (2, 3),
        11: (3, 4),
        13: (2, 4),
        21: (2, 3),
    },
    "tz": {
        1: (2, 3),
        4: (1, 3),
        5: (1, 2),
        8: (1, 3),
        9: (1, 2),
        11: (2, 4),
        13: (1, 3),
        21: (1, 2),
    },
}
BASELINE_SOURCES = "Needs assessment and legislative review of the programme (illustrative)."
# Sections a demo plan leaves out, so the gap analysis and the comparison show uncovered
# capabilities that differ between countries (never one the programme targets).
LEFT_OUT = {"pe": {1}}


@dataclass(frozen=True)
class DemoCommitment:
    capability: int
    title: str
    lead: str
    supporting: tuple[str, ...]
    inspire: tuple[int, ...]
    status: str
    progress: int
    cost_usd: int
    months: int
    description: str = ""
    indicators: tuple[dict, ...] = field(default_factory=tuple)
    draft: dict | None = None  # a newer, unpublished version
    kind: str = "action"
    delivery: str = ""
    internal: bool = False  # the whole commitment is kept from the public
    budget_public: bool = True
    internal_notes: str = ""


S = Commitment.Status
COMMITMENTS = (
    DemoCommitment(
        1,
        "Convene the national coordination body on online child sexual exploitation "
        "and abuse every quarter",
        "lead",
        ("police", "helpline"),
        (1,),
        S.ON_TRACK,
        60,
        20_000,
        48,
        "Quarterly meetings of all lead agencies, with minutes and an action log.",
        ({"name": "Meetings held", "unit": "meetings", "baseline": 0, "target": 16},),
    ),
    DemoCommitment(
        4,
        "Train investigators in online investigations and victim identification",
        "police",
        ("prosecution",),
        (1, 6),
        S.ON_TRACK,
        45,
        120_000,
        30,
        "In-person and e-learning courses for child-protection and cybercrime investigators.",
        ({"name": "Investigators trained", "unit": "officers", "baseline": 20, "target": 150},),
        kind="training",
        delivery="blended",
    ),
    DemoCommitment(
        4,
        "Establish a digital forensics capability in the child-protection unit",
        "police",
        ("regulator",),
        (1,),
        S.AT_RISK,
        25,
        250_000,
        36,
        "Equipment, software licences and two trained forensic examiners.",
        budget_public=False,
        internal_notes="The cost is an estimate awaiting the finance ministry's confirmation.",
        draft={
            "title": "Establish a digital forensics laboratory in the child-protection unit",
            "progress": 30,
        },
    ),
    DemoCommitment(
        4,
        "Run joint operations with the regional cybercrime centre against offender networks",
        "police",
        ("prosecution",),
        (1,),
        S.ON_TRACK,
        40,
        60_000,
        24,
        "Joint operations planned with the regional cybercrime centre.",
        internal=True,
        internal_notes="Operational details are shared only within the task force.",
    ),
    DemoCommitment(
        4,
        "Agree a standard procedure for helpline referrals to the police",
        "police",
        ("helpline",),
        (6,),
        S.ON_TRACK,
        70,
        5_000,
        12,
        "A written procedure so that reports reach an investigator within 24 hours.",
    ),
    DemoCommitment(
        5,
        "Train prosecutors and judges in child-friendly, victim-centred procedures",
        "prosecution",
        ("police",),
        (1,),
        S.DELAYED,
        30,
        80_000,
        24,
    ),
    DemoCommitment(
        5,
        "Equip courts with child-friendly interview rooms",
        "prosecution",
        ("social",),
        (3, 6),
        S.NOT_STARTED,
        0,
        150_000,
        36,
    ),
    DemoCommitment(
        8,
        "Agree an end-to-end referral pathway from disclosure to recovery",
        "social",
        ("police", "helpline"),
        (6,),
        S.ON_TRACK,
        50,
        15_000,
        18,
    ),
    DemoCommitment(
        8,
        "Provide trauma-informed psychosocial support for children who experienced "
        "online sexual abuse",
        "social",
        ("helpline",),
        (6,),
        S.ON_TRACK,
        40,
        200_000,
        48,
    ),
    DemoCommitment(
        9,
        "Train social workers to recognise and respond to online grooming and sexual "
        "extortion of children",
        "social",
        ("helpline",),
        (6,),
        S.ON_TRACK,
        55,
        60_000,
        24,
        indicators=(
            {"name": "Social workers trained", "unit": "people", "baseline": 0, "target": 300},
        ),
        kind="training",
        delivery="in_person",
    ),
    DemoCommitment(
        11,
        "Answer the child helpline around the clock by phone, chat and messaging",
        "helpline",
        ("lead",),
        (6,),
        S.ON_TRACK,
        65,
        90_000,
        24,
        "Extend opening hours and add chat and messaging channels.",
        ({"name": "Opening hours", "unit": "hours per week", "baseline": 60, "target": 168},),
        # Status and progress come from progress updates; a draft changes the content.
        draft={
            "description": "Extend opening hours to 24/7 and answer by chat and messaging "
            "apps as well as by phone."
        },
    ),
    DemoCommitment(
        11,
        "Adopt Child Helpline International's categories for online child sexual "
        "exploitation and abuse in case documentation",
        "helpline",
        (),
        (6,),
        S.COMPLETED,
        100,
        3_000,
        6,
    ),
    DemoCommitment(
        11,
        "Train helpline counsellors to respond to reports of online sexual abuse",
        "helpline",
        ("police",),
        (6,),
        S.AT_RISK,
        35,
        25_000,
        18,
        indicators=(
            {"name": "Counsellors trained", "unit": "people", "baseline": 5, "target": 40},
        ),
    ),
    DemoCommitment(
        13,
        "Add online safety and help-seeking to the school curriculum",
        "education",
        ("helpline",),
        (7, 2),
        S.ON_TRACK,
        30,
        70_000,
        36,
    ),
    DemoCommitment(
        13,
        "Run an awareness campaign for parents and caregivers on online risks",
        "helpline",
        ("education", "regulator"),
        (4, 2),
        S.DELAYED,
        20,
        40_000,
        24,
    ),
    DemoCommitment(
        13,
        "Publish guidance for teachers on responding to a disclosure of online abuse",
        "education",
        ("social",),
        (7,),
        S.NOT_STARTED,
        0,
        10_000,
        18,
    ),
    DemoCommitment(
        21,
        "Adopt the Luxembourg Guidelines terminology in all agency documents and training",
        "lead",
        ("police", "prosecution", "helpline"),
        (2,),
        S.ON_TRACK,
        50,
        8_000,
        24,
    ),
    DemoCommitment(
        21,
        "Use the term child sexual abuse material in all police forms and statistics",
        "police",
        ("lead",),
        (1,),
        S.COMPLETED,
        100,
        2_000,
        6,
    ),
)


def _agency(agencies: dict[str, Agency], code: str, role: str) -> Agency:
    return agencies[ROLES[code].get(role, role)]


def _plan(country) -> NationalPlanPage:
    start, end, _currency, _rate = PLAN_META[country.code]
    plan = NationalPlanPage.objects.filter(
        country=country, period_start=start, period_end=end
    ).first()
    if plan is not None:
        return plan
    index = PlanIndexPage.objects.get()
    plan = NationalPlanPage(
        title=f"{country.name}: National Plan of Action against Online Child Sexual "
        f"Exploitation and Abuse {start}–{end}",
        slug=f"{country.code}-{start}-{end}",
        country=country,
        period_start=start,
        period_end=end,
        plan_status=NationalPlanPage.PlanStatus.ADOPTED,
        summary=f"<p>How the agencies of {country.name} will prevent and respond to online "
        "child sexual exploitation and abuse, capability by capability of the WePROTECT "
        "Model National Response. Illustrative demo content.</p>",
        vision="<p>Every child in "
        f"{country.name} is safe online, and every child who is harmed gets help.</p>",
        situation_analysis="<p>The needs assessment and legislative review found a general "
        "legal framework in place, committed agencies, and gaps in training, referral "
        "and data.</p>",
        coordination_body="<p>A national coordination body chaired by the lead ministry, "
        "with every agency named in this plan.</p>",
        monitoring_evaluation="<p>Lead agencies report progress every quarter; the "
        "coordination body reviews the plan every year.</p>",
    )
    levels = {level.order: level for level in MaturityLevel.objects.all()}
    for place, (number, (objective, baseline)) in enumerate(SECTIONS.items()):
        if number in LEFT_OUT.get(country.code, ()):
            continue
        baseline_order, target_order = MATURITY[country.code][number]
        plan.capability_sections.add(
            plan.capability_sections.model(
                sort_order=place,
                capability=Capability.objects.get(framework__code="MNR-2016", number=number),
                objective=objective,
                baseline_finding=baseline,
                baseline_level=levels.get(baseline_order),
                target_level=levels.get(target_order),
                baseline_sources=BASELINE_SOURCES,
            )
        )
    index.add_child(instance=plan)
    plan.save_revision().publish()
    services.plan_setup(plan=plan)
    return plan


# Countries whose commitments are approved by the head of the lead agency first.
HEADS_APPROVE_FIRST = {"tz"}


@transaction.atomic
def load_country_plan(country) -> NationalPlanPage:
    services.country_review_setup(
        country=country, agency_heads_first=country.code in HEADS_APPROVE_FIRST
    )
    plan = _plan(country)
    agencies = {_key_for(a): a for a in country.agencies.all()}
    start_year, _end, currency, rate = PLAN_META[country.code]
    existing = set(plan.commitments.values_list("title", flat=True))
    strategies = {s.number: s for s in InspireStrategy.objects.all()}
    sections = set(plan.capability_sections.values_list("capability__number", flat=True))
    for i, spec in enumerate(COMMITMENTS):
        if spec.capability not in sections:
            continue  # a capability this country's plan leaves out
        if spec.title in existing or (spec.draft and spec.draft.get("title") in existing):
            continue
        lead = _agency(agencies, country.code, spec.lead)
        supporting = {_agency(agencies, country.code, key) for key in spec.supporting} - {lead}
        start = datetime.date(start_year, 1 + i % 12, 1)
        commitment = services.commitment_create(
            actor=None,
            plan=plan,
            capability=Capability.objects.get(framework__code="MNR-2016", number=spec.capability),
            title=spec.title,
            description=spec.description,
            lead_agency=lead,
            supporting_agencies=sorted(supporting, key=lambda a: a.pk),
            inspire_strategies=[strategies[n] for n in spec.inspire],
            indicators=[
                {**ind, "means_of_verification": "Agency records"} for ind in spec.indicators
            ],
            start_date=start,
            due_date=_add_months(start, spec.months),
            estimated_cost=Decimal(spec.cost_usd) * rate,
            currency=currency,
            funding_source="National budget and development partners",
            status=spec.status,
            progress=spec.progress,
            kind=spec.kind,
            delivery=spec.delivery,
            is_internal=spec.internal,
            internal_notes=spec.internal_notes,
            budget_visibility=Commitment.BudgetVisibility.PUBLIC
            if spec.budget_public
            else Commitment.BudgetVisibility.INTERNAL,
            publish=True,
        )
        if spec.draft:
            services.commitment_save_draft(actor=None, commitment=commitment, **spec.draft)
    _terminology_demo_draft(plan)
    _submit_for_review(plan)
    return plan


# A draft worded as a reviewer would send it back, so that after `make run` ke-police (or
# ke-reviewer) opens it and sees the terminology warning; it cannot be submitted as is.
TERMINOLOGY_DEMO_DRAFTS = {
    "ke": (
        "Train investigators in online investigations and victim identification",
        "In-person and e-learning courses for child-protection and cybercrime investigators, "
        "including how to identify victims in seized child pornography.",
    ),
}


def _terminology_demo_draft(plan) -> None:
    title, description = TERMINOLOGY_DEMO_DRAFTS.get(plan.country.code, (None, None))
    commitment = plan.commitments.filter(title=title).first() if title else None
    if commitment is None:
        return
    if commitment.get_latest_revision_as_object().description == description:
        return  # loaded before: load_demo stays idempotent
    services.commitment_save_draft(actor=None, commitment=commitment, description=description)


# One draft per country waits for review, so the review journey can be tried at once:
# the helpline's 24/7 commitment, submitted by the helpline's drafter.
AWAITING_REVIEW_TITLE = "Answer the child helpline around the clock by phone, chat and messaging"


def _submit_for_review(plan) -> None:
    from django.contrib.auth import get_user_model

    commitment = plan.commitments.filter(title=AWAITING_REVIEW_TITLE).first()
    submitter = get_user_model().objects.filter(username=f"{plan.country.code}-helpline").first()
    if commitment is None or submitter is None or commitment.workflow_states.exists():
        return
    workflow = commitment.get_workflow()
    if workflow is not None:
        workflow.start(commitment, submitter)


def _key_for(agency: Agency) -> str:
    for country in COUNTRIES:
        if country.code == agency.country.code:
            for spec in country.agencies:
                if spec.name == agency.name:
                    return spec.key
    return agency.name


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)
