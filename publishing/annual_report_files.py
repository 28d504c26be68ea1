"""The files of an annual progress report, rendered from its snapshot alone.

A PDF per language of the plan (WeasyPrint) and a spreadsheet (openpyxl), stored once as
bytes (`AnnualReportFile`) by `build_files`, which never replaces a stored file: the
report a reader downloads in ten years is the one made when its period closed.
"""

import datetime
import hashlib
import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from home.spreadsheets import spreadsheet_cell

from . import charts
from .models import AnnualReport, AnnualReportFile


def _hydrated(content: dict) -> dict:
    """The snapshot's text dates and amounts back as dates and numbers, for the filters
    that format them for people."""

    def walk(value, key=""):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        dated = key.endswith("_on") or key.endswith("_date") or key in DATE_KEYS
        if isinstance(value, str) and value and dated:
            return datetime.date.fromisoformat(value)
        if isinstance(value, str) and key in AMOUNT_KEYS:
            return Decimal(value)
        return value

    return walk(content)


AMOUNT_KEYS = {"baseline", "target", "value", "cost", "secured", "pledged", "gap", "spent"}
AMOUNT_KEYS |= {"funding_spent", "year_target", "actual"}
DATE_KEYS = {"period_start", "period_end"}


def render_pdf(report, *, language: str) -> bytes:
    import weasyprint  # loads Pango through cffi: only where PDFs are made

    snapshot = report.snapshot
    content = _hydrated(snapshot["content"][language])
    period = _hydrated(snapshot["period"])
    with translation.override(language):
        bidi = translation.get_language_bidi()
        summary = content["summary"]
        chain = content["results_chain"]
        titles = {c["id"]: c["title"] for s in content["capabilities"] for c in s["commitments"]}
        outcomes = chain["outcomes"] if chain else []
        for row in [chain, *outcomes] if chain else []:
            row["bar"] = charts.progress_bar(row["progress"], rtl=bidi)
        for output in (output for outcome in outcomes for output in outcome["outputs"]):
            output["bar"] = charts.progress_bar(output["progress"], rtl=bidi)
            output["commitment_titles"] = [titles[i] for i in output["commitments"]]
        for section in content["capabilities"]:
            for commitment in section["commitments"]:
                for indicator in commitment["indicators"]:
                    indicator["chart"] = _chart(indicator, rtl=bidi)
        html = render_to_string(
            "plans/annual_report_pdf.html",
            {
                "report": content,
                "period": period,
                "currency": snapshot["currency"],
                "language_code": language,
                "language_bidi": bidi,
                "status_bar": charts.status_bar(summary, rtl=bidi),
                "made_at": report.created_at,
            },
        )
    return weasyprint.HTML(string=html).write_pdf()


def _chart(indicator, *, rtl):
    """The indicator's figures against its yearly targets up to the period, as the plan's
    PDF draws them (`charts.indicator_chart`); None with nothing to draw."""
    if not indicator["series"]:
        return None
    return charts.indicator_chart(
        indicator["series"],
        baseline=indicator["baseline"],
        baseline_year=indicator["baseline_year"],
        end_target=indicator["target"],
        rtl=rtl,
        width=charts.PDF_CHART_WIDTH,
    )


def render_xlsx(report, *, language: str) -> bytes:
    """The report's tables for analysts: summary, commitments, indicators, funding and
    overdue, one sheet each, with figures as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    snapshot = report.snapshot
    content = _hydrated(snapshot["content"][language])
    book = Workbook()
    bold = Font(bold=True)

    def sheet(title, header, rows, first=False):
        ws = book.active if first else book.create_sheet()
        ws.title = title[:31]
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append([spreadsheet_cell(v) for v in row])
        ws.freeze_panes = "A2"
        return ws

    with translation.override(language):
        period = _hydrated(snapshot["period"])
        summary = content["summary"]
        sheet(
            _("Summary"),
            [_("Figure"), _("Value")],
            [
                (_("Plan"), content["plan_title"]),
                (_("Reporting period"), period["title"]),
                (_("From"), period["starts_on"]),
                (_("To"), period["ends_on"]),
                (_("Commitments"), summary["total"]),
                (_("With a period report"), summary["reported"]),
                (_("Overdue at the end of the period"), summary["overdue"]),
                (_("Average progress (%)"), summary["average_progress"]),
                *[(s["label"], s["count"]) for s in summary["statuses"]],
            ],
            first=True,
        )
        sheet(
            _("Commitments"),
            [
                _("Id"),
                _("MNR capability"),
                _("Commitment"),
                _("Lead agency"),
                _("Due date"),
                _("Status"),
                _("Progress (%)"),
                _("Period report"),
                _("What happened"),
                _("Overdue"),
                _("Funding spent in the period"),
            ],
            [
                (
                    c["id"],
                    c["capability"],
                    c["title"],
                    c["lead_agency"],
                    c["due_date"],
                    c["status_label"],
                    c["progress"],
                    c["report_date"] or _("Not filed"),
                    c["narrative"],
                    _("Yes") if c["overdue"] else _("No"),
                    c["funding_spent"],
                )
                for section in content["capabilities"]
                for c in section["commitments"]
            ],
        )
        sheet(
            _("Indicators"),
            [
                _("Commitment id"),
                _("Indicator"),
                _("Level"),
                _("Unit"),
                _("Baseline"),
                _("Baseline year"),
                _("End target"),
                _("Target for the year"),
                _("Value in the period"),
                _("Period covered from"),
                _("Period covered to"),
                _("Target met"),
                _("Share of the way to the target (%)"),
            ],
            [
                (
                    c["id"],
                    i["name"],
                    i["level_label"],
                    i["unit"],
                    i["baseline"],
                    i["baseline_year"],
                    i["target"],
                    i["year_target"],
                    i["value"],
                    i["period_start"],
                    i["period_end"],
                    {True: _("Yes"), False: _("No")}.get(i["met"]),
                    i["percent"],
                )
                for section in content["capabilities"]
                for c in section["commitments"]
                for i in c["indicators"]
            ],
        )
        money = content["funding"]
        sheet(
            _("Funding"),
            [
                _("MNR capability"),
                _("Currency"),
                _("Estimated cost"),
                _("Secured"),
                _("Pledged"),
                _("Gap"),
            ],
            [
                (r["number"], r["currency"], r["cost"], r["secured"], r["pledged"], r["gap"])
                for r in (money["capabilities"] if money else [])
            ]
            + [
                (_("Total"), r["currency"], r["cost"], r["secured"], r["pledged"], r["gap"])
                for r in (money["totals"] if money else [])
            ],
        )
        sheet(
            _("Overdue"),
            [_("Id"), _("Commitment"), _("Lead agency"), _("Due date"), _("Days late"), _("Why")],
            [
                (c["id"], c["title"], c["lead_agency"], c["due_date"], c["days_late"], c["reason"])
                for c in content["overdue"]
            ],
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


RENDERERS = {AnnualReportFile.Kind.PDF: render_pdf, AnnualReportFile.Kind.XLSX: render_xlsx}


def build_files(report_id: int) -> int:
    """Render and store each missing file of a report; never replaces one. Returns how
    many were made."""
    report = AnnualReport.objects.get(pk=report_id)
    have = set(report.files.values_list("language", "kind"))
    made = 0
    for language in report.snapshot["languages"]:
        for kind, render in RENDERERS.items():
            if (language, kind) in have:
                continue
            data = render(report, language=language)
            AnnualReportFile.objects.get_or_create(
                report=report,
                language=language,
                kind=kind,
                defaults={"content": data, "sha256": hashlib.sha256(data).hexdigest()},
            )
            made += 1
    return made
