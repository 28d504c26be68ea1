"""Server time and SQL queries of each page, export, admin view and job, at each size.

Run by `bench.run` in its own process per database backend:
`python -m bench.measure --out FILE [--sizes 10,100,1000] [--pdf-sizes 10,100,300,1000]`.

Each size is generated inside a transaction that is rolled back afterwards, so every size
starts from the same database (the world: countries, agencies, accounts, plan pages).
"""

import argparse
import json
import os
import statistics
import sys
import time
from contextlib import contextmanager

import django


def setup(fresh_db: bool, keepdb: bool = False) -> str:
    """Django, and a fresh database; returns the configured database name."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if fresh_db:
        # As Django's test runner does: a new database (test_<name> on PostgreSQL; the
        # file named in TEST.NAME on SQLite), migrated.
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=keepdb
        )
    return name


# --- Timing ----------------------------------------------------------------------------


def percentile(samples, fraction):
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(samples, queries):
    return {
        "n": len(samples),
        "median_ms": round(statistics.median(samples) * 1000, 2),
        "p95_ms": round(percentile(samples, 0.95) * 1000, 2),
        "queries": max(queries),
        "queries_min": min(queries),
    }


def repeat(call, *, before=None, min_n=5, max_n=30, budget_s=2.0, warmup=1):
    """Call `call` (after `before`, untimed) until `max_n` samples or `budget_s` seconds
    (but at least `min_n` samples); the first `warmup` calls are not counted."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, queries, started = [], [], time.perf_counter()
    for _ in range(warmup):
        if before:
            before()
        call()
    while len(samples) < max_n and (
        len(samples) < min_n or time.perf_counter() - started < budget_s
    ):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            call()
            samples.append(time.perf_counter() - begin)
        queries.append(len(captured))
    return summarise(samples, queries)


