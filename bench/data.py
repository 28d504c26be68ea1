"""Synthetic plans for the benchmark, written in bulk.

A *world* (countries, agencies, accounts, a published plan page per country) is made
through the services, as the admin would. Commitments are then written in bulk
(`write_rows`: COPY on PostgreSQL, `bulk_create` elsewhere): each one is live, with a first
revision that is its live and latest revision (as publishing leaves it), the object
permissions `commitment_sync_permissions` would grant, supporting agencies, INSPIRE
strategies, indicators (with a target for each year of the plan if asked), ten published
progress updates with a measurement per indicator (and, for training commitments, people to
train and a training per update with its participants).
"""

import datetime
import operator
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from guardian.models import GroupObjectPermission
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Revision

from plans import permissions
from plans import services as plan_services
from plans.models import (
    Capability,
    Commitment,
    CommitmentIndicator,
    IndicatorTarget,
    InspireStrategy,
    NationalPlanPage,
    PlanIndexPage,
    TrainingTarget,
)
from publishing import caching
from stakeholders import services
from stakeholders.models import Agency, Country, Membership
from tracking.models import IndicatorMeasurement, ProgressUpdate, Training, TrainingParticipants

UPDATES_PER_COMMITMENT = 10
INDICATORS_PER_COMMITMENT = 2
PASSWORD = "bench-pass-2026"  # noqa: S105 - throwaway accounts in a throwaway database

S = Agency.Sector
AGENCIES = (
    ("Directorate of Children Services", "DCS", S.SOCIAL_WELFARE),
    ("Child Protection Unit of the Police", "CPU", S.LAW_ENFORCEMENT),
    ("National Child Helpline", "116", S.CHILD_HELPLINE),
    ("Office of Public Prosecutions", "OPP", S.PROSECUTION_JUDICIARY),
    ("Communications Regulator", "CR", S.ICT_REGULATOR),
    ("Ministry of Education", "MoE", S.EDUCATION),
)
STATUSES = (
    Commitment.Status.ON_TRACK,
    Commitment.Status.NOT_STARTED,
    Commitment.Status.AT_RISK,
    Commitment.Status.ON_TRACK,
    Commitment.Status.DELAYED,
    Commitment.Status.COMPLETED,
)


@dataclass
class World:
    country: Country
    plan: NationalPlanPage
    agencies: list
    coordinator: object
    drafters: list


def _user(username, **fields):
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", **fields}
    )
    user.set_password(PASSWORD)
    user.save()
    return user


@transaction.atomic
def make_world(code="ke", name="Kenya", start=2025, end=2029) -> World:
    """A country with six agencies, a coordinator, a drafter per agency and a published
    plan page covering all 21 MNR capabilities."""
    country = services.country_save(country=Country(code=code, name=name, default_language="en"))
    agencies = [
        services.agency_save(
            agency=Agency(
                country=country, name=f"{agency} ({name})", acronym=acronym, sector=sector
            )
        )
        for agency, acronym, sector in AGENCIES
    ]
    coordinator = _user(f"{code}-coordinator", first_name=name)
    services.membership_create(
        user=coordinator, agency=agencies[0], role=Membership.Role.COORDINATOR
    )
    # Coordinators must use two-factor authentication: an authenticator they have set up.
    TOTPDevice.objects.get_or_create(
        user=coordinator, name="Authenticator app", defaults={"confirmed": True}
    )
    drafters = []
    for agency in agencies:
        drafter = _user(f"{code}-drafter-{agency.acronym.lower()}", first_name=agency.acronym)
        services.membership_create(user=drafter, agency=agency, role=Membership.Role.DRAFTER)
        drafters.append(drafter)
    plan_services.country_review_setup(country=country)
    plan = NationalPlanPage(
        title=f"{name}: national plan of action {start}-{end}",
        slug=f"{code}-{start}-{end}",
        country=country,
        period_start=start,
        period_end=end,
        plan_status=NationalPlanPage.PlanStatus.ADOPTED,
        summary="<p>A synthetic plan for the benchmark.</p>",
        vision="<p>Every child is safe online.</p>",
    )
    capabilities = Capability.objects.filter(framework__code="MNR-2016").order_by("number")
    for place, capability in enumerate(capabilities):
        plan.capability_sections.add(
            plan.capability_sections.model(
                sort_order=place,
                capability=capability,
                objective=f"Objective for capability {capability.number}",
                baseline_finding="What the needs assessment found.",
            )
        )
    PlanIndexPage.objects.get().add_child(instance=plan)
    plan.save_revision().publish()
    plan_services.plan_setup(plan=plan)
    return World(
        country=country,
        plan=NationalPlanPage.objects.get(pk=plan.pk),
        agencies=agencies,
        coordinator=coordinator,
        drafters=drafters,
    )


