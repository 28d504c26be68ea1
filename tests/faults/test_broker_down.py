"""Saving, submitting and approving work with the broker (Redis) or the mail server down:
the user's action succeeds, and the work it triggers is kept and sent later."""

import contextlib
from unittest import mock

import pytest
from django.core import mail

from config.celery import app
from home import outbox
from home.models import QueuedTask
from home.tasks import flush_queued_tasks
from plans.models import Commitment

from ..factories import make_commitment
from ..plans.test_review_workflow import act, submit

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:9/0"


@contextlib.contextmanager
def broker_down():
    """A real Celery app, not eager, whose broker is a closed port on this machine."""
    conf = app.conf
    saved = conf.task_always_eager, conf.broker_url
    conf.task_always_eager = False
    conf.broker_url = CLOSED_PORT
    try:
        yield
    finally:
        conf.task_always_eager, conf.broker_url = saved


@pytest.fixture
def draft(ke_plan, ke_police):
    return make_commitment(ke_plan, ke_police, title="Open a digital forensics lab", publish=False)


def test_submit_and_approve_succeed_and_their_emails_wait_for_the_broker(
    client, draft, ke_plan, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        commitment = submit(client, ke_police_drafter, draft)
        assert commitment.workflow_in_progress
        response = act(client, ke_reviewer, commitment, "approve")
        assert response.status_code == 302
    assert Commitment.objects.get(pk=draft.pk).live, "approval published despite the broker"
    assert mail.outbox == []
    queued = list(QueuedTask.objects.values_list("name", flat=True))
    assert "plans.tasks.send_review_notification" in queued
    assert "plans.tasks.refresh_public_cache" in queued

    # The broker is back (here: eager again); beat's flush sends what was kept, once.
    assert outbox.flush() == len(queued)
    assert QueuedTask.objects.count() == 0
    assert [m.to for m in mail.outbox][0] == [ke_reviewer.email]
    assert outbox.flush() == 0


def test_a_flush_with_the_broker_still_down_keeps_everything(draft):
    with broker_down():
        outbox.send(flush_queued_tasks)
        outbox.send(flush_queued_tasks)
        assert QueuedTask.objects.count() == 2
        assert outbox.flush() == 0
    first = QueuedTask.objects.first()
    # kombu names the address, or (with a pooled connection) only the refusal.
    assert first.attempts == 1
    assert "127.0.0.1:9" in first.last_error or "Connection refused" in first.last_error


def test_mail_server_down_does_not_fail_the_submission(
    client, draft, ke_police_drafter, ke_reviewer, django_capture_on_commit_callbacks
):
    with (
        mock.patch("home.mail.EmailMultiAlternatives.send", side_effect=ConnectionRefusedError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        commitment = submit(client, ke_police_drafter, draft)
    assert commitment.workflow_in_progress
    assert QueuedTask.objects.filter(name="plans.tasks.send_review_notification").exists()


def test_the_pdf_waits_when_the_broker_is_down(client, ke_plan):
    with broker_down():
        response = client.get(f"{ke_plan.url}export.pdf")
    assert response.status_code == 503
    assert QueuedTask.objects.filter(name="plans.tasks.build_plan_pdf").count() == 1
