"""Public views of published plans: exports, search, the cross-country comparison.

Anything not published is a 404.
"""

import json
import re

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from home.i18n import original_version
from home.spreadsheets import csv_text
from plans.models import NationalPlanPage

from . import annual_reports, caching, comparison, exports, iati, pdf
from . import search as public_search


def published_plan_at(request, path: str) -> NationalPlanPage:
    """The live, public plan page at this path of the request's site, or 404.

    Wagtail's page URL pattern accepts no dot, so exports find their page themselves.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    # The plan under any language's home (a Spanish plan lives under the Spanish one),
    # then its live translation in the visitor's language, else the plan as written.
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    url_paths = [home + path.strip("/") + "/" for home in homes.values_list("url_path", flat=True)]
    found = (
        NationalPlanPage.objects.live()
        .public()
        .filter(url_path__in=url_paths)
        .select_related("country")
        .first()
    )
    if found is None:
        raise Http404
    plan = original_version(found).localized.specific
    if not plan.live:  # `localized` offers live translations only; never a draft
        raise Http404
    return plan


PDF_BEING_BUILT = _(
    "The PDF of this plan is being prepared. Please try again in a minute; "
    "the CSV and JSON downloads are ready now."
)


@require_safe
def export(request, path, fmt):
    """A published plan as CSV, JSON, IATI XML or PDF, cached until it is published again."""
    plan = published_plan_at(request, path)
    if fmt == "pdf":
        return _pdf_response(plan)

    def render():
        # Absolute URLs name the Site's host (home/sites.py), whatever the request's was.
        url = plan.get_full_url(request)
        if fmt == "json":
            data = exports.plan_as_dict(plan, url=url)
            return HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
            )
        if fmt == "iati.xml":
            data = iati.plan_as_iati_xml(plan, url=url)
            return HttpResponse(data, content_type="application/xml; charset=utf-8")
        return HttpResponse(
            exports.plan_as_csv(plan, url=url), content_type="text/csv; charset=utf-8"
        )

    # Keyed on the original: publishing anything of the plan renews the generation of
    # the original, which its translations share (the language is in the key).
    key = caching.export_key(plan_id=original_version(plan).pk, fmt=fmt)
    response = caching.serve_cached(request, key=key, render=render)
    if fmt == "csv":
        response["Content-Disposition"] = f'attachment; filename="{plan.slug}.csv"'
    return response


def _pdf_response(plan):
    data = pdf.request_plan_pdf(plan_id=original_version(plan).pk, language=get_language())
    if data is None:
        response = HttpResponse(PDF_BEING_BUILT, status=503, content_type="text/plain")
        response["Retry-After"] = "30"
        patch_cache_control(response, no_store=True)
        return response
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{plan.slug}.pdf"'
    caching.mark_public(response)
    return response


REPORT_BEING_MADE = _(
    "This annual progress report is being made from the closed period's record. Please "
    "try again in a minute."
)
REPORT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_safe
def annual_report(request, path, slug, fmt):
    """A closed period's annual progress report, as it was made when the period closed:
    in the reader's language where the plan is published in it, else in the plan's."""
    plan = published_plan_at(request, path)
    report = annual_reports.report_of(plan=plan, slug=slug)
    if report is None:
        raise Http404
    stored = annual_reports.report_file(plan=plan, slug=slug, kind=fmt, language=get_language())
    if stored is None:
        annual_reports.request_files(report)
        stored = annual_reports.report_file(plan=plan, slug=slug, kind=fmt, language=get_language())
    if stored is None:  # its files are still being made (a worker's task)
        response = HttpResponse(REPORT_BEING_MADE, status=503, content_type="text/plain")
        response["Retry-After"] = "60"
        patch_cache_control(response, no_store=True)
        return response
    response = HttpResponse(bytes(stored.content), content_type=REPORT_TYPES[fmt])
    disposition = "inline" if fmt == "pdf" else "attachment"
    name = f"{plan.slug}-{slug}-{stored.language}.{fmt}"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    caching.mark_public(response)
    return response


@require_safe
def search(request):
    """Published plans and the live versions of their public commitments, nothing else,
    grouped by country (`?country=` narrows to one)."""
    query = request.GET.get("q", "").strip()[:200]
    # Words only: quotes, brackets and operators mean something to SQLite's FTS5 and
    # PostgreSQL's parser, and a visitor's stray '"' or '>' must not become an error.
    terms = " ".join(re.findall(r"\w+", query))
    countries = public_search.countries_with_plans()
    code = request.GET.get("country", "")
    country = next((c for c in countries if c.code == code), None)
    results = public_search.search(terms, country=country) if terms else None
    return TemplateResponse(
        request,
        "plans/search.html",
        {"query": query, "results": results, "countries": countries, "country": country},
    )


@require_safe
def compare(request):
    """The five countries side by side, from published plans and public commitments only."""

    try:
        page = max(1, int(request.GET.get("page", 1)))
    except ValueError:
        page = 1

    def render():
        response = TemplateResponse(request, "plans/compare.html", comparison.comparison(page=page))
        response.render()
        return response

    return caching.serve_public(
        request, scope=caching.SITE_SCOPE, render=render, variant=f"page={page}"
    )


@require_safe
def compare_csv(request):
    """The comparison's heat map as CSV (with a byte-order mark for spreadsheets)."""

    def render():
        rows = comparison.comparison_rows(comparison.comparison(coverage_only=True))
        return HttpResponse(
            csv_text(comparison.CSV_HEADER, rows), content_type="text/csv; charset=utf-8"
        )

    response = caching.serve_public(request, scope=caching.SITE_SCOPE, render=render)
    response["Content-Disposition"] = 'attachment; filename="mnr-comparison.csv"'
    return response


@require_safe
def compare_legislation_csv(request):
    """The comparison's legislative review table as CSV: one row per country and criterion."""

    def render():
        rows = comparison.legislation_rows(comparison.comparison())
        return HttpResponse(
            csv_text(comparison.LEGISLATION_CSV_HEADER, rows),
            content_type="text/csv; charset=utf-8",
        )

    response = caching.serve_public(request, scope=caching.SITE_SCOPE, render=render)
    response["Content-Disposition"] = 'attachment; filename="legislative-review-comparison.csv"'
    return response
