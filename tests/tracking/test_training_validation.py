"""Bad input to a training is refused with a clear message and changes nothing: dates
in order and not in the future, test averages 0-100 (a post-test only with a pre-test),
one row per audience and sex, only the commitment's findings, training commitments
only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from plans.models import Commitment
from tracking import services
from tracking.models import (
    DUPLICATE_PARTICIPANTS,
    ENDS_BEFORE_START,
    FINDING_NOT_OF_COMMITMENT,
    POST_WITHOUT_PRE,
    SCORE_RANGE,
    STARTS_IN_FUTURE,
    Training,
)

from ..factories import make_commitment, training
from ..findings_helpers import make_finding
from ..trainings_helpers import report_trainings, training_commitment

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def update(ke_plan, ke_police, ke_police_drafter):
    commitment = training_commitment(ke_plan, ke_police)
    return report_trainings(commitment, actor=ke_police_drafter, publish=False)


def _refused(update, actor, message, **fields):
    with pytest.raises(ValidationError) as error:
        services.training_create(actor=actor, update=update, **training(**fields))
    assert str(message).split("%")[0] in " ".join(error.value.messages)
    assert not Training.objects.exists()


def test_ends_before_it_starts(update, ke_police_drafter):
    _refused(
        update,
        ke_police_drafter,
        ENDS_BEFORE_START,
        starts_on=TODAY - datetime.timedelta(days=3),
        ends_on=TODAY - datetime.timedelta(days=5),
    )


def test_starts_in_the_future(update, ke_police_drafter):
    day = TODAY + datetime.timedelta(days=3)
    _refused(update, ke_police_drafter, STARTS_IN_FUTURE, starts_on=day, ends_on=day)


@pytest.mark.parametrize("score", [-1, 101])
def test_test_averages_are_percentages(update, ke_police_drafter, score):
    _refused(update, ke_police_drafter, SCORE_RANGE, pre_test_average=score)


def test_a_post_test_needs_a_pre_test(update, ke_police_drafter):
    _refused(update, ke_police_drafter, POST_WITHOUT_PRE, post_test_average=70)


def test_one_row_per_audience_and_sex(update, ke_police_drafter):
    twice = [
        {"audience": "police", "sex": "female", "people": 3},
        {"audience": "police", "sex": "female", "people": 4},
    ]
    with pytest.raises(ValidationError) as error:
        services.training_create(
            actor=ke_police_drafter, update=update, **{**training(), "participants": twice}
        )
    assert str(DUPLICATE_PARTICIPANTS) in error.value.messages
    assert not Training.objects.exists()


def test_only_the_commitments_findings(ke_plan, ke_police, ke_police_drafter):
    answered = make_finding(ke_plan.country, title="Police lack training")
    other = make_finding(ke_plan.country, title="No helpline at night")
    commitment = training_commitment(ke_plan, ke_police, findings=[answered])
    update = report_trainings(commitment, actor=ke_police_drafter, publish=False)
    with pytest.raises(ValidationError) as error:
        services.training_create(
            actor=ke_police_drafter, update=update, **training(findings=[answered, other])
        )
    assert str(FINDING_NOT_OF_COMMITMENT).split(":")[0] in " ".join(error.value.messages)
    assert "No helpline at night" in " ".join(error.value.messages)
    made = services.training_create(
        actor=ke_police_drafter, update=update, **training(findings=[answered])
    )
    assert list(Training.objects.get(pk=made.pk).findings.all()) == [answered]


def test_only_on_training_commitments(ke_plan, ke_police, ke_police_drafter):
    action = make_commitment(ke_plan, ke_police, kind=Commitment.Kind.ACTION)
    with pytest.raises(ValidationError):
        report_trainings(action, training(), actor=ke_police_drafter, publish=False)
    assert not Training.objects.exists()


def test_targets_only_on_training_commitments(ke_plan, ke_police):
    with pytest.raises(ValidationError):
        make_commitment(ke_plan, ke_police, training_targets=[{"audience": "police", "people": 10}])
