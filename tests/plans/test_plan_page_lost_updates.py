"""Two people editing the same plan page or progress update: no save is silently lost."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from home.concurrency import STALE_SAVE
from plans.models import NationalPlanPage
from tracking.models import ProgressUpdate

from ..factories import UserFactory, make_commitment, make_update, member
from ..tracking.test_update_admin import form as update_form

pytestmark = pytest.mark.django_db


def open_form(client, user, url, form_id):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id=form_id)


def test_a_plan_page_saved_from_a_stale_form_is_refused(
    client, ke_plan, ke_coordinator, ke_reviewer
):
    url = f"/admin/pages/{ke_plan.pk}/edit/"
    other = Client()
    mine = open_form(client, ke_coordinator, url, "page-edit-form")
    theirs = open_form(other, ke_reviewer, url, "page-edit-form")

    theirs["title"] = "Reviewer's title"
    assert other.post(url, theirs).status_code == 302

    mine["title"] = "Coordinator's title"
    response = client.post(url, mine)
    assert response.status_code == 200
    assert str(STALE_SAVE).split(".")[0] in response.content.decode()
    latest = NationalPlanPage.objects.get(pk=ke_plan.pk).get_latest_revision_as_object()
    assert latest.title == "Reviewer's title"

    fresh = open_form(client, ke_coordinator, url, "page-edit-form")
    fresh["title"] = "Coordinator's title"
    assert client.post(url, fresh).status_code == 302
    latest = NationalPlanPage.objects.get(pk=ke_plan.pk).get_latest_revision_as_object()
    assert latest.title == "Coordinator's title"


def test_a_progress_update_saved_from_a_stale_form_is_refused(
    client, ke_plan, ke_police, ke_police_drafter
):
    colleague = UserFactory(username="colleague")
    member(colleague, ke_police)
    commitment = make_commitment(ke_plan, ke_police)
    update = make_update(commitment, actor=ke_police_drafter)
    url = f"/admin/progress_updates/edit/{update.pk}/"
    other = Client()
    mine = open_form(client, ke_police_drafter, url, "w-editor-form")
    theirs = open_form(other, colleague, url, "w-editor-form")
    assert mine.get("loaded_version")

    theirs["narrative"] = "Colleague's account of the training."
    assert other.post(url, theirs).status_code == 302

    mine["narrative"] = "My account."
    response = client.post(url, mine)
    assert response.status_code == 200
    assert ProgressUpdate.objects.get(pk=update.pk).narrative == (
        "Colleague's account of the training."
    )


def test_a_progress_update_form_without_its_version_is_refused(
    client, ke_plan, ke_police, ke_police_drafter
):
    commitment = make_commitment(ke_plan, ke_police)
    update = make_update(commitment, actor=ke_police_drafter)
    client.force_login(ke_police_drafter)
    data = update_form(commitment, narrative="Overwritten blindly.")
    response = client.post(f"/admin/progress_updates/edit/{update.pk}/", data)
    assert response.status_code == 200
    assert ProgressUpdate.objects.get(pk=update.pk).narrative == "Started."
