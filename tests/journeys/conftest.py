"""Journeys: people's work through the real admin, in Debian's Chromium driven by Playwright.

Each journey runs against pytest-django's live server (a thread of this process, on the
test database), signs people in through /admin/login/ and clicks what they would click.
Like tests/publishing/test_accessibility.py, it uses /usr/bin/chromium (`make system-deps`)
and never downloads a browser; without Chromium the journeys skip, saying why.

The live server needs a transactional database: each journey module is marked
`JOURNEY` (below), which flushes the database afterwards and restores the migrations' data
(reference lists, the page tree) before each journey (`serialized_rollback`).
pytest-django runs such tests after all the others, so the flush harms none.
With JOURNEY_SCREENSHOTS=<folder> set, each `shot()` is saved there at 1280 and 375 px.
"""

import os
from pathlib import Path

import pytest

from ..factories import PASSWORD
from ..publishing.test_accessibility import CHROMIUM, CHROMIUM_ARGS

WIDTHS = (1280, 375)
# No transition of the admin still running (the sidebar folding away after a resize, a
# dropdown fading in); longer animations (the help badge pings for 25 s) are not awaited.
SETTLED = """() => document.getAnimations().every(
    (a) => a.playState !== "running" || a.effect.getComputedTiming().endTime > 1000
)"""
NEXT_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
JOURNEY = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed: run `make system-deps` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, and Django refuses database
    # calls from a thread with a running loop. The factories run here between steps, never
    # at the same time as a browser request.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Person:
    """One person's browser (a context of their own: their cookies, their session)."""

    def __init__(self, browser, base_url, user, name):
        self.context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base_url, self.user, self.name = base_url, user, name

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status < 400, (path, response and response.status)
        return self.page

    def sign_in(self):
        page = self.goto("/admin/login/")
        page.fill("#id_username", self.user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(self.base_url + "/admin/")
        return page

    def shot(self, step):
        folder = os.environ.get("JOURNEY_SCREENSHOTS")
        if not folder:
            return
        Path(folder).mkdir(parents=True, exist_ok=True)
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            self.settle()
            self.page.screenshot(path=f"{folder}/{self.name}-{step}-{width}.png", full_page=True)
        self.page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def settle(self):
        """Wait for the admin's transitions (the sidebar folding away after a resize, a
        dropdown fading in) to end, so a screenshot shows the screen people see."""
        # Two frames first: the resize's re-render starts its transitions.
        self.page.evaluate(NEXT_FRAMES)
        self.page.wait_for_function(SETTLED)

    def close(self):
        self.context.close()


@pytest.fixture
def person(chromium, live_server, request):
    """`person(user, "name")`: that user signed in, in a browser of their own."""
    people = []

    def start(user, name):
        someone = Person(chromium, live_server.url, user, name)
        people.append(someone)
        someone.sign_in()
        return someone

    yield start
    for someone in people:
        someone.close()
