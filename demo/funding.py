"""Illustrative funding lines for the demo's commitments (issue 19): part of the cost
secured from the national budget, part pledged by a development partner, the rest a gap.

Two ways to use it from the loader (`demo/plans.py`):

* when creating a commitment: `services.commitment_create(...,
  funding_lines=demo_funding_lines(cost=..., first_year=..., last_year=...))`;
* for a commitment already published: `add_demo_funding(commitment)`, which publishes a
  revision of the live version with the lines and, when the commitment has a newer draft,
  saves that draft again with the same lines (so the draft does not drop them). It does
  nothing to a commitment that already has funding lines (the loader stays idempotent).

The figures are illustrative, not claims about any government's budget.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from plans import services
from plans.models import Commitment, FundingLine

DEFAULT_PARTNER = "UNICEF"


def _split(amount: Decimal, years: list[int]) -> list[tuple[int, Decimal]]:
    """`amount` in equal yearly parts (whole units), the last year taking the rest."""
    if not years or amount <= 0:
        return []
    part = (amount / len(years)).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    parts = [(year, part) for year in years[:-1]]
    return [*parts, (years[-1], amount - part * (len(years) - 1))]


def demo_funding_lines(
    *,
    cost: Decimal | None,
    first_year: int,
    last_year: int,
    partner: str = DEFAULT_PARTNER,
    secured_share: Decimal = Decimal("0.5"),
    pledged_share: Decimal = Decimal("0.3"),
    years: int = 2,
) -> list[dict]:
    """Lines for `commitment_create(funding_lines=...)`: `secured_share` of the cost from
    the national budget and `pledged_share` pledged by `partner`, spread over the first
    `years` years of the period; the rest of the cost is the gap. None for no cost."""
    if cost is None:
        return []
    span = list(range(first_year, min(last_year, first_year + years - 1) + 1))
    secured = (cost * secured_share).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    pledged = (cost * pledged_share).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    lines = [
        {
            "source": FundingLine.Source.NATIONAL_BUDGET,
            "state": FundingLine.State.SECURED,
            "year": year,
            "amount": amount,
        }
        for year, amount in _split(secured, span)
    ]
    lines += [
        {
            "source": FundingLine.Source.PARTNER,
            "partner": partner,
            "state": FundingLine.State.PLEDGED,
            "year": year,
            "amount": amount,
        }
        for year, amount in _split(pledged, span)
    ]
    return lines


@transaction.atomic
def add_demo_funding(commitment: Commitment, **options) -> bool:
    """Give a published commitment demo funding lines (`demo_funding_lines` options);
    False if it already has some or is not live."""
    commitment = Commitment.objects.select_related("plan").get(pk=commitment.pk)
    if not commitment.live or commitment.funding_lines.exists():
        return False
    plan = commitment.plan
    lines = demo_funding_lines(
        cost=commitment.estimated_cost,
        first_year=max(plan.period_start, commitment.start_date.year)
        if commitment.start_date
        else plan.period_start,
        last_year=plan.period_end,
        **options,
    )
    if not lines:
        return False
    draft = (
        commitment.get_latest_revision_as_object() if commitment.has_unpublished_changes else None
    )
    commitment.funding_lines = [FundingLine(**line, sort_order=n) for n, line in enumerate(lines)]
    services.validate_funding_lines(commitment)
    commitment.save_revision(user=None, log_action=True).publish(
        user=None, skip_permission_checks=True
    )
    if draft is not None:
        draft.funding_lines = [FundingLine(**line, sort_order=n) for n, line in enumerate(lines)]
        draft.save_revision(user=None, log_action=True)
    return True
