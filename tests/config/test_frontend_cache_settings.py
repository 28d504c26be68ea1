"""The proxy or CDN to purge is configured from the environment; nothing set, nothing
is purged. Each case imports settings afresh."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, config.settings.base as s; "
    "print(json.dumps({'backends': s.WAGTAILFRONTENDCACHE, "
    "'languages': s.WAGTAILFRONTENDCACHE_LANGUAGES}))"
)
VARIABLES = (
    "FRONTEND_CACHE_PURGE_URL",
    "FRONTEND_CACHE_PURGE_TIMEOUT",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_KEY",
    "CLOUDFRONT_DISTRIBUTION_ID",
)


def load(**env):
    clean = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    clean.update(SECRET_KEY="x" * 50, ENV_FILE="", **env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def backends(**env):
    result = load(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["backends"]


def test_nothing_configured_means_no_backend():
    result = load()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"backends": {}, "languages": []}


def test_a_purge_url_configures_the_http_backend_with_a_time_limit():
    found = backends(FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081")
    assert found == {
        "proxy": {
            "BACKEND": "publishing.purge_backends.TimedHTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
            "TIMEOUT": 5.0,
        }
    }
    timed = backends(FRONTEND_CACHE_PURGE_URL="http://varnish", FRONTEND_CACHE_PURGE_TIMEOUT="2")
    assert timed["proxy"]["TIMEOUT"] == 2.0


def test_cloudflare_and_cloudfront_are_configured_beside_it():
    found = backends(
        FRONTEND_CACHE_PURGE_URL="http://varnish",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )
    assert set(found) == {"proxy", "cloudflare", "cloudfront"}
    assert found["cloudflare"]["ZONEID"] == "zone"
    assert found["cloudflare"]["BEARER_TOKEN"] == "token"
    assert found["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_a_cloudflare_zone_without_credentials_is_refused_at_start():
    result = load(CLOUDFLARE_ZONE_ID="zone", CLOUDFLARE_EMAIL="ops@example.org")
    assert result.returncode != 0
    assert "CLOUDFLARE_ZONE_ID needs CLOUDFLARE_BEARER_TOKEN" in result.stderr
