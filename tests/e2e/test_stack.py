# ruff: noqa: S603, S310 -- starts this project's own processes and reads loopback URLs only
"""The production stack end to end: gunicorn, a Celery worker and beat, Redis, PostgreSQL.

Runs only from `make test-integration` (E2E_DATABASE_URL and E2E_REDIS_URL set, services
started by scripts/ci-services.sh). A drafter submits a commitment and the reviewer
approves it through the admin over HTTP; the review e-mails, the reminder run and the PDF
build then happen in the worker, not in the web process.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    not (os.environ.get("E2E_DATABASE_URL") and os.environ.get("E2E_REDIS_URL")),
    reason="end-to-end stack test: run by `make test-integration`",
)

BASE_DIR = Path(settings.BASE_DIR)
VENV_BIN = Path(sys.executable).parent
PASSWORD = "demo-pass-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database(url: str) -> None:
    """Drop and create the end-to-end database: reminders already claimed by an earlier
    run would otherwise not be sent again."""
    import psycopg

    parsed = urllib.parse.urlsplit(url)
    name = parsed.path.lstrip("/")
    server = urllib.parse.urlunsplit(parsed._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture(scope="module")
def stack():
    workdir = Path(tempfile.mkdtemp(prefix="plans-e2e-"))
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "E2E_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "e2e-" + "s3cr3t" * 10,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": os.environ["E2E_DATABASE_URL"],
        "REDIS_URL": os.environ["E2E_REDIS_URL"],
        "CELERY_BROKER_URL": os.environ["E2E_REDIS_URL"],
        # Four slashes: django-environ drops the first of an absolute path.
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }
    manage = [str(VENV_BIN / "python"), "manage.py"]

    def run(*args):
        subprocess.run([*manage, *args], cwd=BASE_DIR, env=env, check=True, timeout=600)

    fresh_database(os.environ["E2E_DATABASE_URL"])
    run("migrate", "--noinput", "-v", "0")
    run("load_demo", "--force")
    run("collectstatic", "--noinput", "-v", "0")
    logs = {name: open(workdir / f"{name}.log", "w") for name in ("web", "worker", "beat")}  # noqa: SIM115
    commands = {
        "web": [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "config.wsgi"],
        "worker": [
            *(str(VENV_BIN / "celery"), "-A", "config", "worker", "-c", "2", "-l", "info"),
            *("-n", f"e2e-{port}@%h"),
        ],
        "beat": [
            str(VENV_BIN / "celery"),
            "-A",
            "config",
            "beat",
            "-l",
            "info",
            "-s",
            str(workdir / "beat-schedule"),
        ],
    }
    # Messages left in the broker by an earlier run would go to this run's worker.
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    processes = {}
    try:
        for name, command in commands.items():
            processes[name] = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=logs[name], stderr=subprocess.STDOUT
            )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/healthz/", timeout=10)
                break
            except OSError:  # refused while booting, or slow to answer on a busy machine
                time.sleep(0.5)
        yield {"base": base, "env": env, "mail": mail_dir, "workdir": workdir, "run": run}
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs.values():
            log.close()


class Browser:
    """Just enough of a browser for Django's admin: cookies and CSRF tokens."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={"X-CSRFToken": token, "Referer": self.base + path},
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()

    def login(self, username, *, totp_key=None):
        self.get("/admin/login/")
        status, url, _ = self.post(
            "/admin/login/", {"username": username, "password": PASSWORD, "next": "/admin/"}
        )
        assert status == 200 and "/admin/login/" not in url, f"{username} could not log in"
        if totp_key:
            # DEBUG is off, so reviewers must enter a one-time code, as in production.
            from binascii import unhexlify

            from django_otp.oath import totp

            assert "/admin/two-factor/verify/" in url, url
            code = f"{totp(unhexlify(totp_key)):06d}"
            status, url, _ = self.post("/admin/two-factor/verify/", {"token": code})
            assert "/two-factor/" not in url, f"{username}: code refused"


