"""A published plan as data: the one place that decides what a public export contains.

Only live plans and the live version of their live commitments are ever read here.
"""

from decimal import Decimal

from home.i18n import original_version
from home.spreadsheets import csv_text
from plans.selectors import public_finding_state, public_findings
from tracking.funding import plan_currency

from .selectors import (
    public_commitment_funding,
    public_commitments,
    public_consultations,
    public_results_chain,
    public_trainings_by_commitment,
    trained_against_targets,
)

CSV_FIELDS = [
    "id",
    "title",
    "capability",
    "capability_name",
    "domain",
    "lead_agency",
    "supporting_agencies",
    "inspire_strategies",
    "kind",
    "status",
    "progress",
    "start_date",
    "due_date",
    "estimated_cost",
    "currency",
    "funding_source",
    "description",
    # Added later: at the end, so that existing columns keep their place.
    "overdue",
    "url",
    "last_update",
    # Funding (issue 19), in the commitment's currency; empty where the budget is internal.
    "funding_cost",
    "funding_secured",
    "funding_pledged",
    "funding_gap",
]
FUNDING_FIGURES = ("cost", "secured", "pledged", "gap")


def _date(value):
    return value.isoformat() if value else None


def commitment_url(plan, plan_url: str, commitment_id: int) -> str:
    """The absolute URL of a commitment's public page, from its plan page's absolute URL."""
    return plan_url + plan.reverse_subpage("commitment", args=(commitment_id,))


def _amount(value):
    return str(value) if value is not None else None


def commitment_funding_as_dict(commitment, *, currency: str = "") -> dict | None:
    """{cost, secured, pledged, gap, currency, lines} as text amounts, or None where the
    budget is internal. `gap` is None without an estimated cost; never negative."""
    figures = public_commitment_funding(commitment, currency=currency)
    if figures is None:
        return None
    return {
        **{name: _amount(figures[name]) for name in FUNDING_FIGURES},
        "surplus": _amount(figures["surplus"]),
        "currency": figures["currency"] or None,
        "lines": [
            {
                "source": line.source,
                "partner": line.partner,
                "state": line.state,
                "year": line.year,
                "amount": _amount(line.amount),
            }
            for line in figures["lines"]
        ],
    }


def measurement_as_dict(measurement) -> dict:
    return {
        "period_start": _date(measurement.period_start),
        "period_end": _date(measurement.period_end),
        "measured_on": _date(measurement.measured_on),
        "year": measurement.year,
        "value": _amount(measurement.value),
        "disaggregation": [
            {
                "dimension": value.dimension,
                "category": value.region if value.dimension == "region" else value.category,
                "value": _amount(value.value),
            }
            for value in measurement.breakdown.all()
        ],
    }


def indicator_as_dict(indicator) -> dict:
    """An indicator of `selectors.public_commitments(series=True)`: its yearly targets,
    and its measurements from published progress updates only (the reporting agency is
    named; its focal person, a member of staff, never)."""
    return {
        "name": indicator.shown_name,
        "unit": indicator.shown_unit,
        "baseline": _amount(indicator.baseline),
        "target": _amount(indicator.target),
        "means_of_verification": indicator.means_of_verification,
        # Issue 19, item 2; after the keys that were there before.
        "level": indicator.level,
        "baseline_year": indicator.baseline_year,
        "data_source": indicator.data_source,
        "frequency": indicator.frequency,
        "reporting_agency": str(indicator.agency_reporting),
        "disaggregation": list(indicator.disaggregation or []),
        "targets": [
            {"year": target.year, "value": _amount(target.value)}
            for target in indicator.targets.all()
        ],
        "measurements": [measurement_as_dict(m) for m in indicator.public_measurements],
    }


def _score(value):
    return str(value) if value is not None else None


