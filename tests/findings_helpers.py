"""Findings for tests, written through the service as the demo loader writes them."""

from plans import services as plan_services
from plans.models import Capability


def make_finding(country, *, title="Finding", capabilities=(4,), public=True, **fields):
    fields.setdefault("text", "The law does not define online grooming.")
    fields.setdefault("source_title", "National needs assessment 2024")
    return plan_services.finding_create(
        actor=None,
        country=country,
        title=title,
        public=public,
        capabilities=Capability.objects.filter(framework__code="MNR-2016", number__in=capabilities),
        **fields,
    )
