"""Progress updates: who may report, and how a published update moves the commitment."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from plans import services as plan_services
from plans.models import Commitment
from tracking import services
from tracking.models import ProgressUpdate

from ..factories import make_commitment, training

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def commitment(ke_plan, ke_police, ke_helpline):
    return make_commitment(ke_plan, ke_police, supporting=[ke_helpline])


def report(actor, commitment, **kwargs):
    values = {"status": "on_track", "progress": 40, "narrative": "Two courses held."}
    values.update(kwargs)
    return services.progress_update_create(actor=actor, commitment=commitment, **values)


def test_lead_agency_update_sets_commitment_status_and_progress(commitment, ke_police_drafter):
    report(ke_police_drafter, commitment, status="at_risk", progress=35, publish=True)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == ("at_risk", 35)


def test_draft_update_changes_nothing_until_published(commitment, ke_police_drafter):
    update = report(ke_police_drafter, commitment, progress=60)
    assert Commitment.objects.get(pk=commitment.pk).progress == 0
    services.progress_update_publish(actor=ke_police_drafter, update=update)
    assert Commitment.objects.get(pk=commitment.pk).progress == 60


def test_latest_reporting_date_wins(commitment, ke_police_drafter):
    report(ke_police_drafter, commitment, progress=70, publish=True)
    report(
        ke_police_drafter,
        commitment,
        progress=20,
        reporting_date=TODAY - datetime.timedelta(days=100),
        publish=True,
    )
    assert Commitment.objects.get(pk=commitment.pk).progress == 70


def test_supporting_agency_adds_a_contribution_that_does_not_move_status(
    commitment, ke_helpline_drafter, ke_helpline
):
    update = report(ke_helpline_drafter, commitment, progress=90)
    assert update.is_contribution and update.agency == ke_helpline
    services.progress_update_publish(actor=ke_helpline_drafter, update=update)
    assert update.is_published
    assert Commitment.objects.get(pk=commitment.pk).progress == 0


def test_unrelated_agency_cannot_report(commitment, ke_children_services):
    from stakeholders.models import Membership

    from ..factories import UserFactory, member

    outsider = UserFactory()
    member(outsider, ke_children_services, Membership.Role.DRAFTER)
    with pytest.raises(PermissionDenied):
        report(outsider, commitment)
    assert not ProgressUpdate.objects.exists()


def test_coordinator_reports_for_the_lead_agency(commitment, ke_coordinator, ke_police):
    update = report(ke_coordinator, commitment, publish=True)
    assert update.agency == ke_police and not update.is_contribution


def test_roll_up_also_updates_a_pending_draft(commitment, ke_police_drafter):
    plan_services.commitment_save_draft(
        actor=ke_police_drafter, commitment=commitment, title="Renamed in a draft"
    )
    report(ke_police_drafter, commitment, status="delayed", progress=15, publish=True)
    commitment = Commitment.objects.get(pk=commitment.pk)
    draft = commitment.get_latest_revision_as_object()
    assert (draft.status, draft.progress, draft.title) == ("delayed", 15, "Renamed in a draft")
    draft.get_latest_revision().publish()
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert (commitment.status, commitment.progress) == ("delayed", 15)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"reporting_date": TODAY + datetime.timedelta(days=1)}, "reporting_date"),
        ({"progress": 101}, "progress"),
    ],
)
def test_bad_update_is_refused_and_nothing_saved(commitment, ke_police_drafter, kwargs, field):
    with pytest.raises(ValidationError) as error:
        report(ke_police_drafter, commitment, **kwargs)
    assert field in error.value.message_dict
    assert not ProgressUpdate.objects.exists()


def test_measurement_of_another_commitments_indicator_is_refused(
    ke_plan, ke_police, ke_police_drafter
):
    own = make_commitment(ke_plan, ke_police, title="Own")
    other = make_commitment(ke_plan, ke_police, title="Other")
    plan_services.commitment_save_draft(
        actor=None, commitment=other, indicators=[other.indicators.model(name="Officers")]
    )
    Commitment.objects.get(pk=other.pk).get_latest_revision().publish()
    indicator = Commitment.objects.get(pk=other.pk).indicators.get()
    with pytest.raises(ValidationError) as error:
        report(
            ke_police_drafter,
            own,
            measurements=[{"indicator": indicator, "value": 5, "measured_on": TODAY}],
        )
    assert "measurements" in error.value.message_dict
    assert not ProgressUpdate.objects.exists()


def test_trainings_only_on_training_commitments(commitment, ke_police_drafter):
    with pytest.raises(ValidationError):
        report(ke_police_drafter, commitment, trainings=[training(participants={"police": 20})])
    Commitment.objects.filter(pk=commitment.pk).update(kind="training")
    commitment = Commitment.objects.get(pk=commitment.pk)
    police = training(participants={"police": 20})
    update = report(ke_police_drafter, commitment, trainings=[police])
    assert update.trainings.get().people == 20


def test_update_history_is_kept_with_reversion(commitment, ke_police_drafter):
    from reversion.models import Version

    update = report(ke_police_drafter, commitment)
    version = Version.objects.get_for_object(update).get()
    assert version.revision.user == ke_police_drafter
