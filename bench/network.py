"""The network size (issue 21): many countries, each with a full plan, on PostgreSQL.

`python -m bench.network --out FILE --countries 5,150 --commitments 200 --updates 20`
builds the smaller network, measures it, adds countries up to the larger one, measures
again. Both measurements are of the same kind, so a page whose SQL queries grow with the
number of countries shows it (`query_growth`), and so does a public page whose p95 grows
more than `P95_GROWTH_LIMIT` times.

The builder writes in bulk (`bench.data.fill_plan`: COPY of commitments, revisions,
permissions, updates, measurements, trainings; funding lines and findings here); only
the world of each country (country, agencies, accounts, plan page) goes through the
services, as an administrator would set it up.
"""

import argparse
import json
import os
import sys
import time
from contextlib import contextmanager
from decimal import Decimal

P95_GROWTH_LIMIT = 3.0
JOBS_LIMIT_S = 120.0
BUILDER_LIMIT_S = 600.0
# Public pages: judged on p95 growth; admin pages and APIs only on queries.
PUBLIC = ("home", "plans index", "compare", "compare csv", "plan page", "search")
API_LISTS = (
    "/api/v1/plans/",
    "/api/v1/commitments/",
    "/api/v1/indicators/",
    "/api/v1/progress-updates/",
    "/api/v2/pages/?type=plans.NationalPlanPage",
)


