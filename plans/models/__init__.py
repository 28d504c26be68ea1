from .commitments import Commitment, CommitmentIndicator
from .frameworks import Capability, Domain, Framework, InspireStrategy
from .pages import NationalPlanPage, PlanCapabilitySection, PlanIndexPage

__all__ = [
    "Capability",
    "Commitment",
    "CommitmentIndicator",
    "Domain",
    "Framework",
    "InspireStrategy",
    "NationalPlanPage",
    "PlanCapabilitySection",
    "PlanIndexPage",
]
