"""Every public page is valid HTML5 and has no serious or critical axe-core violation.

The demo (five countries with published plans) is loaded once for the module and rolled
back afterwards. Each page is rendered in every language of the site with Django's test client;
the W3C Nu checker (vnu.jar from npm) validates all of them in one Java run, and Debian's
Chromium, driven by Playwright, runs axe-core on them, served from the rendered HTML (no
server, no network). Playwright never downloads a browser here: `make test` installs
Chromium and Java from Debian (scripts/install-system-deps.sh) and vnu-jar and axe-core
with npm (package-lock.json).
"""

import json
import mimetypes
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.test import Client

from plans.models import Commitment, NationalPlanPage

# The demo is loaded once for the module (tests/conftest.py); the marker tells pytest-django
# to set up the test database.
pytestmark = pytest.mark.django_db

CHROMIUM = "/usr/bin/chromium"
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
ORIGIN = "http://testserver"
# Without the background-networking flags Chromium keeps trying to reach Google's
# services, and this machine's closed network refuses those connections.
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
# Every language of the site: each shows content written in other languages (Jordan's
# Arabic, Peru's Spanish) marked with its `lang`, and Arabic reads right to left.
LANGUAGES = {"en": "", "ar": "/ar", "es": "/es", "fr": "/fr", "sw": "/sw"}
PAGES = [
    "home",
    "plan-index",
    "plan",
    "plan-by-status",
    "plan-by-capability",
    "commitment",
    "training-commitment",
    "search",
    "compare",
]
CASES = [f"{language}:{name}" for language in LANGUAGES for name in PAGES]
# Checked with the pages, to prove that the checker really read them.
CONTROL = "control"
CONTROL_HTML = '<!DOCTYPE html><html lang="en"><title>x</title><p>x</span>'


def paths_in_demo():
    """The path of each page kind, without language prefix, in the loaded demo."""
    plan = NationalPlanPage.objects.live().public().filter(country__code="ke").get()
    commitment = Commitment.objects.filter(plan=plan, live=True).order_by("pk").first()
    assert commitment is not None, "the demo has a published Kenyan commitment"
    on_track = Commitment.objects.filter(
        plan=plan, live=True, status=Commitment.Status.ON_TRACK
    ).exists()
    assert on_track, "the demo has an on-track Kenyan commitment, so the filter shows one"
    training = Commitment.objects.filter(plan=plan, live=True, kind="training").order_by("pk")
    assert training.exists(), "the demo has a published Kenyan training commitment"
    plan_path = plan.get_url_parts()[2]
    capability = commitment.capability.number
    return {
        "home": "/",
        "plan-index": "/plans/",
        "plan": plan_path,
        "plan-by-status": f"{plan_path}?status=on_track",
        "plan-by-capability": f"{plan_path}?capability={capability}",
        "commitment": f"{plan_path}commitments/{commitment.pk}/",
        # With its trainings and people trained against the plan's targets.
        "training-commitment": f"{plan_path}commitments/{training.first().pk}/",
        "search": "/search/?q=police",
        "compare": "/compare/",
    }


@pytest.fixture(scope="module")
def rendered(_demo_for_the_module, django_db_blocker):
    """{case: (path, html)} for every page in every language, rendered from the demo."""
    html = {}
    with django_db_blocker.unblock(), transaction.atomic():
        paths = paths_in_demo()
        client = Client()
        for case in CASES:
            language, name = case.split(":")
            path = LANGUAGES[language] + paths[name]
            response = client.get(path)
            assert response.status_code == 200, (case, path, response.status_code)
            html[case] = (path, response.content.decode())
        # Nothing the demo wrote may reach the other tests of the session.
        transaction.set_rollback(True)
    search_html = html["en:search"][1]
    assert "/commitments/" in search_html, "the search for 'police' finds commitments"
    return html


