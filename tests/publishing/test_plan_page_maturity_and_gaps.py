"""The public plan page shows baseline, target and current maturity, and a gaps summary
counted from public commitments only."""

import re

import pytest

from plans.models import MaturityLevel, PlanCapabilitySection

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_plan_page_shows_baseline_target_and_current(client, ke_plan, ke_police):
    level = {lvl.order: lvl for lvl in MaturityLevel.objects.all()}
    PlanCapabilitySection.objects.filter(plan=ke_plan, capability__number=4).update(
        baseline_level=level[2], target_level=level[4], baseline_sources="Needs assessment 2024"
    )
    make_commitment(ke_plan, ke_police, progress=100)
    html = client.get(ke_plan.url).content.decode()
    assert "Baseline: Being developed · Target: Fully in place" in html
    # The capability map's table: in the plan, baseline, target, estimate now.
    row = re.search(r"<tr class=\"covered\"><th scope=\"row\"><bdi>4\..*?</tr>", html, re.S)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row[0])]
    assert cells[:4] == ["yes", "Being developed", "Fully in place", "Fully in place"]
    assert "Needs assessment 2024" in html


def test_plan_page_summarises_gaps_from_public_commitments_only(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police, title="Internalword", capability=11, is_internal=True)
    make_commitment(ke_plan, ke_police, title="Neverword", capability=21, publish=False)
    html = client.get(ke_plan.url).content.decode()
    assert 'id="gaps-h"' in html
    assert "MNR capabilities not in this plan:</strong> 18" in html
    # The internal and unpublished commitments do not cover their capabilities publicly.
    assert "Capabilities of the plan with no published commitment:</strong> 3" in html
    assert "Internalword" not in html and "Neverword" not in html
