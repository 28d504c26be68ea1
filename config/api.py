"""Wagtail's read API at /api/v2/: published pages only (Wagtail's page endpoint serves
live, public pages), with each plan's live commitments (see NationalPlanPage.api_fields).

Parameters Wagtail passes on unchecked get a 400 with a message here instead of a 500:
a search the SQLite full-text backend cannot parse, an unknown search operator, and an
offset larger than a database integer.
"""

from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

# OFFSET and LIMIT are signed 64-bit integers in SQLite and PostgreSQL.
MAX_SQL_INTEGER = 2**63 - 1
OFFSET_TOO_HIGH = f"offset cannot be higher than {MAX_SQL_INTEGER}"
# FTS5 reads `"` as the start of a phrase (an unterminated one is an SQL error), and
# neither database takes a null character in a query.
UNSEARCHABLE = ('"', "\x00")
SEARCH_UNREADABLE = 'search cannot contain double quotes (") or null characters'
SEARCH_OPERATORS = ("and", "or")
SEARCH_OPERATOR_UNKNOWN = "search_operator must be 'and' or 'or'"


def _integer(request, name) -> int:
    try:
        return int(request.GET.get(name, 0))
    except ValueError:
        return 0  # not a number: Wagtail's own check answers that


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        if _integer(request, "offset") > MAX_SQL_INTEGER:
            raise BadRequestError(OFFSET_TOO_HIGH)
        # The limit needs no check here: Wagtail caps it at WAGTAILAPI_LIMIT_MAX (20).
        return super().paginate_queryset(queryset, request, view)


class CheckedSearchFilter(filters.SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET["search"]
            if any(character in query for character in UNSEARCHABLE):
                raise BadRequestError(SEARCH_UNREADABLE)
            operator = request.GET.get("search_operator") or SEARCH_OPERATORS[0]
            if operator.lower() not in SEARCH_OPERATORS:
                raise BadRequestError(SEARCH_OPERATOR_UNKNOWN)
            if not query.split():
                # Blank, as an empty search is: nothing (the backend fails on spaces alone).
                return queryset.none()
        return super().filter_queryset(request, queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [
        CheckedSearchFilter if backend is filters.SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_queryset(self):
        # Each listed page shows its locale (meta.locale): one query per page without this,
        # so the listing's queries grew with the number of countries (make bench-network).
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
