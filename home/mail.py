"""One way to send the site's e-mails: a subject, a plain-text body and an HTML body."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated_mail(template: str, *, to: str, context: dict) -> int:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html`; send one."""
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string(f"{template}.txt", context), to=[to]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message.send()
