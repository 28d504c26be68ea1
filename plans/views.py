"""Public views of published plans: exports. Anything not published is a 404."""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from . import exports
from .models import NationalPlanPage

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
