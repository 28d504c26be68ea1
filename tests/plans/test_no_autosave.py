"""Editors save when people press Save: Wagtail's autosave made an editor's own next save
look stale, and wrote a refused stale save anyway a second later."""

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_commitment_and_plan_editors_do_not_autosave(client, ke_plan, ke_police, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police)
    client.force_login(ke_coordinator)
    for url in (
        f"/admin/snippets/plans/commitment/edit/{commitment.pk}/",
        f"/admin/pages/{ke_plan.pk}/edit/",
        "/admin/snippets/plans/commitment/add/",
    ):
        html = client.get(url).content.decode()
        assert "w-editor-form" in html or "page-edit-form" in html, url
        assert "data-w-autosave-interval-value" not in html, url
