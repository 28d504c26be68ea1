"""Writes to plans and commitments. Object permissions are granted here and nowhere else."""

from contextlib import contextmanager

import reversion
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermission
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale, Workflow, WorkflowPage, WorkflowTask
from wagtail_localize.models import Translation, TranslationSource

from terminology.services import ensure_publishable

from . import permissions
from .models import (
    AssessmentStatus,
    Capability,
    Commitment,
    CommitmentIndicator,
    CommitmentIndicatorTranslation,
    CommitmentTranslation,
    CountryReviewSetup,
    CountryReviewTask,
    Finding,
    FundingLine,
    LeadAgencyHeadTask,
    LegislativeAssessment,
    LegislativeCriterion,
    LegislativeReview,
    NationalPlanPage,
    OutcomeIndicator,
    PendingBill,
    PlanIndexPage,
    PlanOutcome,
    PlanOutput,
    TrainingTarget,
)
from .models.funding import funding_line_period_errors
from .models.indicators import INDICATOR_PROBLEM, IndicatorTarget, indicator_errors
from .models.legislation import UNMET_STATUSES

FUNDING_LINE_PROBLEM = _("Funding line %(number)s: %(problem)s")


@contextmanager
def reference_change(*, actor, comment: str):
    """Saves of reference data inside make one django-reversion version: who, when, what.

    The frameworks are shared by every country's plan, so their history is kept like the
    terminology list's and the registry's.
    """
    with transaction.atomic(), reversion.create_revision():
        if actor is not None and actor.is_authenticated:
            reversion.set_user(actor)
        reversion.set_comment(comment)
        yield


NOT_ALLOWED_TO_ADD = "You may not add a commitment led by %(agency)s to %(plan)s."
NOT_ALLOWED_TO_REASSIGN = "Only the national coordinator can hand a commitment to another agency."
# Its rights, review workflow and history belong to its plan's country.
NOT_ALLOWED_TO_MOVE = "A commitment never moves to another plan."


@transaction.atomic
def commitment_sync_permissions(*, commitment: Commitment, actor=None) -> None:
    """Make the commitment's object permissions exactly what `permissions` says they are.

    Idempotent; called after every create and edit, so rights follow the lead agency and
    the supporting agencies of the latest version.
    """
    content_type = ContentType.objects.get_for_model(Commitment)
    codenames = {f"{a}_commitment" for a in permissions.COMMITMENT_ACTIONS}
    perm_ids = dict(
        Permission.objects.filter(content_type=content_type, codename__in=codenames).values_list(
            "codename", "pk"
        )
    )
    wanted = {
        (group_id, perm_ids[f"{action}_commitment"])
        for group_id, actions in permissions.commitment_grants(commitment).items()
        for action in actions
    }
    existing_rows = GroupObjectPermission.objects.filter(
        content_type=content_type, object_pk=str(commitment.pk)
    )
    existing = set(existing_rows.values_list("group_id", "permission_id"))
    revoked, granted = existing - wanted, wanted - existing
    for group_id, perm_id in revoked:
        existing_rows.filter(group_id=group_id, permission_id=perm_id).delete()
    GroupObjectPermission.objects.bulk_create(
        [
            GroupObjectPermission(
                group_id=group_id,
                permission_id=perm_id,
                content_type=content_type,
                object_pk=str(commitment.pk),
            )
            for group_id, perm_id in granted
        ]
    )
    if existing and (revoked or granted):
        # The first grants come with the commitment's creation, which is logged already.
        _log_rights_change(commitment, actor, granted=granted, revoked=revoked)


def _log_rights_change(commitment, actor, *, granted, revoked) -> None:
    from django.contrib.auth.models import Group

    names = dict(
        Group.objects.filter(pk__in={g for g, _ in granted | revoked}).values_list("pk", "name")
    )
    codenames = dict(Permission.objects.values_list("pk", "codename"))

    def describe(rows):
        return sorted(f"{names[g]}: {codenames[p].removesuffix('_commitment')}" for g, p in rows)

    log(
        instance=commitment,
        action="plans.rights_changed",
        user=actor,
        data={"granted": describe(granted), "revoked": describe(revoked)},
    )


