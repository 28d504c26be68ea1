"""Background work for accounts. Tasks take ids and call a plain function."""

from smtplib import SMTPException

from celery import shared_task

from . import enrolment


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_enrolment_link(user_id):
    # The token is made here, when the e-mail goes: none waits in the broker or the outbox.
    return enrolment.send_link(user_id)
