"""Words in another language than the page's carry `lang` (WCAG 2.2, 3.1.2 Language of
Parts), so a screen reader reads them in their own language: an agency named in English
on an Arabic page, a progress narrative written in the plan's language."""

import pytest

from plans import services
from plans.models import Capability
from stakeholders import services as stakeholder_services

from ..factories import AgencyFactory, CountryFactory, make_plan_in_its_language, make_update

pytestmark = pytest.mark.django_db

SLUG = "jo-2025-2030"
NARRATIVE = "تم تدريب أربعين محققًا"


@pytest.fixture
def jo_commitment(db):
    jordan = CountryFactory(code="jo", name="Jordan", default_language="ar")
    capability = Capability.objects.get(framework__code="MNR-2016", number=4)
    plan = make_plan_in_its_language(
        jordan,
        title="الخطة الوطنية",
        objective="تعزيز التحقيق",
        start=2025,
        end=2030,
        slug=SLUG,
    )
    agency = AgencyFactory(country=jordan, name="Family Protection Department", acronym="FPD")
    agency.name_language = "en"
    stakeholder_services.agency_save(agency=agency)
    commitment = services.commitment_create(
        actor=None,
        plan=plan,
        capability=capability,
        title="تدريب المحققين",
        lead_agency=agency,
        publish=True,
    )
    make_update(commitment, narrative=NARRATIVE, publish=True)
    return commitment


def page(client, commitment, prefix):
    url = f"{prefix}/plans/{SLUG}/commitments/{commitment.pk}/"
    return client.get(url).content.decode()


def test_an_english_agency_name_is_marked_english_on_the_arabic_page(client, jo_commitment):
    arabic = page(client, jo_commitment, "/ar")
    assert '<bdi dir="ltr" lang="en">\u2068Family Protection Department (FPD)' in arabic
    english = page(client, jo_commitment, "")
    assert '<bdi dir="ltr">\u2068Family Protection Department (FPD)' in english


def test_a_narrative_is_marked_with_the_plans_language_elsewhere(client, jo_commitment):
    english = page(client, jo_commitment, "")
    assert f'<p dir="auto" lang="ar">{NARRATIVE}</p>' in english
    assert "As the agency wrote them, in Arabic." in english
    arabic = page(client, jo_commitment, "/ar")
    assert f'<p dir="auto">{NARRATIVE}</p>' in arabic
    assert "As the agency wrote them" not in arabic
