"""The coordinator drafts the results chain in the plan page's editor: outcomes with
their indicators and outputs nested, reviewed and published with the plan; commitments
then choose among their own plan's outputs only."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans import services
from plans.models import PlanOutcome, PlanOutput

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_outcome_with_output_and_indicator_through_the_editor(client, superuser, ke_plan):
    client.force_login(superuser)
    url = f"/admin/pages/{ke_plan.pk}/edit/"
    page = client.get(url).content.decode()
    assert "Results chain" in page
    data = querydict_from_html(page, form_id="page-edit-form")
    data["goal"] = "Children are safer online"
    data.update(
        {
            "outcomes-TOTAL_FORMS": "1",
            "outcomes-INITIAL_FORMS": "0",
            "outcomes-0-title": "Offenders are prosecuted",
            "outcomes-0-weight": "2",
            "outcomes-0-ORDER": "1",
            "outcomes-0-outputs-TOTAL_FORMS": "1",
            "outcomes-0-outputs-INITIAL_FORMS": "0",
            "outcomes-0-outputs-0-title": "Prosecutors trained",
            "outcomes-0-outputs-0-weight": "1",
            "outcomes-0-outputs-0-ORDER": "1",
            "outcomes-0-indicators-TOTAL_FORMS": "1",
            "outcomes-0-indicators-INITIAL_FORMS": "0",
            "outcomes-0-indicators-0-name": "Convictions",
            "outcomes-0-indicators-0-level": "outcome",
            "outcomes-0-indicators-0-baseline_year": "2024",
            "outcomes-0-indicators-0-target_year": "2023",
            "outcomes-0-indicators-0-ORDER": "1",
        }
    )
    data["action-publish"] = "action-publish"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "The target year cannot be before the baseline year." in refused.content.decode()
    assert not PlanOutcome.objects.exists()
    data["outcomes-0-indicators-0-target_year"] = "2029"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    outcome = PlanOutcome.objects.get(plan=ke_plan)
    assert outcome.weight == 2
    assert [o.title for o in outcome.outputs.all()] == ["Prosecutors trained"]
    assert [i.name for i in outcome.indicators.all()] == ["Convictions"]


def test_commitment_form_offers_only_its_plans_outputs(
    client, superuser, ke_plan, jo_plan, ke_police
):
    for plan, title in ((ke_plan, "Kenyan output"), (jo_plan, "Jordanian output")):
        services.plan_results_chain_set(
            actor=None,
            plan=plan,
            goal="",
            outcomes=[{"title": "An outcome", "outputs": [{"title": title}]}],
            publish=True,
        )
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(superuser)
    page = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/").content.decode()
    assert "Kenyan output" in page
    assert "Jordanian output" not in page
    assert PlanOutput.objects.count() == 2
