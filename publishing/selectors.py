"""What the public site reads: plans, their commitments with progress, and the figures.

Every read starts from `plans.selectors.published_plans()` and
`plans.selectors.public_commitment_rows()`, the one place that says what the public may
see; nothing here writes.
"""

from collections import OrderedDict

from django.db.models import Avg, Count, Exists, Max, OuterRef, Prefetch, Q, Subquery
from wagtail.models import Locale

from home.i18n import in_default_locale, original_version
from plans.models import (
    AssessmentStatus,
    Audience,
    Capability,
    Commitment,
    CommitmentIndicator,
    Domain,
    Finding,
    FundingLine,
    IndicatorTarget,
    LegislativeAssessment,
    LegislativeCriterion,
    MaturityLevel,
    NationalPlanPage,
    PendingBill,
    PlanCapabilitySection,
    PlanOutcome,
    TrainingTarget,
)
from plans.selectors import (
    UNSETTLED,
    consultation_comments_prefetch,
    consultation_counts,
    consultation_groups,
    public_budget_rows,
    public_commitment_rows,
    public_consultation_rounds,
    public_finding_rows,
    public_legislative_review_rows,
    published_plans,
)
from stakeholders.models import Agency
from tracking import funding
from tracking import selectors as tracking
from tracking.maturity import estimate
from tracking.models import IndicatorMeasurement, ProgressUpdate, Training

from . import charts, figures
from .history import public_history
from .paging import page_of


def indicators_with_latest_value():
    """Indicators, each with the latest value from a published progress update.

    One subquery in the database, so a plan's query count does not grow with its size.
    """
    latest = IndicatorMeasurement.objects.filter(
        indicator=OuterRef("pk"), update__published_at__isnull=False
    ).order_by("-measured_on", "-pk")
    return (
        CommitmentIndicator.objects.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_measured_on=Subquery(latest.values("measured_on")[:1]),
        )
        .prefetch_related("translations")
        .order_by("sort_order", "pk")
    )


def published_plans_in_language(plans=None):
    """Each published plan once: its live translation in the active language, else as
    written (the original, in its country's language).

    Given plans (e.g. annotated with progress), their figures carry over to the translation.
    """
    plans = list(published_plans() if plans is None else plans)
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return plans
    wanted = [plan.translation_key for plan in plans if plan.locale_id != locale.pk]
    if not wanted:
        return plans
    translations = {
        page.translation_key: page
        for page in NationalPlanPage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=wanted)
        .select_related("country", "locale")
    }
    localized = []
    for plan in plans:
        translation = translations.get(plan.translation_key)
        if translation is not None:
            for name in PROGRESS_FIGURES:
                if hasattr(plan, name):
                    setattr(translation, name, getattr(plan, name))
        localized.append(translation or plan)
    return localized


def live_plan_translations(plans):
    """The live, public translations of these plans (originals), by translation key, in
    language order: one query, however many plans. Never drafts, never aliases."""
    plans = list(plans)
    versions = (
        NationalPlanPage.objects.live()
        .public()
        .filter(
            translation_key__in={plan.translation_key for plan in plans},
            alias_of__isnull=True,
        )
        .exclude(pk__in=[plan.pk for plan in plans])
        .select_related("locale")
        .order_by("locale__language_code")
    )
    found = {}
    for version in versions:
        found.setdefault(version.translation_key, []).append(version)
    return found


def live_translations_of(plan) -> list:
    """The published translations of one plan, beside the original it was translated
    from (`plan` may be either), in language order."""
    original = original_version(plan)
    return live_plan_translations([original]).get(original.translation_key, [])


# The plan page's status filter takes a commitment status or this: past due, still open.
OVERDUE = "overdue"


def _plan_rows(plan):
    # Commitments belong to the English plan; a translated plan page shows those.
    return public_commitment_rows().filter(plan=in_default_locale(plan))


def weighted_progress(pairs) -> int | None:
    """The mean of (progress, weight) pairs, ignoring those with no progress; None when
    nothing below has any, so an empty output never reads as 0 %."""
    pairs = [(progress, weight) for progress, weight in pairs if progress is not None]
    total = sum(weight for _progress, weight in pairs)
    if not total:
        return None
    return round(sum(progress * weight for progress, weight in pairs) / total)


