"""The public pages name the MNR capabilities and domains in the visitor's language:
`/compare/`, its CSV, the plan page's capability map and a commitment's page."""

import csv
import io

import pytest
from django.utils.html import escape
from wagtail.models import Locale

from plans.models import Capability

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

# language -> (capability 11, its domain "Victim", capability 21)
EXPECTED = {
    "ar": ("خط مساعدة الأطفال", "الضحايا", "المصطلحات الموحّدة"),
    "es": ("Línea de ayuda a la infancia", "Víctimas", "Terminología universal"),
    "fr": ("Ligne d'écoute pour enfants", "Victimes", "Terminologie universelle"),
    "sw": ("Huduma ya simu ya msaada kwa watoto", "Waathirika", "Istilahi za pamoja"),
}


@pytest.fixture
def published(ke_plan, ke_helpline):
    for code in EXPECTED:
        Locale.objects.get_or_create(language_code=code)
    return make_commitment(ke_plan, ke_helpline, title="Extend the helpline", capability=11)


@pytest.mark.parametrize("language", EXPECTED)
def test_compare_names_capabilities_and_domains_in_the_visitors_language(
    client, published, language
):
    helpline, victim, terminology = map(escape, EXPECTED[language])
    html = client.get(f"/{language}/compare/").content.decode()
    assert f"11. {helpline}" in html
    assert f">{victim}</th>" in html
    assert f"21. {terminology}" in html
    assert "Child helpline" not in html and ">Victim</th>" not in html


def test_the_english_compare_page_stays_english(client, published):
    html = client.get("/compare/").content.decode()
    assert "11. Child helpline" in html and ">Victim</th>" in html


def test_the_compare_csv_reads_like_the_page_with_english_headers(client, published):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/es/compare/export.csv").content.decode().lstrip("\ufeff"))
        )
    )
    helpline = next(r for r in rows if r["capability_number"] == "11")
    assert helpline["capability"] == "Línea de ayuda a la infancia"
    assert helpline["domain"] == "Víctimas"
    english = client.get("/compare/export.csv").content.decode()
    assert "Child helpline" in english


@pytest.mark.parametrize("language", EXPECTED)
def test_the_plan_page_capability_map_is_in_the_visitors_language(
    client, published, ke_plan, language
):
    helpline, victim, terminology = map(escape, EXPECTED[language])
    html = client.get(f"/{language}{ke_plan.url}").content.decode()
    capability_map = html.split('id="map-h"')[1].split('id="gaps-h"')[0]
    assert f"11. {helpline}" in capability_map
    assert f"<h3>{victim}</h3>" in capability_map
    assert "Child helpline" not in capability_map
    # The gaps and the commitments' sections name them the same way.
    assert f"1. {EXPECTED_LEADERSHIP[language]}" in html


EXPECTED_LEADERSHIP = {"ar": "القيادة", "es": "Liderazgo", "fr": "Leadership", "sw": "Uongozi"}


def test_a_commitments_page_names_its_capability_and_domain_in_spanish(client, published):
    url = f"/es{published.plan.url}commitments/{published.pk}/"
    html = client.get(url).content.decode()
    assert "11. Línea de ayuda a la infancia (Víctimas)" in html


def test_exports_keep_the_english_names(client, published, ke_plan):
    data = client.get(f"/es{ke_plan.url}export.json").json()
    commitment = next(c for c in data["commitments"] if c["id"] == published.pk)
    assert commitment["capability_name"] == Capability.objects.get(number=11).name
