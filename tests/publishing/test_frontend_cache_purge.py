"""A proxy or CDN in front of the site is purged of exactly the public URLs that show what
was published, in every language, once the publish has committed.

The proxy here is a local HTTP server that records every request it receives; the site
points Wagtail's HTTP backend (`FRONTEND_CACHE_PURGE_URL`) at it.
"""

import logging
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.models import PageViewRestriction, Site

from plans.models import Commitment
from publishing import tasks
from stakeholders import services as stakeholder_services

from ..factories import make_commitment, make_plan, make_update
from ..plans.test_audit_log import post_edit
from ..plans.test_review_workflow import act, submit

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/ar", "/es", "/fr", "/sw"]
EXPORTS = ["export.csv", "export.json", "export.pdf", "export.iati.xml"]
LISTINGS = ["/", "/plans/", "/compare/", "/compare/export.csv", "/compare/legislation.csv"]


class Recorder(BaseHTTPRequestHandler):
    """Answers every request with the server's `status`, after noting it."""

    def _record(self):
        self.server.received.append((self.command, f"http://{self.headers['Host']}{self.path}"))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_GET = do_POST = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received, server.status = [], 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@contextmanager
def purging_to(location, capture, timeout=5):
    """The site configured to purge `location`, and the block's transaction committed."""
    backend = {"BACKEND": "publishing.purge_backends.TimedHTTPBackend", "TIMEOUT": timeout}
    proxy = {**backend, "LOCATION": location}
    with override_settings(WAGTAILFRONTENDCACHE={"proxy": proxy}), capture(execute=True):
        yield


@pytest.fixture
def purged(proxy, django_capture_on_commit_callbacks):
    """`with purged() as urls:` the URLs purged by what the block does, once committed."""

    @contextmanager
    def recording(location=None, **backend):
        location = location or f"http://127.0.0.1:{proxy.server_port}"
        proxy.received.clear()
        urls = set()
        with purging_to(location, django_capture_on_commit_callbacks, **backend):
            yield urls
        assert {method for method, _url in proxy.received} <= {"PURGE"}
        sent = [url for _method, url in proxy.received]
        assert len(sent) == len(set(sent)), "no URL is purged twice"
        urls.update(sent)

    return recording


def public(*paths):
    """Absolute URLs, from the Site, of these paths in English and every other language."""
    root = Site.objects.get(is_default_site=True).root_url
    return {f"{root}{prefix}{path}" for prefix in PREFIXES for path in paths}


def plan_pages(plan, *commitments):
    base = plan.url
    return public(
        base, *(base + e for e in EXPORTS), *(f"{base}commitments/{c.pk}/" for c in commitments)
    )


@pytest.fixture
def kenya_plan(ke_plan, ke_police, ke_helpline):
    """Kenya's plan with two published commitments, and Jordan's plan beside it."""
    first = make_commitment(ke_plan, ke_police, title="Train investigators")
    second = make_commitment(ke_plan, ke_helpline, title="Extend the helpline's hours")
    return ke_plan, first, second


@pytest.fixture
def other_country(jo_plan, jo_police):
    return make_commitment(jo_plan, jo_police, title="Jordan's commitment")


def test_approving_a_commitment_purges_its_plan_its_page_exports_and_listings(
    client, kenya_plan, other_country, ke_police, ke_police_drafter, ke_reviewer, purged
):
    plan, _first, _second = kenya_plan
    commitment = make_commitment(plan, ke_police, title="Block abuse material", publish=False)
    submit(client, ke_police_drafter, commitment)
    with purged() as urls:
        response = act(client, ke_reviewer, commitment, "approve")
    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).live
    assert urls == plan_pages(plan, commitment) | public(*LISTINGS)


def test_publishing_from_the_editor_purges_the_same(
    client, kenya_plan, other_country, ke_police, ke_reviewer, purged
):
    plan, _first, _second = kenya_plan
    commitment = make_commitment(plan, ke_police, title="Block abuse material", publish=False)
    with purged() as urls:
        post_edit(client, ke_reviewer, commitment, **{"action-publish": "action-publish"})
    assert Commitment.objects.get(pk=commitment.pk).live
    assert urls == plan_pages(plan, commitment) | public(*LISTINGS)


def test_unpublishing_a_commitment_purges_the_pages_it_leaves(
    client, kenya_plan, other_country, ke_reviewer, purged
):
    plan, first, _second = kenya_plan
    client.force_login(ke_reviewer)
    with purged() as urls:
        client.post(f"/admin/snippets/plans/commitment/unpublish/{first.pk}/")
    assert not Commitment.objects.get(pk=first.pk).live
    assert urls == plan_pages(plan, first) | public(*LISTINGS)


def test_a_published_progress_update_purges_its_commitment_and_the_figures(
    kenya_plan, other_country, purged
):
    plan, first, _second = kenya_plan
    with purged() as urls:
        make_update(first, progress=40, publish=True)
    assert urls == plan_pages(plan, first) | public(*LISTINGS)


def test_a_draft_progress_update_purges_nothing(kenya_plan, purged):
    _plan, first, _second = kenya_plan
    with purged() as urls:
        make_update(first, progress=40, publish=False)
    assert urls == set()


def test_publishing_the_plan_purges_every_page_of_it_once(kenya_plan, other_country, proxy, purged):
    plan, first, second = kenya_plan
    plan.summary = "A new summary"
    with purged() as urls:
        plan.save_revision().publish()
    assert urls == plan_pages(plan, first, second) | public(*LISTINGS)
    # Wagtail's own handler purged the page's own URL as it published, and only it did.
    root = Site.objects.get(is_default_site=True).root_url
    assert proxy.received[0] == ("PURGE", root + plan.url)


