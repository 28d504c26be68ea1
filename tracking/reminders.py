"""Due-soon and overdue reminders to lead agencies, period reports and indicator figures
due, and the coordinators' weekly digest.

A reminder goes to the commitment's focal person and deputy (drafters or heads of the lead
agency with an active account and an e-mail address); where neither can be reached, to the
lead agency's drafters and heads; where the agency has none who can be reached, to its
country's coordinators, so no late commitment goes unmentioned. An indicator's figure is
asked of the indicator's focal person and deputy, else the drafters and heads of its
reporting agency, else the coordinators, the same way.

Each reminder is claimed in `SentReminder` (unique per user, kind, commitment and period)
before it is sent, so a second run, a second worker or a retry after a crash never sends
it again. The price of that guarantee: a run that crashes after claiming and before
sending loses those reminders (at most once, never twice); they show as claimed but
unsent in `SentReminder`.

Commitments are read in batches of primary keys, with a fixed number of queries per batch
whatever the number of commitments or recipients.
"""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from home.mail import email_link, send_templated_mail
from plans.models import Commitment
from stakeholders.models import Membership

from . import selectors
from .models import ProgressUpdate, SentReminder, iso_week
from .permissions import REPORTING_ROLES

Kind = SentReminder.Kind


@dataclass
class Outcome:
    planned: int = 0  # reminders due to be sent (one per user and commitment)
    sent: int = 0  # those actually sent by this run (not already sent before)
    emails: int = 0
    batches: int = 0
    # Commitments nobody could be told of: no reporter at the agency, no coordinator.
    unreached: int = 0
    lines: list = field(default_factory=list)  # for --dry-run


def _batches(queryset, size):
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _period(kind, commitment, on):
    # Due soon: once per due date. Overdue, and a period report missing: once a week
    # while it stays so.
    if kind == Kind.DUE_SOON:
        return commitment.due_date.isoformat()
    if kind == Kind.PERIOD_REPORT:
        return f"{commitment.due_period_id}:{iso_week(on)}"
    return iso_week(on)


def _claim(keys):
    """Claim (user_id, kind, subject, period) keys: the run's token, and the keys it won."""
    if not keys:
        return "", set()
    SentReminder.objects.bulk_create(
        [SentReminder(user_id=u, kind=k, subject=s, period=p) for u, k, s, p in keys],
        ignore_conflicts=True,
    )
    token = uuid.uuid4().hex
    users, kinds, subjects, periods = (set(part) for part in zip(*keys, strict=True))
    SentReminder.objects.filter(
        claim_token="",
        sent_at__isnull=True,
        user_id__in=users,
        kind__in=kinds,
        subject__in=subjects,
        period__in=periods,
    ).update(claim_token=token)
    claimed = set(
        SentReminder.objects.filter(claim_token=token).values_list(
            "user_id", "kind", "subject", "period"
        )
    )
    return token, claimed & set(keys)


def _send(template, to, context):
    return send_templated_mail(f"tracking/email/{template}", to=to, context=context)


def _new_update_url(commitment_id):
    """A period report or an indicator's figure is filed with a progress update."""
    return email_link(reverse("progress_updates:add") + f"?commitment={commitment_id}")


def _commitment_url(commitment):
    if getattr(commitment, "due_period_id", None):  # a period report to file
        return _new_update_url(commitment.pk)
    return email_link(reverse("wagtailsnippets_plans_commitment:edit", args=[commitment.pk]))


def send_reminders(*, on: datetime.date, dry_run=False, batch_size=None) -> Outcome:
    batch_size = batch_size or settings.TRACKING_REMINDER_BATCH_SIZE
    outcome = Outcome()
    for kind, queryset in (
        (Kind.DUE_SOON, selectors.commitments_due_soon(on=on)),
        (Kind.OVERDUE, selectors.commitments_overdue(on=on)),
        (Kind.PERIOD_REPORT, selectors.commitments_period_report_due(on=on)),
    ):
        queryset = queryset.select_related(
            "lead_agency", "focal_person__user", "focal_deputy__user"
        )
        for batch in _batches(queryset, batch_size):
            outcome.batches += 1
            targets = [_commitment_target(kind, c, on) for c in batch]
            _remind_batch(kind, targets, on, dry_run, outcome)
    indicators = selectors.indicators_figure_due(on=on).select_related(
        "commitment__lead_agency",
        "reporting_agency",
        "focal_person__user",
        "focal_deputy__user",
    )
    for batch in _batches(indicators, batch_size):
        outcome.batches += 1
        targets = [_indicator_target(indicator, on) for indicator in batch]
        _remind_batch(Kind.INDICATOR_FIGURE, targets, on, dry_run, outcome)
    return outcome


