"""One way to send the site's e-mails: a subject, a plain-text body and an HTML body.

Only the HTML body is escaped. The subject and the plain-text body are rendered with
autoescaping off, so a title such as `Children's "safe" spaces` reads as written instead
of as `Children&#x27;s &quot;safe&quot; spaces`; plain text has no markup to protect.
"""

from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string


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