def wait_for(predicate, *, seconds=90, what=""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def mails(stack):
    return "\n".join(p.read_text(errors="replace") for p in sorted(stack["mail"].iterdir()))


def shell(stack, code):
    result = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=stack["env"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1]


def test_publish_through_the_admin_then_the_worker_mails_and_builds_the_pdf(stack):
    from wagtail.test.utils.form_data import querydict_from_html

    commitment_id, plan_url = shell(
        stack,
        "from plans.models import Commitment;"
        "c = Commitment.objects.filter(plan__country__code='ke', lead_agency__acronym='AHTCPU',"
        " live=True, has_unpublished_changes=False).order_by('pk').first();"
        "print(c.pk, c.plan.url)",
    ).split()
    edit = f"/admin/snippets/plans/commitment/edit/{commitment_id}/"

    drafter = Browser(stack["base"])
    drafter.login("ke-police")
    status, html = drafter.get(edit)
    assert status == 200
    data = querydict_from_html(html, form_id="w-editor-form")
    data["title"] = "Train investigators (end-to-end test)"
    data["action-submit"] = "action-submit"
    status, url, html = drafter.post(edit, data)
    # Wagtail redirects after a successful submit; a form with errors comes back as is.
    assert status == 200 and url.rstrip("/").endswith("/commitment"), (url, html[-3000:])

    wait_for(lambda: "submitted" in mails(stack).lower(), what="the 'submitted' e-mail")

    totp_key = shell(
        stack,
        "from django.contrib.auth import get_user_model;"
        "from django_otp.plugins.otp_totp.models import TOTPDevice;"
        "u = get_user_model().objects.get(username='ke-reviewer');"
        "d = TOTPDevice.objects.create(user=u, name='e2e', confirmed=True);"
        "print(d.key)",
    )
    reviewer = Browser(stack["base"])
    reviewer.login("ke-reviewer", totp_key=totp_key)
    task_state = shell(
        stack,
        f"from plans.models import Commitment;"
        f"print(Commitment.objects.get(pk={commitment_id}).current_workflow_task_state.pk)",
    )
    action = (
        f"/admin/snippets/plans/commitment/workflow/action/{commitment_id}/approve/{task_state}/"
    )
    reviewer.get(edit)
    status, _, _ = reviewer.post(action, {"comment": "Approved in the end-to-end test"})
    assert status == 200

    public = Browser(stack["base"])
    wait_for(
        lambda: "Train investigators (end-to-end test)" in public.get(plan_url)[1],
        what="the approved title on the public plan page",
    )
    wait_for(lambda: "approved" in mails(stack).lower(), what="the 'approved' e-mail")

    # The publish asked the worker to rebuild the PDF: it is served from the cache.
    def pdf_ready():
        try:
            with urllib.request.urlopen(f"{stack['base']}{plan_url}export.pdf", timeout=30) as r:
                return r.status == 200 and r.read(5) == b"%PDF-"
        except urllib.error.HTTPError as error:
            assert error.code == 503
            return False

    wait_for(pdf_ready, seconds=120, what="the PDF built by the worker")
    # The worker caches the PDF, then logs the task's success: a reader can be faster.
    wait_for(
        lambda: re.search(
            r"plans\.tasks\.build_plan_pdf\[.*\] succeeded",
            (stack["workdir"] / "worker.log").read_text(),
        ),
        seconds=30,
        what="the worker's log of the PDF build",
    )
    worker_log = (stack["workdir"] / "worker.log").read_text()
    assert re.search(r"plans\.tasks\.send_review_notification\[.*\] succeeded", worker_log)


def test_reminders_run_in_the_worker(stack):
    # A commitment of an agency with a drafter account falls due in ten days.
    title = shell(
        stack,
        "import datetime; from django.utils import timezone;"
        "from plans.models import Commitment;"
        "c = Commitment.objects.filter(plan__country__code='pe', live=True,"
        " lead_agency__memberships__role='drafter')"
        ".exclude(status__in=['completed', 'dropped']).order_by('pk').first();"
        "Commitment.objects.filter(pk=c.pk).update("
        "due_date=timezone.localdate() + datetime.timedelta(days=10));"
        "print(c.title)",
    )
    subprocess.run(
        [str(VENV_BIN / "celery"), "-A", "config", "call", "tracking.tasks.send_reminders"],
        cwd=BASE_DIR,
        env=stack["env"],
        check=True,
        timeout=60,
    )
    worker_log = stack["workdir"] / "worker.log"
    sent = wait_for(
        lambda: re.search(
            r"tracking\.tasks\.send_reminders\[.*\] succeeded .*'emails': (\d+)",
            worker_log.read_text(),
        ),
        what="the reminder task in the worker",
    )
    assert int(sent.group(1)) >= 1
    wait_for(lambda: title in mails(stack), what="the reminder e-mail naming the commitment")


def test_beat_is_scheduling(stack):
    beat_log = stack["workdir"] / "beat.log"
    wait_for(lambda: "beat: Starting" in beat_log.read_text(), seconds=30, what="beat")
    # The outbox flush runs every minute; seeing it sent proves beat reaches the broker.
    wait_for(
        lambda: "home.tasks.flush_queued_tasks" in beat_log.read_text(),
        seconds=75,
        what="beat sending the outbox flush",
    )