@transaction.atomic
def commitment_create(
    *,
    actor,
    plan: NationalPlanPage,
    capability,
    title: str,
    lead_agency,
    supporting_agencies=(),
    inspire_strategies=(),
    indicators=(),
    funding_lines=(),
    translations=(),
    indicator_translations=(),
    findings=(),
    training_targets=(),
    publish: bool = False,
    **fields,
) -> Commitment:
    """Create a commitment as a draft (or published), with its first revision and rights.
    `training_targets`: `{audience, people}` to train, on a training commitment.

    `actor` None means the system (the demo loader, a migration): no permission check.
    """
    if actor is not None and not permissions.user_can_add_commitment(
        user=actor, plan=plan, lead_agency=lead_agency
    ):
        raise PermissionDenied(NOT_ALLOWED_TO_ADD % {"agency": lead_agency, "plan": plan})
    commitment = Commitment(
        plan=plan, capability=capability, title=title, lead_agency=lead_agency, **fields
    )
    commitment.supporting_agencies = list(supporting_agencies)
    commitment.inspire_strategies = list(inspire_strategies)
    commitment.findings = list(findings)
    rows = [_indicator(indicator) for indicator in indicators]
    commitment.indicators = rows
    commitment.funding_lines = _funding_lines(funding_lines)
    commitment.translations = _translations(commitment, translations)
    commitment.indicator_translations = _indicator_translations(
        commitment, rows, indicator_translations
    )
    commitment.training_targets = [TrainingTarget(**target) for target in training_targets]
    commitment.full_clean()
    for target in commitment.training_targets.all():
        target.full_clean(exclude=["commitment"])
    validate_funding_lines(commitment)
    validate_indicators(commitment)
    if publish:
        # Only the admin forms stop a term to avoid from being published; imports and the
        # demo loader come through here.
        ensure_publishable(instance=commitment)
    commitment.live = False
    commitment.save()
    revision = commitment.save_revision(user=actor, log_action=True)
    if publish:
        revision.publish(user=actor, skip_permission_checks=actor is None)
        # Publishing saves a copy built from the revision; this instance is now stale.
        commitment.refresh_from_db()
    commitment_sync_permissions(commitment=commitment, actor=actor)
    return commitment


def _indicator(row) -> CommitmentIndicator:
    """An indicator from a dict (its fields, and `targets`: dicts of year and value, or
    rows), its yearly targets numbered in the order given."""
    if isinstance(row, CommitmentIndicator):
        return row
    row = dict(row)
    targets = [
        t if isinstance(t, IndicatorTarget) else IndicatorTarget(**t)
        for t in row.pop("targets", ())
    ]
    for position, target in enumerate(targets):
        target.sort_order = position
    return CommitmentIndicator(targets=targets, **row)


def validate_indicators(commitment: Commitment) -> None:
    """Each indicator and its yearly targets valid, and what only the commitment can
    tell (`indicator_errors`): one message per problem, naming the indicator by its
    position ("Indicator 2: ...")."""
    plan = commitment.plan if commitment.plan_id else None
    lead = commitment.lead_agency if commitment.lead_agency_id else None
    problems = []
    for number, indicator in enumerate(commitment.indicators.all(), start=1):
        messages = []
        for row, exclude in (
            (indicator, ["commitment"]),
            *((target, ["indicator"]) for target in indicator.targets.all()),
        ):
            try:
                row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
            except ValidationError as error:
                messages.extend(error.messages)
        messages.extend(str(p) for p in indicator_errors(indicator, plan=plan, lead_agency=lead))
        problems.extend(
            ValidationError(
                INDICATOR_PROBLEM,
                code="indicator",
                params={"number": number, "problem": message},
            )
            for message in messages
        )
    if problems:
        raise ValidationError({"indicators": problems})


def _funding_lines(lines) -> list[FundingLine]:
    """Funding lines from dicts (source, partner, state, year, amount) or lines, numbered
    in the order given: Orderable sorts on sort_order alone, and lines left at NULL come
    back from PostgreSQL in any order (a bundle then swapped them)."""
    result = [line if isinstance(line, FundingLine) else FundingLine(**line) for line in lines]
    for position, line in enumerate(result):
        line.sort_order = position
    return result


TRANSLATION_IN_ORIGINAL_LANGUAGE = _("The commitment is written in %(language)s already.")
TRANSLATION_TWICE = _("Only one translation per language: %(language)s is there twice.")


def translation_language_problem(language_code, *, original, key, seen) -> str | None:
    """The one rule for a translation's language, for the services and the admin form:
    not the language the text is written in, and once per `key` (a language, or an
    indicator and a language). Adds `key` to `seen` when it passes."""
    names = {"language": dict(settings.LANGUAGES).get(language_code, language_code)}
    if language_code == original:
        return TRANSLATION_IN_ORIGINAL_LANGUAGE % names
    if key in seen:
        return TRANSLATION_TWICE % names
    seen.add(key)
    return None


def _translations(commitment, rows) -> list[CommitmentTranslation]:
    """Translations from dicts (language_code, title, description, funding_source) or rows,
    one per language and never in the language the commitment is written in."""
    result = [
        row if isinstance(row, CommitmentTranslation) else CommitmentTranslation(**row)
        for row in rows
    ]
    seen = set()
    original = commitment.plan.locale.language_code if commitment.plan_id else None
    for position, row in enumerate(result):
        row.sort_order = position
        problem = translation_language_problem(
            row.language_code, original=original, key=row.language_code, seen=seen
        )
        if problem:
            raise ValidationError({"translations": problem})
        row.full_clean(exclude=["commitment"])
    return result


