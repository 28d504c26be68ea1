"""The geometry of the plan page's pictures, computed here and drawn as inline SVG by the
templates (no JavaScript; classes, never inline style, for colours).

Positions are percentages of the picture's width (SVG accepts `%` for x, width and
`<use>` offsets), so a picture fills a phone or a desktop without a viewBox that would
squash its markers. Right-to-left pages mirror the time axis: time runs in the reading
direction. Every picture has its words beside it: the figures it shows, as text.
"""

import datetime
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
