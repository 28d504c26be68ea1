"""E-mail links are built from the Site's host (Settings → Sites), and a Site still at
`localhost` on a real deployment (DEBUG off) is said out loud: by the database check
(`migrate`, `manage.py check --database default`) and on the site administrator's
dashboard."""

import io

import pytest
from django.core import checks, mail
from django.core.management import call_command
from wagtail.models import Site

from home.mail import email_link
from home.sites import SITE_HOST_IS_LOCAL, SITE_HOST_WARNING_ID

from ..factories import make_commitment
from ..plans.test_review_workflow import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_host(db):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "plans.example.org", 443
    site.save()


@pytest.fixture
def local_site(db):
    """A Site still at this machine (after `migrate` it has PUBLIC_SITE_URL's host, which
    defaults to WAGTAILADMIN_BASE_URL's: 127.0.0.1 on a developer's machine)."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()


def site_warnings():
    found = checks.run_checks(databases=["default"])
    return [message for message in found if message.id == SITE_HOST_WARNING_ID]


def review_email_body(client, ke_plan, ke_police, drafter, capture):
    draft = make_commitment(ke_plan, ke_police, publish=False)
    with capture(execute=True):
        submit(client, drafter, draft)
    (message,) = mail.outbox
    return message.body


def test_review_email_links_to_the_sites_host(
    client,
    real_host,
    ke_plan,
    ke_police,
    ke_police_drafter,
    ke_reviewer,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    body = review_email_body(
        client, ke_plan, ke_police, ke_police_drafter, django_capture_on_commit_callbacks
    )
    assert "https://plans.example.org/admin/snippets/plans/commitment/edit/" in body
    assert "127.0.0.1" not in body


def test_a_local_site_falls_back_to_the_configured_base_url(
    client,
    ke_plan,
    ke_police,
    ke_police_drafter,
    ke_reviewer,
    settings,
    django_capture_on_commit_callbacks,
):
    # `make run`'s fresh Site is localhost:80, while runserver listens on 127.0.0.1:8000.
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    body = review_email_body(
        client, ke_plan, ke_police, ke_police_drafter, django_capture_on_commit_callbacks
    )
    assert "http://127.0.0.1:8000/admin/snippets/plans/commitment/edit/" in body


def test_check_warns_of_a_local_site_with_debug_off(settings, local_site):
    settings.DEBUG = False
    (warning,) = site_warnings()
    assert warning.level == checks.WARNING
    assert "localhost" in warning.msg
    settings.DEBUG = True
    assert site_warnings() == []


def test_manage_py_check_database_reports_it(settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("check", "--database", "default", stdout=out, stderr=out)
    assert SITE_HOST_WARNING_ID in out.getvalue()


def test_check_is_quiet_once_the_host_is_set(settings, real_host):
    settings.DEBUG = False
    assert site_warnings() == []


def test_dashboard_tells_the_site_administrator(
    client, settings, local_site, superuser, ke_coordinator
):
    settings.DEBUG = False
    warning = str(SITE_HOST_IS_LOCAL % {"host": "localhost:80"})
    client.force_login(superuser)
    assert warning in client.get("/admin/").content.decode()
    client.force_login(ke_coordinator)
    assert warning not in client.get("/admin/").content.decode()
    Site.objects.update(hostname="plans.example.org")  # the panel reads it afresh
    client.force_login(superuser)
    assert warning not in client.get("/admin/").content.decode()


def test_a_changed_host_is_used_at_once(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert email_link("/admin/") == "http://127.0.0.1:8000/admin/"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "plans.example.org", 443
    site.save()
    assert email_link("/admin/") == "https://plans.example.org/admin/"