def training_as_dict(training) -> dict:
    """A training of a published update (`selectors.public_trainings`): participants are
    counts per audience and sex, never people; `audiences` sums them per audience."""
    return {
        "id": training.pk,
        "title": training.title,
        "starts_on": _date(training.starts_on),
        "ends_on": _date(training.ends_on),
        "mode": training.mode,
        "curriculum": training.curriculum,
        "trainers": training.trainers,
        "city": training.city,
        "audiences": training.audience_counts,
        "participants": [
            {"audience": row.audience, "sex": row.sex, "people": row.people}
            for row in training.participants.all()
        ],
        "people": training.people,
        "pre_test_average": _score(training.pre_test_average),
        "post_test_average": _score(training.post_test_average),
        "findings": [finding.pk for finding in training.public_findings],
        "update": training.update_id,
    }


def people_trained_as_list(commitment, trainings) -> list[dict]:
    """Per audience: `target` (people to train, or None) and `trained` (the sum of the
    commitment's published trainings)."""
    return [
        {"audience": row["audience"], "target": row["target"], "trained": row["trained"]}
        for row in trained_against_targets(commitment, trainings)
    ]


def commitment_as_dict(commitment, *, url: str, currency: str = "", trainings=None) -> dict:
    """A commitment as exported, read from `selectors.public_commitments` (which
    annotates its lateness and funding); `url` is its public page; `currency` the plan's
    (for a commitment without one); `trainings` its published trainings
    (`selectors.public_trainings_by_commitment`), where it is a training commitment."""
    trainings = trainings or []
    is_training = commitment.kind == commitment.Kind.TRAINING
    # Unconfirmed budget figures stay internal; the keys stay so every row has one shape.
    budget = commitment.budget_is_public
    return {
        "id": commitment.pk,
        "title": commitment.shown_title,
        "description": commitment.shown_description,
        "capability": commitment.capability.number,
        "capability_name": commitment.capability.name,
        "domain": commitment.capability.domain.name,
        "lead_agency": str(commitment.lead_agency),
        "supporting_agencies": [str(a) for a in commitment.supporting_agencies.all()],
        "inspire_strategies": [s.name for s in commitment.inspire_strategies.all()],
        "kind": commitment.kind,
        "status": commitment.status,
        "progress": commitment.progress,
        "start_date": _date(commitment.start_date),
        "due_date": _date(commitment.due_date),
        "estimated_cost": str(commitment.estimated_cost)
        if budget and commitment.estimated_cost is not None
        else None,
        "currency": (commitment.currency or None) if budget else None,
        "funding_source": commitment.shown_funding_source if budget else "",
        "indicators": [indicator_as_dict(indicator) for indicator in commitment.indicators.all()],
        "overdue": bool(commitment.is_overdue),
        "url": url,
        "last_update": _date(commitment.last_published_update),
        "funding": commitment_funding_as_dict(commitment, currency=currency),
        "findings": [finding.pk for finding in commitment.public_findings],
        "trainings": [training_as_dict(training) for training in trainings],
        "people_trained": people_trained_as_list(commitment, trainings) if is_training else [],
    }


def finding_as_dict(finding) -> dict:
    """A published finding of `plans.selectors.public_findings`; `status` is what the
    public sees (answered when a public commitment of the plan answers it), `commitments`
    the ids of those commitments."""
    return {
        "id": finding.pk,
        "title": finding.title,
        "text": finding.text,
        "source_kind": finding.source_kind,
        "source_title": finding.source_title,
        "source_url": finding.source_url or None,
        "date": _date(finding.date),
        "severity": finding.severity,
        "capabilities": [capability.number for capability in finding.capabilities.all()],
        "status": public_finding_state(finding),
        "reason": finding.reason or None,
        "commitments": [commitment.pk for commitment in finding.public_commitments],
    }


def findings_as_list(plan) -> list[dict]:
    return [finding_as_dict(finding) for finding in public_findings(plan)]


def outcomes_as_list(plan) -> list[dict]:
    """The results chain: each outcome with its indicators and its outputs, each output
    with the ids of the public commitments that deliver it."""
    chain = public_results_chain(plan=plan)
    return [
        {
            "id": row["outcome"].pk,
            "title": row["outcome"].title,
            "capability": row["outcome"].capability.number if row["outcome"].capability else None,
            "weight": row["outcome"].weight,
            "progress": row["progress"],
            "indicators": [
                {
                    "name": indicator.name,
                    "level": indicator.level,
                    "unit": indicator.unit,
                    "baseline": _amount(indicator.baseline),
                    "baseline_year": indicator.baseline_year,
                    "target": _amount(indicator.target),
                    "target_year": indicator.target_year,
                    "data_source": indicator.data_source,
                }
                for indicator in row["indicators"]
            ],
            "outputs": [
                {
                    "id": output["output"].pk,
                    "title": output["output"].title,
                    "weight": output["output"].weight,
                    "progress": output["progress"],
                    "commitments": [c.pk for c in output["commitments"]],
                }
                for output in row["outputs"]
            ],
        }
        for row in chain["outcomes"]
    ]


