"""Saves from a form opened before someone else's save are refused, never silently lost.

Wagtail refuses a stale save only for autosave. Its editor posts which revision it was
opened on (`loaded_revision_id`, `loaded_revision_created_at`, or the autosaved
`overwrite_revision_id`); this reads them by the rule of Wagtail's own `is_out_of_date`
(`CreateEditViewOptionalFeaturesMixin.is_out_of_date` in
`wagtail.admin.views.generic.mixins`), for forms whose view cannot be replaced, such as
the page editor's.
"""

from django.utils.translation import gettext_lazy as _

STALE_SAVE = _(
    "Someone saved a newer version after you opened this form. Nothing was saved, so their "
    "changes are not overwritten. Your text is still in the form: open it again in a new "
    "tab, then copy your changes into it."
)


def posted_from_stale_revision(*, data, latest_revision) -> bool:
    """Was this form opened on an older revision than `latest_revision`?"""
    if latest_revision is None or data is None:
        return False
    latest_id = str(latest_revision.pk)
    if overwrite_id := data.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if loaded_id := data.get("loaded_revision_id"):
        if loaded_id != latest_id:
            return True
        return data.get("loaded_revision_created_at", "") != latest_revision.created_at.isoformat()
    return False
