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


class PlanFigures(models.Model):
    """What the public pages that list plans show of one published plan, stored so that
    they read a row per plan instead of aggregating every public commitment of the
    network (`publishing.figures`): `/`, `/plans/`, `/compare/` and its CSV, and
    `/api/v1/plans/`.

    Not a cache that can go stale: `version` names the plan's own cache generation and
    the date the row was computed for, and every read compares it with the current one
    and recomputes the rows that differ. Names, titles and who may see a plan are not
    here: they are read live.
    """

    plan = models.OneToOneField(
        "plans.NationalPlanPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="public_figures",
    )
    version = models.CharField(max_length=64)
    # The plan's currency when the funding was totalled (commitments without one count in it).
    currency = models.CharField(max_length=3, blank=True)
    commitment_count = models.PositiveIntegerField(default=0)
    progress_sum = models.PositiveIntegerField(default=0)
    completed_count = models.PositiveIntegerField(default=0)
    on_track_count = models.PositiveIntegerField(default=0)
    behind_count = models.PositiveIntegerField(default=0)
    overdue_count = models.PositiveIntegerField(default=0)
    # {capability id: [public commitments, sum of their progress, overdue]}
    capabilities = models.JSONField(default=dict)
    # {audience: people}: trained (published trainings) and to train (live targets)
    trained = models.JSONField(default=dict)
    targets = models.JSONField(default=dict)
    # Totals per currency of the commitments with a public budget, the plan's first
    # (`tracking.funding.funding_by_plan`), amounts as strings.
    funding = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("public figures of a plan")
        verbose_name_plural = _("public figures of plans")

    def __str__(self):
        return f"{self.plan_id} @ {self.version}"
