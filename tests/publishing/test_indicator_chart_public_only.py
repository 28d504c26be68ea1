"""The commitment page draws each indicator's figures against its yearly targets (inline
SVG, with the same figures in a table) from published data only: a measurement of an
unpublished progress update and a yearly target of a draft revision never show."""

import datetime

import pytest

from plans import services as plan_services

from ..factories import make_indicator_commitment, make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police):
    commitment = make_indicator_commitment(ke_plan, ke_police)
    indicator = commitment.indicators.get()
    for value, year, publish in ((120, 2025, True), (777, 2026, False)):
        end = datetime.date(year, 6, 30)
        make_update(
            commitment,
            reporting_date=end,
            measurements=[{"indicator": indicator, "value": value, "measured_on": end}],
            publish=publish,
        )
    return commitment


def _page(client, plan, commitment, prefix=""):
    response = client.get(f"{prefix}{plan.url}commitments/{commitment.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_chart_and_its_table_show_the_published_figures_and_live_targets(
    client, ke_plan, commitment
):
    html = _page(client, ke_plan, commitment)
    assert 'class="ind-chart"' in html
    assert "Figures against targets, by year" in html
    assert "<title>2025: 120</title>" in html  # the bar
    assert "<title>2026: 180</title>" in html  # the target marker
    assert "Target met" in html


def test_a_draft_measurement_never_shows(client, ke_plan, commitment):
    html = _page(client, ke_plan, commitment)
    assert "777" not in html


def test_a_draft_yearly_target_never_shows(client, ke_plan, commitment):
    indicator = commitment.indicators.get()
    plan_services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        indicators=[
            {
                "pk": indicator.pk,
                "name": indicator.name,
                "baseline": indicator.baseline,
                "target": indicator.target,
                "targets": [{"year": 2027, "value": 999}],
            }
        ],
    )
    html = _page(client, ke_plan, commitment)
    assert "999" not in html and "2027" not in html
    assert "<title>2026: 180</title>" in html


def test_the_chart_runs_right_to_left_in_arabic(client, ke_plan, commitment):
    html = _page(client, ke_plan, commitment, prefix="/ar")
    assert 'dir="rtl"' in html
    # The baseline year comes first in time: at the right-hand end.
    first_year = html.index(">2024</text>")
    x = float(html[:first_year].rsplit('x="', 1)[1].split("%")[0])
    assert x > 50