def public_results_chain(*, plan, on=None) -> dict:
    """The plan's goal, outcomes and outputs with the public commitments under each, and
    progress rolled up along the chain: an output is the mean of its commitments (dropped
    ones left out), an outcome and the goal the weighted means of the level below.
    Commitments that name no output are `unassigned`. A fixed number of queries."""
    original = in_default_locale(plan)
    outcomes = list(
        PlanOutcome.objects.filter(plan=original)
        .select_related("capability")
        .prefetch_related("indicators", "outputs")
        .order_by("sort_order", "pk")
    )
    result = {
        "goal": plan.goal,  # the page's own: a translation translates its goal
        "language": original.locale.language_code,
        "outcomes": [],
        "progress": None,
        "unassigned": [],
    }
    if not outcomes:  # most plans before their results framework: no commitment read
        return result
    commitments = list(
        tracking.with_lateness(_plan_rows(plan), on=on or tracking.today())
        .select_related("lead_agency", "plan__locale")
        .prefetch_related("translations")
        .order_by("due_date", "title")
    )
    by_output = {}
    for commitment in commitments:
        by_output.setdefault(commitment.output_id, []).append(commitment)
    dropped = Commitment.Status.DROPPED
    chain = []
    for outcome in outcomes:
        outputs = []
        for output in outcome.outputs.all():
            under = by_output.pop(output.pk, [])
            progress = weighted_progress((c.progress, 1) for c in under if c.status != dropped)
            outputs.append({"output": output, "commitments": under, "progress": progress})
        chain.append(
            {
                "outcome": outcome,
                "indicators": list(outcome.indicators.all()),
                "outputs": outputs,
                "progress": weighted_progress(
                    (row["progress"], row["output"].weight) for row in outputs
                ),
            }
        )
    result["outcomes"] = chain
    result["progress"] = weighted_progress(
        (row["progress"], row["outcome"].weight) for row in chain
    )
    result["unassigned"] = [c for cs in by_output.values() for c in cs]
    return result


def indicators_with_series():
    """Indicators with their latest value, their yearly targets and `public_measurements`
    (from published progress updates only, with their break-down): what an indicator's
    chart and the exports need. Three queries more, however many there are."""
    return indicators_with_latest_value().prefetch_related(
        "reporting_agency",
        Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
        Prefetch(
            "measurements",
            queryset=tracking.published_measurements(),
            to_attr="public_measurements",
        ),
    )


def with_public_details(queryset, *, on=None, series=False):
    """What the public pages and exports show of each commitment: its agencies, capability,
    indicators with their latest values, and its lateness on `on` (default today):
    `is_overdue`, `is_stale`, `last_published_update` (tracking.selectors), and its
    funding figures and lines (`tracking.funding.with_funding`; shown only where
    `budget_is_public`). With `series`, each indicator's yearly targets and published
    measurements too (`indicators_with_series`)."""
    indicators = indicators_with_series() if series else indicators_with_latest_value()
    return (
        funding.with_funding(tracking.with_lateness(queryset, on=on or tracking.today()))
        .select_related("lead_agency", "capability__domain", "plan__locale")
        .prefetch_related(
            "supporting_agencies",
            "translations",
            "inspire_strategies",
            Prefetch("indicators", queryset=indicators),
            Prefetch("funding_lines", queryset=FundingLine.objects.order_by("year", "sort_order")),
            Prefetch("training_targets", queryset=TrainingTarget.objects.order_by("audience")),
            public_findings_prefetch(),
        )
        .order_by("capability__number", "title")
    )


def public_trainings(*, commitments):
    """The trainings of the published progress updates of these public commitments, with
    their participant counts and `public_findings` (the published findings they answer).
    A draft's, a submitted or a returned update's trainings are never here."""
    return tracking.published_trainings(commitments=commitments).prefetch_related(
        public_findings_prefetch()
    )


