"""A training commitment's people trained are the sum of its published trainings'
participants, per audience: the same figures on its page, the plan page, /compare/,
export.json and the read API, against the plan's people to train."""

import json
import re

import pytest

from ..trainings_helpers import report_trainings, training, training_commitment

pytestmark = pytest.mark.django_db

TRAINED = {"police": 30, "prosecutors": 3}


@pytest.fixture
def commitment(ke_plan, ke_police, ke_police_drafter):
    commitment = training_commitment(ke_plan, ke_police, targets={"police": 120, "prosecutors": 20})
    report_trainings(
        commitment,
        training(
            title="First course",
            participants={"police": {"female": 5, "male": 7}, "prosecutors": {"other": 3}},
            pre_test_average=41,
            post_test_average=67.5,
        ),
        training(title="Second course", city="Mombasa", participants={"police": {"female": 10}}),
    )
    report_trainings(commitment, training(title="Third course", participants={"police": 8}))
    # Reported, never published: never counted.
    report_trainings(
        commitment,
        training(title="Draft course", participants={"police": 500}),
        actor=ke_police_drafter,
        publish=False,
    )
    return commitment


def _cells(html, caption):
    """{audience label: [cells]} of the table captioned `caption`."""
    table = html[html.index(caption) :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table)
    return {label: re.sub(r"<[^>]+>", "", cells) for label, cells in rows}


def _export(client, plan, commitment):
    data = json.loads(client.get(f"{plan.url}export.json").content)
    return next(c for c in data["commitments"] if c["id"] == commitment.pk)


def test_export_json_trainings_sum_to_the_commitments_people_trained(client, ke_plan, commitment):
    row = _export(client, ke_plan, commitment)
    summed = {}
    for item in row["trainings"]:
        for audience, people in item["audiences"].items():
            summed[audience] = summed.get(audience, 0) + people
        assert item["people"] == sum(p["people"] for p in item["participants"])
    assert summed == TRAINED
    assert {p["audience"]: p["trained"] for p in row["people_trained"]} == TRAINED
    assert {p["audience"]: p["target"] for p in row["people_trained"]} == {
        "police": 120,
        "prosecutors": 20,
    }
    first = row["trainings"][0]
    assert first["audiences"] == {"police": 12, "prosecutors": 3}
    assert (first["pre_test_average"], first["post_test_average"]) == ("41.0", "67.5")
    assert [t["title"] for t in row["trainings"]] == [
        "First course",
        "Second course",
        "Third course",
    ]


def test_commitment_page_shows_the_sums_against_the_targets(client, ke_plan, commitment):
    html = client.get(f"{ke_plan.url}commitments/{commitment.pk}/").content.decode()
    cells = _cells(html, "People trained by audience, against the plan")
    assert cells["Police"].startswith("30120") and "25%" in cells["Police"]
    assert cells["Prosecutors"].startswith("320") and "15%" in cells["Prosecutors"]
    assert "First course" in html and "Mombasa" in html and "Draft course" not in html
    text = re.sub(r"<[^>]+>", "", html)
    assert re.search(r"before: 41%, after: 6[78]%", text)


def test_plan_page_and_compare_show_the_same_sums(client, ke_plan, commitment):
    plan_cells = _cells(client.get(ke_plan.url).content.decode(), "People trained by audience")
    assert plan_cells["Police"].startswith("30120")
    compare = _cells(client.get("/compare/").content.decode(), "People trained against")
    assert compare["Police"].startswith("30 of 120") and "25%" in compare["Police"]
    assert compare["Prosecutors"].startswith("3 of 20")


def test_the_api_sums_the_same_way(client, commitment):
    detail = client.get(f"/api/v1/commitments/{commitment.pk}/").json()
    trained = {row["audience"]: row["people"] for row in detail["training"]["people_trained"]}
    assert trained == TRAINED
    assert {r["audience"]: r["people"] for r in detail["training"]["people_to_train"]} == {
        "police": 120,
        "prosecutors": 20,
    }
    trainings = client.get(f"/api/v1/trainings/?commitment={commitment.pk}").json()["results"]
    summed = {}
    for item in trainings:
        for audience, people in item["audiences"].items():
            summed[audience] = summed.get(audience, 0) + people
    assert summed == TRAINED