def _indicator_translations(commitment, indicators, rows) -> list:
    """Indicator translations from dicts (indicator: its position in `indicators`, or
    the indicator, language_code, name, unit): one per indicator and language, never in the language
    the commitment is written in. Saved after the indicators, in the same save."""
    result = []
    seen = set()
    original = commitment.plan.locale.language_code if commitment.plan_id else None
    for position, row in enumerate(rows):
        row = dict(row)
        indicator = row.pop("indicator")
        if isinstance(indicator, int):
            indicator = indicators[indicator]
        translation = CommitmentIndicatorTranslation(
            indicator=indicator, sort_order=position, **row
        )
        problem = translation_language_problem(
            translation.language_code,
            original=original,
            key=(indicator.pk or id(indicator), translation.language_code),
            seen=seen,
        )
        if problem:
            raise ValidationError({"indicator_translations": problem})
        translation.full_clean(exclude=["commitment", "indicator"])
        result.append(translation)
    return result


@transaction.atomic
def commitment_translate(
    *,
    actor,
    commitment: Commitment,
    language_code: str,
    publish: bool = False,
    indicators=None,
    **text,
) -> Commitment:
    """Add or replace the commitment's translation into one language, as a new revision
    of the commitment: a draft reviewed like any change, public only once published.

    `text`: title, and optionally description and funding_source. `indicators`, when
    given, replaces the indicators' translations into that language: dicts of
    `indicator` (its position among the commitment's indicators), name and unit.
    """
    commitment = Commitment.objects.get(pk=commitment.pk)
    if actor is not None and not permissions.user_can_edit_commitment(
        user=actor, commitment=commitment
    ):
        raise PermissionDenied
    working = (
        commitment.get_latest_revision_as_object() if commitment.latest_revision_id else commitment
    )
    rows = [row for row in working.translations.all() if row.language_code != language_code]
    rows.append(CommitmentTranslation(language_code=language_code, **text))
    working.translations = _translations(working, rows)
    if indicators is not None:
        kept = [
            {
                "indicator": row.indicator,
                "language_code": row.language_code,
                "name": row.name,
                "unit": row.unit,
            }
            for row in working.indicator_translations.all()
            if row.language_code != language_code
        ]
        saved = list(working.indicators.all())
        added = [
            {**row, "indicator": saved[row["indicator"]], "language_code": language_code}
            for row in indicators
        ]
        working.indicator_translations = _indicator_translations(working, None, kept + added)
    working.full_clean()
    if not commitment.live:
        working.save()
    revision = working.save_revision(user=actor, log_action=True)
    if publish:
        if actor is not None and not permissions.user_can_publish_commitment(
            user=actor, commitment=commitment
        ):
            raise PermissionDenied
        ensure_publishable(instance=working)
        revision.publish(user=actor, skip_permission_checks=actor is None)
    commitment.refresh_from_db()
    return commitment


def validate_funding_lines(commitment: Commitment) -> None:
    """Each funding line valid on its own and within the plan's period; one message per
    problem, naming the line by its position ("Funding line 2: ...")."""
    plan = commitment.plan if commitment.plan_id else None
    problems = []
    for number, line in enumerate(commitment.funding_lines.all(), start=1):
        errors = {}
        try:
            line.full_clean(exclude=["commitment"])
        except ValidationError as error:
            errors = dict(error.error_dict)
        for field, error in funding_line_period_errors(line, plan=plan).items():
            errors.setdefault(field, [error])
        for field_errors in errors.values():
            for error in field_errors if isinstance(field_errors, list) else [field_errors]:
                for message in ValidationError(error).messages:
                    problems.append(
                        ValidationError(
                            FUNDING_LINE_PROBLEM,
                            code="funding_line",
                            params={"number": number, "problem": message},
                        )
                    )
    if problems:
        raise ValidationError({"funding_lines": problems})


