"""Demo national plans: one published plan per country, built from `demo/content/<cc>.py`.

The content is illustrative, in the agreed (Luxembourg Guidelines) terminology, and makes
no claim about any government's real commitments. Dates follow the day of loading.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from plans import services
from plans.models import (
    Capability,
    Commitment,
    Dimension,
    Frequency,
    InspireStrategy,
    Level,
    MaturityLevel,
    NationalPlanPage,
)
from stakeholders.models import Agency, Membership

from . import content
from .content import text
from .countries import COUNTRIES
from .funding import demo_funding_lines
from .progress import people_to_train
from .results import add_demo_results_chain

# Countries whose commitments are approved by the head of the lead agency first.
HEADS_APPROVE_FIRST = {"tz"}


def _capability(number: int) -> Capability:
    return Capability.objects.get(framework__code="MNR-2016", number=number)


def _plan(country, spec: content.PlanContent, language: str) -> NationalPlanPage:
    """The plan page in its original language, under that language's /plans/ (its
    English translation is `demo.translations`' work)."""
    start, end = spec.period
    plan = (
        NationalPlanPage.objects.originals()
        .filter(country=country, period_start=start, period_end=end)
        .first()
    )
    if plan is not None:
        return plan
    levels = {level.order: level for level in MaturityLevel.objects.all()}
    return services.plan_add(
        actor=None,
        country=country,
        title=text(spec.title, language),
        slug=f"{country.code}-{start}-{end}",
        period_start=start,
        period_end=end,
        sections=[
            {
                "capability": _capability(section.capability),
                "objective": text(section.objective, language),
                "baseline_finding": text(section.baseline, language),
                "baseline_level": levels.get(section.levels[0]),
                "target_level": levels.get(section.levels[1]),
                "baseline_sources": text(spec.baseline_sources, language),
            }
            for section in spec.sections
        ],
        publish=True,
        plan_status=NationalPlanPage.PlanStatus.ADOPTED,
        summary=text(spec.summary, language),
        vision=text(spec.vision, language),
        situation_analysis=text(spec.situation, language),
        coordination_body=text(spec.coordination, language),
        monitoring_evaluation=text(spec.monitoring, language),
    )


def _english(item: content.Item, spec: content.PlanContent, language: str) -> list[dict]:
    """The commitment's English translation, published with it, when it is written in
    another language."""
    if language == "en":
        return []
    return [
        {
            "language_code": "en",
            "title": text(item.title, "en"),
            "description": text(item.description, "en"),
            "funding_source": text(spec.funding_source, "en"),
        }
    ]


def _english_indicators(item: content.Item, language: str) -> list[dict]:
    """Its indicators' English names, published with it, when written in another language."""
    if language == "en":
        return []
    return [
        {"indicator": position, "language_code": "en", "name": text(ind.name, "en")}
        for position, ind in enumerate(item.indicators)
    ]


# Figures about people trained are broken down by sex; shares are outcomes; the rest are
# what the agencies deliver (outputs). Illustrative, like every figure of the demo.
PEOPLE_UNITS = {"officers", "people"}


def _indicator(ind: content.Indicator, entry: content.Dated, language: str) -> dict:
    """An indicator as a monitoring officer records it: its level, baseline year (the year
    before the commitment starts), quarterly collection, and a target for each year of
    the commitment, evenly from the baseline to the end target in its last year."""
    first, last = entry.start.year, entry.due.year
    years = range(first, last + 1)
    step = Decimal(ind.target - ind.baseline) / len(years)
    return {
        "name": text(ind.name, language),
        "level": Level.OUTCOME if ind.unit == "%" else Level.OUTPUT,
        "unit": ind.unit,
        "baseline": ind.baseline,
        "baseline_year": first - 1,
        "target": ind.target,
        "means_of_verification": "Agency records",
        "data_source": "Agency records",
        "frequency": Frequency.QUARTERLY,
        "disaggregation": [Dimension.SEX] if ind.unit in PEOPLE_UNITS else [],
        "targets": [
            {"year": year, "value": (ind.baseline + step * (n + 1)).quantize(Decimal("1"))}
            for n, year in enumerate(years)
        ],
    }