def _due_date(i, today):
    # A tenth overdue, a tenth due within the reminder window, the rest later.
    if i % 10 == 0:
        return today - datetime.timedelta(days=30 + i % 60)
    if i % 10 == 1:
        return today + datetime.timedelta(days=5 + i % 20)
    return today + datetime.timedelta(days=200 + i % 700)


def _cluster_prefetches(model, prefix=""):
    """Every child relation `serializable_data` walks (child objects, theirs, parental
    many-to-many): unprefetched, a revision costs about ten queries."""
    names = [f"{prefix}{f.name}" for f in get_all_child_m2m_relations(model)]
    for relation in get_all_child_relations(model):
        name = f"{prefix}{relation.get_accessor_name()}"
        names.append(name)
        names += _cluster_prefetches(relation.related_model, f"{name}__")
    return names


def _grants(country, lead, supporting):
    """What permissions.commitment_grants says, without its queries."""
    grants = {}
    for group_id, actions in (
        (country.coordinators_group_id, permissions.COORDINATOR_ACTIONS),
        (country.reviewers_group_id, permissions.REVIEWER_ACTIONS),
        (country.viewers_group_id, permissions.VIEWER_ACTIONS),
        (lead.group_id, permissions.LEAD_AGENCY_ACTIONS),
        *((a.group_id, permissions.SUPPORTING_AGENCY_ACTIONS) for a in supporting),
    ):
        grants.setdefault(group_id, set()).update(actions)
    return grants


