"""The public site's seams into Wagtail: page renderers, and the public page cache."""

from django.urls import path
from wagtail import hooks

from home.models import HomePage
from home.rendering import register_page_renderer, renderer_for
from plans.models import NationalPlanPage, PlanIndexPage

from . import admin_views, caching
from .renderers import OverviewRenderer, PlanRenderer

overview = OverviewRenderer()
register_page_renderer(HomePage, overview)
register_page_renderer(PlanIndexPage, overview)
register_page_renderer(NationalPlanPage, PlanRenderer())


@hooks.register("on_serve_page")
def serve_from_public_cache(serve):
    """Wrap Wagtail's page serving (after its view-restriction check) in the cache."""

    def cached_serve(page, request, args, kwargs):
        renderer = renderer_for(page)
        scope = renderer.cache_scope(page)
        if scope is None:
            return serve(page, request, args, kwargs)
        return caching.serve_public(
            request,
            scope=scope,
            variant=renderer.cache_variant(page, request),
            restricted=page.get_view_restrictions().exists(),
            fast_path=True,
            render=lambda: serve(page, request, args, kwargs),
        )

    return cached_serve


@hooks.register("register_admin_urls")
def annual_report_urls():
    return [
        path(
            "reporting-periods/<int:pk>/close/",
            admin_views.close_period,
            name="annual_report_close",
        )
    ]
