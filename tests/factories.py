"""Factories that build through the services, so tests see the groups the app would make."""

import factory
from django.contrib.auth import get_user_model

from stakeholders import services
from stakeholders.models import Agency, Country, Membership

PASSWORD = "test-pass-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    code = "ke"
    name = "Kenya"
    default_language = "en"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.country_save(country=model_class(*args, **kwargs))


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    country = factory.SubFactory(CountryFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    acronym = factory.Sequence(lambda n: f"AG{n}")
    sector = Agency.Sector.GOVERNMENT_MINISTRY

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.agency_save(agency=model_class(*args, **kwargs))


def member(user, agency, role=Membership.Role.DRAFTER):
    return services.membership_create(user=user, agency=agency, role=role)


def make_plan(country, *, capabilities=(4, 11, 21), start=2025, end=2029, publish=True):
    """A national plan page under /plans/, with one section per capability number."""
    from plans import services as plan_services
    from plans.models import Capability, NationalPlanPage, PlanIndexPage

    plan = NationalPlanPage(
        title=f"{country.name} national plan {start}-{end}",
        slug=f"{country.code}-{start}-{end}",
        country=country,
        period_start=start,
        period_end=end,
        live=publish,  # Page.live defaults to True; a draft must start unpublished
    )
    for place, number in enumerate(capabilities):
        plan.capability_sections.add(
            plan.capability_sections.model(
                sort_order=place,
                capability=Capability.objects.get(framework__code="MNR-2016", number=number),
                objective=f"Objective for capability {number}",
            )
        )
    PlanIndexPage.objects.get(locale__language_code="en").add_child(instance=plan)
    revision = plan.save_revision()
    if publish:
        revision.publish()
    plan_services.plan_setup(plan=plan)
    return NationalPlanPage.objects.get(pk=plan.pk)


def make_plan_in_its_language(
    country, *, title, objective="—", start=2025, end=2030, capability=4, slug=None
):
    """A published plan written in its country's language (under that language's
    /plans/, as `plan_add` does), with one section."""
    from plans import services as plan_services
    from plans.models import Capability

    return plan_services.plan_add(
        actor=None,
        country=country,
        title=title,
        slug=slug or f"{country.code}-{start}-{end}",
        period_start=start,
        period_end=end,
        sections=[
            {
                "capability": Capability.objects.get(framework__code="MNR-2016", number=capability),
                "objective": objective,
            }
        ],
        publish=True,
    )


def make_commitment(
    plan, lead_agency, *, title=None, capability=4, supporting=(), publish=True, **fields
):
    from plans import services as plan_services
    from plans.models import Capability

    return plan_services.commitment_create(
        actor=None,
        plan=plan,
        capability=Capability.objects.get(framework__code="MNR-2016", number=capability),
        title=title or f"Commitment led by {lead_agency.acronym}",
        lead_agency=lead_agency,
        supporting_agencies=supporting,
        publish=publish,
        **fields,
    )


def make_update(commitment, *, actor=None, status="on_track", progress=10, **fields):
    """A progress update through the service, as the lead agency (or `actor`) reports it."""
    from tracking import services as tracking_services

    fields.setdefault("narrative", "Started.")
    return tracking_services.progress_update_create(
        actor=actor, commitment=commitment, status=status, progress=progress, **fields
    )


def translate_page(page, code, **fields):
    """What "Translate this page" then publishing does: a live copy in that locale, with
    `fields` set on it."""
    from plans import services as plan_services

    return plan_services.plan_translation_publish_as_system(
        plan=page, language_code=code, fields=fields
    )


def open_period(plan, year=2025, *, actor=None, slug=None):
    """A calendar-year reporting period of the plan, opened through the service, its
    reports due by 31 January of the next year."""
    import datetime

    from tracking import services as tracking_services

    return tracking_services.reporting_period_open(
        actor=actor,
        plan=plan,
        title=str(year),
        slug=slug or str(year),
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        deadline=datetime.date(year + 1, 1, 31),
    )


def training(*, participants=None, days_ago=10, **fields):
    """The keyword arguments of one training (`tracking.services.training_create`), for
    `make_update(..., trainings=[training(...)])`; `participants` maps an audience to a
    count, or to `{sex: count}`."""
    import datetime

    from django.utils import timezone

    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    rows = []
    for audience, people in (participants or {"police": 12}).items():
        by_sex = people if isinstance(people, dict) else {"other": people}
        rows += [{"audience": audience, "sex": s, "people": n} for s, n in by_sex.items()]
    values = {
        "title": "Investigating online child sexual exploitation",
        "starts_on": day,
        "ends_on": day + datetime.timedelta(days=2),
        "mode": "in_person",
        "city": "Nairobi",
        "participants": rows,
    }
    values.update(fields)
    return values


def make_indicator_commitment(plan, lead_agency, **indicator):
    """ "Train investigators", with one indicator that has yearly targets for 2025 and 2026
    (`indicator` overrides its fields)."""
    fields = {
        "name": "Investigators trained",
        "unit": "officers",
        "baseline": 35,
        "baseline_year": 2024,
        "target": 250,
        "targets": [{"year": 2025, "value": 100}, {"year": 2026, "value": 180}],
        **indicator,
    }
    return make_commitment(plan, lead_agency, title="Train investigators", indicators=[fields])
