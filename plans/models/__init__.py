from .commitments import (
    Commitment,
    CommitmentIndicator,
    CommitmentIndicatorTranslation,
    CommitmentTranslation,
)
from .findings import Finding
from .frameworks import Capability, Domain, Framework, InspireStrategy, MaturityLevel
from .funding import FundingLine
from .indicators import Dimension, Frequency, IndicatorTarget, Level
from .pages import NationalPlanPage, PlanCapabilitySection, PlanIndexPage
from .results import OutcomeIndicator, PlanOutcome, PlanOutput
from .workflows import CountryReviewSetup, CountryReviewTask, LeadAgencyHeadTask

__all__ = [
    "Capability",
    "Commitment",
    "CountryReviewSetup",
    "CountryReviewTask",
    "CommitmentIndicator",
    "CommitmentIndicatorTranslation",
    "CommitmentTranslation",
    "Dimension",
    "Domain",
    "Finding",
    "Framework",
    "Frequency",
    "FundingLine",
    "IndicatorTarget",
    "InspireStrategy",
    "LeadAgencyHeadTask",
    "Level",
    "MaturityLevel",
    "NationalPlanPage",
    "OutcomeIndicator",
    "PlanCapabilitySection",
    "PlanIndexPage",
    "PlanOutcome",
    "PlanOutput",
]
