"""Reads: the active terms, the text fields of a model, and the findings on an object."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from wagtail.fields import RichTextField, StreamField

from .checker import Finding, TermRule, find_in_value, parse_quotations

# Text that is not prose: identifiers, addresses, and the list of accepted quotations.
SKIPPED_FIELDS = frozenset({"terminology_quotations", "slug", "url_path", "draft_title"})
QUOTATIONS_FIELD = "terminology_quotations"
BASE_LANGUAGE = "en"


def active_rules(*, languages=(BASE_LANGUAGE,)) -> tuple[TermRule, ...]:
    from .models import Term

    return tuple(t.as_rule() for t in Term.objects.filter(active=True, language__in=languages))


def languages_for(obj) -> tuple[str, ...]:
    """English always (plans are co-drafted in it), and the language of the object's country."""
    country = country_of(obj)
    language = getattr(country, "default_language", None) or BASE_LANGUAGE
    return tuple(dict.fromkeys((BASE_LANGUAGE, language)))


def rules_for(obj) -> tuple[TermRule, ...]:
    return active_rules(languages=languages_for(obj))


def country_of(obj):
    obj = getattr(obj, "specific", obj)
    for path in ("country", "plan.country", "commitment.plan.country"):
        value = obj
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except (AttributeError, models.ObjectDoesNotExist):
            continue
        if value is not None:
            return value
    return None


def text_fields(model) -> list[models.Field]:
    """Every field of the model that holds prose: plain, rich or stream. New fields are
    checked as soon as they are added."""
    fields = []
    for field in model._meta.concrete_fields:
        if not field.editable or field.choices or field.name in SKIPPED_FIELDS:
            continue
        if isinstance(field, models.SlugField | models.URLField | models.EmailField):
            continue
        if isinstance(field, models.CharField | models.TextField | StreamField):
            fields.append(field)
    return fields


def is_rich(field) -> bool:
    return isinstance(field, RichTextField)


def quotations_of(obj) -> tuple[str, ...]:
    return parse_quotations(getattr(obj, QUOTATIONS_FIELD, ""))


def findings_for_instance(obj, *, rules=None) -> list[Finding]:
    """Findings in every text field of the object and of its inline children (capability
    sections, indicators, measurements), with the object's accepted quotations."""
    rules = rules_for(obj) if rules is None else rules
    if not rules:
        return []
    quotations = quotations_of(obj)
    findings = _fields_findings(obj, rules, quotations, prefix="", label_prefix="")
    for accessor, children in _child_objects(obj):
        for index, child in enumerate(children):
            label = f"{child._meta.verbose_name} {index + 1}: "
            findings += _fields_findings(
                child, rules, quotations, prefix=f"{accessor}-{index}-", label_prefix=label
            )
    return findings


def _fields_findings(obj, rules, quotations, *, prefix, label_prefix) -> list[Finding]:
    findings = []
    for field in text_fields(type(obj)):
        value = getattr(obj, field.attname, None)
        for match in find_in_value(value, rules, rich=is_rich(field), quotations=quotations):
            findings.append(
                Finding(
                    rule=match.rule,
                    field=prefix + field.name,
                    label=label_prefix + str(field.verbose_name),
                    text=match.text,
                    quoted=match.quoted,
                )
            )
    return findings


def _child_objects(obj):
    from modelcluster.models import get_all_child_relations

    if not hasattr(obj, "_meta"):
        return []
    children = []
    for relation in get_all_child_relations(obj):
        accessor = relation.get_accessor_name()
        children.append((accessor, list(getattr(obj, accessor).all())))
    return children


# --- The report ----------------------------------------------------------------------


def plans_for_report(*, user):
    """Plans whose findings the user reads: their country's, as its coordinator or reviewer."""
    from plans.models import NationalPlanPage
    from stakeholders.permissions import is_active_user

    plans = NationalPlanPage.objects.select_related("country").order_by("country__name", "title")
    if not is_active_user(user):
        return plans.none()
    if user.is_superuser:
        return plans
    return plans.filter(
        Q(country__coordinators_group__user=user) | Q(country__reviewers_group__user=user)
    ).distinct()


def user_reads_report(*, user) -> bool:
    """Asked by the Reports menu on every admin page: no query for coordinators, and one
    per request for anyone else."""
    from stakeholders.permissions import coordinates_any_country, is_active_user

    if coordinates_any_country(user=user):
        return True
    if not is_active_user(user):
        return False
    cached = getattr(user, "_reviews_any_country", None)
    if cached is None:
        cached = user._reviews_any_country = user.groups.filter(
            reviewed_country__isnull=False
        ).exists()
    return cached


def _working_copy(obj):
    if getattr(obj, "latest_revision_id", None):
        return obj.get_latest_revision_as_object()
    return obj


def plan_findings(*, plan) -> list[dict]:
    """Findings in the working copy of the plan, its commitments and their progress updates.

    Working copies (latest revisions) are what reviewers are asked to approve, so that is
    what is checked; rows say whether the object is live.
    """
    from tracking.models import ProgressUpdate

    rules = rules_for(plan)
    rows = []

    def add(obj, url, live):
        for finding in findings_for_instance(obj, rules=rules):
            rows.append({"object": obj, "url": url, "live": live, "finding": finding})

    add(_working_copy(plan), reverse("wagtailadmin_pages:edit", args=[plan.pk]), plan.live)
    for commitment in plan.commitments.select_related("latest_revision").order_by("pk"):
        url = reverse("wagtailsnippets_plans_commitment:edit", args=[commitment.pk])
        add(_working_copy(commitment), url, commitment.live)
    updates = ProgressUpdate.objects.filter(commitment__plan=plan).prefetch_related("measurements")
    for update in updates.select_related("commitment").order_by("pk"):
        add(update, reverse("progress_updates:edit", args=[update.pk]), update.is_published)
    return rows
