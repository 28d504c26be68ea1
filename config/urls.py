from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.admin_views import LogoutView
from config.api import api_router
from home import admin_endpoints
from home.views import healthz
from publishing.views import (
    annual_report,
    compare,
    compare_csv,
    compare_legislation_csv,
    export,
    search,
)

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    # The described read API: /api/v1/, /api/schema/, /api/docs/ (publishing/api/).
    path("", include("publishing.api.urls")),
    # Ahead of the admin's own patterns: endpoints of Wagtail and wagtail-localize that
    # listed every object, narrowed to what the user may see (home/admin_endpoints.py).
    path("admin/tag-autocomplete/", require_admin_access(admin_endpoints.tag_autocomplete)),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        require_admin_access(admin_endpoints.tag_autocomplete),
    ),
    path("admin/documents/", require_admin_access(admin_endpoints.document_index)),
    path("admin/documents/results/", require_admin_access(admin_endpoints.document_index_results)),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        require_admin_access(admin_endpoints.snippets_api_listing),
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(admin_endpoints.snippets_api_detail),
    ),
    # Before Wagtail's own logout URL, which signs people out on a GET (accounts.admin_views).
    path("admin/logout/", LogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
]

# MEDIA_URL is never served, not even with DEBUG on: uploads are private evidence, and
# Wagtail's document view (/documents/) is the only way to them, with its rights checked.

# The public site, in English without a prefix and under /ar/, /es/, /fr/ and /sw/.
# Wagtail serves every other path from the page tree, so it comes last. Its page pattern
# accepts no dot, so a plan's exports (`<plan URL>export.csv`) are matched before it.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("compare/", compare, name="compare"),
    path("compare/export.csv", compare_csv, name="compare_csv"),
    path("compare/legislation.csv", compare_legislation_csv, name="compare_legislation_csv"),
    re_path(
        r"^(?P<path>(?:[\w-]+/)+)export\.(?P<fmt>csv|json|pdf|iati\.xml)$",
        export,
        name="plan_export",
    ),
    re_path(
        r"^(?P<path>(?:[\w-]+/)+)reports/(?P<slug>[\w-]+)\.(?P<fmt>pdf|xlsx)$",
        annual_report,
        name="plan_annual_report",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