@dataclass(frozen=True)
class _Target:
    """What one reminder is about, and who answers for it: its focal people who can be
    reached, else the agency's reporters, else the country's coordinators."""

    item: object  # a commitment, or an indicator
    subject: str
    period: str
    agency: object  # the agency that answers for it
    focal: tuple
    due: datetime.date | None  # the e-mail lists the soonest due first
    link: Callable[[], str]  # where to do what is asked; built only for what is sent
    label: str  # for --dry-run

    @property
    def agency_id(self):
        return self.agency.pk

    @property
    def country_id(self):
        return self.agency.country_id


def _commitment_target(kind, commitment, on):
    return _Target(
        item=commitment,
        subject=str(commitment.pk),
        period=_period(kind, commitment, on),
        agency=commitment.lead_agency,
        focal=_focal_recipients(commitment, agency_id=commitment.lead_agency_id),
        due=commitment.due_date,
        link=partial(_commitment_url, commitment),
        label=f"{commitment.title} (due {commitment.due_date})",
    )


def _indicator_target(indicator, on):
    """An indicator's figure is asked of its reporting agency (the lead agency when none
    is named), once a week for the period that misses it."""
    agency = indicator.reporting_agency or indicator.commitment.lead_agency
    return _Target(
        item=indicator,
        subject=f"indicator:{indicator.pk}",
        period=f"{indicator.due_to.isoformat()}:{iso_week(on)}",
        agency=agency,
        focal=_focal_recipients(indicator, agency_id=agency.pk),
        due=indicator.due_to,
        link=partial(_new_update_url, indicator.commitment_id),
        label=f"{indicator.name}, {indicator.commitment.title} ({indicator.due_to:%Y-%m-%d})",
    )


def _focal_recipients(item, *, agency_id):
    """The focal person and deputy (already joined) who can be reached: drafters or heads
    of the agency that answers for it, active, with an e-mail address."""
    found = []
    for member in (item.focal_person, item.focal_deputy):
        if (
            member is not None
            and member.role in REPORTING_ROLES
            and member.agency_id == agency_id
            and member.user.is_active
            and member.user.email
        ):
            found.append((member.user_id, member.user.email, member.user.first_name))
    return tuple(found)


