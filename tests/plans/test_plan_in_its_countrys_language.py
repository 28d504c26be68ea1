"""A plan is created in its country's language, under that language's /plans/, and its
address is its own across every language."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans import services
from plans.models import Capability, NationalPlanPage, PlanIndexPage

from ..factories import AgencyFactory, CountryFactory, UserFactory, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def peru(db):
    return CountryFactory(code="pe", name="Peru", default_language="es")


def add(country, slug="pe-2025-2030", **kwargs):
    return services.plan_add(
        actor=kwargs.pop("actor", None),
        country=country,
        title=kwargs.pop("title", "Plan Nacional"),
        slug=slug,
        period_start=kwargs.pop("period_start", 2025),
        period_end=kwargs.pop("period_end", 2030),
        **kwargs,
    )


def test_a_plan_is_written_in_its_countrys_language(peru, jordan):
    plan = add(peru)
    assert plan.locale.language_code == "es"
    index = plan.get_parent().specific
    assert isinstance(index, PlanIndexPage) and index.locale.language_code == "es"
    english = PlanIndexPage.objects.get(locale__language_code="en")
    assert index.translation_key == english.translation_key, "one index, in every language"
    arabic = add(jordan, slug="jo-2025-2030")
    assert arabic.locale.language_code == "ar"
    assert PlanIndexPage.objects.filter(locale__language_code="es").count() == 1


def test_the_original_is_the_plan_as_written(peru, kenya):
    plan = add(peru)
    english_plan = make_plan(kenya)
    originals = NationalPlanPage.objects.originals()
    assert set(originals.values_list("pk", flat=True)) == {plan.pk, english_plan.pk}


def test_a_slug_is_unique_across_languages(peru, kenya):
    make_plan(kenya, start=2025, end=2029)  # slug ke-2025-2029, in English
    with pytest.raises(ValidationError) as refused:
        add(peru, slug="ke-2025-2029")
    assert "slug" in refused.value.message_dict
    assert "already has the address “ke-2025-2029”" in refused.value.message_dict["slug"][0]
    assert not NationalPlanPage.objects.filter(country=peru).exists()


def test_only_the_countrys_coordinators_add_its_plan(peru, ke_coordinator):
    with pytest.raises(PermissionDenied):
        add(peru, actor=ke_coordinator)
    outsider = UserFactory(username="nobody")
    with pytest.raises(PermissionDenied):
        add(peru, actor=outsider)


def test_a_translation_in_the_original_language_is_refused(peru):
    plan = add(peru, publish=True)
    plan_services_capability = Capability.objects.get(framework__code="MNR-2016", number=4)
    plan.capability_sections.create(capability=plan_services_capability, objective="Objetivo")
    agency = AgencyFactory(country=peru, name="Policía", acronym="PNP")
    with pytest.raises(ValidationError):
        services.commitment_create(
            actor=None,
            plan=plan,
            capability=plan_services_capability,
            title="Capacitar",
            lead_agency=agency,
            translations=[{"language_code": "es", "title": "Otra vez"}],
        )