def public_trainings_by_commitment(commitments) -> dict:
    """`{commitment_id: [trainings]}` for these (already read) public commitments: three
    queries, however many."""
    by_commitment = {}
    ids = [c.pk for c in commitments if c.kind == Commitment.Kind.TRAINING]
    if not ids:
        return by_commitment
    for training in public_trainings(commitments=ids):
        by_commitment.setdefault(training.update.commitment_id, []).append(training)
    return by_commitment


def trained_against_targets(commitment, trainings) -> list[dict]:
    """Per audience of a training commitment: the people to train (its live targets) and
    the people trained (the sum of its published trainings), targets' audiences first."""
    trained = {}
    for training in trainings:
        for audience, people in training.audience_counts.items():
            trained[audience] = trained.get(audience, 0) + people
    targets = {t.audience: t.people for t in commitment.training_targets.all()}
    return audience_rows(targets, trained)


def plan_trained_against_targets(*, plan) -> list[dict]:
    """The plan's people trained per audience (published trainings of its public
    commitments) against its people to train: two queries."""
    plan = in_default_locale(plan)
    public = _plan_rows(plan)
    targets = tracking.targets_by_plan_and_audience(commitments=public)
    trained = tracking.people_trained_by_plan_and_audience(commitments=public)
    return audience_rows(
        {audience: people for (_plan, audience), people in targets.items()},
        {audience: people for (_plan, audience), people in trained.items()},
    )


def audience_rows(targets: dict, trained: dict) -> list[dict]:
    """`[{audience, label, target, trained, percent}]` in the order of the audiences."""
    rows = []
    for audience, label in Audience.choices:
        if audience not in targets and audience not in trained:
            continue
        target, people = targets.get(audience), trained.get(audience, 0)
        rows.append(
            {
                "audience": audience,
                "label": label,
                "target": target,
                "trained": people,
                "percent": round(people * 100 / target) if target else None,
            }
        )
    return rows


def public_findings_prefetch():
    """Each commitment's `public_findings`: the published findings it answers."""
    return Prefetch(
        "findings",
        queryset=public_finding_rows().only("pk", "title", "country_id").order_by("pk"),
        to_attr="public_findings",
    )


def public_commitments(*, plan, on=None, series=False):
    """The live version of each published commitment of a plan, with what the public sees
    of it (`with_public_details`)."""
    return with_public_details(_plan_rows(plan), on=on, series=series)


def matching_commitments(*, plan, capability=None, agency=None, status=None, on=None):
    """The plan's public commitments that match the plan page's filters (a capability
    number, an agency id leading or supporting, a status or `OVERDUE`); no details."""
    commitments = _plan_rows(plan)
    if capability:
        commitments = commitments.filter(capability__number=capability)
    if agency:
        commitments = commitments.filter(
            pk__in=_plan_rows(plan).filter(
                Q(lead_agency_id=agency) | Q(supporting_agencies__id=agency)
            )
        )
    if status == OVERDUE:
        commitments = commitments.filter(tracking.overdue_q(on=on or tracking.today()))
    elif status:
        commitments = commitments.filter(status=status)
    return commitments


def indicator_rows(commitment):
    """Baseline, target, latest value and share of the way for each indicator; with
    `indicators_with_series`, its `series` too: each year's figure against that year's
    target (`tracking.selectors.actual_against_target`, published measurements only)."""
    rows = []
    for indicator in commitment.indicators.all():
        measured = getattr(indicator, "public_measurements", None)
        latest = getattr(indicator, "latest_value", None)
        percent = (
            tracking.percent_of_target(indicator.baseline, indicator.target, latest)
            if latest is not None
            else None
        )
        rows.append(
            {
                "indicator": indicator,
                "latest": latest,
                "measured_on": getattr(indicator, "latest_measured_on", None),
                "percent": percent,
                "series": tracking.actual_against_target(indicator, measured)
                if measured is not None
                else None,
            }
        )
    return rows


# The public plan page shows this many commitments at a time, so that its cost does not
# grow with the plan (the PDF and the exports still hold every commitment).
PLAN_PAGE_COMMITMENTS = 50


