"""A training commitment with people to train, and updates reporting its trainings."""

from plans.models import Commitment
from tracking import services

from .factories import make_commitment, training


def training_commitment(plan, agency, *, targets=None, **fields):
    fields.setdefault("title", "Train investigators and prosecutors")
    return make_commitment(
        plan,
        agency,
        kind=Commitment.Kind.TRAINING,
        delivery=Commitment.Delivery.IN_PERSON,
        training_targets=[
            {"audience": audience, "people": people}
            for audience, people in (targets or {"police": 100}).items()
        ],
        **fields,
    )


def report_trainings(commitment, *trainings, actor=None, publish=True, **fields):
    """An update of the commitment reporting these trainings (`factories.training`)."""
    return services.progress_update_create(
        actor=actor,
        commitment=commitment,
        status=fields.pop("status", "on_track"),
        progress=fields.pop("progress", 30),
        narrative=fields.pop("narrative", "Courses held."),
        trainings=list(trainings),
        publish=publish,
        **fields,
    )


__all__ = ["report_trainings", "training", "training_commitment"]
