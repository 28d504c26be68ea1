"""The people trained reported before trainings existed (per audience, on the update)
become one training per update, sex not recorded: every figure stays the same, and
there is one source of them afterwards."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ..factories import make_update
from ..trainings_helpers import training_commitment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("tracking", "0005_period_report_reminders")]
AFTER = [("tracking", "0006_trainings")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_trainee_counts_become_trainings_with_the_same_figures(ke_plan, ke_police):
    commitment = training_commitment(ke_plan, ke_police)
    update = make_update(commitment, narrative="Two courses held.")
    try:
        old = _migrate(BEFORE)
        TraineeCount = old.get_model("tracking", "TraineeCount")
        TraineeCount.objects.create(update_id=update.pk, audience="police", people=40)
        TraineeCount.objects.create(update_id=update.pk, audience="judges", people=4)
        new = _migrate(AFTER)
        Training = new.get_model("tracking", "Training")
        training = Training.objects.get(update_id=update.pk)
        assert training.starts_on == update.reporting_date
        assert training.mode == "in_person"
        rows = sorted(
            (row.audience, row.sex, row.people)
            for row in new.get_model("tracking", "TrainingParticipants").objects.filter(
                training=training
            )
        )
        assert rows == [("judges", "other", 4), ("police", "other", 40)]
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
