"""Participants of a training are counts per audience and sex, never people: the model
has no field that could hold a person, and the forms say so where people fill them in."""

import pytest

from tracking.models import (
    CITY_HELP,
    PARTICIPANTS_HELP,
    TRAINERS_HELP,
    Training,
    TrainingParticipants,
)

from ..trainings_helpers import report_trainings, training, training_commitment

pytestmark = pytest.mark.django_db


def test_a_participant_row_is_an_audience_a_sex_and_a_count():
    fields = {f.name for f in TrainingParticipants._meta.get_fields()}
    assert fields == {"id", "training", "audience", "sex", "people"}
    assert TrainingParticipants._meta.get_field("people").get_internal_type() == (
        "PositiveIntegerField"
    )


def test_a_training_has_no_field_for_a_person():
    names = {f.name for f in Training._meta.get_fields()}
    assert not names & {"name", "names", "participant", "email", "phone", "age", "child"}


def test_the_training_form_says_counts_only(client, ke_plan, ke_police, ke_police_drafter):
    commitment = training_commitment(ke_plan, ke_police)
    update = report_trainings(commitment, actor=ke_police_drafter, publish=False)
    client.force_login(ke_police_drafter)
    html = client.get(f"/admin/trainings/new/?update={update.pk}").content.decode()
    for help_text in (PARTICIPANTS_HELP, TRAINERS_HELP, CITY_HELP):
        # The first words (before any quotation mark the template escapes).
        assert str(help_text).split("“")[0] in html


def test_the_update_form_of_a_training_commitment_says_it_too(
    client, ke_plan, ke_police, ke_police_drafter
):
    commitment = training_commitment(ke_plan, ke_police)
    update = report_trainings(
        commitment, training(title="Course one"), actor=ke_police_drafter, publish=False
    )
    client.force_login(ke_police_drafter)
    html = client.get(f"/admin/progress_updates/edit/{update.pk}/").content.decode()
    assert "aggregate counts only, never names" in html
    assert "Course one" in html and f"/admin/trainings/new/?update={update.pk}" in html
