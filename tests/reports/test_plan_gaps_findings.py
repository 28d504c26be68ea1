"""The admin gap analysis lists the country's findings that no live commitment answers,
internal ones included (marked), per capability."""

import pytest
from django.urls import reverse

from ..factories import make_commitment
from ..findings_helpers import make_finding

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_every_unanswered_finding(client, ke_plan, ke_police, ke_coordinator):
    make_finding(ke_plan.country, title="Openword finding", capabilities=(3,))
    make_finding(ke_plan.country, title="Internalword finding", public=False)
    answered = make_finding(ke_plan.country, title="Answeredword finding")
    make_commitment(ke_plan, ke_police, findings=[answered])
    client.force_login(ke_coordinator)
    html = client.get(reverse("plan_gaps", args=(ke_plan.pk,))).content.decode()
    section = html[html.index("Findings no live commitment answers") :]
    assert "Openword finding" in section and "Internalword finding" in section
    assert "Answeredword" not in section
