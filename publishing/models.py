"""The published record that must never change: annual progress reports.

A report is made once, when its reporting period is closed: a snapshot of what the public
could see of the plan for that period (`annual_reports.build_snapshot`), then a PDF per
language of the plan and a spreadsheet, rendered from that snapshot and stored as bytes.
Nothing rewrites a stored file; later edits of the plan reach only later reports.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnualReport(models.Model):
    period = models.OneToOneField(
        "tracking.ReportingPeriod",
        on_delete=models.PROTECT,
        related_name="annual_report",
        verbose_name=_("reporting period"),
    )
    snapshot = models.JSONField(_("snapshot"), editable=False)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        verbose_name = _("annual progress report")
        verbose_name_plural = _("annual progress reports")

    def __str__(self):
        return str(self.period)


class AnnualReportFile(models.Model):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", _("Spreadsheet (XLSX)")

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="files")
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("format"), max_length=8, choices=Kind.choices)
    # Bytes in the database, not in media storage: the file is part of the record (backed
    # up with it), small (a few hundred kB) and never served from a public media folder.
    content = models.BinaryField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "report", "language", "kind", name="annual_report_one_file_per_language"
            )
        ]

    def __str__(self):
        return f"{self.report} · {self.language} · {self.kind}"
