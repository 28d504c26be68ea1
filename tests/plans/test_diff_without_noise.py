"""The editor's "changes not yet published" lists only fields whose shown value differs:
not timestamps that differ below the second, nor rich text with the same words."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

pytestmark = pytest.mark.django_db


def test_a_title_change_lists_the_title_alone(client, ke_plan, ke_coordinator):
    url = f"/admin/pages/{ke_plan.pk}/edit/"
    client.force_login(ke_coordinator)
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Kenya plan, second draft"
    assert client.post(url, data).status_code == 302
    html = client.get(url).content.decode()
    panel = html.split('id="unpublished-heading"', 1)[1].split("</section>", 1)[0]
    assert "second draft" in panel
    rows = panel.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr>")
    assert rows == 1, panel
