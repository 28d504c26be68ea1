"""The commitment listing says where each commitment stands: its review state (with the
step), lead agency, due date, whether it is overdue, progress and last update; and it
filters by state."""

import datetime

import pytest

from ..factories import make_commitment

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/plans/commitment/"


def rows(html):
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_the_listing_shows_state_lateness_and_progress(client, ke_plan, ke_police, ke_coordinator):
    make_commitment(
        ke_plan,
        ke_police,
        title="Late and live",
        due_date=datetime.date(2023, 5, 1),
        start_date=datetime.date(2022, 5, 1),
    )
    make_commitment(ke_plan, ke_police, title="Still a draft", publish=False)
    client.force_login(ke_coordinator)
    html = client.get(LISTING).content.decode()
    body = rows(html)
    late = body.split("Late and live", 1)[1].split("</tr>", 1)[0]
    draft = body.split("Still a draft", 1)[1].split("</tr>", 1)[0]
    assert "Live" in late and "Overdue" in late
    assert "Draft" in draft and "Overdue" not in draft
    for heading in ("State", "Lead agency", "Due date", "Overdue", "Progress", "Last update"):
        assert heading in html


def test_the_listing_filters_by_state(client, ke_plan, ke_police, ke_coordinator):
    make_commitment(ke_plan, ke_police, title="Published one")
    make_commitment(ke_plan, ke_police, title="Unpublished one", publish=False)
    client.force_login(ke_coordinator)
    drafts = rows(client.get(LISTING, {"state": "draft"}).content.decode())
    assert "Unpublished one" in drafts and "Published one" not in drafts
    live = rows(client.get(LISTING, {"state": "live"}).content.decode())
    assert "Published one" in live and "Unpublished one" not in live


def test_a_commitment_in_review_shows_its_step(client, ke_plan, ke_police, ke_coordinator):
    commitment = make_commitment(ke_plan, ke_police, title="Waiting", publish=False)
    commitment.get_workflow().start(commitment, ke_coordinator)
    client.force_login(ke_coordinator)
    body = rows(client.get(LISTING, {"state": "in_review"}).content.decode())
    assert "Waiting" in body and "In review: Kenya: national review" in body


def test_the_last_update_is_a_date_not_hours_ago(client, ke_plan, ke_police, ke_coordinator):
    """It is a reporting day: "2 hours ago" (counted from midnight) would be untrue."""
    from django.utils import formats

    from tracking.selectors import today

    make_commitment(ke_plan, ke_police, title="Published today")
    client.force_login(ke_coordinator)
    row = rows(client.get(LISTING).content.decode()).split("Published today", 1)[1]
    row = row.split("</tr>", 1)[0]
    assert formats.date_format(today(), "DATE_FORMAT") in row
    assert "ago" not in row
