"""An indicator's monitoring fields, its yearly targets (live and in a draft) and its
measurements' periods and break-down travel in plan bundles; its reporting agency comes
back as this database's agency (its focal person, a membership, as the same person's
membership here: see test_bundle_focal_persons)."""

import datetime
import json

import pytest
from django.core.management import call_command

from plans import services as plan_services
from plans.models import Commitment, CommitmentIndicator, IndicatorTarget
from stakeholders.models import Membership
from tracking.models import MeasurementValue

from ..factories import make_commitment, make_update
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db


def test_indicator_series_round_trip_through_a_bundle(
    client, tmp_path, ke_plan, ke_police, ke_helpline, ke_police_drafter
):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        indicators=[
            {
                "name": "Investigators trained",
                "level": "outcome",
                "baseline": 35,
                "baseline_year": 2024,
                "target": 250,
                "frequency": "yearly",
                "reporting_agency": ke_helpline,
                "disaggregation": ["sex"],
                "targets": [{"year": 2025, "value": 100}],
            }
        ],
    )
    indicator = commitment.indicators.get()
    make_update(
        commitment,
        reporting_date=datetime.date(2025, 12, 31),
        measurements=[
            {
                "indicator": indicator,
                "value": 120,
                "measured_on": datetime.date(2025, 12, 31),
                "breakdown": [{"dimension": "sex", "category": "female", "value": 60}],
            }
        ],
        publish=True,
    )
    plan_services.commitment_save_draft(
        actor=None,
        commitment=commitment,
        indicators=[
            {
                "pk": indicator.pk,
                "name": indicator.name,
                "baseline_year": 2024,
                "targets": [{"year": 2025, "value": 100}, {"year": 2026, "value": 180}],
            }
        ],
    )
    before = json.loads(client.get(f"{ke_plan.url}export.json").content)["commitments"]
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    assert not IndicatorTarget.objects.exists() and not MeasurementValue.objects.exists()
    call_command("import_plan_bundle", str(path))

    restored = CommitmentIndicator.objects.get()
    assert restored.level == "outcome" and restored.disaggregation == ["sex"]
    assert restored.reporting_agency.acronym == ke_helpline.acronym
    assert [(t.year, t.value) for t in restored.targets.all()] == [(2025, 100)]
    assert MeasurementValue.objects.get().category == "female"
    after = json.loads(client.get(f"{ke_plan.url}export.json").content)["commitments"]
    assert after[0]["indicators"][0]["targets"] == before[0]["indicators"][0]["targets"]
    assert after[0]["indicators"][0]["measurements"] == before[0]["indicators"][0]["measurements"]

    # The draft's targets come back in its revision, and publish as rows of the indicator.
    draft = Commitment.objects.get().latest_revision
    draft.publish()
    assert sorted(IndicatorTarget.objects.values_list("year", flat=True)) == [2025, 2026]
    assert not Membership.objects.filter(focal_for_indicators__isnull=False).exists()
