"""The geometry of the plan page's pictures, computed here and drawn as inline SVG by the
templates (no JavaScript; classes, never inline style, for colours).

Positions are percentages of the picture's width (SVG accepts `%` for x, width and
`<use>` offsets), so a picture fills a phone or a desktop without a viewBox that would
squash its markers. Right-to-left pages mirror the time axis: time runs in the reading
direction. Every picture has its words beside it: the figures it shows, as text.
"""

import datetime
import math
from dataclasses import dataclass, field

from plans.models import Commitment

S = Commitment.Status

# Marker per state of a commitment on the timeline: its shape carries the meaning as well
# as its colour (a filled dot, a hollow dot, a cross, a dash).
DONE, OPEN, LATE, DROPPED = "done", "open", "late", "dropped"
LANE_HEIGHT = 12
ROW_PADDING = 6
MIN_GAP = 1.5  # percent of the width between two bars sharing a lane


# The same colours as site.css's `.fill-*`, for the PDF (WeasyPrint's SVG renderer does not
# apply the document's CSS classes to inline SVG).
STATUS_COLOURS = {
    S.NOT_STARTED: "#6b7280",
    S.ON_TRACK: "#1a7f37",
    S.AT_RISK: "#b45309",
    S.DELAYED: "#b42318",
    S.COMPLETED: "#0b4f6c",
    S.DROPPED: "#c2c7cc",
}


def status_bar(summary: dict, *, rtl: bool = False) -> list[dict]:
    """The status summary as segments of one bar: status, label, count, colour, x and
    width (%). Right to left, the bar starts at the right, as its legend does."""
    total = summary["total"]
    segments, x = [], 0.0
    if not total:
        return segments
    for item in summary["statuses"]:
        if not item["count"]:
            continue
        width = 100 * item["count"] / total
        segments.append(
            {
                **item,
                "colour": STATUS_COLOURS[item["status"]],
                "x": round(100 - x - width if rtl else x, 3),
                "width": round(width, 3),
            }
        )
        x += width
    return segments


@dataclass
class Axis:
    start: datetime.date
    end: datetime.date
    rtl: bool = False

    def x(self, day: datetime.date) -> float:
        span = (self.end - self.start).days or 1
        share = 100 * (day - self.start).days / span
        share = min(100.0, max(0.0, share))
        return round(100 - share if self.rtl else share, 3)


@dataclass
class TimelineRow:
    number: int
    name: str
    height: int = 0
    bars: list[dict] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    undated: int = 0


def _state(item) -> str:
    if item["status"] == S.COMPLETED:
        return DONE
    if item["status"] == S.DROPPED:
        return DROPPED
    return LATE if item["is_overdue"] else OPEN


def timeline(rows: list[dict], *, period_start: int, period_end: int, today, rtl=False):
    """The timeline picture: the plan period (widened to every due date and to today),
    year ticks, a today line, and per domain one bar per commitment from its start to
    its due date, packed in lanes so that none hides another."""
    dates = [today]
    for row in rows:
        for item in row["items"]:
            dates += [d for d in (item["start_date"], item["due_date"]) if d]
    first_year = min([period_start, *(d.year for d in dates)])
    last_year = max([period_end, *(d.year for d in dates)])
    axis = Axis(datetime.date(first_year, 1, 1), datetime.date(last_year + 1, 1, 1), rtl=rtl)
    # A phone has room for about eight year labels: beyond that, every other year.
    every = 1 if last_year - first_year < 8 else 2
    years = [
        {
            "year": year,
            "x": axis.x(datetime.date(year, 1, 1)),
            "label_x": axis.x(datetime.date(year, 7, 1)),
            "label": (year - first_year) % every == 0,
        }
        for year in range(first_year, last_year + 1)
    ]
    drawn = [_row(row, axis) for row in rows]
    return {
        "years": years,
        "today_x": axis.x(today),
        "today": today,
        "rows": drawn,
        "rtl": rtl,
        "empty": not any(row.bars for row in drawn),
    }


def _row(row: dict, axis: Axis) -> TimelineRow:
    drawn = TimelineRow(number=row["number"], name=row["name"])
    counts = {DONE: 0, OPEN: 0, LATE: 0, DROPPED: 0}
    placed = []
    for item in row["items"]:
        state = _state(item)
        counts[state] += 1
        if item["due_date"] is None:
            drawn.undated += 1
            continue
        start = item["start_date"] or item["due_date"]
        a, b = sorted((axis.x(start), axis.x(item["due_date"])))
        placed.append((a, b, state, item))
    lanes: list[float] = []  # where each lane is free from, in percent from the left edge
    for a, b, state, item in sorted(placed, key=lambda p: (p[0], p[1])):
        lane = next((i for i, free in enumerate(lanes) if free <= a), None)
        if lane is None:
            lane = len(lanes)
            lanes.append(0.0)
        lanes[lane] = b + MIN_GAP
        drawn.bars.append(
            {
                "pk": item["pk"],
                "title": item["title"],
                "state": state,
                "x": a,
                "width": round(b - a, 3),
                "due_x": axis.x(item["due_date"]),
                "y": ROW_PADDING + lane * LANE_HEIGHT + LANE_HEIGHT // 2,
                "due_date": item["due_date"],
            }
        )
    drawn.height = ROW_PADDING * 2 + max(1, len(lanes)) * LANE_HEIGHT
    drawn.counts = counts
    return drawn


