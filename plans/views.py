"""Public views of published plans: exports. Anything not published is a 404."""

import json

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from . import exports
from .models import Commitment, NationalPlanPage
from .selectors import published_plans

EXPORT_CACHE_SECONDS = 300


def published_plan_at(request, path: str) -> NationalPlanPage:
    """The live, public plan page at this path of the request's site, or 404.

    Wagtail's page URL pattern accepts no dot, so exports find their page themselves.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    url_path = site.root_page.url_path + path.strip("/") + "/"
    plan = (
        NationalPlanPage.objects.live()
        .public()
        .filter(url_path=url_path)
        .select_related("country")
        .first()
    )
    if plan is None:
        raise Http404
    return plan


@require_safe
@cache_control(public=True, max_age=EXPORT_CACHE_SECONDS)
def export(request, path, fmt):
    plan = published_plan_at(request, path)
    filename = f"{plan.slug}.{fmt}"
    if fmt == "json":
        data = exports.plan_as_dict(plan, url=plan.get_full_url(request))
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
    elif fmt == "csv":
        response = HttpResponse(exports.plan_as_csv(plan), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        raise Http404
    return response


SEARCH_RESULTS = 20


@require_safe
def search(request):
    """Published plans and the live versions of their live commitments, nothing else."""
    query = request.GET.get("q", "").strip()[:200]
    plans = commitments = []
    if query:
        plans = list(published_plans().search(query)[:SEARCH_RESULTS])
        live = Commitment.objects.filter(live=True, plan__in=published_plans().values("pk"))
        commitments = list(get_search_backend().search(query, live)[:SEARCH_RESULTS])
        plan_ids = {c.plan_id for c in commitments}
        by_id = NationalPlanPage.objects.in_bulk(plan_ids)
        for commitment in commitments:
            commitment.public_plan = by_id[commitment.plan_id]
    return TemplateResponse(
        request,
        "plans/search.html",
        {"query": query, "plans": plans, "commitments": commitments},
    )