def plan_public_structure(
    *,
    plan,
    capability=None,
    agency=None,
    status=None,
    page=None,
    per_page=None,
    on=None,
    series=False,
):
    """Domains -> capability sections -> live commitments, for the public plan page.

    The optional filters (`matching_commitments`) narrow the commitments shown. Without
    a filter every section of the plan is there, with or without commitments; with one,
    only the sections that have a matching commitment (a section with none matching is
    not "without commitments", so it is not shown at all).

    With `page`, only that page of `per_page` commitments (in capability order) is read,
    with the sections they fall in (a section without commitments stays where it falls
    in capability order); returns `(domains, pagination)`, pagination being None when
    the page does not exist. Without `page`, every commitment (the PDF): `domains` only.
    `series`: each indicator's figures against its yearly targets too (`indicator_rows`).
    """
    filtered = bool(capability or agency or status)
    commitments = matching_commitments(
        plan=plan, capability=capability, agency=agency, status=status, on=on
    )
    sections = list(
        PlanCapabilitySection.objects.filter(plan=plan)
        .select_related("capability__domain", "baseline_level", "target_level")
        .order_by("capability__number")
    )
    # Commitments under no section of the plan are never shown: leave them out of pages.
    commitments = commitments.filter(capability_id__in=[s.capability_id for s in sections])
    pagination = None
    if page is not None:
        pagination = _paginate(
            commitments, sections, page, per_page or PLAN_PAGE_COMMITMENTS, filtered=filtered
        )
        if pagination is None:
            return [], None
        shown = with_public_details(commitments, on=on, series=series)
        shown = shown[pagination["offset"] : pagination["offset"] + pagination["size"]]
        sections = [s for s in sections if s.capability_id in pagination["capabilities"]]
    else:
        shown = with_public_details(commitments, on=on, series=series)
    commitments_by_capability = {}
    for commitment in shown:
        commitment.indicator_rows = indicator_rows(commitment)
        commitments_by_capability.setdefault(commitment.capability_id, []).append(commitment)
    if filtered and page is None:
        sections = [s for s in sections if s.capability_id in commitments_by_capability]
    domains = OrderedDict()
    for section in sections:
        domain = section.capability.domain
        entry = domains.setdefault(domain.pk, {"domain": domain, "sections": []})
        section.public_commitments = commitments_by_capability.get(section.capability_id, [])
        entry["sections"].append(section)
    domains = list(domains.values())
    return domains if page is None else (domains, pagination)


def _paginate(commitments, sections, number, per_page, *, filtered=False):
    """Which commitments and sections page `number` shows: one query, counts by capability.

    Commitments are ordered by capability number, so each section holds a run of them: a
    section is shown on every page its run touches; an empty one (only when nothing is
    filtered) on the page where it falls in capability order.
    """
    counts = dict(
        commitments.order_by()
        .values("capability_id")
        .annotate(n=Count("pk", distinct=True))
        .values_list("capability_id", "n")
    )
    if filtered:
        sections = [s for s in sections if counts.get(s.capability_id)]
    total = sum(counts.values())
    pages = max(1, -(-total // per_page))
    if not 1 <= number <= pages:
        return None
    first, last = (number - 1) * per_page, min(number * per_page, total) - 1
    capabilities, position = set(), 0
    for section in sections:
        count = counts.get(section.capability_id, 0)
        if count:
            if position <= last and position + count - 1 >= first:
                capabilities.add(section.capability_id)
        elif first <= position <= last or (position == total and number == pages):
            capabilities.add(section.capability_id)
        position += count
    return {
        "number": number,
        "pages": pages,
        "count": total,
        "offset": first,
        "size": per_page,
        "first": first + 1 if total else 0,
        "last": last + 1,
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < pages else None,
        "page_range": range(1, pages + 1),
        "capabilities": capabilities,
    }


def status_summary(*, plan, on=None):
    """The plan's public commitments by status, and how many are overdue or stale: the
    figures of the picture at the top of the plan page (and of the PDF). One query."""
    on = on or tracking.today()
    statuses = Commitment.Status
    counts = tracking.with_last_update(_plan_rows(plan)).aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=tracking.overdue_q(on=on)),
        stale=Count("pk", filter=tracking.stale_q(on=on)),
        **{value: Count("pk", filter=Q(status=value)) for value in statuses.values},
    )
    return {
        "total": counts["total"],
        "overdue": counts["overdue"],
        "stale": counts["stale"],
        "statuses": [
            {"status": value, "label": label, "count": counts[value]}
            for value, label in statuses.choices
        ],
    }


