"""Background work for the registry. Tasks take ids and call a plain function."""

from smtplib import SMTPException

from celery import shared_task

from . import invitations


@shared_task(
    name="stakeholders.tasks.send_invitation",
    autoretry_for=(SMTPException, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_invitation(membership_id, inviter_id=None):
    return invitations.send_invitation(membership_id=membership_id, inviter_id=inviter_id)
