"""A rich-text field posted as HTML (or anything but the Draftail editor's JSON) is read as
HTML, through the same allow-list the editor applies, or refused with a form error;
never a server error."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import NationalPlanPage

pytestmark = pytest.mark.django_db


def post_summary(client, user, plan, summary):
    client.raise_request_exception = False  # a 500 is a failed assertion, not an error
    client.force_login(user)
    url = f"/admin/pages/{plan.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["summary"] = summary
    return client.post(url, data)


def draft_summary(plan):
    return NationalPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object().summary


def test_html_in_a_rich_text_field_is_kept_as_allowed_html(client, ke_plan, ke_coordinator):
    response = post_summary(
        client,
        ke_coordinator,
        ke_plan,
        '<p onclick="steal()">Protect <b>every</b> child</p><script>alert(1)</script>',
    )
    assert response.status_code == 302
    summary = draft_summary(ke_plan)
    assert "Protect <b>every</b> child</p>" in summary
    assert "onclick" not in summary and "<script" not in summary


def test_html_the_reader_cannot_follow_keeps_its_words(client, ke_plan, ke_coordinator):
    response = post_summary(
        client, ke_coordinator, ke_plan, "<p>Unclosed <b>bold</p>\n<li>stray item</li>"
    )
    assert response.status_code == 302
    assert draft_summary(ke_plan) == "<p>Unclosed bold</p><p>stray item</p>"


@pytest.mark.parametrize("summary", ["", "   "])
def test_blank_is_blank(client, ke_plan, ke_coordinator, summary):
    assert post_summary(client, ke_coordinator, ke_plan, summary).status_code == 302
    assert draft_summary(ke_plan) == ""


@pytest.mark.parametrize("summary", ["1", "[]", '"text"', '{"blocks": 5}', '{"blocks": [{}]}'])
def test_json_that_is_not_the_editors_is_accepted(client, ke_plan, ke_coordinator, summary):
    response = post_summary(client, ke_coordinator, ke_plan, summary)
    assert response.status_code == 302
    assert "<script" not in draft_summary(ke_plan)


def test_a_null_character_is_a_form_error(client, ke_plan, ke_coordinator):
    response = post_summary(client, ke_coordinator, ke_plan, "<p>a\x00b</p>")
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
