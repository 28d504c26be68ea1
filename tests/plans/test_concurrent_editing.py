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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_one_wins_one_is_refused(ke_plan, ke_police):
    """Both forms are current when sent; without the row lock both would be saved."""
    import threading
    import time

    from django.db import connection
    from django.test import Client

    from plans import admin_views

    commitment = make_commitment(ke_plan, ke_police, title="Original title")
    url = f"/admin/snippets/plans/commitment/edit/{commitment.pk}/"
    users = [UserFactory(username=f"editor-{n}") for n in range(2)]
    for user in users:
        member(user, ke_police)
    clients = [Client() for _ in users]
    forms = [open_form(c, u, commitment) for c, u in zip(clients, users, strict=True)]
    save = admin_views.CommitmentEditView.save_instance

    def slow_save(view):
        time.sleep(1)  # hold the lock long enough for the other request to arrive
        return save(view)

    results = {}

    def post(n):
        forms[n]["title"] = f"Title from editor {n}"
        try:
            results[n] = clients[n].post(url, forms[n]).status_code
        finally:
            connection.close()

    admin_views.CommitmentEditView.save_instance = slow_save
    try:
        threads = [threading.Thread(target=post, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        admin_views.CommitmentEditView.save_instance = save
    assert sorted(results.values()) == [200, 302], results
    winner = next(n for n, status in results.items() if status == 302)
    assert latest(commitment).title == f"Title from editor {winner}"
    assert commitment.revisions.count() == 2