def _consultation_target(group) -> dict:
    commitment = group["commitment"]
    capability = group["capability"]
    return {
        "kind": "commitment" if group["kind"] == "hidden_commitment" else group["kind"],
        "capability": capability.number if capability else None,
        # A commitment that is not public is named by its capability only.
        "commitment": commitment.pk if commitment else None,
    }


def consultations_as_list(plan) -> list[dict]:
    """The published summaries of closed consultation rounds: agencies consulted, counts,
    and each comment with its response and reason (its agency, never its author)."""
    return [
        {
            "id": summary["round"].pk,
            "title": summary["round"].title,
            "purpose": summary["round"].purpose,
            "opens_on": _date(summary["round"].opens_on),
            "deadline": _date(summary["round"].deadline),
            "closed_on": _date(summary["round"].closed_at.date())
            if summary["round"].closed_at
            else None,
            "agencies": [agency.name for agency in summary["agencies"]],
            "comments": summary["counts"]["comments"],
            "responses": summary["counts"]["responses"],
            "items": [
                {
                    "on": _consultation_target(group),
                    "agency": comment.agency.name,
                    "comment": comment.text,
                    "response": comment.response,
                    "reason": comment.reason or None,
                }
                for group in summary["groups"]
                for comment in group["comments"]
            ],
        }
        for summary in public_consultations(plan=plan)
    ]


def commitments_as_list(plan, *, url: str) -> list[dict]:
    """The public commitments of a plan as exported, each with its published trainings;
    `url` is the plan page's absolute URL."""
    commitments = list(public_commitments(plan=plan, series=True))
    trainings = public_trainings_by_commitment(commitments)
    return [
        commitment_as_dict(
            c,
            url=commitment_url(plan, url, c.pk),
            currency=plan_currency(plan),
            trainings=trainings.get(c.pk, []),
        )
        for c in commitments
    ]


def plan_as_dict(plan, *, url: str) -> dict:
    return {
        "title": plan.title,
        # The language the plan is written in; the text is the page's (a translation's).
        "language": original_version(plan).locale.language_code,
        "country": plan.country.code,
        "country_name": plan.country.name,
        "period": plan.period_label,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.plan_status,
        "url": url,
        "last_published_at": plan.last_published_at.isoformat() if plan.last_published_at else None,
        "commitments": commitments_as_list(plan, url=url),
        "findings": findings_as_list(plan),
        "goal": plan.goal,
        "outcomes": outcomes_as_list(plan),
        "consultations": consultations_as_list(plan),
    }


def plan_as_csv(plan, *, url: str) -> str:
    """One row per published commitment, header first; lists joined with '; '; `overdue`
    is `true` or `false`."""

    def rows():
        currency = plan_currency(plan)
        for commitment in public_commitments(plan=plan, series=True):
            row = commitment_as_dict(
                commitment, url=commitment_url(plan, url, commitment.pk), currency=currency
            )
            figures = row.pop("funding") or {}
            for name in FUNDING_FIGURES:
                value = figures.get(name)
                row[f"funding_{name}"] = Decimal(value) if value is not None else None
            row["overdue"] = "true" if row["overdue"] else "false"
            for key in ("supporting_agencies", "inspire_strategies"):
                row[key] = "; ".join(row[key])
            # The JSON carries the cost as text (exact decimals); here it is a number, so
            # a negative cost is not taken for text that could be a formula.
            if row["estimated_cost"] is not None:
                row["estimated_cost"] = Decimal(row["estimated_cost"])
            yield [row[field] for field in CSV_FIELDS]

    return csv_text(CSV_FIELDS, rows())
