from .commitments import (
    Commitment,
    CommitmentIndicator,
    CommitmentIndicatorTranslation,
    CommitmentTranslation,
)
from .consultation import ConsultationComment, ConsultationRound
from .findings import Finding
from .frameworks import Capability, Domain, Framework, InspireStrategy, MaturityLevel
from .funding import FundingLine
from .indicators import Dimension, Frequency, IndicatorTarget, Level
from .legislation import (
    AssessmentStatus,
    LegislativeAssessment,
    LegislativeCriterion,
    LegislativeReview,
    PendingBill,
)
from .pages import NationalPlanPage, PlanCapabilitySection, PlanIndexPage
from .results import OutcomeIndicator, PlanOutcome, PlanOutput
from .trainings import Audience, TrainingTarget
from .workflows import CountryReviewSetup, CountryReviewTask, LeadAgencyHeadTask

__all__ = [
    "AssessmentStatus",
    "Audience",
    "Capability",
    "Commitment",
    "CountryReviewSetup",
    "CountryReviewTask",
    "CommitmentIndicator",
    "CommitmentIndicatorTranslation",
    "CommitmentTranslation",
    "ConsultationComment",
    "ConsultationRound",
    "Dimension",
    "Domain",
    "Finding",
    "Framework",
    "Frequency",
    "FundingLine",
    "IndicatorTarget",
    "InspireStrategy",
    "LeadAgencyHeadTask",
    "LegislativeAssessment",
    "LegislativeCriterion",
    "LegislativeReview",
    "Level",
    "MaturityLevel",
    "NationalPlanPage",
    "OutcomeIndicator",
    "PendingBill",
    "PlanCapabilitySection",
    "PlanIndexPage",
    "PlanOutcome",
    "PlanOutput",
    "TrainingTarget",
]