@contextmanager
def rolled_back():
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def analyze():
    """PostgreSQL: table statistics for the rows just written, as autovacuum keeps them in
    production. Without them the planner takes the bulk-loaded tables for empty (their
    rows are in a transaction autovacuum never sees) and picks nested loops that take
    minutes: the dashboard's people-trained query ran 36 s at 300 commitments."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# --- What is measured --------------------------------------------------------------------


class Bench:
    def __init__(self, world, client, admin_client, budget_s, min_n):
        self.world, self.client, self.admin, self.budget_s = world, client, admin_client, budget_s
        self.min_n = min_n
        self.plan = world.plan

    def get(self, client, url, *, expect=200, cache=None):
        response = client.get(url)
        if response.status_code != expect:
            raise AssertionError(f"GET {url}: {response.status_code}, expected {expect}")
        if cache is not None and response.get("X-Cache") != cache:
            raise AssertionError(f"GET {url}: X-Cache {response.get('X-Cache')}, expected {cache}")
        return response

    def public(self, url, *, uncached_scope="plan"):
        """Uncached (a new cache generation before each request) and cached times."""
        from publishing import caching

        def bump():
            if uncached_scope == "plan":
                caching.invalidate_plan(self.plan.pk)
            else:
                caching.invalidate_everything()

        uncached = repeat(
            lambda: self.get(self.client, url, cache="miss"),
            before=bump,
            budget_s=self.budget_s,
            min_n=self.min_n,
        )
        self.get(self.client, url)  # fill the cache
        cached = repeat(
            lambda: self.get(self.client, url, cache="hit"),
            budget_s=min(0.5, self.budget_s),
            min_n=10,
        )
        return uncached, cached

    def admin_page(self, url):
        return repeat(lambda: self.get(self.admin, url), budget_s=self.budget_s, min_n=self.min_n)


def verified_client(user):
    """A test client signed in as `user` the way a coordinator works in production: with a
    confirmed authenticator, in a session that has entered a code. The session is marked
    as django_otp.login marks it, so the two-factor middleware runs on every request (and
    lets the user through) rather than being switched off."""
    import django_otp
    from django.conf import settings
    from django.http import HttpRequest
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert settings.TWO_FACTOR_ENFORCED, "the bench measures the admin with two-factor on"
    client = Client()
    client.force_login(user)
    # Without the code the admin is out of reach: proves the middleware is on the path.
    response = client.get("/admin/")
    assert response.status_code == 302, f"GET /admin/ before two-factor: {response.status_code}"
    request = HttpRequest()
    request.user = user
    request.session = client.session
    django_otp.login(request, TOTPDevice.objects.get(user=user, confirmed=True))
    request.session.save()
    return client


def measure_size(world, size, *, budget_s, min_n, pdf):
    from django.conf import settings
    from django.core import mail
    from django.test import Client
    from django.utils import timezone

    from bench import data
    from publishing import pdf as plan_pdf
    from tracking import reminders

    result = {"size": size}
    began = time.perf_counter()
    ids = data.fill_plan(world, size)
    analyze()
    result["generate_s"] = round(time.perf_counter() - began, 2)
    result["rows"] = data.counts()

    client = Client()
    admin = verified_client(world.coordinator)
    bench = Bench(world, client, admin, budget_s, min_n)
    plan_url = world.plan.url
    # The third of each size's fill, so both sizes show a commitment of the same kind
    # (every fifth is a training, every tenth overdue): the middle one was an action at 5
    # and a training at 20, and its trainings read as 3 queries of growth (39 -> 42).
    commitment_id = ids[2]
    m = result["measurements"] = {}

    m["plan page"], m["plan page (cached)"] = bench.public(plan_url)
    m["commitment page"], m["commitment page (cached)"] = bench.public(
        f"{plan_url}commitments/{commitment_id}/"
    )
    for fmt in ("csv", "json"):
        m[f"export.{fmt}"], m[f"export.{fmt} (cached)"] = bench.public(f"{plan_url}export.{fmt}")
    m["admin commitment listing"] = bench.admin_page("/admin/snippets/plans/commitment/")
    m["admin commitment edit form"] = bench.admin_page(
        f"/admin/snippets/plans/commitment/edit/{commitment_id}/"
    )
    m["coordinator dashboard"] = bench.admin_page("/admin/")
    if client.get("/compare/").status_code == 404:
        result["compare"] = "not present"
    else:
        m["cross-country page"], m["cross-country page (cached)"] = bench.public(
            "/compare/", uncached_scope="everything"
        )

    # The PDF: one cold request for export.pdf (Celery eager, so the task body runs in
    # the request), timing render_plan_pdf inside it.
    if pdf:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from publishing import caching

        render_times = []
        original = plan_pdf.render_plan_pdf

        def timed_render(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                render_times.append(time.perf_counter() - begin)

        plan_pdf.render_plan_pdf = timed_render
        try:
            caching.invalidate_plan(world.plan.pk)
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = bench.get(client, f"{plan_url}export.pdf")
                total = time.perf_counter() - begin
            assert response["Content-Type"] == "application/pdf"
        finally:
            plan_pdf.render_plan_pdf = original
        m["export.pdf"] = {
            "n": 1,
            "median_ms": round(total * 1000, 2),
            "p95_ms": round(total * 1000, 2),
            "queries": len(captured),
            "queries_min": len(captured),
        }
        result["pdf"] = {
            "render_s": round(render_times[0], 2),
            "request_s": round(total, 2),
            "bytes": len(response.content),
        }

    # The reminder job, as the Celery task runs it, in small batches to see several; the
    # queries of each batch are counted (its select, and what _remind_batch does).
    batch_size = int(os.environ.get("BENCH_REMINDER_BATCH", "20"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    per_batch = []
    original_batch = reminders._remind_batch

    def counted_batch(*args, **kwargs):
        with CaptureQueriesContext(connection) as batch_queries:
            original_batch(*args, **kwargs)
        per_batch.append(len(batch_queries) + 1)

    mail.outbox = []
    reminders._remind_batch = counted_batch
    try:
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            outcome = reminders.send_reminders(on=timezone.localdate(), batch_size=batch_size)
            elapsed = time.perf_counter() - begin
    finally:
        reminders._remind_batch = original_batch
    result["reminders"] = {
        "seconds": round(elapsed, 3),
        "queries": len(captured),
        "batches": outcome.batches,
        "batch_size": batch_size,
        "queries_per_batch": max(per_batch, default=0),
        "queries_by_batch": per_batch,
        "reminders_planned": outcome.planned,
        "reminders_sent": outcome.sent,
        "emails": outcome.emails,
        "setting_batch_size": settings.TRACKING_REMINDER_BATCH_SIZE,
    }
    return result


def pdf_only(world, size):
    """The PDF alone (for 300 commitments): render_plan_pdf as the worker runs it."""
    from bench import data
    from publishing import pdf as plan_pdf

    data.fill_plan(world, size)
    analyze()
    begin = time.perf_counter()
    content = plan_pdf.render_plan_pdf(world.plan, language="en", url="http://127.0.0.1/")
    return {
        "size": size,
        "pdf": {"render_s": round(time.perf_counter() - begin, 2), "bytes": len(content)},
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--pdf-sizes", default="10,100,300,1000")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per measurement")
    parser.add_argument("--min-samples", type=int, default=5, help="even past the budget")
    parser.add_argument("--keepdb", action="store_true", help="the database is migrated")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pdf_sizes = [int(s) for s in args.pdf_sizes.split(",") if s]

    began = time.perf_counter()
    configured_name = setup(fresh_db=not args.keepdb)
    from django.db import connection

    from bench import data

    output = {"vendor": connection.vendor, "migrate_s": round(time.perf_counter() - began, 1)}
    world = data.make_world()
    data.make_world(code="tz", name="Tanzania")  # a second country, for cross-country pages
    output["sizes"] = {}
    for size in sorted(set(sizes) | set(pdf_sizes)):
        with rolled_back():
            if size in sizes:
                result = measure_size(
                    world,
                    size,
                    budget_s=args.budget,
                    min_n=args.min_samples,
                    pdf=size in pdf_sizes,
                )
            else:
                result = pdf_only(world, size)
        output["sizes"][str(size)] = result
        print(f"  [{connection.vendor}] {size} commitments measured", file=sys.stderr, flush=True)
    if connection.vendor == "postgresql":
        connection.creation.destroy_test_db(configured_name, verbosity=0)
    with open(args.out, "w") as handle:
        json.dump(output, handle, indent=2)


if __name__ == "__main__":
    main()
