"""The stored figures of a plan (`publishing.figures`) follow every publication: the next
request after a commitment or a progress update is published shows the new figures on
`/`, `/plans/`, the comparison's CSV and `/api/v1/plans/`, without waiting for a task;
and the task after the commit recomputes the row, so that request need not."""

from unittest import mock

import pytest

from publishing import caching, figures
from publishing.models import PlanFigures

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db


def _api_figures(client):
    return client.get("/api/v1/plans/").json()["results"][0]["figures"]


def test_a_published_commitment_counts_on_the_next_request(client, ke_plan, ke_police, compare_csv):
    make_commitment(ke_plan, ke_police, title="First", progress=20)
    assert (
        "20% average progress of 1 published commitment" in client.get("/plans/").content.decode()
    )
    assert '<span class="figure">1</span> published commitment' in client.get("/").content.decode()
    assert compare_csv()[("Kenya", 4)]["public_commitments"] == "1"
    assert _api_figures(client)["commitments"] == 1

    make_commitment(ke_plan, ke_police, title="Second", progress=40)
    assert (
        "30% average progress of 2 published commitments" in client.get("/plans/").content.decode()
    )
    home = client.get("/").content.decode()
    assert '<span class="figure">2</span> published commitments' in home
    assert '<span class="figure nowrap">30%</span>' in home
    row = compare_csv()[("Kenya", 4)]
    assert (row["public_commitments"], row["average_progress_percent"]) == ("2", "30")
    assert _api_figures(client) == {
        "commitments": 2,
        "average_progress": 30,
        "completed": 0,
        "on_track": 0,
        "behind": 0,
        "overdue": 0,
    }


def test_a_published_progress_update_changes_the_figures(client, ke_plan, ke_police, compare_csv):
    commitment = make_commitment(ke_plan, ke_police, title="Reported on", progress=0)
    assert compare_csv()[("Kenya", 4)]["average_progress_percent"] == "0"
    make_update(commitment, status="at_risk", progress=60, publish=True)
    html = client.get("/plans/").content.decode()
    assert "60% average progress of 1 published commitment" in html
    assert "0 completed · 0 on track · 1 at risk or delayed" in html
    assert compare_csv()[("Kenya", 4)]["average_progress_percent"] == "60"


def test_the_task_after_the_commit_stores_the_figures_before_anyone_reads(
    client, ke_plan, ke_police, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_commitment(ke_plan, ke_police, title="Published", progress=50)
    row = PlanFigures.objects.get(plan=ke_plan)
    generation = caching.plan_generations([ke_plan.pk])[ke_plan.pk]
    assert row.version == caching.figures_version(generation)
    assert (row.commitment_count, row.progress_sum) == (1, 50)
    with mock.patch.object(figures, "compute", wraps=figures.compute) as compute:
        assert "1 published commitment" in client.get("/plans/").content.decode()
        assert '<span class="figure">1</span>' in client.get("/").content.decode()
    compute.assert_not_called()
