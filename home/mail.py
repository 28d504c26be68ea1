"""One way to send the site's e-mails: a subject, a plain-text body and an HTML body.

Only the HTML body is escaped. The subject and the plain-text body are rendered with
autoescaping off, so a title such as `Children's "safe" spaces` reads as written instead
of as `Children&#x27;s &quot;safe&quot; spaces`; plain text has no markup to protect.
"""

from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .sites import email_base_url


def render_plain_text(template_name: str, context: dict) -> str:
    """Render a `.txt` template without HTML escaping."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def send_templated_mail(template: str, *, to: str, context: dict) -> int:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html`; send one."""
    subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject, body=render_plain_text(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message.send()


def email_link(path: str) -> str:
    """An absolute admin link for an e-mail: e-mails are read away from the site."""
    return email_base_url().rstrip("/") + path


def user_token_link(url_name: str, *, user, token_generator) -> str:
    """A one-person link (`uidb64`, `token`) such as a set-password or set-up link."""
    path = reverse(
        url_name,
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": token_generator.make_token(user),
        },
    )
    return email_link(path)
