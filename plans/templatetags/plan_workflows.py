"""What Wagtail's workflow listing cannot count: a country's commitments are assigned to
its workflow by `Commitment.get_workflow`, not by page or content type."""

from django import template

from plans.models import Commitment
from plans.models.workflows import CountryReviewSetup

register = template.Library()


@register.simple_tag
def commitment_workflow_usage(workflow):
    """(country, number of its commitments) when `workflow` is a country's commitment
    review, else None."""
    setup = (
        CountryReviewSetup.objects.filter(commitment_workflow=workflow)
        .select_related("country")
        .first()
    )
    if setup is None:
        return None
    count = Commitment.objects.filter(plan__country=setup.country).count()
    return {"country": setup.country, "count": count}
