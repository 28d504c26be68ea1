"""Wagtail admin views outside the commitment viewset never show another country's drafts.

Each case was found by a review of every admin URL (bulk actions, choosers, workflow
views, reports), tried as a user of another country.
"""

import pytest

from plans.models import NationalPlanPage

from ..factories import make_commitment, make_plan

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "SECRET draft title of the Kenyan plan"
UNPUBLISHED_TITLE = "SECRET unpublished Kenyan plan"
COMMITMENT_TITLE = "SECRET never published Kenyan commitment"


@pytest.fixture
def kenyan_secrets(kenya, ke_police):
    plan = make_plan(kenya)
    plan.title = DRAFT_TITLE
    plan.save_revision()
    unpublished = make_plan(kenya, start=2030, end=2034, publish=False)
    NationalPlanPage.objects.filter(pk=unpublished.pk).update(
        title=UNPUBLISHED_TITLE, draft_title=UNPUBLISHED_TITLE
    )
    commitment = make_commitment(plan, ke_police, title=COMMITMENT_TITLE, publish=False)
    return {"plan": plan, "unpublished": unpublished, "commitment": commitment}


def body(response):
    html = response.content.decode()
    messages = [str(m) for m in response.context["messages"]] if response.context else []
    return html + " ".join(messages)


def assert_no_secret(response):
    text = body(response)
    for secret in (DRAFT_TITLE, UNPUBLISHED_TITLE, COMMITMENT_TITLE):
        assert secret not in text


def test_bulk_action_confirmations_list_no_foreign_titles(client, kenyan_secrets, jo_coordinator):
    client.force_login(jo_coordinator)
    ids = {"id": [kenyan_secrets["commitment"].pk]}
    assert_no_secret(client.get("/admin/bulk/plans/commitment/delete/", ids, follow=True))
    page_ids = {"id": [kenyan_secrets["plan"].pk, kenyan_secrets["unpublished"].pk]}
    for action in ("delete", "publish", "unpublish", "move"):
        response = client.get(f"/admin/bulk/wagtailcore/page/{action}/", page_ids, follow=True)
        assert_no_secret(response)


def test_page_chooser_shows_no_foreign_draft_or_unpublished_title(
    client, kenyan_secrets, jo_coordinator
):
    client.force_login(jo_coordinator)
    plan, unpublished = kenyan_secrets["plan"], kenyan_secrets["unpublished"]
    assert_no_secret(client.get("/admin/choose-page/search/", {"q": "Kenya"}))
    assert_no_secret(client.get(f"/admin/choose-page/{plan.get_parent().pk}/"))
    assert client.get(f"/admin/choose-page/{unpublished.pk}/").status_code == 404
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [plan.pk, unpublished.pk]})
    assert response.status_code == 404


def test_page_workflow_views_refuse_other_countries(client, kenyan_secrets, jo_coordinator):
    client.force_login(jo_coordinator)
    plan = kenyan_secrets["plan"]
    for url in (
        f"/admin/pages/workflow/preview/{plan.pk}/1/",
        f"/admin/pages/workflow/action/{plan.pk}/approve/1/",
        f"/admin/pages/workflow/collect_action_data/{plan.pk}/approve/1/",
        f"/admin/pages/workflow/confirm_cancellation/{plan.pk}/",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert_no_secret(response)


def test_page_types_report_is_for_superusers(client, kenyan_secrets, jo_coordinator, superuser):
    client.force_login(jo_coordinator)
    assert client.get("/admin/reports/page-types-usage/").status_code == 404
    client.force_login(superuser)
    assert client.get("/admin/reports/page-types-usage/").status_code == 200


def test_the_countrys_own_editor_still_uses_these_views(client, kenyan_secrets, ke_coordinator):
    client.force_login(ke_coordinator)
    unpublished = kenyan_secrets["unpublished"]
    # Unpublished plans are the coordinator's only if they may edit them; this one they may.
    assert client.get(f"/admin/choose-page/{unpublished.pk}/").status_code == 200
    plan = kenyan_secrets["plan"]
    response = client.get(f"/admin/pages/workflow/confirm_cancellation/{plan.pk}/")
    assert response.status_code != 404