@transaction.atomic
def commitment_save_draft(*, actor, commitment: Commitment, **changes) -> Commitment:
    """Apply changes as a new draft revision (the live version stays as it is)."""
    # Never trust a caller's copy for `live`: saving a stale one would unpublish.
    commitment = Commitment.objects.get(pk=commitment.pk)
    new_plan = changes.get("plan")
    if new_plan is not None and new_plan.pk != commitment.plan_id:
        raise ValidationError({"plan": NOT_ALLOWED_TO_MOVE})
    if actor is not None:
        if not permissions.user_can_edit_commitment(user=actor, commitment=commitment):
            raise PermissionDenied
        new_lead = changes.get("lead_agency")
        if (
            new_lead is not None
            and new_lead.pk != commitment.lead_agency_id
            and not permissions.user_can_reassign_lead(user=actor, commitment=commitment)
        ):
            raise PermissionDenied(NOT_ALLOWED_TO_REASSIGN)
    working = (
        commitment.get_latest_revision_as_object() if commitment.latest_revision_id else commitment
    )
    if "funding_lines" in changes:
        changes["funding_lines"] = _funding_lines(changes["funding_lines"])
    if "indicators" in changes:
        changes["indicators"] = [_indicator(row) for row in changes["indicators"]]
    for field, value in changes.items():
        setattr(working, field, value)
    working.full_clean()
    validate_funding_lines(working)
    validate_indicators(working)
    if not commitment.live:
        working.save()
    working.save_revision(user=actor, log_action=True)
    commitment.refresh_from_db()
    commitment_sync_permissions(commitment=commitment, actor=actor)
    return commitment


@transaction.atomic
def commitment_reassign_lead(*, actor, commitment: Commitment, lead_agency) -> Commitment:
    """Hand a commitment to another agency of the country; the rights move with it."""
    if lead_agency.country_id != commitment.plan.country_id:
        raise ValidationError({"lead_agency": "The lead agency must be of the plan's country."})
    return commitment_save_draft(actor=actor, commitment=commitment, lead_agency=lead_agency)


def validate_lead_agency_change(*, user, commitment, lead_agency) -> None:
    """For forms: refuse a lead-agency change by someone who may not make it."""
    changed = (
        commitment.pk and lead_agency is not None and lead_agency.pk != commitment.lead_agency_id
    )
    if changed and not permissions.user_can_reassign_lead(user=user, commitment=commitment):
        raise ValidationError({"lead_agency": NOT_ALLOWED_TO_REASSIGN})


@transaction.atomic
def country_review_setup(*, country, agency_heads_first: bool = False) -> CountryReviewSetup:
    """The country's review workflows: plans, and commitments (optionally heads first).

    Idempotent: an existing setup is returned unchanged (edit it in Settings > Workflows).
    """
    existing = CountryReviewSetup.objects.filter(country=country).first()
    if existing is not None:
        return existing
    review = CountryReviewTask.objects.create(
        name=f"{country.name}: national review", country=country
    )
    plan_workflow = Workflow.objects.create(name=f"{country.name}: plan review")
    WorkflowTask.objects.create(workflow=plan_workflow, task=review, sort_order=0)
    commitment_workflow = Workflow.objects.create(name=f"{country.name}: commitment review")
    steps = [review]
    if agency_heads_first:
        head = LeadAgencyHeadTask.objects.create(name=f"{country.name}: head of lead agency")
        steps.insert(0, head)
    for order, task in enumerate(steps):
        WorkflowTask.objects.create(workflow=commitment_workflow, task=task, sort_order=order)
    return CountryReviewSetup.objects.create(
        country=country, plan_workflow=plan_workflow, commitment_workflow=commitment_workflow
    )


@transaction.atomic
def plan_setup(*, plan: NationalPlanPage) -> None:
    """Rights and review for a plan page: page permissions, and the country's workflow."""
    _plan_grant_page_permissions(plan=plan)
    setup = country_review_setup(country=plan.country)
    WorkflowPage.objects.update_or_create(
        page=plan.page_ptr, defaults={"workflow": setup.plan_workflow}
    )


def _plan_grant_page_permissions(*, plan: NationalPlanPage) -> None:
    """Coordinators and reviewers of the plan's country get Wagtail rights on its page."""
    country = plan.country
    wanted = {
        country.coordinators_group: permissions.COORDINATOR_PAGE_PERMISSIONS,
        country.reviewers_group: permissions.REVIEWER_PAGE_PERMISSIONS,
    }
    for group, codenames in wanted.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=plan.page_ptr, permission=permission
            )


# --- A plan in its country's language ----------------------------------------------


def plan_index_for(locale: Locale) -> PlanIndexPage:
    """The /plans/ page of a locale, translated from the English one if it has none yet
    (wagtail-localize keeps the tree in step: one index, in every language)."""
    index = PlanIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    english = PlanIndexPage.objects.get(locale=Locale.get_default())
    source, _created = TranslationSource.get_or_create_from_instance(english)
    source.create_or_update_translation(
        locale, publish=english.live, copy_parent_pages=True, fallback=True
    )
    return PlanIndexPage.objects.get(locale=locale)


