"""Reports → Terminology findings lists the country's findings register too, each finding
checked in its country's language, marked internal until it is public."""

import pytest

from ..factories import CountryFactory, make_plan
from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db

URL = "/admin/reports/terminology/"


def test_the_report_lists_the_findings_register(client, ke_plan, ke_coordinator, jordan):
    make_finding(
        ke_plan.country, title="Kenyan gap", text="Child pornography is not defined.", public=False
    )
    make_finding(jordan, title="JOSECRET gap", text="Child pornography circulates.", public=False)
    client.force_login(ke_coordinator)
    html = client.get(URL).content.decode()
    assert "Kenyan gap" in html and " · internal" in html
    assert "Child pornography" in html
    assert "child sexual abuse material (CSAM)" in html
    assert "JOSECRET" not in html


def test_a_finding_is_checked_in_its_countrys_language(client, superuser):
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    plan = make_plan(peru)
    make_finding(peru, title="Vacío", text="La pornografía infantil circula.", public=False)
    client.force_login(superuser)
    html = client.get(f"{URL}?plan={plan.pk}").content.decode()
    assert "pornografía infantil" in html
    assert "material de abuso sexual infantil" in html
