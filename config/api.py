"""Wagtail's read API at /api/v2/: published pages only (Wagtail's page endpoint serves
live, public pages), with each plan's live commitments (see NationalPlanPage.api_fields)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
