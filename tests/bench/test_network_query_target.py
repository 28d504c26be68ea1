"""The network benchmark fails when a page's SQL queries grow with the number of
countries, and passes when they do not (bench.network.targets, what `make bench-quick`
judges in CI)."""

from bench import network
from bench.run import untimed_failures


def _row(queries, p95=10.0):
    return {"n": 3, "median_ms": p95, "p95_ms": p95, "queries": queries, "queries_min": queries}


def _job(queries, batches):
    return {"seconds": 0.1, "queries": queries, "batches": batches, "sent": 1, "emails": 1}


def _result(compare_queries_small, compare_queries_large):
    def size(compare_queries, batches):
        return {
            "build_s": 1.0,
            "rows": {},
            "measurements": {
                "home": _row(8),
                "compare": _row(compare_queries),
                "plan page": _row(20),
            },
            "jobs": {
                "reminders": _job(6 * batches, batches),
                "digests": _job(5 * batches, batches),
            },
        }

    return {
        "countries": [3, 6],
        "build_s": 2.0,
        "sizes": {"3": size(compare_queries_small, 3), "6": size(compare_queries_large, 6)},
    }


def test_a_page_whose_queries_grow_with_countries_fails_the_quick_mode():
    targets = network.targets(_result(12, 15))

    failures = untimed_failures(targets)
    assert len(failures) == 1
    assert "compare 12/15" in failures[0]


def test_constant_queries_and_batched_jobs_pass():
    targets = network.targets(_result(12, 12))

    assert untimed_failures(targets) == []
    assert targets[0]["pass"] and targets[1]["pass"]


def test_a_job_whose_queries_per_batch_grow_fails():
    result = _result(12, 12)
    result["sizes"]["6"]["jobs"]["digests"] = _job(600, 1)

    failures = untimed_failures(network.targets(result))
    assert failures and "digests" in failures[0]
