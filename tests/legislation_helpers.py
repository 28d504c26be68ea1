"""Legislative reviews for tests, written through the service as the demo loader writes them."""

from plans import services as plan_services

PHILIPPINE_LAW = "Republic Act No. 11930 of 2022"


def make_review(country, *, statuses=None, public=True, bills=(), actor=None, **fields):
    """A review with `statuses` ({criterion code: status}); other criteria not assessed."""
    fields.setdefault("title", f"Legislative review of {country.name}, 2025")
    fields.setdefault("date", "2025-03-01")
    assessments = [
        {"criterion": code, "status": status, "law": PHILIPPINE_LAW, "article": "s. 4"}
        for code, status in (statuses or {}).items()
    ]
    return plan_services.legislative_review_create(
        actor=actor, country=country, public=public, assessments=assessments, bills=bills, **fields
    )
