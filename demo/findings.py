"""Illustrative findings registers for the demo countries (issue 20): what a needs
assessment, a legislative review, an MNR self-assessment, UN recommendations or research
found, some answered by a commitment of the plan, some not yet, some internal.

Findings are illustrative, not claims about any government; they describe laws,
services and systems, never a child. `add_demo_findings(country, plan)` is idempotent:
a finding whose title the country already has is left as it is.
"""

from dataclasses import dataclass, field

from django.db import transaction

from plans import services
from plans.models import Capability, Commitment, Finding
from plans.selectors import with_review_state
from tracking import services as tracking_services
from tracking.models import Training

NA = Finding.SourceKind.NEEDS_ASSESSMENT
LR = Finding.SourceKind.LEGISLATIVE_REVIEW
SA = Finding.SourceKind.MNR_SELF_ASSESSMENT
UN = Finding.SourceKind.UN_RECOMMENDATION
RS = Finding.SourceKind.RESEARCH


@dataclass(frozen=True)
class DemoFinding:
    title: str
    text: str
    source_kind: str
    source_title: str
    date: str
    capabilities: tuple[int, ...]
    severity: str = Finding.Severity.MEDIUM
    public: bool = True
    # Link to the first public live commitment of the plan under this capability.
    answered_under: int | None = None
    status: str = Finding.Status.OPEN
    reason: str = ""
    source_url: str = field(default="")


FINDINGS: dict[str, tuple[DemoFinding, ...]] = {
    "jo": (
        DemoFinding(
            "Possession of abuse material is not a separate offence",
            "The penal code punishes producing and distributing child sexual abuse material, "
            "but not simple possession or viewing it online.",
            LR,
            "Review of national legislation against the MNR, 2024",
            "2024-05-15",
            (3,),
            Finding.Severity.HIGH,
        ),
        DemoFinding(
            "Investigators lack digital forensics capacity",
            "The protection department has few officers trained to examine seized devices.",
            NA,
            "National needs assessment on online child sexual exploitation, 2024",
            "2024-03-01",
            (4,),
            Finding.Severity.HIGH,
            answered_under=4,
        ),
        DemoFinding(
            "Helpline staff are not trained on online harms",
            "Counsellors receive general training only; reports of online abuse are "
            "referred inconsistently.",
            NA,
            "National needs assessment on online child sexual exploitation, 2024",
            "2024-03-01",
            (11,),
            answered_under=11,
        ),
        DemoFinding(
            "Case data are kept on paper in two governorates",
            "Referral records are not digitised, which delays follow-up between agencies.",
            SA,
            "MNR self-assessment workshop notes",
            "2024-06-10",
            (2,),
            Finding.Severity.LOW,
            public=False,
        ),
    ),
    "ke": (
        DemoFinding(
            "No duty on internet service providers to report",
            "The law does not require service providers to report abuse material they find "
            "or to preserve evidence on request.",
            LR,
            "Legislative review of the Computer Misuse and Cybercrimes Act",
            "2024-02-20",
            (3, 19),
            Finding.Severity.HIGH,
        ),
        DemoFinding(
            "The specialised police unit covers only the capital",
            "Counties outside Nairobi have no trained investigators for online offences.",
            NA,
            "National needs assessment, 2023",
            "2023-11-30",
            (4,),
            Finding.Severity.HIGH,
            answered_under=4,
        ),
        DemoFinding(
            "Establish a national database of child sexual abuse material",
            "Recommendation to connect national investigators to the international image database.",
            UN,
            "Committee on the Rights of the Child, concluding observations",
            "2023-06-01",
            (5,),
            answered_under=5,
        ),
        DemoFinding(
            "Schools lack online-safety lessons",
            "Research in three counties found no curriculum content on online risks.",
            RS,
            "University study on children's online experiences",
            "2024-01-15",
            (13,),
            status=Finding.Status.ADDRESSED,
        ),
        DemoFinding(
            "Helpline call routing is unreliable at night",
            "Internal review of call logs; operational detail not for publication.",
            SA,
            "Helpline operations review",
            "2024-04-02",
            (11,),
            public=False,
        ),
    ),
    "pe": (
        DemoFinding(
            "Grooming is defined only in person",
            "The criminal code's offence of soliciting a child does not cover contact "
            "through the internet.",
            LR,
            "Revisión de la legislación nacional, 2024",
            "2024-04-18",
            (3,),
            Finding.Severity.HIGH,
        ),
        DemoFinding(
            "Prosecutors need guidance on digital evidence",
            "Cases are dropped when digital evidence is not admitted.",
            NA,
            "Diagnóstico nacional, 2023",
            "2023-10-05",
            (4,),
            answered_under=4,
        ),
        DemoFinding(
            "Awareness campaigns do not reach rural areas",
            "Campaigns run in Lima and regional capitals only.",
            RS,
            "Estudio sobre riesgos en línea",
            "2024-02-12",
            (14, 15),
            Finding.Severity.LOW,
        ),
        DemoFinding(
            "Create a specialised court",
            "A recommendation the government considered.",
            UN,
            "Universal Periodic Review, recommendations",
            "2022-11-10",
            (2,),
            status=Finding.Status.NOT_ACCEPTED,
            reason="Cases go to the existing family courts, whose judges are being trained.",
        ),
        DemoFinding(
            "Two regional units share one forensic workstation",
            "Operational detail of the police units; not for publication.",
            SA,
            "Autoevaluación MNR, notas internas",
            "2024-05-02",
            (4,),
            public=False,
        ),
    ),
    "ph": (
        DemoFinding(
            "Live-streamed abuse is under-reported",
            "Reports from financial institutions on suspicious payments are not shared with "
            "the police unit.",
            NA,
            "National study on online sexual exploitation of children",
            "2024-01-25",
            (4, 20),
            Finding.Severity.HIGH,
            answered_under=4,
        ),
        DemoFinding(
            "Victim support is uneven across regions",
            "Few regions have a trained social worker for online abuse cases.",
            SA,
            "MNR self-assessment, 2024",
            "2024-05-20",
            (8,),
        ),
        DemoFinding(
            "Industry takedown times are not measured",
            "Nobody records how long platforms take to remove reported material.",
            RS,
            "Research on platform responses",
            "2024-03-08",
            (18,),
            Finding.Severity.LOW,
        ),
        DemoFinding(
            "Draft inter-agency protocol not yet agreed",
            "Working notes from the inter-agency council; not for publication.",
            SA,
            "Inter-agency council minutes",
            "2024-06-30",
            (1,),
            public=False,
        ),
    ),
    "tz": (
        DemoFinding(
            "No offence of sexual extortion of children",
            "Threatening to share sexual images to extort a child is not a distinct offence.",
            LR,
            "Legislative review against the MNR, 2024",
            "2024-03-14",
            (3,),
            Finding.Severity.HIGH,
        ),
        DemoFinding(
            "The child helpline has no online reporting channel",
            "Children can report only by telephone.",
            NA,
            "National needs assessment, 2023",
            "2023-09-18",
            (11,),
            answered_under=11,
        ),
        DemoFinding(
            "Police officers are not trained to interview children",
            "Interviews are repeated, and children are not referred to support.",
            NA,
            "National needs assessment, 2023",
            "2023-09-18",
            (4, 7),
            answered_under=4,
        ),
        DemoFinding(
            "Budget for the national plan is not confirmed",
            "Internal note of the coordinating ministry.",
            SA,
            "Ministry budget note",
            "2024-07-01",
            (1,),
            public=False,
        ),
    ),
}


