"""A ceiling on the inline forms one request may make an admin form build.

A formset builds as many forms as the posted `<prefix>-TOTAL_FORMS` asks for, up to its
`absolute_max`: Django's default is 2,000 per formset, and django-modelcluster (Wagtail's
InlinePanel) passes no other. One POST from any signed-in drafter with huge counts made
the commitment or progress-update form build and render thousands of nested forms, 13 to
47 s of CPU (found by tests/faults/test_fuzz.py). No real commitment has anywhere near
`INLINE_FORMS_MAX` indicators, funding lines, translations or yearly targets, nor an
update as many measurements, break-down values or trainings: above it the form is refused
with Django's own "Please submit at most … forms", and nothing is saved.
"""

INLINE_FORMS_MAX = 200


def limit_inline_forms(form_class, limit=INLINE_FORMS_MAX) -> None:
    """Cap every formset of `form_class`, and of the forms nested in them, at `limit`."""
    for formset in getattr(form_class, "formsets", {}).values():
        if formset.absolute_max > limit:
            formset.absolute_max = limit
            formset.max_num = min(formset.max_num, limit)
            formset.validate_max = True
        limit_inline_forms(formset.form, limit)


class LimitedInlineFormsMixin:
    """For admin forms with inline panels: Wagtail makes the final form class from the
    panels at run time, so its formsets are capped when it is first used (once; the same
    values every time after)."""

    def __init__(self, *args, **kwargs):
        limit_inline_forms(type(self))
        super().__init__(*args, **kwargs)