def timeline_rows(*, plan, on=None):
    """Per MNR domain of the plan: each public commitment's start and due date, status and
    whether it is overdue, for the timeline picture. One query, however many there are."""
    on = on or tracking.today()
    rows = OrderedDict()
    for values in (
        tracking.with_lateness(_plan_rows(plan), on=on)
        .order_by("capability__domain__number", "due_date", "start_date", "pk")
        .values(
            "pk",
            "title",
            "start_date",
            "due_date",
            "status",
            "is_overdue",
            "capability__domain__number",
            "capability__domain__name",
            "capability__domain__translations",
        )
    ):
        number = values["capability__domain__number"]
        if number not in rows:
            # The domain's name in the visitor's language (the row carries its translations).
            domain = Domain(
                name=values["capability__domain__name"],
                translations=values["capability__domain__translations"],
            )
            rows[number] = {"number": number, "name": domain.display_name, "items": []}
        row = rows[number]
        row["items"].append(values)
    return list(rows.values())


def capability_map(*, plan):
    """All six MNR domains and 21 capabilities: which the plan covers, and how far it got.

    Progress is the average of the plan's live commitments under each capability; each
    covered capability also has its baseline, target and estimated current maturity level
    (`tracking.maturity`).
    """
    sections = {
        section.capability_id: section
        for section in PlanCapabilitySection.objects.filter(plan=plan).select_related(
            "baseline_level", "target_level"
        )
    }
    levels = list(MaturityLevel.objects.all())
    progress = {
        row["capability_id"]: row
        for row in public_commitment_rows()
        .filter(plan=in_default_locale(plan))
        .values("capability_id")
        .annotate(count=Count("pk"), average=Avg("progress"))
    }
    domains = []
    for domain in Domain.objects.filter(framework__code="MNR-2016").prefetch_related(
        Prefetch("capabilities", queryset=Capability.objects.order_by("number"))
    ):
        capabilities = []
        for capability in domain.capabilities.all():
            row = progress.get(capability.pk, {})
            section = sections.get(capability.pk)
            average = round(row["average"]) if row.get("average") is not None else None
            capabilities.append(
                {
                    "capability": capability,
                    "covered": section is not None,
                    "section": section,
                    "maturity": estimate(
                        baseline=section.baseline_level,
                        target=section.target_level,
                        progress=average,
                        levels=levels,
                    )
                    if section is not None
                    else None,
                    "count": row.get("count", 0),
                    "average": average,
                    "shade": charts.progress_shade(average),
                }
            )
        domains.append({"domain": domain, "capabilities": capabilities})
    return domains


def public_funding(*, plan):
    """The donor view: cost, secured, pledged and gap of the plan's public commitments
    whose budget is public, by capability and in total (`tracking.funding`). Two queries.
    """
    rows = public_budget_rows().filter(plan=in_default_locale(plan))
    return funding.funding_rollup(rows, currency=funding.plan_currency(plan))


def public_commitment_funding(commitment, *, currency: str = ""):
    """What the public sees of one commitment's funding (from `public_commitments`), or
    None when its budget is internal. `currency`: the plan's, for a commitment without."""
    if not commitment.budget_is_public:
        return None
    figures = funding.commitment_funding(commitment)
    figures["state"] = funding.funding_state(figures)
    figures["currency"] = commitment.currency or currency
    figures["lines"] = list(commitment.funding_lines.all())
    return figures


