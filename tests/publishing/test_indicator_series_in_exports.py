"""export.json carries each indicator's level, frequency, baseline year, yearly targets
and its published measurements with their period and break-down (never a draft's, never
the focal person); the PDF draws each indicator against its yearly targets."""

import datetime
import io

import pytest
from pypdf import PdfReader

from stakeholders.models import Membership

from ..factories import make_commitment, make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(ke_plan, ke_police, ke_police_drafter):
    focal = Membership.objects.get(user=ke_police_drafter)
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Train investigators",
        indicators=[
            {
                "name": "Investigators trained",
                "level": "output",
                "unit": "officers",
                "baseline": 35,
                "baseline_year": 2024,
                "target": 250,
                "frequency": "yearly",
                "data_source": "Police training records",
                "focal_person": focal,
                "disaggregation": ["sex"],
                "targets": [{"year": 2025, "value": 100}, {"year": 2026, "value": 180}],
            }
        ],
    )
    indicator = commitment.indicators.get()
    for value, publish in ((120, True), (555, False)):
        make_update(
            commitment,
            reporting_date=datetime.date(2025, 12, 31),
            measurements=[
                {
                    "indicator": indicator,
                    "value": value,
                    "measured_on": datetime.date(2025, 12, 31),
                    "breakdown": [
                        {"dimension": "sex", "category": "female", "value": value // 2},
                        {"dimension": "sex", "category": "male", "value": value - value // 2},
                    ],
                }
            ],
            publish=publish,
        )
    return commitment


def test_export_json_has_targets_and_published_measurements(client, ke_plan, commitment):
    data = client.get(f"{ke_plan.url}export.json").json()
    (indicator,) = data["commitments"][0]["indicators"]
    # The keys that were there before stay.
    assert {"name", "unit", "baseline", "target", "means_of_verification"} <= set(indicator)
    assert indicator["level"] == "output"
    assert indicator["frequency"] == "yearly"
    assert indicator["baseline_year"] == 2024
    assert indicator["disaggregation"] == ["sex"]
    assert indicator["targets"] == [
        {"year": 2025, "value": "100.00"},
        {"year": 2026, "value": "180.00"},
    ]
    (measurement,) = indicator["measurements"]
    assert measurement["period_start"] == "2025-01-01"
    assert measurement["period_end"] == "2025-12-31"
    assert measurement["value"] == "120.00"
    assert measurement["disaggregation"] == [
        {"dimension": "sex", "category": "female", "value": "60.00"},
        {"dimension": "sex", "category": "male", "value": "60.00"},
    ]
    text = str(data)
    assert "555" not in text and "277" not in text
    assert "focal" not in text and "ke-police" not in text


def test_the_pdf_draws_each_indicator_against_its_targets(client, ke_plan, commitment):
    reader = PdfReader(io.BytesIO(client.get(f"{ke_plan.url}export.pdf").content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    section = text[text.rindex("Indicators against their targets") :]
    assert "Investigators trained" in section
    assert "Target met" in section
    assert "Female: 60" in section
    assert "555" not in text