@transaction.atomic
def plan_add(
    *,
    actor,
    country,
    title: str,
    slug: str,
    period_start: int,
    period_end: int,
    sections=(),
    publish: bool = False,
    **fields,
) -> NationalPlanPage:
    """A new plan, written in its country's language, under that language's /plans/.

    `sections`: dicts (capability, objective, ...) for its capability sections.
    `actor` None means the system (the demo loader, an import): no permission check.
    """
    if actor is not None and not permissions.user_can_add_plan(user=actor, country=country):
        raise PermissionDenied
    locale = Locale.objects.get(language_code=country.default_language)
    plan = NationalPlanPage(
        title=title,
        slug=slug,
        country=country,
        period_start=period_start,
        period_end=period_end,
        locale=locale,
        live=publish,
        **fields,
    )
    for position, section in enumerate(sections):
        plan.capability_sections.add(plan.capability_sections.model(sort_order=position, **section))
    plan_index_for(locale).add_child(instance=plan)
    revision = plan.save_revision(user=actor)
    if publish:
        revision.publish(user=actor)
    plan_setup(plan=plan)
    return NationalPlanPage.objects.get(pk=plan.pk)


RESULTS_CHAIN_REFUSED = _(
    "Only the national coordinators of %(country)s change its plan's results chain."
)
OUTCOME_TITLE_MISSING = _("Every outcome and output needs a title.")
OUTCOME_CAPABILITY_NOT_IN_PLAN = _(
    "“%(capability)s” is not one of this plan's capability sections: an outcome can only "
    "be for a capability the plan addresses."
)


@transaction.atomic
def plan_results_chain_set(
    *, actor, plan: NationalPlanPage, goal: str, outcomes=(), publish: bool = False
) -> NationalPlanPage:
    """Replace the plan's goal and results chain, as a new revision of the plan page.

    `outcomes`: dicts (title, description, capability, weight, `indicators`: dicts of
    OutcomeIndicator fields, `outputs`: dicts of title and weight). Without `publish` the
    revision waits for the plan's review like any other change of the page. Replacing
    removes the earlier outcomes and outputs once published; commitments that named a
    removed output then name none. `actor` None means the system (demo, import).
    """
    if actor is not None and not permissions.user_can_set_results_chain(user=actor, plan=plan):
        raise PermissionDenied(RESULTS_CHAIN_REFUSED % {"country": plan.country})
    plan = plan.get_latest_revision_as_object() if plan.pk else plan
    capabilities = set(plan.capability_sections.values_list("capability_id", flat=True))
    chain = []
    for position, row in enumerate(outcomes):
        row = dict(row)
        indicators = [
            OutcomeIndicator(sort_order=i, **x) for i, x in enumerate(row.pop("indicators", ()))
        ]
        outputs = [PlanOutput(sort_order=i, **x) for i, x in enumerate(row.pop("outputs", ()))]
        outcome = PlanOutcome(sort_order=position, **row)
        if not outcome.title.strip() or any(not o.title.strip() for o in outputs):
            raise ValidationError(OUTCOME_TITLE_MISSING)
        if outcome.capability_id and outcome.capability_id not in capabilities:
            raise ValidationError(
                OUTCOME_CAPABILITY_NOT_IN_PLAN, params={"capability": outcome.capability}
            )
        for item in (outcome, *indicators, *outputs):
            item.full_clean(exclude=["plan", "outcome"])
        outcome.indicators = indicators
        outcome.outputs = outputs
        chain.append(outcome)
    plan.goal = goal
    plan.outcomes = chain
    revision = plan.save_revision(user=actor, log_action=True)
    if publish:
        revision.publish(user=actor)
    return NationalPlanPage.objects.get(pk=plan.pk)


# --- Translations of a plan page ----------------------------------------------------

TRANSLATION_REFUSED = _("Only the national coordinators of %(country)s translate its plan.")
TRANSLATION_EXISTS = _("This plan already has a %(language)s translation: edit that one.")
TRANSLATION_SAME_LANGUAGE = _("The plan is written in %(language)s already.")
TRANSLATION_IN_REVIEW = _("This translation is in review already.")
TRANSLATION_NOT_A_TRANSLATION = _("This page is not a translation of a plan.")


def _check_translator(*, actor, plan) -> None:
    if not permissions.user_may_translate_plan(user=actor, plan=plan):
        raise PermissionDenied(TRANSLATION_REFUSED % {"country": plan.country})


@transaction.atomic
def plan_translation_start(*, actor, plan: NationalPlanPage, locale: Locale) -> NationalPlanPage:
    """A draft translation of the plan page into `locale`, which the coordinator edits in
    wagtail-localize's editor and submits for review; nothing is public until approved."""
    _check_translator(actor=actor, plan=plan)
    language = locale.get_display_name()
    if locale.pk == plan.locale_id:
        raise ValidationError(TRANSLATION_SAME_LANGUAGE % {"language": language})
    if plan.get_translation_or_none(locale) is not None:
        raise ValidationError(TRANSLATION_EXISTS % {"language": language})
    source, _created = TranslationSource.update_or_create_from_instance(plan)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(user=actor, publish=False)
    translated = plan.get_translation(locale).specific
    plan_setup(plan=translated)
    return translated


