"""A plan's country carries its rights: nobody moves a plan to another country."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import NationalPlanPage
from plans.models.pages import PLAN_COUNTRY_FIXED

pytestmark = pytest.mark.django_db


def edit_form(client, user, plan):
    client.force_login(user)
    response = client.get(f"/admin/pages/{plan.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def latest(plan):
    return NationalPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object()


@pytest.mark.parametrize("who", ["ke_coordinator", "ke_reviewer", "superuser"])
def test_moving_a_plan_to_another_country_changes_nothing(client, request, who, ke_plan, jordan):
    user = request.getfixturevalue(who)
    data = edit_form(client, user, ke_plan)
    data["country"] = str(jordan.pk)
    data["action-publish"] = "action-publish"
    client.post(f"/admin/pages/{ke_plan.pk}/edit/", data)
    assert NationalPlanPage.objects.get(pk=ke_plan.pk).country.code == "ke"
    assert latest(ke_plan).country.code == "ke"


def test_the_country_field_is_read_only_and_says_why(client, ke_coordinator, ke_plan, jordan):
    client.force_login(ke_coordinator)
    form = client.get(f"/admin/pages/{ke_plan.pk}/edit/").context["form"]
    assert form.fields["country"].disabled
    assert str(form.fields["country"].help_text) == str(PLAN_COUNTRY_FIXED)


def test_other_countrys_coordinator_still_cannot_read_the_gaps_after_a_forged_move(
    client, ke_coordinator, ke_reviewer, jo_coordinator, ke_plan, jordan
):
    data = edit_form(client, ke_coordinator, ke_plan)
    data["country"] = str(jordan.pk)
    client.post(f"/admin/pages/{ke_plan.pk}/edit/", data)
    data = edit_form(client, ke_reviewer, ke_plan)
    data["action-publish"] = "action-publish"
    client.post(f"/admin/pages/{ke_plan.pk}/edit/", data)
    client.force_login(jo_coordinator)
    assert client.get(f"/admin/plans/overview/{ke_plan.pk}/gaps/").status_code in (302, 403)
    client.force_login(ke_coordinator)
    assert client.get(f"/admin/plans/overview/{ke_plan.pk}/gaps/").status_code == 200