def log(message):
    print(f"[bench network {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- Building ----------------------------------------------------------------------------


def fill_funding(commitment_ids, start_year):
    from bench.data import write_rows
    from plans.models import FundingLine

    lines = []
    for n, commitment_id in enumerate(commitment_ids):
        for k in range(2):
            lines.append(
                FundingLine(
                    commitment_id=commitment_id,
                    sort_order=k,
                    source=FundingLine.Source.PARTNER if k else FundingLine.Source.NATIONAL_BUDGET,
                    partner="UNICEF" if k else "",
                    state=FundingLine.State.SECURED if n % 3 else FundingLine.State.PLEDGED,
                    year=start_year + k,
                    amount=Decimal(500 + n),
                )
            )
    write_rows(lines)
    return len(lines)


def fill_findings(world):
    """One public needs-assessment finding per capability section, a third of them
    answered by a commitment, as a country's register would look after a review.
    Bulk-written: the services' one-by-one path would dominate building 150 countries."""
    from bench.data import write_rows
    from plans.models import Commitment, Finding

    rows = [
        Finding(
            country=world.country,
            title=f"Finding on capability {section.capability_id}",
            text="The assessment found no national procedure for this capability.",
            source_kind=Finding.SourceKind.NEEDS_ASSESSMENT,
            source_title="National needs assessment",
            public=True,
        )
        for section in world.plan.capability_sections.all()
    ]
    write_rows(rows)
    Through = Finding.capabilities.through
    write_rows(
        [
            Through(finding_id=row.pk, capability_id=section.capability_id)
            for row, section in zip(rows, world.plan.capability_sections.all(), strict=True)
        ]
    )
    commitments = list(Commitment.objects.filter(plan=world.plan).values_list("pk", flat=True))
    Link = Commitment.findings.through
    write_rows(
        [
            Link(commitment_id=pk, finding_id=row.pk)
            for pk, row in zip(commitments, rows[::3], strict=False)
        ]
    )
    return len(rows)


@contextmanager
def search_index_deferred():
    """No search indexing on save while countries are built: the database backend
    renormalises the whole index after every write (each agency, user and page saved),
    and in one long transaction every such pass leaves new row versions behind, so the
    build grew quadratic (1 s a country at first, 9 s by the 100th). `index_plans` writes
    what /search/ reads afterwards, in one pass."""
    import modelsearch.signal_handlers as handlers

    class Deferred:
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    task, handlers.insert_or_update_object_task = handlers.insert_or_update_object_task, Deferred
    try:
        yield
    finally:
        handlers.insert_or_update_object_task = task


def index_plans(worlds):
    """The search index entries of the plans and their commitments, as publishing writes
    them: rows written in bulk are in no index, and /search/ found none of them (it fell
    back to its similar-spellings search over the whole index, not what a visitor meets)."""
    from wagtail.search.backends import get_search_backend

    from plans.models import Commitment, NationalPlanPage

    backend = get_search_backend()
    plans = [w.plan for w in worlds]
    backend.add_bulk(
        NationalPlanPage, list(NationalPlanPage.objects.filter(pk__in=[p.pk for p in plans]))
    )
    backend.add_bulk(
        Commitment,
        list(Commitment.objects.filter(plan__in=plans).prefetch_related("translations")),
    )


def build_countries(first, last, *, commitments, updates):
    """Countries number `first` to `last - 1`, each with a published plan of
    `commitments` commitments and `updates` quarterly progress updates each."""
    from django_countries import countries

    from bench import data
    from bench.measure import analyze

    codes = [code.lower() for code, _name in countries]
    worlds = []
    with search_index_deferred():
        for n in range(first, last):
            world = data.make_world(code=codes[n], name=f"Country {n:03d}")
            ids = data.fill_plan(
                world, commitments, updates_each=updates, spacing_days=91, yearly_targets=True
            )
            fill_funding(ids, world.plan.period_start)
            fill_findings(world)
            worlds.append(world)
            if (n + 1) % 25 == 0:
                log(f"{n + 1} countries built")
    index_plans(worlds)
    analyze()
    return worlds


def superuser():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bench.data import _user

    user = _user("bench-superuser", is_superuser=True, is_staff=True)
    TOTPDevice.objects.get_or_create(
        user=user, name="Authenticator app", defaults={"confirmed": True}
    )
    return user


# --- Measuring ---------------------------------------------------------------------------


def measure_network(worlds, *, budget_s, min_n, batch_size):
    from django.core import mail
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import timezone

    from bench.measure import repeat, verified_client
    from publishing import caching
    from tracking import reminders

    client = Client()
    plan_url = worlds[0].plan.url
    rows = {}

    def get(c, url):
        response = c.get(url)
        if response.status_code != 200:
            raise AssertionError(f"GET {url}: {response.status_code}")
        return response

    def public(name, url):
        first = get(client, url)
        if first.get("X-Cache") is None:  # not served from the page cache (the APIs)
            rows[name] = repeat(lambda: get(client, url), budget_s=budget_s, min_n=min_n)
            logged(name)
            return
        rows[name] = repeat(
            lambda: get(client, url),
            before=caching.invalidate_everything,
            budget_s=budget_s,
            min_n=min_n,
        )
        logged(name)
        get(client, url)
        rows[f"{name} (cached)"] = repeat(
            lambda: get(client, url), budget_s=min(0.5, budget_s), min_n=5
        )
        logged(f"{name} (cached)")

    def logged(name):
        row = rows[name]
        log(
            f"{len(worlds)} countries: {name}: median {row['median_ms']:.1f} ms, "
            f"p95 {row['p95_ms']:.1f} ms, {row['queries']} queries"
        )

    public("home", "/")
    public("plans index", worlds[0].plan.get_parent().url)
    public("compare", "/compare/")
    public("compare csv", "/compare/export.csv")
    public("plan page", plan_url)
    public("search", "/search/?q=strengthen")
    for url in API_LISTS:
        public(f"api {url.split('/')[3] if url.startswith('/api/v1') else 'v2 pages'}", url)

    for who, user in (("coordinator", worlds[0].coordinator), ("superuser", superuser())):
        admin = verified_client(user)
        rows[f"admin listing ({who})"] = repeat(
            lambda admin=admin: get(admin, "/admin/snippets/plans/commitment/"),
            budget_s=budget_s,
            min_n=min_n,
        )
        logged(f"admin listing ({who})")
        rows[f"admin dashboard ({who})"] = repeat(
            lambda admin=admin: get(admin, "/admin/"), budget_s=budget_s, min_n=min_n
        )
        logged(f"admin dashboard ({who})")

    jobs = {}
    today = timezone.localdate()
    mail.outbox = []
    with CaptureQueriesContext(connection) as captured:
        begin = time.perf_counter()
        outcome = reminders.send_reminders(on=today, batch_size=batch_size)
        elapsed = time.perf_counter() - begin
    jobs["reminders"] = {
        "seconds": round(elapsed, 2),
        "queries": len(captured),
        "batches": outcome.batches,
        "batch_size": batch_size,
        "sent": outcome.sent,
        "emails": outcome.emails,
    }
    log(f"{len(worlds)} countries: reminders: {jobs['reminders']}")
    mail.outbox = []
    with (
        override_settings(TRACKING_DIGEST_BATCH_SIZE=batch_size),
        CaptureQueriesContext(connection) as captured,
    ):
        begin = time.perf_counter()
        outcome = reminders.send_digests(on=today)
        elapsed = time.perf_counter() - begin
    jobs["digests"] = {
        "seconds": round(elapsed, 2),
        "queries": len(captured),
        "batches": getattr(outcome, "batches", None),
        "batch_size": batch_size,
        "sent": outcome.sent,
        "emails": outcome.emails,
    }
    log(f"{len(worlds)} countries: digests: {jobs['digests']}")
    return rows, jobs


def query_growth(small, large):
    """The measurements whose SQL query count differs between the two networks."""
    return [
        f"{name} {small[name]['queries']}/{large[name]['queries']}"
        for name in small
        if name in large and small[name]["queries"] != large[name]["queries"]
    ]


def p95_growth(small, large, limit=P95_GROWTH_LIMIT):
    out = []
    for name in PUBLIC:
        if name in small and name in large:
            ratio = large[name]["p95_ms"] / max(small[name]["p95_ms"], 0.01)
            out.append((name, small[name]["p95_ms"], large[name]["p95_ms"], ratio, ratio <= limit))
    return out


def targets(result):
    sizes = result["countries"]
    small, large = (result["sizes"][str(s)] for s in sizes)
    growing = query_growth(small["measurements"], large["measurements"])
    jobs_growing = [
        f"{job} queries per batch"
        for job in ("reminders", "digests")
        if _per_batch(large["jobs"][job]) > _per_batch(small["jobs"][job]) * 1.5 + 5
    ]
    out = [
        {
            "target": f"[network] queries independent of the number of countries "
            f"({sizes[0]} vs {sizes[1]}) on every page",
            "pass": not growing,
            "untimed_pass": not growing,
            "detail": "all constant" if not growing else "grow: " + "; ".join(growing),
        },
        {
            "target": "[network] reminder and digest jobs in batches: queries per batch bounded",
            "pass": not jobs_growing,
            "untimed_pass": not jobs_growing,
            "detail": "; ".join(
                f"{job} {large['jobs'][job]['queries']} queries in "
                f"{large['jobs'][job]['batches']} batches"
                for job in ("reminders", "digests")
            )
            + ("" if not jobs_growing else " (grow: " + ", ".join(jobs_growing) + ")"),
        },
    ]
    rows = p95_growth(small["measurements"], large["measurements"])
    out.append(
        {
            "target": f"[network] uncached p95 of every public page <= {P95_GROWTH_LIMIT:g}x "
            f"its value at {sizes[0]} countries",
            "pass": all(ok for *_rest, ok in rows),
            "detail": "; ".join(f"{n} {a:.0f}->{b:.0f} ms x{r:.1f}" for n, a, b, r, _ok in rows),
        }
    )
    jobs_s = large["jobs"]["reminders"]["seconds"] + large["jobs"]["digests"]["seconds"]
    out.append(
        {
            "target": f"[network] reminders and digests over {sizes[1]} countries within "
            f"{JOBS_LIMIT_S:g} s",
            "pass": jobs_s <= JOBS_LIMIT_S,
            "detail": f"{jobs_s:.1f} s",
        }
    )
    out.append(
        {
            "target": f"[network] data builder for {sizes[1]} countries within "
            f"{BUILDER_LIMIT_S:g} s",
            "pass": result["build_s"] <= BUILDER_LIMIT_S,
            "detail": f"{result['build_s']:.0f} s",
        }
    )
    return out


def _per_batch(job):
    return job["queries"] / max(job["batches"] or 1, 1)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--countries", default="5,150")
    parser.add_argument("--commitments", type=int, default=200)
    parser.add_argument("--updates", type=int, default=20, help="quarterly, per commitment")
    parser.add_argument("--budget", type=float, default=2.0)
    parser.add_argument("--min-samples", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--keepdb", action="store_true", help="reuse the migrated test database")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.countries.split(",")]
    assert len(sizes) == 2 and sizes[0] < sizes[1], "two network sizes, smaller first"

    from bench.measure import setup

    began = time.perf_counter()
    configured_name = setup(fresh_db=True, keepdb=args.keepdb)
    from django.db import connection

    from bench.measure import rolled_back

    result = {
        "vendor": connection.vendor,
        "migrate_s": round(time.perf_counter() - began, 1),
        "countries": sizes,
        "commitments_per_plan": args.commitments,
        "updates_per_commitment": args.updates,
        "sizes": {},
    }
    build_s, built = 0.0, []
    try:
        with rolled_back():
            _run(result, sizes, args, built, build_s)
    finally:
        if connection.vendor == "postgresql" and not args.keepdb:
            connection.close()
            connection.creation.destroy_test_db(configured_name, verbosity=0)
    with open(args.out, "w") as handle:
        json.dump(result, handle, indent=2)


def _run(result, sizes, args, built, build_s=0.0):
    from bench import data

    for size in sizes:
        begin = time.perf_counter()
        built += build_countries(
            len(built), size, commitments=args.commitments, updates=args.updates
        )
        elapsed = time.perf_counter() - begin
        build_s += elapsed
        log(f"{size} countries built ({elapsed:.0f} s); measuring")
        rows, jobs = measure_network(
            built, budget_s=args.budget, min_n=args.min_samples, batch_size=args.batch_size
        )
        result["sizes"][str(size)] = {
            "build_s": round(elapsed, 1),
            "rows": data.counts(),
            "measurements": rows,
            "jobs": jobs,
        }
    result["build_s"] = round(build_s, 1)
    result["targets"] = targets(result)


def table(result):
    sizes = [str(s) for s in result["countries"]]
    lines = [
        "",
        f"== network ({result['vendor']}): {result['commitments_per_plan']} commitments and "
        f"{result['updates_per_commitment']} updates each per country; "
        "median ms (p95 ms) [SQL queries]",
        f"{'measurement':<32}" + "".join(f"{s + ' countries':>28}" for s in sizes) + "  p95 x",
    ]
    small, large = (result["sizes"][s]["measurements"] for s in sizes)
    for name, row in small.items():
        other = large.get(name)
        cells = [
            f"{r['median_ms']:.1f} ({r['p95_ms']:.1f}) [{r['queries']}]" if r else "-"
            for r in (row, other)
        ]
        growth = f"x{other['p95_ms'] / max(row['p95_ms'], 0.01):.2f}" if other else "-"
        lines.append(f"{name:<32}" + "".join(f"{c:>28}" for c in cells) + f"  {growth}")
    for job in ("reminders", "digests"):
        cells = [
            f"{j['seconds']:.2f} s [{j['queries']}q/{j['batches']}b]"
            for j in (result["sizes"][s]["jobs"][job] for s in sizes)
        ]
        lines.append(f"{job + ' job':<32}" + "".join(f"{c:>28}" for c in cells))
    lines.append(
        f"{'builder (s)':<32}"
        + "".join(f"{result['sizes'][s]['build_s']:>28}" for s in sizes)
        + f"  total {result['build_s']} s; rows at {sizes[1]}: {result['sizes'][sizes[1]]['rows']}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    main()