def fill_plan(
    world: World,
    count: int,
    *,
    start: int = 0,
    updates_each: int = UPDATES_PER_COMMITMENT,
    spacing_days: int = 30,
    yearly_targets: bool = False,
) -> list[int]:
    """Add `count` live commitments with everything they carry; returns their ids.
    `updates_each` published progress updates each, `spacing_days` apart (91: quarterly);
    `yearly_targets`: each indicator a target for each year of the plan (off by default:
    tests write their own)."""
    plan, country, agencies = world.plan, world.country, world.agencies
    today = timezone.localdate()
    now = timezone.now()
    capabilities = [s.capability for s in plan.capability_sections.select_related("capability")]
    strategies = list(InspireStrategy.objects.order_by("number"))
    commitments = []
    for i in range(start, start + count):
        lead = agencies[i % len(agencies)]
        training = i % 5 == 0
        commitments.append(
            Commitment(
                plan=plan,
                capability=capabilities[i % len(capabilities)],
                title=f"Synthetic commitment {i:04d}: strengthen the response, step {i}",
                description="What will be done, by whom, for whom. " * 4,
                lead_agency=lead,
                start_date=today - datetime.timedelta(days=400),
                due_date=_due_date(i, today),
                estimated_cost=Decimal(1000 + i),
                currency="KES",
                funding_source="National budget",
                budget_visibility=Commitment.BudgetVisibility.PUBLIC
                if i % 2
                else Commitment.BudgetVisibility.INTERNAL,
                kind=Commitment.Kind.TRAINING if training else Commitment.Kind.ACTION,
                delivery=Commitment.Delivery.BLENDED if training else "",
                status=STATUSES[i % len(STATUSES)],
                progress=(i * 7) % 101,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
        )
    write_rows(commitments)

    supporting_by_id, m2m_support, m2m_inspire, indicators = {}, [], [], []
    SupportThrough = Commitment.supporting_agencies.through
    InspireThrough = Commitment.inspire_strategies.through
    for n, commitment in enumerate(commitments):
        others = [a for a in agencies if a.pk != commitment.lead_agency_id]
        supporting = list(dict.fromkeys([others[n % len(others)], others[(n + 1) % len(others)]]))
        supporting_by_id[commitment.pk] = supporting
        m2m_support += [
            SupportThrough(commitment_id=commitment.pk, agency_id=a.pk) for a in supporting
        ]
        m2m_inspire.append(
            InspireThrough(
                commitment_id=commitment.pk, inspirestrategy_id=strategies[n % len(strategies)].pk
            )
        )
        for k in range(INDICATORS_PER_COMMITMENT):
            indicators.append(
                CommitmentIndicator(
                    commitment=commitment,
                    sort_order=k,
                    name=f"Indicator {k + 1}",
                    unit="people",
                    baseline=Decimal(10 * k),
                    baseline_year=plan.period_start - 1,
                    target=Decimal(100 + 10 * k),
                    means_of_verification="Agency records",
                )
            )
    write_rows(m2m_support)
    write_rows(m2m_inspire)
    write_rows(indicators)
    # A target for each year of the plan, rising from the baseline to the final target.
    years = range(plan.period_start, plan.period_end + 1) if yearly_targets else ()
    write_rows(
        [
            IndicatorTarget(
                indicator=indicator,
                sort_order=n,
                year=year,
                value=(
                    indicator.baseline
                    + (indicator.target - indicator.baseline) * (n + 1) / len(years)
                ).quantize(Decimal("0.01")),
            )
            for indicator in indicators
            for n, year in enumerate(years)
        ]
    )
    write_rows(
        [
            TrainingTarget(commitment=c, audience="police", people=200)
            for c in commitments
            if c.kind == Commitment.Kind.TRAINING
        ]
    )

    # The first revision of each, as publishing leaves it: live and latest.
    content_type = ContentType.objects.get_for_model(Commitment)
    ids = [c.pk for c in commitments]
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(c.pk),
            created_at=now,
            object_str=c.title,
            content=c.serializable_data(),
        )
        for c in Commitment.objects.filter(pk__in=ids).prefetch_related(
            *_cluster_prefetches(Commitment)
        )
    ]
    write_rows(revisions, batch_size=500)
    by_object = {int(r.object_id): r.pk for r in revisions}
    for commitment in commitments:
        commitment.latest_revision_id = commitment.live_revision_id = by_object[commitment.pk]
    Commitment.objects.bulk_update(
        commitments, ["latest_revision", "live_revision"], batch_size=1000
    )

    perm_ids = dict(
        Permission.objects.filter(content_type=content_type).values_list("codename", "pk")
    )
    write_rows(
        [
            GroupObjectPermission(
                group_id=group_id,
                permission_id=perm_ids[f"{action}_commitment"],
                content_type=content_type,
                object_pk=str(c.pk),
            )
            for c in commitments
            for group_id, actions in _grants(
                country,
                agencies[[a.pk for a in agencies].index(c.lead_agency_id)],
                supporting_by_id[c.pk],
            ).items()
            for action in actions
        ]
    )

    # Ten published progress updates each, a quarter apart, the last one setting status.
    updates = []
    for c in commitments:
        for k in range(updates_each):
            last = k == updates_each - 1
            reporting = today - datetime.timedelta(days=spacing_days * (updates_each - k))
            updates.append(
                ProgressUpdate(
                    commitment=c,
                    agency_id=c.lead_agency_id,
                    reporting_date=reporting,
                    status=c.status if last else Commitment.Status.ON_TRACK,
                    progress=c.progress if last else c.progress * k // updates_each,
                    narrative=f"Quarter {k + 1}: activities delivered as planned.",
                    published_at=timezone.make_aware(
                        datetime.datetime.combine(reporting, datetime.time(12))
                    ),
                )
            )
    write_rows(updates)
    indicators_by_commitment = {}
    for indicator in indicators:
        indicators_by_commitment.setdefault(indicator.commitment_id, []).append(indicator)
    measurements, trainings = [], []
    for update in updates:
        for indicator in indicators_by_commitment[update.commitment_id]:
            measurements.append(
                IndicatorMeasurement(
                    update=update,
                    indicator=indicator,
                    measured_on=update.reporting_date,
                    value=indicator.baseline + update.progress,
                    source="Agency records",
                )
            )
        if update.commitment.kind == Commitment.Kind.TRAINING:
            trainings.append(
                Training(
                    update=update,
                    title="Investigation course",
                    starts_on=update.reporting_date,
                    ends_on=update.reporting_date,
                    mode=Training.Mode.IN_PERSON,
                    city="Capital",
                )
            )
    write_rows(measurements)
    write_rows(trainings)
    write_rows(
        [
            TrainingParticipants(training=training, audience="police", sex=sex, people=6)
            for training in trainings
            for sex in (TrainingParticipants.Sex.FEMALE, TrainingParticipants.Sex.MALE)
        ]
    )
    # Written past the receivers a publication goes through: say so as they would, or the
    # plan's stored figures (publishing.figures) would still count what was there before.
    caching.invalidate_plan(plan.pk)
    return ids


