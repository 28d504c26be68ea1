"""Every demo plan's IATI export validates against the IATI 2.03 activity schema, and
holds one activity per public commitment."""

from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from plans.models import Commitment
from plans.selectors import public_commitment_rows, published_plans

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(settings.BASE_DIR) / "publishing" / "iati_schema" / "2.03" / "iati-activities-schema.xsd"
)


def test_every_demo_plan_exports_valid_iati(demo, client):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    plans = list(published_plans())
    assert len(plans) == 5
    budgets = results = 0
    for plan in plans:
        response = client.get(f"{plan.url}export.iati.xml")
        assert response.status_code == 200, plan.url
        root = etree.fromstring(response.content)
        schema.assertValid(root)
        public = public_commitment_rows().filter(plan=plan)
        assert len(root.findall("iati-activity")) == public.count() + 1, plan.url
        text = response.content.decode()
        shown = set(public.values_list("title", flat=True))
        hidden = Commitment.objects.filter(plan=plan).exclude(pk__in=public.values("pk"))
        drafts = {
            c.latest_revision.content["title"]
            for c in public.filter(has_unpublished_changes=True).select_related("latest_revision")
        }
        unseen = (set(hidden.values_list("title", flat=True)) | drafts) - shown
        assert unseen or plan.country.code != "ke", "the demo hides something in Kenya"
        for title in unseen:
            assert title not in text, title
        budgets += len(root.findall("iati-activity/budget"))
        results += len(root.findall("iati-activity/result/indicator/period/actual"))
    assert budgets and results, "the demo shows budgets and measured results"
