"""Reads: the active terms, the text fields of a model, and the findings on an object."""

from django.db import models
from wagtail.fields import RichTextField, StreamField

from .checker import Finding, TermRule, find_in_value, parse_quotations
from .models import Term

# Text that is not prose: identifiers, addresses, and the list of accepted quotations.
SKIPPED_FIELDS = frozenset({"terminology_quotations", "slug", "url_path", "draft_title"})
QUOTATIONS_FIELD = "terminology_quotations"
BASE_LANGUAGE = "en"


def active_rules(*, languages=(BASE_LANGUAGE,)) -> tuple[TermRule, ...]:
    return tuple(t.as_rule() for t in Term.objects.filter(active=True, language__in=languages))


def written_in(obj) -> str | None:
    """The language an object says its text is written in (`terminology_language`), e.g.
    a commitment's translation into another language; None when it does not say."""
    return getattr(obj, "terminology_language", None) or None


def languages_for(obj) -> tuple[str, ...]:
    """The languages the object's text is checked in: the language it is written in (the
    one it declares, else its locale for a translated page or snippet, and its country's
    language), and English always (plans are co-drafted in it, and English passages turn
    up in every language)."""
    declared = written_in(obj)
    if declared:
        return tuple(dict.fromkeys(_base(code) for code in (BASE_LANGUAGE, declared)))
    country = country_of(obj)
    languages = (BASE_LANGUAGE, getattr(country, "default_language", None), locale_of(obj))
    return tuple(dict.fromkeys(_base(code) for code in languages if code))


def locale_of(obj) -> str | None:
    """The language code of the object's Wagtail locale, if it has one."""
    obj = getattr(obj, "specific", obj)
    if not getattr(obj, "locale_id", None):
        return None
    try:
        return obj.locale.language_code
    except (AttributeError, models.ObjectDoesNotExist):
        return None


def _base(code: str) -> str:
    return code.split("-")[0].lower()


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


def is_checked(obj) -> bool:
    """Is this kind of object checked? Any model with the accepted-quotations field is
    (plans, commitments, progress updates, and whatever gains the field later)."""
    return any(field.name == QUOTATIONS_FIELD for field in type(obj)._meta.get_fields())


def quotations_of(obj) -> tuple[str, ...]:
    return parse_quotations(getattr(obj, QUOTATIONS_FIELD, ""))


def rules_for_child(child, parent_rules) -> tuple[TermRule, ...]:
    """A child written in a language of its own (a commitment's translation) is checked
    in that language; other children (indicators, sections) in their parent's."""
    return rules_for(child) if written_in(child) else tuple(parent_rules)


def findings_for_instance(obj, *, rules=None) -> list[Finding]:
    """Findings in every text field of the object and of its inline children (capability
    sections, indicators, measurements, translations), with the object's accepted
    quotations; each child in the language it is written in."""
    rules = rules_for(obj) if rules is None else rules
    quotations = quotations_of(obj)
    findings = _fields_findings(obj, rules, quotations, prefix="", label_prefix="")
    for accessor, children in _child_objects(obj):
        for index, child in enumerate(children):
            label = f"{child._meta.verbose_name} {index + 1}: "
            findings += _fields_findings(
                child,
                rules_for_child(child, rules),
                quotations,
                prefix=f"{accessor}-{index}-",
                label_prefix=label,
            )
    return findings


def _fields_findings(obj, rules, quotations, *, prefix, label_prefix) -> list[Finding]:
    findings = []
    if not rules:
        return findings
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