@pytest.fixture(scope="module")
def vnu_errors(rendered):
    """{case: [message]}: every page checked by the Nu HTML checker in one Java run."""
    if shutil.which("java") is None:
        pytest.skip("java is not installed: run `make system-deps` (default-jre-headless)")
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make node-deps` (npm ci)"
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}
        for case, (_path, html) in [*rendered.items(), (CONTROL, ("", CONTROL_HTML))]:
            file = Path(folder).resolve() / (case.replace(":", "-") + ".html")
            file.write_text(html, encoding="utf-8")
            files[str(file)] = case
        # File paths, not file: URIs, which vnu.jar skips without a word.
        result = subprocess.run(  # noqa: S603 - fixed command, files we wrote
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar did not answer in JSON:\n{result.stdout}\n{result.stderr}")
    errors = {case: [] for case in files.values()}
    for message in report["messages"]:
        case = files.get(message.get("url", "").removeprefix("file:"), "?")
        extract = (message.get("extract") or "").strip()
        errors.setdefault(case, []).append(
            f"line {message.get('lastLine', '?')}: {message['type']}: {message['message']}"
            f"\n    {extract}"
        )
    assert errors.pop(CONTROL), "vnu.jar found nothing wrong in a broken page: did it run?"
    assert "?" not in errors, errors.get("?")
    return errors


@pytest.fixture(scope="module")
def browser(rendered):
    """Debian's Chromium. Pages are rendered first: the browser's tabs never touch the DB."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed: run `make system-deps` (Debian's chromium)")
    assert AXE_JS.exists(), f"{AXE_JS} is missing: run `make node-deps` (npm ci)"
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, so Django takes the tests'
    # own savepoints for async code and refuses them. Nothing here is concurrent.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, rendered, case, width=1280):
    """A browser tab showing one rendered page, its CSS served from the static finders."""
    path, html = rendered[case]
    tab = browser.new_page(viewport={"width": width, "height": 800})

    def serve(route):
        url = route.request.url
        if url.split("#")[0] == ORIGIN + path:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            return
        if url.startswith(ORIGIN + settings.STATIC_URL):
            name = url[len(ORIGIN + settings.STATIC_URL) :].split("?")[0]
            found = finders.find(name)
            if found:
                kind = mimetypes.guess_type(found)[0] or "application/octet-stream"
                route.fulfill(status=200, content_type=kind, body=Path(found).read_bytes())
                return
        route.fulfill(status=404, body="")

    tab.route("**/*", serve)
    tab.goto(ORIGIN + path)
    return tab


@pytest.mark.parametrize("case", CASES)
def test_page_is_valid_html(vnu_errors, rendered, case):
    errors = vnu_errors[case]
    assert not errors, f"{rendered[case][0]} is not valid HTML:\n" + "\n".join(errors)


@pytest.mark.parametrize("case", CASES)
def test_page_has_no_serious_axe_violation(browser, rendered, case):
    tab = open_page(browser, rendered, case)
    try:
        tab.add_script_tag(path=str(AXE_JS))
        results = tab.evaluate("axe.run(document, {resultTypes: ['violations']})")
    finally:
        tab.close()
    found = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n    "
        + "\n    ".join(
            f"{' '.join(map(str, node['target']))}: {node.get('failureSummary', '')}".replace(
                "\n", " "
            )
            for node in violation["nodes"][:5]
        )
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not found, f"axe-core on {rendered[case][0]}:\n" + "\n".join(found)


@pytest.mark.parametrize("case", CASES)
def test_page_fits_a_320_px_screen(browser, rendered, case):
    tab = open_page(browser, rendered, case, width=320)
    try:
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            # The innermost elements that stick out are the ones to fix.
            widest = tab.evaluate(
                """() => {
                  const out = e => e.getBoundingClientRect().right > 320.5
                                || e.getBoundingClientRect().left < -0.5;
                  return [...document.querySelectorAll('body *')]
                    .filter(e => out(e) && ![...e.querySelectorAll('*')].some(out))
                    .slice(0, 5).map(e => e.outerHTML.slice(0, 160));
                }"""
            )
    finally:
        tab.close()
    assert width <= 320, f"{rendered[case][0]} scrolls sideways at 320 px ({width}):\n" + (
        "\n".join(widest)
    )


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


@pytest.mark.parametrize("case", CASES)
def test_headings_are_in_order(rendered, case):
    path, html = rendered[case]
    parser = Headings()
    parser.feed(html)
    levels = parser.levels
    assert levels.count(1) == 1 and levels[0] == 1, f"{path}: one h1, first: {levels}"
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, f"{path}: heading levels skip {skips} in {levels}"
