"""The plan page, a commitment page, the exports, the PDF and the API's findings cost the
same number of queries with 2 and with 20 findings (as tests/publishing/test_query_counts.py)."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans.models import Commitment
from publishing import caching

from ..factories import make_commitment
from ..findings_helpers import make_finding
from .test_query_counts import _NoPdf

pytestmark = pytest.mark.django_db


def _queries(client, url, plan):
    client.get(url)
    caching.invalidate_plan(plan.pk)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_findings(plan, commitments, start, count):
    for k in range(start, start + count):
        finding = make_finding(
            plan.country, title=f"Finding {k}", capabilities=(4, 11)[: 1 + k % 2], public=k % 3 > 0
        )
        if k % 2 == 0:  # the first two: one internal and answered, one public and open
            commitment = commitments[k % len(commitments)]
            Commitment.findings.through.objects.create(commitment=commitment, finding=finding)


def counts(client, plan, commitment):
    urls = {
        "plan page": plan.url,
        "commitment page": f"{plan.url}commitments/{commitment.pk}/",
        "export.json": f"{plan.url}export.json",
        "export.csv": f"{plan.url}export.csv",
        "export.pdf": f"{plan.url}export.pdf",
        "api findings": "/api/v1/findings/",
        "api commitments": "/api/v1/commitments/",
    }
    return {name: _queries(client, url, plan) for name, url in urls.items()}


def test_findings_query_counts_do_not_grow(client, ke_plan, ke_police, ke_helpline):
    commitments = [
        make_commitment(ke_plan, agency, title=f"Commitment {k}", capability=4)
        for k, agency in enumerate((ke_police, ke_helpline, ke_police))
    ]
    with mock.patch("weasyprint.HTML", _NoPdf):
        add_findings(ke_plan, commitments, 0, 2)
        few = counts(client, ke_plan, commitments[1])
        add_findings(ke_plan, commitments, 2, 18)
        many = counts(client, ke_plan, commitments[1])
    print("queries, 2 and 20 findings:", {k: (few[k], many[k]) for k in few})
    assert many == few
