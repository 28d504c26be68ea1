"""Writes to the terminology list (with a django-reversion version each), and the rule
that nothing with a term to avoid outside a quotation is submitted or published."""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Term
from .selectors import findings_for_instance


@transaction.atomic
def term_save(*, term: Term, actor=None, comment: str = "") -> Term:
    term.full_clean()
    with reversion.create_revision():
        if actor is not None and actor.is_authenticated:
            reversion.set_user(actor)
        reversion.set_comment(comment or ("Added term" if term.pk is None else "Edited term"))
        term.save()
    return term


def ensure_publishable(*, instance) -> None:
    """Refuse (ValidationError by field) when a term to avoid is outside a quotation.

    For programmatic submission and publication; the admin forms ask the same question
    (`terminology.forms`) and show the answer next to the field.
    """
    errors: dict[str, list[str]] = {}
    for finding in findings_for_instance(instance):
        if finding.blocking:
            errors.setdefault(finding.field, []).append(finding.message())
    if errors:
        raise ValidationError(errors)
