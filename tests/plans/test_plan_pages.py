"""Plan pages: public listing of published plans only, deletion refused, chooser private."""

import pytest

from plans.models import NationalPlanPage

from ..factories import make_commitment, make_plan

pytestmark = pytest.mark.django_db


def test_plans_index_and_home_list_published_plans_only(client, kenya, jordan):
    published = make_plan(kenya)
    draft = make_plan(jordan, publish=False)
    for url in ("/", "/plans/"):
        html = client.get(url).content.decode()
        assert published.title in html
        assert published.url in html
        assert draft.title not in html
    assert client.get(draft.url or f"/plans/{draft.slug}/").status_code == 404


def test_public_plan_page_shows_live_commitments_not_drafts(client, ke_plan, ke_police):
    live = make_commitment(ke_plan, ke_police, title="Published commitment")
    make_commitment(ke_plan, ke_police, title="Unpublished commitment", publish=False)
    html = client.get(ke_plan.url).content.decode()
    assert live.title in html
    assert "Unpublished commitment" not in html
    assert live.lead_agency.name in html


def test_plan_with_commitments_cannot_be_deleted_even_by_superuser(
    client, superuser, ke_plan, ke_police
):
    make_commitment(ke_plan, ke_police)
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{ke_plan.pk}/delete/", follow=True)
    assert NationalPlanPage.objects.filter(pk=ke_plan.pk).exists()
    assert "never deleted here" in response.content.decode()


def test_reviewer_cannot_delete_a_plan(client, ke_plan, ke_reviewer):
    client.force_login(ke_reviewer)
    client.post(f"/admin/pages/{ke_plan.pk}/delete/")
    assert NationalPlanPage.objects.filter(pk=ke_plan.pk).exists()


def test_page_chooser_hides_other_countries_unpublished_plans(
    client, kenya, jordan, ke_coordinator, jo_coordinator
):
    draft = make_plan(jordan, publish=False)
    make_plan(kenya)
    client.force_login(ke_coordinator)
    html = client.get("/admin/choose-page/search/", {"q": "national plan"}).content.decode()
    assert "Kenya national plan" in html
    assert draft.title not in html
    client.force_login(jo_coordinator)
    html = client.get("/admin/choose-page/search/", {"q": "national plan"}).content.decode()
    assert draft.title in html


def test_plan_period_must_not_run_backwards_or_repeat(kenya):
    from django.core.exceptions import ValidationError

    plan = make_plan(kenya, start=2025, end=2029)
    twin = NationalPlanPage(
        title="Again", slug="again", country=kenya, period_start=2025, period_end=2029
    )
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "already has a plan for 2025–2029" in str(error.value)
    plan.period_end = 2020
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "cannot end before it starts" in str(error.value)