def progress_shade(average) -> str:
    """A class for a capability tile's shade by progress; the tile also says it in words."""
    if average is None:
        return "shade-0"
    return f"shade-{min(4, 1 + average // 25)}"


def progress_bar(progress, *, rtl: bool = False) -> dict | None:
    """A share of 100 as one filled bar (x and width, %), from the reading side; None
    when there is no figure, so nothing is drawn for an unknown."""
    if progress is None:
        return None
    width = max(0.0, min(100.0, float(progress)))
    return {"x": round(100 - width if rtl else 0.0, 3), "width": round(width, 3)}


# --- An indicator's actual figures against its targets, year by year --------------------

CHART_TOP = 12  # px above the highest tick, for its label
CHART_PLOT = 140  # px of the plotting area
CHART_AXIS = 22  # px below it, for the years
CHART_GUTTER = 0.12  # of the width, beside the plot, for the value labels
PDF_CHART_WIDTH = 500  # the PDF's viewBox: about 1 unit per 0.35 mm on an A4 column
INDICATOR_COLOURS = {"actual": "#0b4f6c", "target": "#b45309", "baseline": "#4b5563"}


def _nice_ceiling(value) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^n at or above `value` (an axis' top)."""
    value = float(value)
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power + 1e-9:
            return step * power
    return 10 * power


def indicator_chart(
    rows, *, baseline=None, baseline_year=None, end_target=None, rtl=False, width=100
):
    """The picture of `tracking.selectors.actual_against_target` rows: a column per year
    (from the baseline year, or the first row, to the last), a bar for each year's figure,
    a marker for each year's target joined by a dashed line, the baseline as a hollow
    marker and the end target as a horizontal line.

    x runs from 0 to `width` (100: percentages, for the page; the PDF draws in a viewBox
    of its own width) and is mirrored right to left; y is in pixels, 0 at the top."""
    years = [row["year"] for row in rows]
    if baseline_year and baseline is not None:
        years.append(baseline_year)
    if not years:
        return None
    first, last = min(years), max(years)
    # More columns than a phone can label: the axis still runs year by year.
    columns = last - first + 1
    values = [v for row in rows for v in (row["target"], row["actual"]) if v is not None]
    values += [v for v in (baseline, end_target) if v is not None]
    top = _nice_ceiling(max(values, default=0))
    height = CHART_TOP + CHART_PLOT + CHART_AXIS
    gutter = width * CHART_GUTTER
    column = (width - gutter) / columns

    def x(offset: float) -> float:
        """A position `offset` from the start of the plot, mirrored right to left."""
        position = gutter + offset
        return round(width - position if rtl else position, 3)

    def centre(year: int) -> float:
        return x((year - first + 0.5) * column)

    def y(value) -> float:
        share = max(0.0, min(1.0, float(value) / top))
        return round(CHART_TOP + CHART_PLOT * (1 - share), 2)

    bar = column * 0.45
    bars, targets = [], []
    for row in rows:
        if row["actual"] is not None:
            start = (row["year"] - first + 0.5) * column - bar / 2
            bars.append(
                {
                    "year": row["year"],
                    "value": row["actual"],
                    "met": row["met"],
                    "x": round(width - (gutter + start + bar) if rtl else gutter + start, 3),
                    "width": round(bar, 3),
                    "y": y(row["actual"]),
                    "height": round(CHART_TOP + CHART_PLOT - y(row["actual"]), 2),
                }
            )
        if row["target"] is not None:
            targets.append(
                {
                    "year": row["year"],
                    "value": row["target"],
                    "x": centre(row["year"]),
                    "y": y(row["target"]),
                }
            )
    every = 1 if columns <= 8 else 2
    return {
        "width": width,
        "height": height,
        "plot_bottom": CHART_TOP + CHART_PLOT,
        "axis_y": CHART_TOP + CHART_PLOT + 16,
        "plot_start": x(0),
        "plot_end": x(width - gutter),
        # The values beside the plot, on the side it starts from, ending next to it.
        "label_x": round(width - gutter * 0.9 if rtl else gutter * 0.9, 3),
        "tick_anchor": "start" if rtl else "end",
        "ticks": [{"value": top * share, "y": y(top * share)} for share in (0, 0.5, 1)],
        "years": [
            {"year": year, "x": centre(year)}
            for year in range(first, last + 1)
            if (last - year) % every == 0
        ],
        "bars": bars,
        "targets": targets,
        "target_lines": [
            {"x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"]}
            for a, b in zip(targets, targets[1:], strict=False)
        ],
        "baseline": {
            "year": baseline_year,
            "value": baseline,
            "x": centre(baseline_year),
            "y": y(baseline),
        }
        if baseline_year and baseline is not None
        else None,
        "end_target": {"value": end_target, "y": y(end_target)} if end_target is not None else None,
        "colours": INDICATOR_COLOURS,
        "rtl": rtl,
    }


def with_indicator_charts(rows, *, rtl=False, width=100) -> list[dict]:
    """`selectors.indicator_rows` with each row's `chart` (None for an indicator with
    neither a yearly target nor a published figure)."""
    for row in rows:
        indicator, series = row["indicator"], row.get("series")
        row["chart"] = (
            indicator_chart(
                series,
                baseline=indicator.baseline,
                baseline_year=indicator.baseline_year,
                end_target=indicator.target,
                rtl=rtl,
                width=width,
            )
            if series
            else None
        )
    return rows
