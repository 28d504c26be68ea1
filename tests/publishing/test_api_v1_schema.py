"""The read API's OpenAPI 3 document validates (drf-spectacular's own check, with every
warning an error), describes every endpoint and filter, and its docs page works under
the site's Content Security Policy from this site's own files."""

import re

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/plans/",
    "/api/v1/plans/{id}/",
    "/api/v1/commitments/",
    "/api/v1/commitments/{id}/",
    "/api/v1/indicators/",
    "/api/v1/indicators/{id}/",
    "/api/v1/progress-updates/",
    "/api/v1/progress-updates/{id}/",
    "/api/v1/findings/",
    "/api/v1/findings/{id}/",
    "/api/v1/trainings/",
    "/api/v1/trainings/{id}/",
}


def test_the_schema_validates_without_a_warning(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--urlconf",
        "publishing.api.urls",
        "--file",
        str(out),
    )
    schema = yaml.safe_load(out.read_text())
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS


def test_the_served_schema_describes_every_endpoint_and_filter(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert set(schema["paths"]) == PATHS  # never Wagtail's /api/v2/ or the admin's API
    parameters = {p["name"] for p in schema["paths"]["/api/v1/commitments/"]["get"]["parameters"]}
    assert {"country", "capability", "status", "overdue", "updated_since", "cursor"} <= parameters
    for path, item in schema["paths"].items():
        assert set(item) == {"get"}, path  # read-only
    assert client.get("/api/schema/").status_code == 200  # YAML by default


def test_the_docs_page_uses_only_this_sites_files_and_no_inline_script(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert all("<script src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "<style" not in html and "style=" not in html
    for source in sources:
        if source.startswith("/static/"):
            assert "drf_spectacular_sidecar/swagger-ui-dist/" in source
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_the_api_root_links_every_endpoint(client):
    data = client.get("/api/v1/").json()
    assert set(data) == {
        "plans",
        "commitments",
        "indicators",
        "progress-updates",
        "findings",
        "trainings",
    }
