"""Only national coordinators import, so a row whose capability is not one of the plan's
sections tells the coordinator what to do about it, not to ask themselves."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from interchange.importing.checking import CAPABILITY_NOT_IN_IMPORTED_PLAN
from plans.models import Commitment

from ..factories import make_plan
from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def test_the_coordinator_is_told_to_add_the_section(client, kenya, ke_agencies, ke_coordinator):
    plan = make_plan(kenya, capabilities=(4, 11))
    client.force_login(ke_coordinator)
    content = csv_bytes("activity,actors,capability", "Publish guidance,DCS,21")
    html = client.post(
        f"/admin/plans/import/{plan.pk}/",
        {"file": SimpleUploadedFile("plan.csv", content), "action": "check"},
    ).content.decode()
    assert "Not imported" in html
    assert "ask the national coordinator" not in html
    assert "MNR capability sections" in html
    assert str(CAPABILITY_NOT_IN_IMPORTED_PLAN).split("“")[0] in html
    assert not Commitment.objects.exists()
