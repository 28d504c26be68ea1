"""A commitment's public change history: what changed between its published versions.

A commitment's drafts and published versions are all Wagtail revisions; the ones the
public saw are those Wagtail published, which its audit log records as `wagtail.publish`
entries pointing at the revision (`PublishRevisionAction`), plus the live revision itself.
A draft is never among them. Versions published while the commitment was internal were
never public and are left out too.

Only fields the public sees are compared (`PUBLIC_FIELDS`, the indicators' targets, and
the cost where the budget was public in both versions); internal notes, the internal flag
and an internal budget never appear.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from plans.models import Commitment
from stakeholders.models import Agency

PUBLISH_ACTION = "wagtail.publish"

DATE, TEXT, STATUS, AGENCY, MONEY, NUMBER, REVISED, ADDED = (
    "date",
    "text",
    "status",
    "agency",
    "money",
    "number",
    "revised",  # said without its values (a long text; an indicator removed)
    "added",  # an indicator, with its target
)

# (revision content key, label, kind), in the order a reader looks for them.
PUBLIC_FIELDS = (
    ("title", _("Title"), TEXT),
    ("due_date", _("Due date"), DATE),
    ("start_date", _("Start date"), DATE),
    ("lead_agency", _("Lead agency"), AGENCY),
    ("status", _("Status"), STATUS),
    ("description", _("Description"), REVISED),
)


@dataclass
class Change:
    label: str
    kind: str
    old: object = None
    new: object = None
    currency: str = ""
    old_currency: str = ""
    note: str = ""


@dataclass
class Version:
    published_at: datetime.datetime
    first: bool = False
    changes: list[Change] = field(default_factory=list)


def public_history(commitment) -> list[Version]:
    """The commitment's published versions that changed something public, newest first;
    the oldest is its first publication. A fixed number of queries."""
    contents = _published_contents(commitment)
    agencies = _agency_names(contents)
    versions = []
    previous = None
    for published_at, content in contents:
        if previous is None:
            versions.append(Version(published_at=published_at, first=True))
        else:
            changes = _changes(previous, content, agencies)
            if changes:
                versions.append(Version(published_at=published_at, changes=changes))
        previous = content
    return versions[::-1]


def _published_contents(commitment) -> list[tuple[datetime.datetime, dict]]:
    entries = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Commitment),
            object_id=str(commitment.pk),
            action=PUBLISH_ACTION,
            revision__isnull=False,
        )
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    seen, contents = set(), []
    for entry in entries:
        if entry.revision_id not in seen:
            seen.add(entry.revision_id)
            contents.append((entry.timestamp, entry.revision.content))
    # Published without an audit entry (a bulk load, a restored bundle): the live version.
    if commitment.live_revision_id and commitment.live_revision_id not in seen:
        contents.append((commitment.last_published_at, commitment.live_revision.content))
    return [(at, content) for at, content in contents if not content.get("is_internal")]


def _agency_names(contents) -> dict[int, str]:
    """Names of the lead agencies on either side of a change of lead (none: no query)."""
    leads = [content.get("lead_agency") for _at, content in contents]
    changed = set()
    for before, after in zip(leads, leads[1:], strict=False):
        if before != after:
            changed |= {pk for pk in (before, after) if isinstance(pk, int)}
    if not changed:
        return {}
    return {agency.pk: str(agency) for agency in Agency.objects.filter(pk__in=changed)}


def _changes(old: dict, new: dict, agencies: dict[int, str]) -> list[Change]:
    changes = []
    for key, label, kind in PUBLIC_FIELDS:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if kind == REVISED:
            changes.append(Change(label=label, kind=kind, note=_("revised")))
        else:
            changes.append(
                Change(
                    label=label,
                    kind=kind,
                    old=_value(kind, before, agencies),
                    new=_value(kind, after, agencies),
                )
            )
    changes.extend(_indicator_changes(old.get("indicators") or [], new.get("indicators") or []))
    cost = _cost_change(old, new)
    if cost:
        changes.append(cost)
    return changes


def _value(kind, value, agencies):
    if value in (None, ""):
        return None
    if kind == DATE:
        try:
            return datetime.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    if kind == STATUS:
        try:
            return Commitment.Status(value).label
        except ValueError:
            return value
    if kind == AGENCY:
        return agencies.get(value)
    return value


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _indicator_changes(old: list, new: list) -> list[Change]:
    def key(indicator):
        return indicator.get("pk") or indicator.get("name")

    before = {key(i): i for i in old}
    after = {key(i): i for i in new}
    changes = []
    for k, indicator in after.items():
        name = indicator.get("name", "")
        if k not in before:
            changes.append(
                Change(
                    label=_("Indicator added: %(name)s") % {"name": name},
                    kind=ADDED,
                    new=_decimal(indicator.get("target")),
                )
            )
            continue
        old_target = _decimal(before[k].get("target"))
        new_target = _decimal(indicator.get("target"))
        if old_target != new_target:
            changes.append(
                Change(
                    label=_("Target of “%(name)s”") % {"name": name},
                    kind=NUMBER,
                    old=old_target,
                    new=new_target,
                )
            )
    for k, indicator in before.items():
        if k not in after:
            changes.append(
                Change(
                    label=_("Indicator removed: %(name)s") % {"name": indicator.get("name", "")},
                    kind=REVISED,
                )
            )
    return changes


def _cost_change(old: dict, new: dict) -> Change | None:
    public = Commitment.BudgetVisibility.PUBLIC
    # A figure is shown only where both versions published their budget.
    if old.get("budget_visibility") != public or new.get("budget_visibility") != public:
        return None
    before, after = _decimal(old.get("estimated_cost")), _decimal(new.get("estimated_cost"))
    if before == after and old.get("currency") == new.get("currency"):
        return None
    return Change(
        label=_("Estimated cost"),
        kind=MONEY,
        old=before,
        new=after,
        currency=new.get("currency") or "",
        old_currency=old.get("currency") or "",
    )
