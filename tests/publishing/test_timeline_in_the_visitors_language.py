"""The plan page's timeline names each MNR domain in the visitor's language, as the
capability map beside it does (it once stayed English under /ar/ and /es/)."""

import datetime

import pytest
from django.utils import timezone

from plans.models import Capability

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def timeline(html):
    return html[html.index('class="chart timeline"') :][:20000]


@pytest.mark.parametrize("language", ["ar", "es"])
def test_timeline_rows_are_named_in_the_visitors_language(client, ke_plan, ke_police, language):
    today = timezone.localdate()
    make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        capability=4,
        start_date=today - datetime.timedelta(days=100),
        due_date=today + datetime.timedelta(days=100),
    )
    domain = Capability.objects.get(number=4, framework__code="MNR-2016").domain
    translated = domain.name_in(language)
    assert translated != domain.name  # the reference data has this translation

    path = ke_plan.url  # read before a request activates another language
    html = timeline(client.get(f"/{language}{path}").content.decode())
    assert translated in html
    assert domain.name not in html
    assert domain.name in timeline(client.get(path).content.decode())