def answering_commitment(plan, capability: int):
    # Not one waiting for review: publishing it again with the link would cancel the
    # review the demo left open on purpose.
    # (The review state through the selector's cast: the generic relation compares its
    # text object_id with the integer id, which PostgreSQL refuses.)
    return (
        with_review_state(
            Commitment.objects.filter(
                plan=plan, live=True, is_internal=False, capability__number=capability
            )
        )
        .filter(review_step__isnull=True)
        .order_by("pk")
        .first()
    )


def link_finding(commitment: Commitment, finding: Finding) -> None:
    """Publish the commitment again with the link (and keep it in a newer draft)."""
    commitment = Commitment.objects.get(pk=commitment.pk)
    draft = (
        commitment.get_latest_revision_as_object() if commitment.has_unpublished_changes else None
    )
    commitment.findings = [*commitment.findings.all(), finding]
    commitment.save_revision(user=None, log_action=True).publish(
        user=None, skip_permission_checks=True
    )
    if draft is not None:
        draft.findings = [*draft.findings.all(), finding]
        draft.save_revision(user=None, log_action=True)
    if commitment.kind == Commitment.Kind.TRAINING:
        # Its latest training answers the finding too (the course was built for it).
        latest = Training.objects.filter(update__commitment=commitment).order_by("-starts_on")
        if latest.exists():
            tracking_services.training_answers(actor=None, training=latest[0], finding=finding)


@transaction.atomic
def add_demo_findings(country, plan) -> int:
    """The country's demo findings; returns how many were added."""
    existing = set(Finding.objects.filter(country=country).values_list("title", flat=True))
    added = 0
    for spec in FINDINGS.get(country.code, ()):
        if spec.title in existing:
            continue
        finding = services.finding_create(
            actor=None,
            country=country,
            capabilities=Capability.objects.filter(
                framework__code="MNR-2016", number__in=spec.capabilities
            ),
            title=spec.title,
            text=spec.text,
            source_kind=spec.source_kind,
            source_title=spec.source_title,
            source_url=spec.source_url,
            date=spec.date,
            severity=spec.severity,
            status=spec.status,
            reason=spec.reason,
            public=spec.public,
        )
        added += 1
        if spec.answered_under is not None:
            commitment = answering_commitment(plan, spec.answered_under)
            if commitment is not None:
                link_finding(commitment, finding)
    return added
