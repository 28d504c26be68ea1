"""Bundles say which version of the format they are: this site writes version 2 (reporting
periods, annual reports, the legislative review, consultation rounds), still restores a
version 1 bundle written before those existed, and refuses a version it does not know."""

import json

import pytest
from django.core.management import call_command

from interchange.bundle_archive import FORMAT, FORMAT_VERSION, UNSUPPORTED_FORMAT
from plans.models import Commitment
from tracking.models import ReportingPeriod

from ..factories import make_commitment, make_update
from .test_bundle_hostile_input import craft, members, refused
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

ADDED_IN_2 = ("reporting_periods", "annual_reports", "legislative_review", "consultation_rounds")


@pytest.fixture
def bundle(tmp_path, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Train investigators")
    make_update(commitment, progress=20, narrative="Started.", publish=True)
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    return path


def as_version_1(data):
    for key in ADDED_IN_2:
        del data[key]
    del data["reference"]["legislative_criteria"]
    for row in data["findings"]:
        del row["legislative_criterion"]
    for row in data["progress_updates"]:
        row["data"].pop("period")
        row["data"].pop("funding_spent")


def test_this_site_writes_version_2(bundle):
    manifest = json.loads(members(bundle)["manifest.json"])
    assert (
        (manifest["format"], manifest["format_version"])
        == (FORMAT, FORMAT_VERSION)
        == (
            "plan-bundle",
            2,
        )
    )


def test_a_version_1_bundle_is_still_restored(bundle, tmp_path):
    def version_1(manifest):
        manifest["format_version"] = 1

    path = craft(bundle, tmp_path / "v1.zip", data=as_version_1, manifest=version_1)
    call_command("import_plan_bundle", str(path))
    commitment = Commitment.objects.get(title="Train investigators")
    update = commitment.progress_updates.get()
    assert (update.period, update.funding_spent, update.narrative) == (None, None, "Started.")
    assert not ReportingPeriod.objects.exists()


def test_an_unknown_version_is_refused(bundle, tmp_path):
    def version_3(manifest):
        manifest["format_version"] = 3

    path = craft(bundle, tmp_path / "v3.zip", manifest=version_3)
    assert refused(path) == UNSUPPORTED_FORMAT % {"format": FORMAT, "version": 3}
