"""Terminology warnings in the admin editors, and the refusal to submit or publish.

`TerminologyFormMixin` goes first in the bases of an admin model form (plans, commitments,
progress updates). Every text field of the form and of its inline forms is checked: a
finding is shown under the field as a warning, saving a draft stays possible, and any
action that leads to the public (submit for review, publish, approve, or any save while
the object is in review) is refused while a term to avoid is not inside an accepted
quotation.
"""

import copy

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .checker import Finding, describe, find_in_value, parse_quotations
from .selectors import is_rich, rules_for, rules_for_child, text_fields

AVOID_TERM_BLOCKS = _(
    "“%(text)s” is a term to avoid: use “%(replacement)s”. Change it before submitting "
    "for review or publishing. If it is part of a quotation (e.g. a law's official "
    "title), add that passage to “Accepted quotations”."
)

# POST keys of Wagtail's editor actions that send content towards the public.
PUBLISHING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


class TerminologyFormMixin:
    quotations_field = "terminology_quotations"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.terminology_findings: list[Finding] = []
        if not self.is_bound:
            # What the editor opens with: the drafter sees the findings before typing, and
            # the reviewer sees them on the version under review.
            self._check_terminology(bound=False)

    def clean(self):
        cleaned_data = super().clean()
        self._check_terminology(bound=True)
        if self.terminology_leads_to_public():
            for form, finding in self._located_findings:
                if finding.blocking:
                    name = finding.field.rsplit("-", 1)[-1]
                    form.add_error(
                        name,
                        AVOID_TERM_BLOCKS
                        % {"text": finding.text, "replacement": finding.rule.replacement},
                    )
        return cleaned_data

    # --- When findings block ------------------------------------------------------

    def terminology_leads_to_public(self) -> bool:
        data = self.data
        if any(action in data for action in PUBLISHING_ACTIONS):
            return True
        rejecting = data.get("workflow-action-name") == "reject"
        if "action-workflow-action" in data and not rejecting:
            return True
        # In review, what is saved is what gets approved (Wagtail approves the latest
        # revision), so a save by a reviewer must be clean too.
        in_review = bool(self.instance.pk) and getattr(self.instance, "workflow_in_progress", False)
        return in_review and not rejecting and "action-cancel-workflow" not in data

    # --- Checking -------------------------------------------------------------------

    def terminology_subject(self, *, bound: bool):
        """The object as this form would save it, as far as its language goes: a new
        commitment's plan (or a new finding's country) is in the form before it is in the
        instance, so the form's choices of related objects are applied to a copy."""
        if not bound:
            return self.instance
        subject = copy.copy(self.instance)
        cleaned = getattr(self, "cleaned_data", {})
        for field in type(self.instance)._meta.concrete_fields:
            if field.many_to_one and cleaned.get(field.name) is not None:
                setattr(subject, field.name, cleaned[field.name])
        return subject

    def _check_terminology(self, *, bound: bool):
        rules = rules_for(self.terminology_subject(bound=bound))
        self._located_findings = []
        quotations = parse_quotations(self._value(self, self.quotations_field, bound))
        targets = [(self, "", rules)]
        for accessor, formset in getattr(self, "formsets", {}).items():
            if bound and formset.is_bound:
                formset.is_valid()  # ClusterForm validates its formsets after this form
            for index, form in enumerate(formset.forms):
                if bound and getattr(form, "cleaned_data", {}).get("DELETE"):
                    continue
                # A translation is checked in its own language (its instance has the
                # form's values once the formset is validated).
                targets.append(
                    (form, f"{accessor}-{index}-", rules_for_child(form.instance, rules))
                )
        for form, prefix, form_rules in targets:
            if not form_rules:
                continue
            for field in text_fields(form._meta.model):
                if field.name not in form.fields:
                    continue
                value = self._value(form, field.name, bound)
                matches = find_in_value(
                    value, form_rules, rich=is_rich(field), quotations=quotations
                )
                for match in matches:
                    finding = Finding(
                        rule=match.rule,
                        field=prefix + field.name,
                        label=str(form.fields[field.name].label or field.verbose_name),
                        text=match.text,
                        quoted=match.quoted,
                    )
                    self._located_findings.append((form, finding))
                if matches:
                    self._warn(form, field.name, matches)
        self.terminology_findings = [finding for _form, finding in self._located_findings]

    @staticmethod
    def _value(form, name, bound):
        if name not in form.fields:
            return getattr(form.instance, name, "")
        if bound:
            cleaned = getattr(form, "cleaned_data", {})
            if name in cleaned:
                return cleaned[name]
        return form[name].value()

    @staticmethod
    def _warn(form, name, matches):
        field = form.fields[name]
        original = getattr(field, "_terminology_original_help", None)
        if original is None:
            original = field._terminology_original_help = field.help_text or ""
        messages = dict.fromkeys(describe(m.rule, m.text, quoted=m.quoted) for m in matches)
        lines = format_html_join(
            "", '<span class="terminology-warning">⚠ {}</span><br>', ((m,) for m in messages)
        )
        field.help_text = format_html("{}{}", lines, original)
        # Django's BoundField copies the help text when first made (reading the value
        # made it already), so the copy is updated as well.
        form[name].help_text = field.help_text
