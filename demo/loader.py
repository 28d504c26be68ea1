"""Demo data for the five programme countries, loaded by `manage.py load_demo`.

Every write goes through the services, so the demo exercises the same rules as the admin.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from stakeholders import services
from stakeholders.models import Agency, Country, Membership

from . import content, plans, progress, reporting, translations
from .consultation import add_demo_consultations
from .countries import (
    COUNTRIES,
    COUNTRY_ACCOUNTS,
    DEMO_COMMENT,
    DEMO_PASSWORD,
    EXTRA_ACCOUNTS,
    DemoAgency,
    DemoCountry,
)
from .findings import add_demo_findings
from .legislation import add_demo_legislation


def _user(username: str, *, first_name: str, last_name: str, superuser: bool = False):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    user.first_name = first_name
    user.last_name = last_name
    user.email = f"{username}@example.org"
    user.is_active = True
    user.is_staff = superuser
    user.is_superuser = superuser
    if created or not user.has_usable_password():
        # Hashing is slow by design; an existing account keeps the password it has.
        user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _set_fields(instance, values: dict) -> bool:
    """Assign values; True when something changed, so reloading adds no empty history."""
    changed = instance.pk is None
    for field, value in values.items():
        if getattr(instance, field) != value:
            setattr(instance, field, value)
            changed = True
    return changed


def _country(spec: DemoCountry) -> Country:
    country = Country.objects.filter(code=spec.code).first() or Country(code=spec.code)
    values = {
        "name": spec.name,
        "default_language": spec.language,
        "update_review": spec.update_review,
    }
    if _set_fields(country, values):
        services.country_save(country=country, comment=DEMO_COMMENT)
    return country


def _agency(country: Country, spec: DemoAgency) -> Agency:
    agency = Agency.objects.filter(country=country, name=spec.name).first() or Agency(
        country=country, name=spec.name
    )
    values = {
        "acronym": spec.acronym,
        "sector": spec.sector,
        "description": spec.description,
        "website": spec.website,
        # The demo names every agency in English, Jordan's and Peru's too.
        "name_language": "en",
        "is_active": True,
    }
    if _set_fields(agency, values):
        services.agency_save(agency=agency, comment=DEMO_COMMENT)
    return agency


def _membership(user, agency: Agency, role: str) -> Membership:
    membership = Membership.objects.filter(user=user, agency=agency).first()
    if membership is None:
        return services.membership_create(user=user, agency=agency, role=role, comment=DEMO_COMMENT)
    if membership.role != role:
        membership.role = role
        return services.membership_save(membership=membership, comment=DEMO_COMMENT)
    services.sync_user_groups(user=user)
    return membership


@transaction.atomic
def load_stakeholders() -> list[str]:
    """Countries, agencies, accounts and memberships. Returns the usernames created."""
    usernames = []
    admin = _user("admin", first_name="Site", last_name="Administrator", superuser=True)
    usernames.append(admin.username)
    for spec in COUNTRIES:
        country = _country(spec)
        agencies = {a.key: _agency(country, a) for a in spec.agencies}
        for suffix, agency_key, role in COUNTRY_ACCOUNTS + EXTRA_ACCOUNTS.get(spec.code, ()):
            username = f"{spec.code}-{suffix}"
            user = _user(username, first_name=spec.name, last_name=suffix.replace("-", " ").title())
            _membership(user, agencies[agency_key], role)
            usernames.append(username)
    return usernames


def load_plans() -> None:
    """Each country's published plan and its commitments (see `demo/content/`)."""
    for spec in COUNTRIES:
        plan = plans.load_country_plan(Country.objects.get(code=spec.code))
        translations.publish_original_language(plan, content.plan_content(spec.code))
        progress.load_progress(plan)
        if plan.country.reviews_updates:
            drafter = get_user_model().objects.get(username=f"{spec.code}-police")
            progress.load_update_in_review(plan, drafter=drafter)
        add_demo_findings(plan.country, plan)
        add_demo_legislation(plan.country, plan)
        reporting.load_reporting(plan)
        add_demo_consultations(plan)


def load_demo() -> list[str]:
    usernames = load_stakeholders()
    load_plans()
    return usernames