def public_commitment_detail(*, plan, commitment_id):
    """A live commitment of a plan with its published updates (newest first), indicator
    progress and public change history."""
    commitment = public_commitments(plan=plan, series=True).filter(pk=commitment_id).first()
    if commitment is None:
        return None
    trainings = public_trainings_by_commitment([commitment]).get(commitment.pk, [])
    return {
        "commitment": commitment,
        "trainings": trainings,
        "trained": trained_against_targets(commitment, trainings)
        if commitment.kind == Commitment.Kind.TRAINING
        else [],
        "updates": list(tracking.published_updates(commitment=commitment, newest_first=True)),
        "indicators": indicator_rows(commitment),
        "funding": public_commitment_funding(commitment, currency=funding.plan_currency(plan)),
        "history": public_history(commitment),
    }


PROGRESS_FIGURES = (
    "commitment_count",
    "average_progress",
    "completed_count",
    "on_track_count",
    "behind_count",
    "overdue_count",
)


def with_progress(plans, *, on=None) -> list:
    """These published plans (originals), each with its public commitments' count,
    average progress and how many are completed, on track, behind (at risk or delayed) or
    overdue (`PROGRESS_FIGURES`), from their stored figures (`publishing.figures`)."""
    plans = list(plans)
    _set_progress(plans, figures.for_plans(plans, on=on, details=False))
    return plans


def _set_progress(plans, stored) -> None:
    for plan in plans:
        row = stored[plan.pk]
        for name in figures.COUNTS:
            setattr(plan, name, getattr(row, name))
        plan.average_progress = figures.average_progress(row)


# Plans per page of /plans/: at 150 countries a page of every plan's figures grew with the
# network (`make bench-network`); the home page still links every plan, without figures.
PLANS_PAGE_SIZE = 20


def public_overview():
    """The home page: every published plan (in the visitor's language), and the totals
    across them, the plans' stored figures added up (not a pass over their commitments)."""
    english = list(published_plans())
    stored = figures.for_plans(english, details=False)
    totals = figures.network_totals(stored.values())
    totals["plans"] = len(english)
    totals["countries"] = len({p.country_id for p in english})
    return {"plans": published_plans_in_language(english), "totals": totals}


def public_plan_index(*, page: int, per_page=None):
    """`/plans/`: page `page` of the published plans, each with its figures (stored), and
    where that page is (`paging.page_of`)."""
    english, pages = page_of(
        list(published_plans()), number=page, per_page=per_page or PLANS_PAGE_SIZE
    )
    with_progress(english)
    plans = published_plans_in_language(english)
    for plan in plans:
        plan.average_progress = (
            round(plan.average_progress) if plan.average_progress is not None else None
        )
    return {"plans": plans, "pages": pages}


# --- The described read API (publishing/api): the same rules, across every plan ---------


def public_commitments_everywhere():
    """The commitments the public may see (`public_commitment_rows`) in every published
    plan (`published_plans`): a commitment of an unpublished or view-restricted plan is
    as hidden as the plan. No details; `with_public_details` adds what the pages show.

    The plans are read first, as ids (one query; a plan a country or a few): inside the
    query, the "original of its translations" rule is correlated subqueries PostgreSQL
    cannot estimate, it took every network for one plan and, on an API list's first page,
    joined all 600,000 progress updates of 150 countries before keeping the first 50
    (1.2 s, against 1 ms once it knows how many plans are published)."""
    plan_ids = list(published_plans().order_by().values_list("pk", flat=True))
    return public_commitment_rows().filter(plan_id__in=plan_ids)


def plan_sections_prefetch():
    """A plan's capability sections, in capability order, with their levels."""
    return Prefetch(
        "capability_sections",
        queryset=PlanCapabilitySection.objects.select_related(
            "capability", "baseline_level", "target_level"
        ).order_by("capability__number"),
    )