def _remind_batch(kind, targets, on, dry_run, outcome):
    wanted = {}  # key -> (user fields, target, for another agency)
    by_agency = defaultdict(list)
    for target in targets:
        for user in target.focal:
            wanted[(user[0], kind, target.subject, target.period)] = (user, target, False)
        if not target.focal:
            by_agency[target.agency_id].append(target)
    reached = set()
    reporters = Membership.objects.none()
    if by_agency:
        reporters = _reachable(
            Membership.objects.filter(agency_id__in=by_agency, role__in=REPORTING_ROLES)
        )
    for agency_id, user_id, email, first_name in reporters.values_list(
        "agency_id", "user_id", "user__email", "user__first_name"
    ):
        reached.add(agency_id)
        for target in by_agency[agency_id]:
            key = (user_id, kind, target.subject, target.period)
            wanted[key] = ((user_id, email, first_name), target, False)
    # An agency nobody reports for (no drafter or head with an e-mail, such as a ministry
    # without accounts) still has its late work chased: by its country's coordinators.
    by_country = defaultdict(list)
    for agency, agency_targets in by_agency.items():
        if agency not in reached:
            for target in agency_targets:
                by_country[target.country_id].append(target)
    covered = set()
    if by_country:
        coordinators = _reachable(
            Membership.objects.filter(
                agency__country_id__in=by_country, role=Membership.Role.COORDINATOR
            )
        ).values_list("agency__country_id", "user_id", "user__email", "user__first_name")
        for country_id, user_id, email, first_name in coordinators.distinct():
            covered.add(country_id)
            for target in by_country[country_id]:
                key = (user_id, kind, target.subject, target.period)
                wanted.setdefault(key, ((user_id, email, first_name), target, True))
    outcome.unreached += sum(
        len(ts) for country, ts in by_country.items() if country not in covered
    )
    outcome.planned += len(wanted)
    if dry_run:
        outcome.lines += [
            f"{kind}: {email} · {target.label}" + (f" · for {target.agency}" if for_other else "")
            for (_uid, email, _name), target, for_other in wanted.values()
        ]
        return
    token, claimed = _claim(list(wanted))
    per_user = defaultdict(lambda: ([], []))
    for key in claimed:
        user, target, for_other = wanted[key]
        per_user[user][1 if for_other else 0].append(target)
    for (_user_id, email, first_name), (own, others) in per_user.items():
        context = {
            "kind": kind,
            "name": first_name,
            "items": _items(own),
            "unreported": _items(others),
            "on": on,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        outcome.emails += _send(TEMPLATES.get(kind, "reminder"), email, context)
        outcome.sent += len(own) + len(others)
    if claimed:
        SentReminder.objects.filter(claim_token=token).update(sent_at=timezone.now())


TEMPLATES = {Kind.PERIOD_REPORT: "period_report", Kind.INDICATOR_FIGURE: "indicator_figure"}


def _reachable(memberships):
    return memberships.filter(user__is_active=True).exclude(user__email="")


def _items(targets):
    """Each commitment or indicator with the link that opens what to do about it, the
    soonest due first."""

    def order(target):
        return (target.due or datetime.date.max, target.item.pk)

    return [(target.item, target.link()) for target in sorted(targets, key=order)]


DIGEST_ROWS = 50


def _first_per_country(queryset, country, order, n=DIGEST_ROWS):
    """The first `n` rows of each country (by `order`), in one query."""
    return queryset.annotate(
        digest_country=F(country),
        digest_rank=Window(RowNumber(), partition_by=[F(country)], order_by=order),
    ).filter(digest_rank__lte=n)


def digests_for(*, countries, on: datetime.date) -> dict:
    """What each coordinator reads each week, per country id: new updates, overdue items,
    items in review. Three queries whatever the number of countries."""
    since = on - datetime.timedelta(days=7)
    countries = list(countries)
    commitments = Commitment.objects.filter(plan__country__in=countries)
    digests = {c: {"new_updates": [], "overdue": [], "in_review": []} for c in countries}
    parts = (
        (
            "new_updates",
            ProgressUpdate.objects.filter(
                commitment__plan__country__in=countries, published_at__date__gte=since
            ).select_related("commitment", "agency"),
            "commitment__plan__country",
            [F("published_at").desc(), F("pk").desc()],
        ),
        (
            "overdue",
            selectors.commitments_overdue(
                on=on, queryset=commitments.filter(live=True)
            ).select_related("lead_agency"),
            "plan__country",
            [F("due_date").asc(), F("pk").asc()],
        ),
        (
            "in_review",
            commitments.filter(_workflow_states__status="in_progress").select_related(
                "lead_agency"
            ),
            "plan__country",
            [F("pk").asc()],
        ),
    )
    for name, queryset, country, order in parts:
        rows = _first_per_country(queryset, country, order).order_by("digest_country", *order)
        for row in rows:
            digests[row.digest_country][name].append(row)
    return digests


def digest_for(*, countries, on: datetime.date):
    """One country's digest (see digests_for)."""
    [country] = countries
    return digests_for(countries=[country], on=on)[country]


def send_digests(*, on: datetime.date, dry_run=False, batch_size=None) -> Outcome:
    """The weekly digest to every active coordinator with an email address, in batches of
    `TRACKING_DIGEST_BATCH_SIZE` coordinators with a fixed number of queries each."""
    batch_size = batch_size or settings.TRACKING_DIGEST_BATCH_SIZE
    outcome = Outcome()
    period = iso_week(on)
    coordinators = (
        Membership.objects.filter(role=Membership.Role.COORDINATOR, user__is_active=True)
        .exclude(user__email="")
        .order_by("pk")
    )
    last_pk = 0
    while True:
        batch = list(
            coordinators.filter(pk__gt=last_pk).values_list(
                "pk", "user_id", "user__email", "user__first_name", "agency__country"
            )[:batch_size]
        )
        if not batch:
            return outcome
        last_pk = batch[-1][0]
        outcome.batches += 1
        _digest_batch(batch, on, period, dry_run, outcome)


def _digest_batch(batch, on, period, dry_run, outcome):
    digests = digests_for(countries={row[4] for row in batch}, on=on)
    outcome.planned += len(batch)
    if dry_run:
        for _pk, _user_id, email, _name, country_id in batch:
            digest = digests[country_id]
            outcome.lines.append(
                f"digest: {email} · {len(digest['new_updates'])} updates, "
                f"{len(digest['overdue'])} overdue, {len(digest['in_review'])} in review"
            )
        return
    keys = [(user_id, Kind.DIGEST, "digest", period) for _pk, user_id, *_rest in batch]
    token, claimed = _claim(keys)
    for _pk, user_id, email, first_name, country_id in batch:
        key = (user_id, Kind.DIGEST, "digest", period)
        if key not in claimed:
            continue
        claimed.discard(key)  # one digest per person, whatever their memberships
        context = {
            **digests[country_id],
            "name": first_name,
            "on": on,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        outcome.emails += _send("digest", email, context)
        outcome.sent += 1
    if claimed:
        SentReminder.objects.filter(claim_token=token).update(sent_at=timezone.now())
