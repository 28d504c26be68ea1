"""E-mail subjects and plain-text bodies show titles as written (no `&quot;` or `&#x27;`);
only the HTML part is escaped."""

import datetime

import pytest
from django.core import mail

from plans.models import Commitment
from tracking import reminders

from ..factories import make_commitment
from .test_review_workflow import submit

pytestmark = pytest.mark.django_db

TITLE = """Children's "safe" <online> spaces"""
ESCAPED = "Children&#x27;s &quot;safe&quot; &lt;online&gt; spaces"


def html_part(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


def test_review_email_shows_the_title_as_written(
    client, ke_plan, ke_police, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    draft = make_commitment(ke_plan, ke_police, title=TITLE, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, ke_police_drafter, draft)
    (message,) = mail.outbox
    assert message.subject == f"[Kenya] For your review: {TITLE}"
    assert f"  {TITLE}\n" in message.body
    assert "&quot;" not in message.body and "&#x27;" not in message.body
    assert ESCAPED in html_part(message) and TITLE not in html_part(message)


def test_reminder_shows_the_title_as_written(ke_plan, ke_police, ke_police_drafter):
    on = datetime.date(2026, 6, 15)
    commitment = make_commitment(ke_plan, ke_police, title=TITLE)
    Commitment.objects.filter(pk=commitment.pk).update(due_date=on + datetime.timedelta(days=5))
    reminders.send_reminders(on=on)
    (message,) = mail.outbox
    assert f"- {TITLE} (due" in message.body
    assert ESCAPED in html_part(message) and TITLE not in html_part(message)
