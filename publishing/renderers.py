"""What the public sees of each page: registered for the page models in
`publishing/wagtail_hooks.py` (see `home.rendering`).

- the home page and `/plans/`: every published plan, with its figures on `/plans/`;
- a plan's page: its structure with the public commitments (filtered, 50 at a time), the
  capability map, the public gap summary, and one page per commitment.
"""

from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.i18n import in_default_locale
from home.rendering import PageRenderer
from plans.models import Commitment, PlanIndexPage
from plans.selectors import public_commitment_rows, public_findings_unanswered
from stakeholders.models import Agency
from tracking.gaps import plan_gaps
from tracking.selectors import today

from . import annual_reports, caching, charts, exports, selectors

OVERDUE_LABEL = _("Overdue")


def _int_or_none(value):
    # Ids and page numbers fit in 32 bits; a longer number from a visitor is no filter
    # (SQLite cannot even compare with it).
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if -(2**31) < number < 2**31 else None


class OverviewRenderer(PageRenderer):
    """The home page and the plan index: what every published plan has achieved. The home
    page links every plan with the network's totals; the index shows each plan's figures,
    `PLANS_PAGE_SIZE` plans a page (`?page=`)."""

    def get_context(self, page, request) -> dict:
        if isinstance(page, PlanIndexPage):
            return selectors.public_plan_index(page=PlanRenderer.public_page(request))
        return selectors.public_overview()

    def cache_variant(self, page, request) -> str:
        number = PlanRenderer.public_page(request)
        return f"page={number}" if isinstance(page, PlanIndexPage) and number > 1 else ""

    def cache_scope(self, page):
        return caching.SITE_SCOPE


class PlanRenderer(PageRenderer):
    """A national plan's public page, its commitment pages and its API representation."""

    @staticmethod
    def public_filters(request) -> dict:
        """The plan page's GET filters, read strictly: anything else is ignored."""
        status = request.GET.get("status")
        statuses = {*Commitment.Status.values, selectors.OVERDUE}
        return {
            "capability": _int_or_none(request.GET.get("capability")),
            "agency": _int_or_none(request.GET.get("agency")),
            "status": status if status in statuses else None,
        }

    @staticmethod
    def public_page(request) -> int:
        """Which page of commitments (`?page=`); anything but a positive number is the first."""
        number = _int_or_none(request.GET.get("page"))
        return number if number is not None and number > 1 else 1

    def cache_scope(self, page):
        # Commitments belong to the English plan: its generation covers translations too.
        return caching.plan_scope(in_default_locale(page).pk)

    def cache_variant(self, page, request) -> str:
        variant = {**self.public_filters(request), "page": self.public_page(request)}
        if variant["page"] == 1:
            variant["page"] = None
        return "&".join(f"{k}={v}" for k, v in sorted(variant.items()) if v)

    def get_context(self, page, request) -> dict:
        filters = self.public_filters(request)
        on = today()
        domains, pagination = selectors.plan_public_structure(
            plan=page, **filters, page=self.public_page(request), on=on
        )
        if pagination is None:
            raise Http404  # a page number past the end: never cached
        live = selectors.matching_commitments(plan=page)
        summary = selectors.status_summary(plan=page, on=on)
        capabilities = list(
            page.capability_sections.select_related("capability").order_by("capability__number")
        )
        agencies = list(
            Agency.objects.filter(
                Q(pk__in=live.values("lead_agency")) | Q(pk__in=live.values("supporting_agencies"))
            ).order_by("name")
        )
        statuses = [*Commitment.Status.choices, (selectors.OVERDUE, OVERDUE_LABEL)]
        return {
            "filters": filters,
            "filtered": any(filters.values()),
            "active_filters": _active_filters(filters, capabilities, agencies, statuses),
            "domains": domains,
            "pagination": pagination,
            # The filters again, for the links to other pages of commitments.
            "filter_query": urlencode({k: v for k, v in filters.items() if v}),
            "capability_map": selectors.capability_map(plan=page),
            "gaps": plan_gaps(page, public=True),
            "funding": selectors.public_funding(plan=page),
            "trained": selectors.plan_trained_against_targets(plan=page),
            "results_chain": selectors.public_results_chain(plan=page, on=on),
            "findings_unanswered": list(public_findings_unanswered(page)),
            "reporting": annual_reports.public_reporting(plan=page),
            "legislative_review": selectors.public_legislative_review(plan=page),
            "consultations": selectors.public_consultations(plan=page),
            "last_updated": selectors.plan_last_updated(plan=page),
            "summary": summary,
            "status_bar": charts.status_bar(summary, rtl=get_language_bidi()),
            "timeline": charts.timeline(
                selectors.timeline_rows(plan=page, on=on),
                period_start=page.period_start,
                period_end=page.period_end,
                today=on,
                rtl=get_language_bidi(),
            ),
            "today": on,
            "filter_agencies": agencies,
            "filter_statuses": statuses,
            "filter_capabilities": capabilities,
        }

    def serve_commitment(self, page, request, commitment_id):
        """One commitment, as published, with its published progress in time order."""
        detail = selectors.public_commitment_detail(plan=page, commitment_id=commitment_id)
        if detail is None:
            raise Http404
        # Only what the commitment's template shows: never the whole plan's structure,
        # whose cost grows with the number of commitments.
        context = Page.get_context(page, request)
        context.update(detail)
        charts.with_indicator_charts(detail["indicators"], rtl=get_language_bidi())
        return TemplateResponse(request, "plans/commitment_detail.html", context)

    def sitemap_urls(self, page, urls) -> list[dict]:
        """The plan's own entry (Wagtail's), then each public commitment's page."""
        if not urls:
            return urls
        base = urls[0]["location"]
        for pk, published_at in (
            public_commitment_rows()
            .filter(plan=in_default_locale(page))
            .values_list("pk", "last_published_at")
        ):
            urls.append(
                {
                    "location": base + page.reverse_subpage("commitment", args=(pk,)),
                    "lastmod": published_at,
                }
            )
        return urls

    def public_commitments(self, page) -> list[dict]:
        """For the read API: as `export.json` has them, with absolute URLs from the Site."""
        return exports.commitments_as_list(page, url=page.get_full_url() or "")


def _active_filters(filters, capabilities, agencies, statuses) -> list[tuple[str, str]]:
    """The filters in force, named as the form names them: [(what, which)]."""
    named = []
    if filters["capability"]:
        section = next(
            (s for s in capabilities if s.capability.number == filters["capability"]), None
        )
        named.append((_("Capability"), str(section) if section else str(filters["capability"])))
    if filters["agency"]:
        agency = next((a for a in agencies if a.pk == filters["agency"]), None)
        named.append((_("Agency"), str(agency) if agency else str(filters["agency"])))
    if filters["status"]:
        named.append((_("Status"), str(dict(statuses)[filters["status"]])))
    return named
