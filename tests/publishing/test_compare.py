"""The cross-country comparison: published plans and public commitments only, as HTML and CSV."""

import csv
import io

import pytest

from plans import services
from plans.models import MaturityLevel, PlanCapabilitySection
from tracking import services as tracking_services

from ..factories import make_commitment, make_plan, training

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(ke_plan, jo_plan, ke_police, ke_helpline, jo_police, kenya):
    level = {lvl.order: lvl for lvl in MaturityLevel.objects.all()}
    PlanCapabilitySection.objects.filter(plan=ke_plan, capability__number=4).update(
        baseline_level=level[1], target_level=level[3]
    )
    live = make_commitment(ke_plan, ke_police, title="Train investigators", progress=50)
    services.commitment_save_draft(actor=None, commitment=live, title="Draftword title")
    make_commitment(ke_plan, ke_helpline, title="Neverword", capability=11, publish=False)
    make_commitment(ke_plan, ke_helpline, title="Internalword", capability=11, is_internal=True)
    helpline = make_commitment(
        ke_plan, ke_helpline, title="Helpline training", capability=11, kind="training"
    )
    tracking_services.progress_update_create(
        actor=None,
        commitment=helpline,
        status="on_track",
        progress=40,
        narrative="Trained",
        trainings=[training(participants={"helpline_staff": 12})],
        publish=True,
    )
    make_commitment(jo_plan, jo_police, title="Jordan work", progress=10)
    # A second Kenyan plan that was never published (a draft plan): never compared.
    draft_plan = make_plan(kenya, capabilities=(5,), start=2030, end=2034, publish=False)
    draft_plan.title = "Draftplanword"
    draft_plan.save_revision()
    # A newer draft of the published plan's title: the CSV names the published title.
    ke_plan.title = "Draftplantitle"
    ke_plan.save_revision()
    return ke_plan


def test_compare_shows_published_plans_side_by_side(client, content):
    response = client.get("/compare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ">Kenya</a>" in html and ">Jordan</a>" in html
    # capabilities, then seven figure rows, then four funding rows (cost, secured, pledged, gap)
    assert html.count('<th scope="row">') == 21 + 7 + 1 + 4
    assert "Baseline: Not yet in place" in html and "Target: Partly in place" in html
    # 50 % of the way from level 1 to level 3 is level 2.
    assert "Now (estimate): Being developed" in html
    assert "not in this plan" in html
    assert response["Cache-Control"].startswith("public")


def test_compare_never_shows_unpublished_or_internal_content(client, content):
    html = client.get("/compare/").content.decode()
    csv_text = client.get("/compare/export.csv").content.decode()
    for secret in ("Draftword", "Neverword", "Internalword", "Draftplan", "2030-2034"):
        assert secret not in html and secret not in csv_text
    # The helpline capability counts only the public commitment (40 %), not the others.
    assert "40% · 1 commitment" in html
    assert "<td>12</td>" in html  # helpline staff trained, from a published update


def test_csv_agrees_with_the_page(client, content):
    response = client.get("/compare/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert len(rows) == 2 * 21
    kenya_4 = next(r for r in rows if r["country"] == "Kenya" and r["capability_number"] == "4")
    assert kenya_4["in_plan"] == "yes"
    assert kenya_4["plan"] == "Kenya national plan 2025-2029"
    assert kenya_4["baseline_level"] == "Not yet in place"
    assert kenya_4["target_level"] == "Partly in place"
    assert kenya_4["current_level_estimate"] == "Being developed"
    assert kenya_4["average_progress_percent"] == "50"
    assert kenya_4["public_commitments"] == "1"
    kenya_1 = next(r for r in rows if r["country"] == "Kenya" and r["capability_number"] == "1")
    assert kenya_1["in_plan"] == "no"


def test_compare_is_cached_and_refreshed_on_publish(client, content, ke_plan, ke_police):
    assert client.get("/compare/")["X-Cache"] == "miss"
    before = client.get("/compare/")
    assert before["X-Cache"] == "hit"
    make_commitment(ke_plan, ke_police, title="Newly published", capability=21)
    after = client.get("/compare/")
    assert after["X-Cache"] == "miss"
    count = "% · 1 commitment"
    assert after.content.decode().count(count) == before.content.decode().count(count) + 1


def test_compare_in_arabic(client, content):
    response = client.get("/ar/compare/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