def write_rows(objects, *, batch_size=2000):
    """Insert model instances of one model in bulk; their primary keys are set.

    On PostgreSQL through COPY (psycopg 3's `cursor.copy`), with the keys taken from the
    table's sequence first, so rows that point at these can be built before the copy: a
    multi-row INSERT of the same rows spends most of its time compiling and parsing SQL
    (about half of a country's build at 4,000 updates and 8,000 measurements). Elsewhere
    (SQLite, the tests) `bulk_create`. Like `bulk_create`, no signals, no `save()`."""
    if not objects:
        return objects
    model = type(objects[0])
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects, batch_size=batch_size)
    meta = model._meta
    fields = meta.concrete_fields
    with connection.cursor() as cursor:
        if meta.pk.name in {f.name for f in fields} and objects[0].pk is None:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(objects)],
            )
            for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
                obj.pk = pk
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        readers = [_reader(f) for f in fields]
        with cursor.cursor.copy(
            f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objects:
                copy.write_row([read(obj) for read in readers])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objects


_PLAIN = (
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.DateField,
    models.DecimalField,
    models.IntegerField,
    models.TextField,
)


def _reader(field):
    """How `write_rows` reads a column off an instance. Django's own preparation
    (`pre_save`, `get_db_prep_save`) costs more per row than the copy itself, and psycopg
    adapts plain values (str, int, Decimal, date, aware datetime) as they are; so it is
    kept for the fields that need it: JSON, StreamField and any field class of a
    library, `auto_now(_add)`."""
    attname = field.attname
    if field.is_relation and (field.many_to_one or field.one_to_one):

        def read(obj):
            # As bulk_create does: a foreign key set to an object saved since.
            value = getattr(obj, attname)
            if value is None and field.is_cached(obj):
                related = field.get_cached_value(obj)
                value = None if related is None else related.pk
                setattr(obj, attname, value)
            return value

        return read
    plain = (
        isinstance(field, _PLAIN)
        and not isinstance(field, models.JSONField)
        and type(field).get_prep_value.__module__.startswith("django.db.models")
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    )
    if plain:
        return operator.attrgetter(attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def counts() -> dict:
    return {
        "commitments": Commitment.objects.count(),
        "indicators": CommitmentIndicator.objects.count(),
        "progress_updates": ProgressUpdate.objects.count(),
        "measurements": IndicatorMeasurement.objects.count(),
        "indicator_targets": IndicatorTarget.objects.count(),
    }
