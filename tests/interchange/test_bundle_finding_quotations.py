"""A public finding that quotes a law by its official title (a term to avoid inside an
accepted quotation) travels in the country's bundle with its quotations, and is public
again after the import: without them it could not be published."""

import pytest
from django.core.management import call_command

from plans.models import Finding

from ..findings_helpers import make_finding
from .test_bundles import delete_country

pytestmark = pytest.mark.django_db

LAW = "Anti-Child Pornography Act of 2009"


def test_a_quoted_law_title_round_trips_and_stays_public(tmp_path, ke_plan):
    make_finding(
        ke_plan.country,
        title="Live streaming not covered",
        text=f"The {LAW} does not cover live streaming.",
        terminology_quotations=LAW,
        public=True,
    )
    path = tmp_path / "ke.zip"
    call_command("export_plan_bundle", "--country", "ke", "--output", str(path))
    delete_country("ke")
    call_command("import_plan_bundle", str(path))
    restored = Finding.objects.get(country__code="ke")
    assert restored.public
    assert restored.terminology_quotations == LAW
