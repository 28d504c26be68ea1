"""Gap analysis of a plan: where the plan does not (yet) answer the MNR.

`plan_gaps(plan)` is for the plan's coordinators and reviewers in the admin: it reads
every commitment of the plan (drafts and internal ones included, as the rows stand).
`plan_gaps(plan, public=True)` is for the public plan page: it reads only
`selectors.public_commitment_rows()`, so nothing unpublished or internal can show through
a count.

The kinds of gap:

- MNR capabilities that are not a section of the plan at all;
- sections with no commitment (dropped ones do not count);
- sections whose commitments are all overdue or stale (`tracking.selectors`);
- domains the plan covers with no commitment led by an agency of a sector expected there
  (e.g. criminal justice without law enforcement or prosecution), from
  `settings.PLAN_GAP_DOMAIN_SECTORS` (domain number -> agency sectors), else the default
  below;
- commitments with no indicator, and commitments with no budget (publicly: no *published*
  budget, since an internal budget is never shown);
- findings of the country's register that no live commitment answers, per capability
  (publicly: published findings that no public commitment answers).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from home.i18n import in_default_locale
from plans.models import (
    Capability,
    Commitment,
    CommitmentIndicator,
    Domain,
    PlanCapabilitySection,
)
from plans.selectors import (
    UNSETTLED,
    findings_of_country,
    public_commitment_rows,
    public_findings_unanswered,
)
from stakeholders.models import Agency

from .selectors import commitments_overdue, commitments_stale

S = Agency.Sector
# MNR-2016 domain number -> sectors of which at least one lead agency is expected.
DEFAULT_DOMAIN_SECTORS = {
    1: (S.GOVERNMENT_MINISTRY, S.SOCIAL_WELFARE),  # policy and governance
    2: (S.LAW_ENFORCEMENT, S.PROSECUTION_JUDICIARY),  # criminal justice
    3: (S.SOCIAL_WELFARE, S.CHILD_HELPLINE, S.HEALTH),  # victim
    4: (S.EDUCATION, S.CIVIL_SOCIETY, S.CHILD_HELPLINE, S.HEALTH),  # societal
    5: (S.INDUSTRY, S.ICT_REGULATOR),  # industry
    6: (S.GOVERNMENT_MINISTRY, S.ICT_REGULATOR, S.CIVIL_SOCIETY),  # media and communications
}
MNR = "MNR-2016"


def domain_sectors() -> dict[int, tuple[str, ...]]:
    return getattr(settings, "PLAN_GAP_DOMAIN_SECTORS", DEFAULT_DOMAIN_SECTORS)


@dataclass
class DomainGap:
    domain: Domain
    expected_sectors: list[str]  # display names


@dataclass
class PlanGaps:
    uncovered_capabilities: list = field(default_factory=list)  # Capability
    capabilities_without_commitment: list = field(default_factory=list)  # Capability
    # (Capability, [commitment rows]) for each section whose commitments are all late
    capabilities_all_late: list = field(default_factory=list)
    domains_without_sector_lead: list = field(default_factory=list)  # DomainGap
    commitments_without_indicator: list = field(default_factory=list)  # Commitment
    commitments_without_budget: list = field(default_factory=list)  # Commitment
    # (Capability or None, [findings]) for findings no commitment answers yet
    findings_unanswered: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            len(self.uncovered_capabilities)
            + len(self.capabilities_without_commitment)
            + len(self.capabilities_all_late)
            + len(self.domains_without_sector_lead)
            + len(self.commitments_without_indicator)
            + len(self.commitments_without_budget)
            + sum(len(findings) for _capability, findings in self.findings_unanswered)
        )


def _section_capability_ids(plan, *, public) -> list[int]:
    if public:
        return list(
            PlanCapabilitySection.objects.filter(plan=plan).values_list("capability_id", flat=True)
        )
    # Coordinators work on the plan as it is being written: its latest revision.
    working = plan.get_latest_revision_as_object() if plan.latest_revision_id else plan
    return [section.capability_id for section in working.capability_sections.all()]


def _commitments(plan, *, public):
    english = in_default_locale(plan)
    rows = public_commitment_rows() if public else Commitment.objects.all()
    return rows.filter(plan=english).exclude(status=Commitment.Status.DROPPED)


def plan_gaps(plan, *, public: bool = False, on: datetime.date | None = None) -> PlanGaps:
    """The gaps of a plan, in a fixed number of queries whatever its size."""
    on = on or timezone.localdate()
    gaps = PlanGaps()
    capabilities = {
        c.pk: c
        for c in Capability.objects.filter(framework__code=MNR)
        .select_related("domain")
        # MNR numbering order
        .order_by("number")
    }
    section_ids = [pk for pk in _section_capability_ids(plan, public=public) if pk in capabilities]
    gaps.uncovered_capabilities = [c for pk, c in capabilities.items() if pk not in section_ids]

    base = _commitments(plan, public=public)
    commitments = list(
        base.annotate(
            has_indicator=Exists(CommitmentIndicator.objects.filter(commitment=OuterRef("pk")))
        )
        .select_related("lead_agency")
        .order_by("capability__number", "title")
    )
    late_ids = set(commitments_overdue(on=on, queryset=base).values_list("pk", flat=True))
    late_ids |= set(commitments_stale(on=on, queryset=base).values_list("pk", flat=True))

    by_capability: dict[int, list] = {}
    for commitment in commitments:
        by_capability.setdefault(commitment.capability_id, []).append(commitment)
    for pk in sorted(section_ids, key=lambda pk: capabilities[pk].number):
        rows = by_capability.get(pk, [])
        if not rows:
            gaps.capabilities_without_commitment.append(capabilities[pk])
        elif all(c.pk in late_ids for c in rows):
            gaps.capabilities_all_late.append((capabilities[pk], rows))

    sector_labels = dict(Agency.Sector.choices)
    covered_domains = {capabilities[pk].domain for pk in section_ids}
    for domain in sorted(covered_domains, key=lambda d: d.number):
        expected = domain_sectors().get(domain.number)
        if not expected:
            continue
        led = any(
            capabilities.get(c.capability_id) is not None
            and capabilities[c.capability_id].domain_id == domain.pk
            and c.lead_agency.sector in expected
            for c in commitments
        )
        if not led:
            gaps.domains_without_sector_lead.append(
                DomainGap(domain, [str(sector_labels.get(s, s)) for s in expected])
            )

    gaps.commitments_without_indicator = [c for c in commitments if not c.has_indicator]
    if public:
        gaps.commitments_without_budget = [
            c for c in commitments if not (c.budget_is_public and c.estimated_cost is not None)
        ]
    else:
        gaps.commitments_without_budget = [c for c in commitments if c.estimated_cost is None]
    gaps.findings_unanswered = _unanswered_findings(plan, public=public)
    return gaps


def _unanswered_findings(plan, *, public) -> list:
    """[(capability or None, [findings])], in MNR order, findings without a capability
    last; a finding of two capabilities is listed under each. Two queries."""
    if public:
        findings = public_findings_unanswered(plan)
    else:
        findings = (
            findings_of_country(country_id=plan.country_id)
            .filter(answered=False, status__in=UNSETTLED)
            .prefetch_related("capabilities")
        )
    by_capability: dict = {}
    for finding in findings:
        capabilities = list(finding.capabilities.all()) or [None]
        for capability in capabilities:
            by_capability.setdefault(capability, []).append(finding)
    return sorted(
        by_capability.items(), key=lambda item: (item[0] is None, item[0] and item[0].number)
    )
