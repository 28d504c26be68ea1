"""Pictures a reader can take in at a glance, each with its words (no JavaScript): the
status summary, the timeline with a today line, the capability grid. Overdue counts on
/compare/ (per country and capability), the plans index and the home page figures."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone

from ..factories import make_commitment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def plan(ke_plan, ke_police, ke_helpline, jo_plan, jo_police):
    start = TODAY - 400 * DAY
    late = {"start_date": start, "due_date": TODAY - 30 * DAY}
    make_commitment(ke_plan, ke_police, title="Late one", capability=4, **late)
    make_commitment(ke_plan, ke_police, title="Late two", capability=4, status="delayed", **late)
    make_commitment(ke_plan, ke_helpline, title="Done", capability=11, status="completed", **late)
    make_commitment(
        ke_plan,
        ke_helpline,
        title="Future",
        capability=11,
        start_date=start,
        due_date=TODAY + 300 * DAY,
    )
    make_commitment(jo_plan, jo_police, title="Jordan on time", due_date=TODAY + 30 * DAY)
    return ke_plan


def glance(html):
    return html[
        html.index('id="glance-h"') : html.index('id="summary-h"')
        if 'id="summary-h"' in html
        else html.index('id="map-h"')
    ]


def test_the_status_summary_is_a_picture_with_its_figures_in_words(client, plan):
    html = glance(client.get(plan.url).content.decode())
    assert "4 published commitments." in html
    assert "2 are overdue: past their due date, neither completed nor dropped." in html
    assert re.search(r'<svg class="status-bar"[^>]*aria-hidden="true"', html)
    # Each status is a tag with its word and its count: colour is never the only signal.
    assert re.search(
        r'<span class="tag st-completed">Completed</span> <span class="count">1</span>', html
    )
    assert re.search(
        r'<span class="tag tag-overdue">Overdue</span> <span class="count">2</span>', html
    )


def test_the_timeline_has_a_today_line_and_says_what_is_late(client, plan):
    html = glance(client.get(plan.url).content.decode())
    assert html.count('<line class="tl-today"') >= 3  # the legend, and one per domain row
    assert f'the line is today, <time datetime="{TODAY.isoformat()}"' in html
    assert "<strong>Overdue: 2</strong>" in html  # domain of capability 4
    assert re.search(r'<g class="tl-late"><title>Late one</title>', html)
    assert re.search(r'<g class="tl-done"><title>Done</title>', html)
    assert re.search(r'<g class="tl-open"><title>Future</title>', html)


def test_the_capability_grid_shades_tiles_and_says_it_in_words(client, plan):
    html = client.get(plan.url).content.decode()
    grid = html[html.index('class="cap-grid"') :]
    assert re.search(r'<li class="cap-tile shade-\d"><span class="cap-name"><bdi>4\. ', grid)
    assert "not in this plan" in grid  # the 18 capabilities the plan does not cover
    assert grid.count('class="cap-tile ') == 21
    assert "<script" not in html


def test_compare_counts_overdue_per_country_and_capability(client, plan):
    html = client.get("/compare/").content.decode()
    row = re.search(r"Overdue commitments</th>(.*?)</tr>", html, re.S)[1]
    assert re.findall(r"<td>(?:<strong>)?(\d+)", row) == ["0", "2"]  # Jordan, Kenya
    assert "2 overdue" in html
    text = client.get("/compare/export.csv").content.decode("utf-8").lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    overdue = {
        (r["country"], r["capability_number"]): r["overdue_commitments"]
        for r in rows
        if r["overdue_commitments"] not in ("", "0")
    }
    assert overdue == {("Kenya", "4"): "2"}


def test_plans_index_and_home_page_count_the_overdue(client, plan):
    html = client.get("/plans/").content.decode()
    assert '<strong class="overdue-count">2 overdue</strong>' in html
    html = client.get("/").content.decode()
    assert re.search(
        r'<li class="figure-overdue"><span class="figure">2</span> overdue: past their due date',
        html,
    )


def test_right_to_left_the_status_bar_starts_at_the_right(client, plan):
    def segments(path):
        html = client.get(path).content.decode()
        bar = re.search(r'<svg class="status-bar".*?</svg>', html, re.S)[0]
        return [
            (float(x), float(w))
            for x, w in re.findall(r'x="([\d.]+)%" y="0" width="([\d.]+)%"', bar)
        ]

    english, arabic = segments(plan.url), segments(f"/ar{plan.url}")
    assert english[0][0] == 0 and len(english) == len(arabic) > 1
    assert abs(arabic[0][0] + arabic[0][1] - 100) < 0.01  # the first status, at the right
    assert [w for _x, w in arabic] == [w for _x, w in english]


def test_right_to_left_ranges_and_percentages_read_left_to_right(client, plan):
    # Unisolated after Arabic words, "0–24%" is drawn "24%–0" and "70%" as "%70".
    html = client.get(f"/ar{plan.url}").content.decode()
    assert '<span class="nowrap" dir="ltr">0–24%</span>' in html
    assert re.search(r'<span class="nowrap" dir="ltr">\d+%</span>', html)
