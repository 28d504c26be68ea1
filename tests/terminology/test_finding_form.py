"""/admin/findings/: a finding is checked in its country's language. A term to avoid is a
warning with the agreed term on an internal finding, and refused on a public one (making a
finding public is publishing it), unless it sits inside an accepted quotation."""

import pytest

from plans.models import Finding
from stakeholders.models import Membership

from ..factories import AgencyFactory, CountryFactory, UserFactory, member
from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db

WARNING_ES = "Terminology: avoid “pornografía infantil” → use “material de abuso sexual infantil”"


@pytest.fixture
def peru():
    return CountryFactory(code="pe", name="Peru", default_language="es")


@pytest.fixture
def pe_coordinator(peru):
    agency = AgencyFactory(country=peru, name="Ministerio de la Mujer", acronym="MIMP")
    user = UserFactory(username="pe-coordinator")
    member(user, agency, Membership.Role.COORDINATOR)
    return user


def form(country, **changes):
    data = {
        "country": country.pk,
        "title": "Vacío legal",
        "text": "El código penal no tipifica el grooming.",
        "terminology_quotations": "",
        "source_kind": "legislative_review",
        "source_title": "Revisión legislativa 2025",
        "source_url": "",
        "date": "2025-03-01",
        "severity": "high",
        "status": "open",
        "reason": "",
        "capabilities": [],
    }
    data.update(changes)
    return data


def test_an_internal_finding_is_saved_with_a_warning_in_its_countrys_language(
    client, peru, pe_coordinator
):
    client.force_login(pe_coordinator)
    text = "La pornografía infantil circula en redes sociales."
    response = client.post("/admin/findings/new/", form(peru, text=text))
    assert response.status_code == 302, response.content.decode()[:2000]
    finding = Finding.objects.get(title="Vacío legal")
    assert finding.text == text and not finding.public
    html = client.get(f"/admin/findings/edit/{finding.pk}/").content.decode()
    assert WARNING_ES in html
    field_html = html.split('id="id_text"')[0].rsplit('data-contentpath="text"', 1)[-1]
    assert "terminology-warning" in field_html


def test_making_a_finding_public_with_a_term_to_avoid_is_refused(client, peru, pe_coordinator):
    finding = make_finding(peru, title="Vacío legal", public=False)
    client.force_login(pe_coordinator)
    data = form(peru, text="La PORNOGRAFIA INFANTIL circula en redes.", public="on")
    response = client.post(f"/admin/findings/edit/{finding.pk}/", data)
    assert response.status_code == 200
    assert "“PORNOGRAFIA INFANTIL” is a term to avoid" in response.content.decode()
    finding.refresh_from_db()
    assert not finding.public
    assert "PORNOGRAFIA" not in finding.text


def test_a_new_public_finding_with_a_term_to_avoid_is_refused(client, peru, pe_coordinator):
    client.force_login(pe_coordinator)
    data = form(peru, title="Pornografía infantil en línea", public="on")
    response = client.post("/admin/findings/new/", data)
    assert response.status_code == 200
    assert "“Pornografía infantil” is a term to avoid" in response.content.decode()
    assert not Finding.objects.exists()


def test_english_is_checked_in_every_country(client, kenya, ke_coordinator):
    client.force_login(ke_coordinator)
    data = form(kenya, text="No unit investigates child pornography.", public="on")
    response = client.post("/admin/findings/new/", data)
    assert response.status_code == 200
    assert "“child pornography” is a term to avoid" in response.content.decode()
    assert not Finding.objects.exists()


def test_a_quoted_law_title_may_be_made_public(client, kenya, ke_coordinator):
    law = "Anti-Child Pornography Act of 2009"
    client.force_login(ke_coordinator)
    data = form(
        kenya,
        text=f"The {law} is not applied to live streaming.",
        terminology_quotations=law,
        public="on",
    )
    response = client.post("/admin/findings/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Finding.objects.get().public


def test_the_agreed_term_may_be_made_public(client, peru, pe_coordinator):
    client.force_login(pe_coordinator)
    data = form(peru, text="El material de abuso sexual infantil circula.", public="on")
    assert client.post("/admin/findings/new/", data).status_code == 302
    assert Finding.objects.get().public


def test_the_service_refuses_a_public_finding_with_a_term_to_avoid(peru):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        make_finding(peru, text="Bloquear la pornografía infantil.", public=True)
    assert "text" in refused.value.message_dict
    assert not Finding.objects.exists()