def commitments_matching(
    commitments,
    *,
    country=None,
    capability=None,
    plan=None,
    status=None,
    overdue=None,
    updated_since=None,
    on=None,
):
    """Narrow public commitments as the API's filters say: a country code, an MNR
    capability number, a plan id, a status or `OVERDUE` (as on the plan page), overdue
    or not (`tracking.overdue_q`), and changed since a moment: published again, or a
    progress update on it published since."""
    on = on or tracking.today()
    if country:
        commitments = commitments.filter(plan__country__code=country.lower())
    if capability is not None:
        commitments = commitments.filter(capability__number=capability)
    if plan is not None:
        commitments = commitments.filter(plan_id=plan)
    if status == OVERDUE:
        commitments = commitments.filter(tracking.overdue_q(on=on))
    elif status:
        commitments = commitments.filter(status=status)
    if overdue is True:
        commitments = commitments.filter(tracking.overdue_q(on=on))
    elif overdue is False:
        commitments = commitments.exclude(tracking.overdue_q(on=on))
    if updated_since is not None:
        commitments = commitments.filter(
            Q(last_published_at__gte=updated_since)
            | tracking.published_update_exists_since(since=updated_since)
        )
    return commitments


def plans_matching(plans, *, country=None, status=None, updated_since=None):
    """Narrow published plans by country code, plan status, and published since."""
    if country:
        plans = plans.filter(country__code=country.lower())
    if status:
        plans = plans.filter(plan_status=status)
    if updated_since is not None:
        plans = plans.filter(last_published_at__gte=updated_since)
    return plans


def public_indicators(*, commitments):
    """The indicators of these public commitments, each with its latest published value
    and its measurements from published progress updates only (oldest first)."""
    return (
        indicators_with_latest_value()
        .filter(commitment__in=commitments)
        .select_related("commitment")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=IndicatorMeasurement.objects.filter(
                    update__in=tracking.published_updates_of(commitments=commitments)
                ).order_by("measured_on", "pk"),
            )
        )
    )


def indicators_changed_since(indicators, *, since):
    """Indicators whose commitment was published, or that got a published measurement,
    at or after `since`."""
    measured = tracking.published_updates_of(commitments=public_commitment_rows()).filter(
        Q(published_at__gte=since) | Q(updated_at__gte=since)
    )
    return indicators.filter(
        Q(commitment__last_published_at__gte=since)
        | Q(pk__in=IndicatorMeasurement.objects.filter(update__in=measured).values("indicator"))
    )


def public_progress_updates(*, commitments):
    """The published progress updates of these public commitments, with the reporting
    agency, the indicator measurements and the trainings they report."""
    return (
        tracking.published_updates_of(commitments=commitments)
        .select_related("agency")
        .prefetch_related(
            Prefetch("measurements", queryset=IndicatorMeasurement.objects.order_by("pk")),
            Prefetch(
                "trainings",
                queryset=Training.objects.order_by("starts_on", "pk").prefetch_related(
                    "participants", "findings"
                ),
            ),
        )
    )


def updates_changed_since(updates, *, since):
    return updates.filter(Q(published_at__gte=since) | Q(updated_at__gte=since))


def plan_last_updated(*, plan):
    """When anything the public sees of this plan last changed: the plan, one of its public
    commitments, or a published progress update on one of them."""
    public = public_commitment_rows().filter(plan=in_default_locale(plan))
    dates = [
        plan.last_published_at,
        public.aggregate(at=Max("last_published_at"))["at"],
        ProgressUpdate.objects.filter(commitment__in=public, published_at__isnull=False).aggregate(
            at=Max("published_at")
        )["at"],
    ]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def public_findings_everywhere():
    """Published findings of every country with a published plan, each with `answered`
    (a public commitment of a published plan answers it) and `public_commitments`."""
    commitments = public_commitments_everywhere()
    countries = published_plans().values("country")
    return (
        public_finding_rows()
        .filter(country__in=countries)
        .annotate(answered=Exists(commitments.filter(findings=OuterRef("pk"))))
        .select_related("country")
        .prefetch_related(
            Prefetch("capabilities", queryset=Capability.objects.order_by("number")),
            Prefetch(
                "commitments",
                queryset=commitments.only("pk", "plan_id").order_by("pk"),
                to_attr="public_commitments",
            ),
        )
    )


def findings_matching(findings, *, country=None, capability=None, status=None):
    """Narrow public findings by country code, MNR capability number and the status the
    public sees (`open` and `answered` are computed from the commitments that answer)."""
    if country:
        findings = findings.filter(country__code=country.lower())
    if capability is not None:
        findings = findings.filter(
            pk__in=Finding.objects.filter(capabilities__number=capability).values("pk")
        )
    if status == Finding.Status.OPEN:
        findings = findings.filter(status__in=UNSETTLED, answered=False)
    elif status == Finding.Status.ANSWERED:
        findings = findings.filter(status__in=UNSETTLED, answered=True)
    elif status:
        findings = findings.filter(status=status)
    return findings


