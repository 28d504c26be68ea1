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