@transaction.atomic
def plan_translation_publish_as_system(
    *, plan: NationalPlanPage, language_code: str, fields=None, sections=None
) -> NationalPlanPage:
    """A published translation the system makes (the demo loader, tests): wagtail-localize's
    copy of the plan into that language, with `fields` (page fields) and `sections`
    ({capability number: {section field: text}}) set on it, published at once. People
    translate through plan_translation_start and the country's review instead."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(plan)
    # Not publish=True: wagtail-localize would publish its copy on commit, after ours, and
    # the plan's original words would replace the texts set here.
    source.create_or_update_translation(
        locale, publish=False, copy_parent_pages=True, fallback=True
    )
    translated = NationalPlanPage.objects.get(pk=plan.get_translation(locale).pk)
    for name, value in (fields or {}).items():
        setattr(translated, name, value)
    if sections:
        rows = list(translated.capability_sections.select_related("capability"))
        for row in rows:
            for name, value in sections.get(row.capability.number, {}).items():
                setattr(row, name, value)
        # Assigned, not edited in place: the revision serialises the relation as assigned.
        translated.capability_sections = rows
    translated.save_revision().publish()
    plan_setup(plan=translated)
    return NationalPlanPage.objects.get(pk=translated.pk)


def original_of(page: NationalPlanPage) -> NationalPlanPage:
    """The plan a translation translates, or refusal if it translates none."""
    original = (
        NationalPlanPage.objects.originals().filter(translation_key=page.translation_key).first()
    )
    if original is None or original.pk == page.pk:
        raise ValidationError(TRANSLATION_NOT_A_TRANSLATION)
    return original


@transaction.atomic
def plan_translation_submit(*, actor, translated: NationalPlanPage):
    """The country's plan review, started on a draft of the translation as it stands.

    wagtail-localize's editor keeps what the coordinator typed as translated segments and
    applies them to the page only on "Publish", which coordinators do not have: the draft
    the reviewer approves is built here, from the plan as published today and the segments
    translated so far (untranslated ones read as written until someone translates them).
    """
    original = original_of(translated)
    _check_translator(actor=actor, plan=original)
    if translated.workflow_in_progress:
        raise ValidationError(TRANSLATION_IN_REVIEW)
    source = TranslationSource.objects.get_for_instance_or_none(original)
    translation = source and source.translations.filter(target_locale=translated.locale).first()
    if translation is not None and translation.enabled:
        source.update_from_db()
        translation.save_target(user=actor, publish=False)
        translated = NationalPlanPage.objects.get(pk=translated.pk)
    workflow = translated.get_workflow()
    if workflow is None:  # a translation made outside this service, before its set-up
        plan_setup(plan=translated)
        workflow = translated.get_workflow()
    return workflow.start(translated, actor)


# --- The findings register -----------------------------------------------------------

NOT_ALLOWED_FINDINGS = _("Only the national coordinator of %(country)s manages its findings.")
FINDING_NEVER_MOVES = _("A finding never moves to another country's register.")


def _check_finding_manager(*, actor, finding: Finding) -> None:
    if actor is not None and not permissions.user_can_manage_finding(user=actor, finding=finding):
        raise PermissionDenied(NOT_ALLOWED_FINDINGS % {"country": finding.country})


def _log_finding(finding: Finding, action: str, actor) -> None:
    log(
        instance=finding,
        action=action,
        user=actor,
        data={"country": finding.country.code, "status": finding.status, "public": finding.public},
    )


@transaction.atomic
def finding_create(*, actor, country, capabilities=(), **fields) -> Finding:
    """Add a finding to a country's register (internal unless `public=True`).

    `actor` None means the system (the demo loader, a bundle import): no permission check.
    """
    finding = Finding(country=country, **fields)
    _check_finding_manager(actor=actor, finding=finding)
    finding.full_clean()
    if finding.public:
        ensure_publishable(instance=finding)
    finding.save()
    finding.capabilities.set(capabilities)
    _log_finding(finding, "wagtail.create", actor)
    return finding


@transaction.atomic
def finding_save(*, actor, finding: Finding, capabilities=None) -> Finding:
    """Save an edited finding (the admin form's instance, or one changed in code)."""
    if finding.pk:
        saved = Finding.objects.select_related("country").get(pk=finding.pk)
        if saved.country_id != finding.country_id:
            raise ValidationError({"country": FINDING_NEVER_MOVES})
        _check_finding_manager(actor=actor, finding=saved)
    _check_finding_manager(actor=actor, finding=finding)
    action = "wagtail.edit" if finding.pk else "wagtail.create"
    finding.full_clean()
    if finding.public:
        # Public means published: no term to avoid outside an accepted quotation.
        ensure_publishable(instance=finding)
    finding.save()
    if capabilities is not None:
        finding.capabilities.set(capabilities)
    _log_finding(finding, action, actor)
    return finding


@transaction.atomic
def finding_delete(*, actor, finding: Finding) -> None:
    """Delete a finding; commitments that answered it lose the link (not their text)."""
    _check_finding_manager(actor=actor, finding=finding)
    _log_finding(finding, "wagtail.delete", actor)
    finding.delete()


# --- The legislative review ----------------------------------------------------------

NOT_ALLOWED_LEGISLATION = _(
    "Only the national coordinator of %(country)s manages its legislative review."
)
REVIEW_NEVER_MOVES = _("A legislative review never moves to another country.")
CRITERION_TWICE = _("Each criterion is assessed once: “%(criterion)s” is there twice.")
REVIEW_EXISTS = _("%(country)s already has a legislative review: edit that one.")

# The findings a review raises are written in English, like the criteria's own names
# (the register's findings are co-drafted in English), whatever the coordinator's language.
FINDING_TITLE = "{criterion} (legislative review: {status})"
FINDING_SEVERITY = {
    AssessmentStatus.NOT_MET: Finding.Severity.HIGH,
    AssessmentStatus.PARTLY: Finding.Severity.MEDIUM,
}


def _check_review_manager(*, actor, review: LegislativeReview) -> None:
    if actor is not None and not permissions.user_can_manage_legislative_review(
        user=actor, review=review
    ):
        raise PermissionDenied(NOT_ALLOWED_LEGISLATION % {"country": review.country})


def _validate_review_children(review: LegislativeReview) -> None:
    seen = set()
    for assessment in review.assessments.all():
        if assessment.criterion_id in seen:
            raise ValidationError(CRITERION_TWICE % {"criterion": assessment.criterion})
        seen.add(assessment.criterion_id)
        assessment.full_clean(exclude=["review"], validate_unique=False)
    for bill in review.pending_bills.all():
        bill.full_clean(exclude=["review", "criteria"], validate_unique=False)


@transaction.atomic
def legislative_review_save(*, actor, review: LegislativeReview) -> LegislativeReview:
    """Save a review with its assessments and pending bills (the admin form's instance,
    its children in memory, or one built in code), give every criterion it lacks a "not
    assessed" row, and bring the findings it raises up to date.

    `actor` None means the system (the demo loader): no permission check.
    """
    was_public = None
    if review.pk:
        saved = LegislativeReview.objects.select_related("country").get(pk=review.pk)
        if saved.country_id != review.country_id:
            raise ValidationError({"country": REVIEW_NEVER_MOVES})
        _check_review_manager(actor=actor, review=saved)
        was_public = saved.public
    elif LegislativeReview.objects.filter(country_id=review.country_id).exists():
        raise ValidationError({"country": REVIEW_EXISTS % {"country": review.country}})
    _check_review_manager(actor=actor, review=review)
    action = "wagtail.edit" if review.pk else "wagtail.create"
    review.full_clean()
    _validate_review_children(review)
    if review.public:
        # Public means published: the review's text, its assessments and its bills.
        ensure_publishable(instance=review)
    review.save()
    assessed = {a.criterion_id for a in review.assessments.all()}
    LegislativeAssessment.objects.bulk_create(
        LegislativeAssessment(review=review, criterion=criterion)
        for criterion in LegislativeCriterion.objects.exclude(pk__in=assessed)
    )
    # Publishing the review publishes its findings; making it internal again withdraws
    # them; otherwise each finding stays as public as the coordinator left it.
    published = None
    if review.public and not was_public:
        published = True
    elif was_public and not review.public:
        published = False
    legislative_review_sync_findings(actor=actor, review=review, publish=published)
    statuses = dict(review.assessments.values_list("criterion__code", "status"))
    log(
        instance=review,
        action=action,
        user=actor,
        data={"country": review.country.code, "public": review.public, "statuses": statuses},
    )
    return review


@transaction.atomic
def legislative_review_create(
    *, actor, country, assessments=(), bills=(), **fields
) -> LegislativeReview:
    """A review from plain data: `assessments` as dicts with `criterion` (a
    LegislativeCriterion or its code), `status`, `law`, `article`, `note`; `bills` as dicts
    with `title`, `stage`, `criteria` (criteria or codes) and `note`."""
    criteria = {c.code: c for c in LegislativeCriterion.objects.all()}

    def criterion(value):
        return criteria[value] if isinstance(value, str) else value

    review = LegislativeReview(country=country, **fields)
    review.assessments = [
        LegislativeAssessment(**{**row, "criterion": criterion(row["criterion"])})
        for row in assessments
    ]
    pending = []
    for row in bills:
        row = dict(row)
        bill_criteria = [criterion(value) for value in row.pop("criteria", ())]
        bill = PendingBill(**row)
        bill.criteria = bill_criteria
        pending.append(bill)
    review.pending_bills = pending
    return legislative_review_save(actor=actor, review=review)


def _assessment_finding_text(assessment: LegislativeAssessment) -> str:
    with translation.override("en"):
        status = str(assessment.get_status_display())
    cited = ", ".join(part for part in (assessment.law, assessment.article) if part)
    lines = [assessment.criterion.description or assessment.criterion.name]
    lines.append(f"Legislative review: {status.lower()}." + (f" Law: {cited}." if cited else ""))
    if assessment.note:
        lines.append(assessment.note)
    return "\n".join(lines)


@transaction.atomic
def legislative_review_sync_findings(
    *, actor, review: LegislativeReview, publish: bool | None = None
) -> list[Finding]:
    """One finding of the register per criterion the review finds not met or partly met
    (MNR capability 3), found again by its criterion so it is never duplicated: updated
    when the assessment changes, reopened when a criterion met before is no longer met,
    marked addressed once the criterion is met. A criterion not assessed leaves its finding
    as it is.

    `publish` True or False publishes or unpublishes every finding the review raised (the
    review itself was just published or made internal); None leaves each finding's public
    flag as the coordinator set it, and a new finding starts as public as its review. An
    internal review's findings are therefore never published by this.
    """
    legislation = Capability.objects.filter(framework__code="MNR-2016", number=3)
    existing = {
        finding.legislative_criterion_id: finding
        for finding in Finding.objects.filter(
            country_id=review.country_id, legislative_criterion__isnull=False
        )
    }
    touched = []
    for assessment in review.assessments.select_related("criterion"):
        finding = existing.get(assessment.criterion_id)
        if assessment.status in UNMET_STATUSES:
            with translation.override("en"):
                status = str(assessment.get_status_display()).lower()
            fields = {
                "title": FINDING_TITLE.format(criterion=assessment.criterion.name, status=status),
                "text": _assessment_finding_text(assessment),
                "source_kind": Finding.SourceKind.LEGISLATIVE_REVIEW,
                "source_title": review.title,
                "source_url": review.source_url,
                "date": review.date,
                "severity": FINDING_SEVERITY[assessment.status],
                "terminology_quotations": review.terminology_quotations,
            }
            if finding is None:
                touched.append(
                    finding_create(
                        actor=actor,
                        country=review.country,
                        legislative_criterion=assessment.criterion,
                        capabilities=legislation,
                        public=review.public,
                        **fields,
                    )
                )
                continue
            if finding.status == Finding.Status.ADDRESSED:
                fields["status"] = Finding.Status.OPEN  # met once, not any more
        elif assessment.status == AssessmentStatus.MET and finding is not None:
            fields = {
                "status": Finding.Status.ADDRESSED,
                "reason": "",
                "text": _assessment_finding_text(assessment),
            }
        else:
            continue
        if publish is not None:
            fields["public"] = publish
        changed = {name: value for name, value in fields.items() if getattr(finding, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(finding, name, value)
            touched.append(finding_save(actor=actor, finding=finding))
    if publish is not None:
        # Findings of criteria no longer assessed follow their review too.
        stale = [f for f in existing.values() if f not in touched and f.public != publish]
        for finding in stale:
            finding.public = publish
            touched.append(finding_save(actor=actor, finding=finding))
    return touched


FINDING_ALREADY_LINKED = _("“%(criterion)s” already has its finding in this register.")


@transaction.atomic
def legislative_finding_adopt(*, actor, finding: Finding, criterion) -> Finding:
    """Make a finding the register already had (written before the country's review was
    entered here) the review's finding for `criterion`: the review then updates it instead
    of adding a second one, and the commitments that answer it go on answering it."""
    _check_finding_manager(actor=actor, finding=finding)
    others = Finding.objects.filter(country_id=finding.country_id, legislative_criterion=criterion)
    if others.exclude(pk=finding.pk).exists():
        raise ValidationError(FINDING_ALREADY_LINKED % {"criterion": criterion})
    finding.legislative_criterion = criterion
    return finding_save(actor=actor, finding=finding)


@transaction.atomic
def legislative_review_delete(*, actor, review: LegislativeReview) -> None:
    """Delete a review (its findings stay in the register, where commitments answer them).
    A public one only by a superuser (`permissions.LegislativeReviewPermissionPolicy`)."""
    policy = permissions.legislative_review_policy
    if actor is not None and not policy.user_has_permission_for_instance(actor, "delete", review):
        raise PermissionDenied(NOT_ALLOWED_LEGISLATION % {"country": review.country})
    log(instance=review, action="wagtail.delete", user=actor, data={"country": review.country.code})
    review.delete()