def _funding(spec: content.PlanContent, entry: content.Dated, index: int) -> list[dict]:
    """The country's split of secured and pledged money, varied a little per commitment."""
    if entry.item.cost is None:
        return []
    step = Decimal("0.05") * (index % 3 - 1)
    secured = max(Decimal("0.1"), Decimal(spec.funding.secured) + step)
    pledged = min(Decimal(spec.funding.pledged), Decimal("0.95") - secured)
    return demo_funding_lines(
        cost=Decimal(entry.item.cost),
        first_year=entry.start.year,
        last_year=entry.due.year,
        partner=spec.funding.partner,
        secured_share=secured,
        pledged_share=pledged,
        years=spec.funding.years,
    )


def _focal_people(country) -> dict:
    """Per agency with accounts: its drafter as focal person and its head (Tanzania's
    agencies have one) as deputy, as a coordinator would name them."""
    people = {}
    for membership in Membership.objects.filter(
        agency__country=country, role__in=(Membership.Role.DRAFTER, Membership.Role.HEAD)
    ).order_by("pk"):
        focal, deputy = people.get(membership.agency_id, (None, None))
        if membership.role == Membership.Role.DRAFTER and focal is None:
            focal = membership
        elif membership.role == Membership.Role.HEAD and deputy is None:
            deputy = membership
        people[membership.agency_id] = (focal, deputy)
    return people


@transaction.atomic
def load_country_plan(country, *, today: datetime.date | None = None) -> NationalPlanPage:
    today = today or datetime.date.today()
    spec = content.plan_content(country.code)
    content.check(spec, today)
    language = content.build_language(country.code)
    services.country_review_setup(
        country=country, agency_heads_first=country.code in HEADS_APPROVE_FIRST
    )
    plan = _plan(country, spec, language)
    outputs = add_demo_results_chain(plan, language)
    agencies = {_key_for(a): a for a in country.agencies.all()}
    existing = set(plan.commitments.values_list("title", flat=True))
    strategies = {s.number: s for s in InspireStrategy.objects.all()}
    people = _focal_people(country)
    for index, item in enumerate(spec.commitments):
        title = text(item.title, language)
        if title in existing or (item.draft and item.draft.get("title") in existing):
            continue
        entry = content.dated(spec, item, today)
        lead = agencies[item.lead]
        supporting = {agencies[key] for key in item.supporting} - {lead}
        focal, deputy = people.get(lead.pk, (None, None))
        if focal is None:
            focal, deputy = deputy, None
        focal_people = {"focal_person": focal, "focal_deputy": deputy}
        commitment = services.commitment_create(
            actor=None,
            plan=plan,
            capability=_capability(item.capability),
            output=outputs.get(_capability(item.capability).pk),
            title=title,
            description=text(item.description, language),
            lead_agency=lead,
            supporting_agencies=sorted(supporting, key=lambda a: a.pk),
            inspire_strategies=[strategies[n] for n in item.inspire],
            indicators=[
                {**_indicator(ind, entry, language), **focal_people} for ind in item.indicators
            ],
            **focal_people,
            funding_lines=_funding(spec, entry, index),
            start_date=entry.start,
            due_date=entry.due,
            estimated_cost=None if item.cost is None else Decimal(item.cost),
            currency=spec.currency,
            funding_source=text(spec.funding_source, language),
            status=entry.status,
            progress=entry.progress,
            kind=item.kind,
            delivery=item.delivery,
            training_targets=people_to_train(item, item.months) if item.kind == "training" else [],
            is_internal=item.internal,
            internal_notes=item.internal_notes,
            budget_visibility=Commitment.BudgetVisibility.PUBLIC
            if item.budget_public
            else Commitment.BudgetVisibility.INTERNAL,
            translations=_english(item, spec, language),
            indicator_translations=_english_indicators(item, language),
            publish=True,
        )
        if item.draft:
            services.commitment_save_draft(actor=None, commitment=commitment, **item.draft)
    _terminology_demo_draft(plan)
    waiting = next(c for c in spec.commitments if c.title["en"] == spec.awaiting_review)
    _submit_for_review(plan, text(waiting.title, language))
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


def _submit_for_review(plan, title: str) -> None:
    """One draft per country waits for review, so the review journey can be tried at
    once: a helpline commitment, submitted by the helpline's drafter."""
    from django.contrib.auth import get_user_model

    commitment = plan.commitments.filter(title=title).first()
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
