"""The API's docs page (/api/docs/) works in a browser under the site's Content Security
Policy: Swagger UI, from this site's own static files, shows every endpoint, and nothing
is refused by the policy or fetched from elsewhere."""

import mimetypes
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

CHROMIUM = "/usr/bin/chromium"
ORIGIN = "http://testserver"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Swagger UI's operation ids, one per endpoint and method.
OPERATIONS = {
    "v1_plans_list",
    "v1_plans_retrieve",
    "v1_commitments_list",
    "v1_commitments_retrieve",
    "v1_indicators_list",
    "v1_indicators_retrieve",
    "v1_progress_updates_list",
    "v1_progress_updates_retrieve",
}


def test_swagger_ui_shows_every_endpoint_with_no_policy_violation(ke_plan, ke_police):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed: run `make system-deps` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    make_commitment(ke_plan, ke_police, title="Train investigators")
    django = Client()
    elsewhere = []

    def serve(route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            elsewhere.append(url)
            route.abort()
            return
        path = url[len(ORIGIN) :]
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL) :].split("?")[0])
            if found:
                kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
                route.fulfill(status=200, content_type=kind, body=Path(found).read_bytes())
            else:
                route.fulfill(status=404, body="")
            return
        response = django.get(path)
        route.fulfill(
            status=response.status_code,
            headers={k: v for k, v in response.items()},
            body=response.content,
        )

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            messages = []
            tab.on("console", lambda message: messages.append(message.text))
            tab.add_init_script(
                "window.violations = [];"
                "document.addEventListener('securitypolicyviolation', e =>"
                " window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"
            )
            tab.route("**/*", serve)
            tab.goto(ORIGIN + "/api/docs/")
            tab.wait_for_selector(".opblock", timeout=30_000)
            shown = set(tab.eval_on_selector_all(".opblock", "els => els.map(e => e.id)"))
            violations = tab.evaluate("window.violations")
        finally:
            browser.close()
    assert {f"operations-{tag}-{op}" for tag, op in _tagged(OPERATIONS)} <= shown, shown
    assert violations == [], violations
    assert not [m for m in messages if "Content Security Policy" in m], messages
    assert elsewhere == [], elsewhere


def _tagged(operations):
    tags = {
        "plans": "plans",
        "commitments": "commitments",
        "indicators": "indicators",
        "progress": "progress_updates",
    }
    for op in operations:
        key = op.split("_")[1]
        yield tags[key], op
