"""Programmatic publication (imports, the demo loader) refuses terms to avoid as well."""

import pytest
from django.core.exceptions import ValidationError

from plans.models import Commitment
from tracking import services as tracking_services
from tracking.models import ProgressUpdate

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def test_publishing_a_new_commitment_with_a_term_to_avoid_is_refused(ke_plan, ke_police):
    with pytest.raises(ValidationError) as refused:
        make_commitment(ke_plan, ke_police, title="Fight child prostitution", publish=True)
    assert "title" in refused.value.message_dict
    assert not Commitment.objects.exists()
    make_commitment(ke_plan, ke_police, title="Fight child prostitution", publish=False)


def test_publishing_a_progress_update_with_a_term_to_avoid_is_refused(ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police)
    with pytest.raises(ValidationError):
        tracking_services.progress_update_create(
            actor=None,
            commitment=commitment,
            status="on_track",
            progress=5,
            narrative="Paedophile networks disrupted.",
            publish=True,
        )
    assert not ProgressUpdate.objects.filter(published_at__isnull=False).exists()
