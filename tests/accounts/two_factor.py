"""Going through two-factor set-up as a person would: the set-up page, the e-mailed link,
the key it shows and a code from it."""

import re
import time
from base64 import b32decode

from django.core import mail
from django_otp.oath import TOTP

from ..factories import PASSWORD

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
BASE_URL = "https://plans.example.org"
LINK = re.compile(re.escape(BASE_URL) + r"(/admin/two-factor/setup/[^/\s]+/[^/\s]+/)")


def code_for(secret, steps_ahead=0):
    """The current code for a base32 key (or one from a later 30-second step, which the
    server still accepts: a code cannot be used twice, so a second sign-in needs a new one)."""
    totp = TOTP(b32decode(secret), 30, 0, 6, 0)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def shown_key(response):
    """The key a page shows, or None."""
    found = re.search(r'id="two-factor-secret">([A-Z2-7]+)<', response.content.decode())
    return found.group(1) if found else None


def sign_in(client, user, **extra):
    """With the password, through the sign-in page."""
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "could not sign in"
    return response


def links_sent_to(user):
    return [
        LINK.search(message.body).group(1) for message in mail.outbox if message.to == [user.email]
    ]


def open_setup(client, capture):
    """The set-up page, with whatever e-mail it sends on its way (after the commit)."""
    with capture(execute=True):
        return client.get(SETUP)


def enrol(client, user, capture):
    """Set up an authenticator as the pages say; returns the key that was shown."""
    page = open_setup(client, capture)
    key = shown_key(page)
    if key is None:
        page = client.get(links_sent_to(user)[-1], follow=True)
        key = shown_key(page)
    assert key, "no key shown"
    response = client.post(SETUP, {"token": code_for(key), "next": "/admin/"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert response["Location"] == "/admin/"
    return key
