"""History of a commitment: who did what, compare any two versions, revert as a new draft."""

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans import services
from plans.models import Commitment

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/plans/commitment"


@pytest.fixture
def edited(ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police, title="Train 50 investigators")
    services.commitment_save_draft(
        actor=ke_police_drafter,
        commitment=commitment,
        title="Train 80 investigators",
        progress=40,
        indicators=[commitment.indicators.model(name="Investigators trained", target=80)],
    )
    return Commitment.objects.get(pk=commitment.pk)


def test_history_lists_revisions_with_author(client, edited, ke_police_drafter):
    client.force_login(ke_police_drafter)
    html = client.get(f"{BASE}/history/{edited.pk}/").content.decode()
    assert "ke-police-drafter" in html or ke_police_drafter.get_full_name() in html
    assert "Published" in html
    assert "Edited" in html or "Draft saved" in html


def test_compare_shows_changed_fields_including_indicators(client, edited, ke_police_drafter):
    first, second = edited.revisions.order_by("created_at")
    client.force_login(ke_police_drafter)
    response = client.get(f"{BASE}/history/{edited.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"deletion[^>]*>\s*50", html) and re.search(r"addition[^>]*>\s*80", html)
    assert "Progress (%)" in html
    assert "Investigators trained" in html, "inline indicators are compared too"


def test_compare_live_with_latest_draft(client, edited, ke_reviewer):
    client.force_login(ke_reviewer)
    response = client.get(f"{BASE}/history/{edited.pk}/revisions/compare/live...latest/")
    assert response.status_code == 200
    assert re.search(r"addition[^>]*>\s*80", response.content.decode())


def test_revert_makes_a_new_draft_equal_to_the_old_revision(client, edited, ke_police_drafter):
    first = edited.revisions.order_by("created_at").first()
    url = f"{BASE}/history/{edited.pk}/revisions/{first.pk}/revert/"
    client.force_login(ke_police_drafter)
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    assert data["title"] == "Train 50 investigators"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    commitment = Commitment.objects.get(pk=edited.pk)
    assert commitment.revisions.count() == 3
    reverted = commitment.get_latest_revision_as_object()
    old = first.as_object()
    for field in ("title", "progress", "status", "lead_agency_id", "capability_id"):
        assert getattr(reverted, field) == getattr(old, field), field
    assert list(reverted.indicators.all()) == []
    assert commitment.has_unpublished_changes, "a revert is a draft: it goes through review"
    assert commitment.title == "Train 50 investigators"  # live row untouched


def test_revert_is_refused_to_a_supporting_agency(client, edited, ke_helpline_drafter):
    first = edited.revisions.order_by("created_at").first()
    client.force_login(ke_helpline_drafter)
    response = client.get(f"{BASE}/history/{edited.pk}/revisions/{first.pk}/revert/")
    assert response.status_code == 403
    assert "Led by" in response.content.decode()


def test_edit_view_shows_what_changed_since_publication(client, edited, ke_reviewer):
    client.force_login(ke_reviewer)
    html = client.get(f"{BASE}/edit/{edited.pk}/").content.decode()
    assert "Changes not yet published" in html
    banner = html[html.index("Changes not yet published") :]
    assert re.search(r"deletion[^>]*>\s*50", banner) and re.search(r"addition[^>]*>\s*80", banner)
    assert "Investigators trained" in banner
    assert "revisions/compare/live...latest/" in banner


def test_no_banner_when_nothing_is_unpublished(client, ke_plan, ke_police, ke_police_drafter):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_police_drafter)
    html = client.get(f"{BASE}/edit/{commitment.pk}/").content.decode()
    assert "Changes not yet published" not in html


def test_plan_editor_shows_what_changed_since_publication(client, ke_plan, ke_reviewer):
    ke_plan.title = "A renamed national plan"
    ke_plan.save_revision()
    client.force_login(ke_reviewer)
    html = client.get(f"/admin/pages/{ke_plan.pk}/edit/").content.decode()
    assert "Changes not yet published" in html
    banner = html[html.index("Changes not yet published") :]
    assert "renamed" in banner
    assert f"/admin/pages/{ke_plan.pk}/revisions/compare/live...latest/" in banner