def test_renaming_an_agency_purges_the_pages_that_print_its_name(
    kenya_plan, other_country, ke_police, purged
):
    plan, first, _second = kenya_plan
    ke_police.name = "Renamed Police Unit"
    with purged() as urls:
        stakeholder_services.agency_save(actor=None, agency=ke_police)
    assert urls == plan_pages(plan, first)


def test_restricting_a_plan_purges_it_though_it_is_no_longer_public(
    kenya_plan, jo_plan, other_country, purged
):
    plan, first, second = kenya_plan
    with purged() as urls:
        PageViewRestriction.objects.create(page=plan, restriction_type="password", password="x")
    # Every page may name the plan; the restricted one is purged as well.
    expected = plan_pages(plan, first, second) | plan_pages(jo_plan, other_country)
    assert urls == expected | public(*LISTINGS)


def test_a_commitment_of_a_draft_plan_purges_nothing(kenya, ke_police, purged):
    draft_plan = make_plan(kenya, start=2030, end=2034, publish=False)
    with purged() as urls:
        make_commitment(draft_plan, ke_police, title="Not yet public")
    assert urls == set()


def test_nothing_configured_sends_nothing(kenya_plan, proxy, django_capture_on_commit_callbacks):
    _plan, first, _second = kenya_plan
    with django_capture_on_commit_callbacks(execute=True):
        make_update(first, progress=40, publish=True)
        first.get_latest_revision().publish()
    assert proxy.received == []


def test_a_failing_proxy_is_logged_and_publishing_goes_on(
    client, kenya_plan, ke_police, ke_reviewer, proxy, purged, caplog
):
    plan, _first, _second = kenya_plan
    proxy.status = 500
    commitment = make_commitment(plan, ke_police, title="Block abuse material", publish=False)
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"), purged() as urls:
        response = post_edit(
            client, ke_reviewer, commitment, **{"action-publish": "action-publish"}
        )
    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).live
    assert urls == plan_pages(plan, commitment) | public(*LISTINGS), "every URL was tried"
    assert "Couldn't purge" in caplog.text and "HTTPError: 500" in caplog.text


def test_an_unreachable_proxy_is_logged_and_publishing_goes_on(
    client, kenya_plan, ke_police, ke_reviewer, purged, caplog
):
    plan, _first, _second = kenya_plan
    closed = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    location = f"http://127.0.0.1:{closed.server_port}"
    closed.server_close()  # nothing listens there any more
    commitment = make_commitment(plan, ke_police, title="Block abuse material", publish=False)
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"), purged(location):
        response = post_edit(
            client, ke_reviewer, commitment, **{"action-publish": "action-publish"}
        )
    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).live
    assert "Couldn't purge" in caplog.text


def test_a_proxy_that_never_answers_is_given_up_on(
    client, kenya_plan, ke_police, ke_reviewer, purged, caplog
):
    plan, _first, _second = kenya_plan
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(128)  # connections are accepted by the system, and never answered
    location = f"http://127.0.0.1:{silent.getsockname()[1]}"
    commitment = make_commitment(plan, ke_police, title="Block abuse material", publish=False)
    try:
        with (
            caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"),
            purged(location, timeout=0.05),
        ):
            response = post_edit(
                client, ke_reviewer, commitment, **{"action-publish": "action-publish"}
            )
    finally:
        silent.close()
    assert response.status_code == 302
    assert Commitment.objects.get(pk=commitment.pk).live
    assert "Couldn't purge" in caplog.text and "timed out" in caplog.text


def test_a_live_translation_is_purged_at_its_own_address(client, kenya_plan, purged):
    from home.i18n import url_in_own_language
    from plans.models import NationalPlanPage

    from .test_content_locales import publish_parents, translate

    plan, first, _second = kenya_plan
    arabic = translate(plan, "ar", slug="kenya-ar", title="الخطة الوطنية لكينيا")
    publish_parents(arabic)
    # A page's `url` follows the visitor's language; its own address is under its locale.
    arabic_path = url_in_own_language(NationalPlanPage.objects.get(pk=arabic.pk))
    assert arabic_path == "/ar/plans/kenya-ar/"
    root = Site.objects.get(is_default_site=True).root_url
    in_arabic = {root + arabic_path + path for path in ["", *EXPORTS, f"commitments/{first.pk}/"]}
    elsewhere = {url for url in plan_pages(plan, first) if "/ar/" not in url}
    with purged() as urls:
        make_update(first, progress=40, publish=True)
    assert urls == elsewhere | in_arabic | public(*LISTINGS)
    assert client.get(f"{arabic_path}commitments/{first.pk}/").status_code == 200


def test_deleting_a_published_commitment_purges_the_page_it_had(
    client, kenya_plan, other_country, superuser, purged
):
    plan, first, _second = kenya_plan
    client.force_login(superuser)
    with purged() as urls:
        client.post(f"/admin/snippets/plans/commitment/delete/{first.pk}/")
    assert not Commitment.objects.filter(pk=first.pk).exists()
    assert urls == plan_pages(plan, first) | public(*LISTINGS)


def test_one_transaction_is_purged_in_one_task(kenya_plan, ke_police, ke_helpline, purged):
    plan, _first, _second = kenya_plan
    task = tasks.purge_frontend_cache
    with (
        mock.patch.object(task, "apply_async", wraps=task.apply_async) as sent,
        purged() as urls,
        transaction.atomic(),
    ):
        third = make_commitment(plan, ke_police, title="Block abuse material")
        fourth = make_commitment(plan, ke_helpline, title="Answer chats at night")
        make_update(third, progress=5, publish=True)
    assert sent.call_count == 1
    assert urls == plan_pages(plan, third, fourth) | public(*LISTINGS)
