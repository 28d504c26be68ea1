from .commitments import (
    Commitment,
    CommitmentIndicator,
    CommitmentIndicatorTranslation,
    CommitmentTranslation,
)
from .findings import Finding
from .frameworks import Capability, Domain, Framework, InspireStrategy, MaturityLevel
from .funding import FundingLine
from .pages import NationalPlanPage, PlanCapabilitySection, PlanIndexPage
from .results import OutcomeIndicator, PlanOutcome, PlanOutput
from .trainings import Audience, TrainingTarget
from .workflows import CountryReviewSetup, CountryReviewTask, LeadAgencyHeadTask

__all__ = [
    "Audience",
    "Capability",
    "Commitment",
    "CountryReviewSetup",
    "CountryReviewTask",
    "CommitmentIndicator",
    "CommitmentIndicatorTranslation",
    "CommitmentTranslation",
    "Domain",
    "Finding",
    "Framework",
    "FundingLine",
    "InspireStrategy",
    "LeadAgencyHeadTask",
    "MaturityLevel",
    "NationalPlanPage",
    "OutcomeIndicator",
    "PlanCapabilitySection",
    "PlanIndexPage",
    "PlanOutcome",
    "PlanOutput",
    "TrainingTarget",
]
