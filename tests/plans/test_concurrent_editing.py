"""Two people editing the same commitment: no edit is ever silently lost."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Commitment

from ..factories import UserFactory, make_commitment, member

pytestmark = pytest.mark.django_db


def open_form(client, user, commitment):
    client.force_login(user)
    response = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def latest(commitment):
    return Commitment.objects.get(pk=commitment.pk).get_latest_revision_as_object()


def test_second_save_from_a_stale_form_is_refused_and_first_edit_survives(
    client, ke_plan, ke_police, ke_police_drafter
):
    from django.test import Client

    colleague = UserFactory(username="colleague")
    member(colleague, ke_police)
    commitment = make_commitment(ke_plan, ke_police, title="Original title")
    first, second = client, Client()
    url = f"/admin/snippets/plans/commitment/edit/{commitment.pk}/"

    form_a = open_form(first, ke_police_drafter, commitment)
    form_b = open_form(second, colleague, commitment)

    form_b["title"] = "Colleague's title"
    assert second.post(url, form_b).status_code == 302
    assert latest(commitment).title == "Colleague's title"

    form_a["title"] = "Drafter's title"
    response = first.post(url, form_a)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone saved a newer version" in html
    assert "Drafter&#x27;s title" in html or "Drafter's title" in html, "their input is kept"
    assert latest(commitment).title == "Colleague's title", "the colleague's edit survives"

    fresh = open_form(first, ke_police_drafter, commitment)
    fresh["title"] = "Drafter's title"
    assert first.post(url, fresh).status_code == 302
    assert latest(commitment).title == "Drafter's title"
    titles = [r.as_object().title for r in commitment.revisions.order_by("created_at")]
    assert titles[-2:] == ["Colleague's title", "Drafter's title"]


def test_editing_sessions_notice_is_on(client, ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    html = client.get(f"/admin/snippets/plans/commitment/edit/{commitment.pk}/").content.decode()
    assert "w-session" in html