# --- The legislative review ------------------------------------------------------------

# What each status looks like beside its words (a filled, half-filled or empty circle),
# so it reads without colour too.
LEGISLATIVE_STATUS_SYMBOLS = {"met": "●", "partly": "◐", "not_met": "○", "not_assessed": "–"}


def public_legislative_reviews(country_ids) -> dict:
    """The published reviews of these countries by country id, each with its assessments
    (`assessments.all()`, in the checklist's order, criteria joined) and its pending bills
    (their criteria prefetched). Four queries, however many countries."""
    reviews = (
        public_legislative_review_rows()
        .filter(country_id__in=list(country_ids))
        .prefetch_related(
            Prefetch(
                "assessments",
                queryset=LegislativeAssessment.objects.select_related("criterion").order_by(
                    "criterion__order"
                ),
            ),
            Prefetch(
                "pending_bills",
                queryset=PendingBill.objects.prefetch_related(
                    Prefetch("criteria", queryset=LegislativeCriterion.objects.order_by("order"))
                ).order_by("pk"),
            ),
        )
    )
    return {review.country_id: review for review in reviews}


def legislative_cell(assessment) -> dict:
    """One criterion of one country as the public sees it: status (key, words, symbol),
    and the law and article cited (apart, and together as `citation`)."""
    status = assessment.status if assessment else AssessmentStatus.NOT_ASSESSED
    return {
        "status": status,
        "label": AssessmentStatus(status).label,
        "symbol": LEGISLATIVE_STATUS_SYMBOLS[status],
        "law": assessment.law if assessment else "",
        "article": assessment.article if assessment else "",
        # One run, so that right-to-left pages keep "law, article" in its own order.
        "citation": ", ".join(p for p in (assessment.law, assessment.article) if p)
        if assessment
        else "",
    }


def legislative_table(reviews: list) -> list[dict]:
    """Criteria (rows) by reviews (columns; None where a country has no public review):
    [{criterion, cells: [cell or None per column]}]. One query (the criteria)."""
    by_review = [
        {a.criterion_id: a for a in review.assessments.all()} if review else None
        for review in reviews
    ]
    return [
        {
            "criterion": criterion,
            "cells": [
                legislative_cell(assessed.get(criterion.pk)) if assessed is not None else None
                for assessed in by_review
            ],
        }
        for criterion in LegislativeCriterion.objects.order_by("order")
    ]


def public_legislative_review(*, plan):
    """The plan's country's published review with its table, or None."""
    country_id = in_default_locale(plan).country_id
    review = public_legislative_reviews([country_id]).get(country_id)
    if review is None:
        return None
    return {"review": review, "rows": legislative_table([review])}


def public_consultations(*, plan) -> list[dict]:
    """The published summaries of a plan's closed consultation rounds: who was consulted,
    how many comments, how each was answered and why. Authors are never named, only
    their agency. Three queries whatever the number of rounds and comments."""
    rounds = list(
        public_consultation_rounds()
        .filter(plan=in_default_locale(plan))
        .prefetch_related(
            Prefetch("agencies", queryset=Agency.objects.order_by("name")),
            consultation_comments_prefetch(),
        )
        .order_by("-closed_at", "-pk")
    )
    if not rounds:
        return []
    commented = {c.commitment_id for r in rounds for c in r.comments.all() if c.commitment_id}
    shown = set(_plan_rows(plan).filter(pk__in=commented).values_list("pk", flat=True))
    summaries = []
    for consultation in rounds:
        comments = list(consultation.comments.all())
        summaries.append(
            {
                "round": consultation,
                "agencies": list(consultation.agencies.all()),
                "counts": consultation_counts(comments),
                "groups": consultation_groups(comments, shown_commitment_ids=shown),
            }
        )
    return summaries
