"""Read-only endpoints over the public selectors; every client is anonymous and throttled.

Each viewset's queryset comes from `publishing.selectors` (public commitments in published
plans, published updates only), so a filter or a cursor can only narrow what the public
may see, never widen it.
"""

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.routers import APIRootView
from rest_framework.throttling import AnonRateThrottle

from plans.models import Commitment, CommitmentIndicator, Finding, NationalPlanPage
from tracking import selectors as tracking
from tracking.models import ProgressUpdate, Training

from .. import selectors
from . import filters, serializers


class AnonymousClientThrottle(AnonRateThrottle):
    """`API_THROTTLE_RATE` requests per client address (behind `TRUSTED_PROXY_COUNT`
    proxies, `NUM_PROXIES`), counted in the default cache (Redis in production, so every
    process counts together)."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE


class PublicCursorPagination(CursorPagination):
    """Cursor pages in id order: stable while plans are published between two requests."""

    ordering = "id"
    page_size_query_param = "page_size"

    def __init__(self):
        self.page_size = settings.API_PAGE_SIZE
        self.max_page_size = settings.API_MAX_PAGE_SIZE


class PublicReadAPI:
    """What every endpoint shares. No authentication: the API shows only public data, so
    who asks changes nothing, and everybody is throttled as an anonymous client."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousClientThrottle]
    renderer_classes = [JSONRenderer]


class PublicViewSet(PublicReadAPI, viewsets.ReadOnlyModelViewSet):
    pagination_class = PublicCursorPagination
    filter_backends = [DjangoFilterBackend]
    lookup_value_regex = r"[0-9]+"
    model = None  # what the schema describes; `public_queryset` is what is read

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()  # the schema is built without the database
        return self.public_queryset()

    def public_queryset(self):
        raise NotImplementedError


LANG = OpenApiParameter(
    "lang",
    str,
    enum=[code for code, _name in settings.LANGUAGES],
    description="A language code: `title` and `description` in that language where the "
    "commitment has a published translation in it, else as written (`text_language` says "
    "which; `language` is the language it is written in).",
)
UNKNOWN_LANGUAGE = "Use one of: %(codes)s."


def asked_language(request):
    """The `?lang=` of the request (None without one); an unknown code is a 400."""
    language = request.query_params.get("lang") or None
    codes = [code for code, _name in settings.LANGUAGES]
    if language is not None and language not in codes:
        raise ValidationError({"lang": [UNKNOWN_LANGUAGE % {"codes": ", ".join(codes)}]})
    return language


@extend_schema_view(
    list=extend_schema(summary="Published plans", tags=["plans"]),
    retrieve=extend_schema(summary="A published plan", tags=["plans"]),
)
class PlanViewSet(PublicViewSet):
    """Published national plans of action (the English original of each), with the
    figures of their public commitments."""

    serializer_class = serializers.PlanSerializer
    filterset_class = filters.PlanFilters

    model = NationalPlanPage

    def public_queryset(self):
        return selectors.published_plans().prefetch_related(selectors.plan_sections_prefetch())

    def get_serializer(self, *args, **kwargs):
        # The figures of this page's plans (stored per plan, not aggregated over every
        # plan the filters let through) and their live translations: a query each.
        instances = args[0] if args else kwargs.get("instance")
        if instances is not None:
            rows = instances if isinstance(instances, list) else [instances]
            selectors.with_progress(rows)
            kwargs["context"] = {
                **self.get_serializer_context(),
                "plan_translations": selectors.live_plan_translations(rows),
            }
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="Public commitments", tags=["commitments"], parameters=[LANG]),
    retrieve=extend_schema(summary="A public commitment", tags=["commitments"], parameters=[LANG]),
)
class CommitmentViewSet(PublicViewSet):
    """The live version of each public commitment of a published plan: what its page shows,
    with its budget where that is public and people trained where it is a training, its
    language and its published translations (`?lang=` picks the language of `title`)."""

    serializer_class = serializers.CommitmentSerializer
    filterset_class = filters.CommitmentFilters

    model = Commitment

    def public_queryset(self):
        return selectors.with_public_details(
            selectors.public_commitments_everywhere()
        ).select_related("plan__country", "plan__locale")

    def get_serializer(self, *args, **kwargs):
        # People trained for the commitments of this page: one query, however many.
        instances = args[0] if args else kwargs.get("instance")
        if instances is not None:
            rows = instances if isinstance(instances, list) else [instances]
            training = [c.pk for c in rows if c.kind == c.Kind.TRAINING]
            kwargs["context"] = {
                **self.get_serializer_context(),
                "people_trained": tracking.people_trained_by_commitment(commitment_ids=training)
                if training
                else {},
                "language": asked_language(self.request),
            }
        return super().get_serializer(*args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="Indicators with their measurements", tags=["indicators"]),
    retrieve=extend_schema(summary="An indicator with its measurements", tags=["indicators"]),
)
class IndicatorViewSet(PublicViewSet):
    """The indicators of public commitments: baseline, target and the measurements reported
    in published progress updates."""

    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilters

    model = CommitmentIndicator

    def public_queryset(self):
        return selectors.public_indicators(commitments=selectors.public_commitments_everywhere())


@extend_schema_view(
    list=extend_schema(summary="Published progress updates", tags=["progress updates"]),
    retrieve=extend_schema(summary="A published progress update", tags=["progress updates"]),
)
class ProgressUpdateViewSet(PublicViewSet):
    """What agencies reported on public commitments, once published: status, progress,
    narrative, indicator measurements and people trained."""

    serializer_class = serializers.ProgressUpdateSerializer
    filterset_class = filters.ProgressUpdateFilters

    model = ProgressUpdate

    def public_queryset(self):
        return selectors.public_progress_updates(
            commitments=selectors.public_commitments_everywhere()
        )


@extend_schema_view(
    list=extend_schema(summary="Trainings of published progress updates", tags=["trainings"]),
    retrieve=extend_schema(summary="A training", tags=["trainings"]),
)
class TrainingViewSet(PublicViewSet):
    """Trainings delivered under public training commitments, as reported in published
    progress updates: dates, mode, city, participants counted per audience and sex
    (aggregates, never people), test averages and the findings they answer."""

    serializer_class = serializers.TrainingSerializer
    filterset_class = filters.TrainingFilters

    model = Training

    def public_queryset(self):
        return selectors.public_trainings(commitments=selectors.public_commitments_everywhere())


@extend_schema_view(
    list=extend_schema(summary="Published findings", tags=["findings"]),
    retrieve=extend_schema(summary="A published finding", tags=["findings"]),
)
class FindingViewSet(PublicViewSet):
    """Findings of countries' needs assessments, legislative reviews and other sources
    that their coordinators published, with the public commitments that answer them."""

    serializer_class = serializers.FindingSerializer
    filterset_class = filters.FindingFilters

    model = Finding

    def public_queryset(self):
        return selectors.public_findings_everywhere()


class RootView(PublicReadAPI, APIRootView):
    """`/api/v1/`: a link to each endpoint."""


class SchemaView(PublicReadAPI, SpectacularAPIView):
    """The OpenAPI 3 document of /api/v1/ (JSON with `?format=json`, else YAML)."""

    renderer_classes = SpectacularAPIView.renderer_classes
    urlconf = "publishing.api.urls"


class DocsView(PublicReadAPI, SpectacularSwaggerSplitView):
    """Swagger UI from the sidecar's static files; its script is a file too (`?script`),
    so the page runs under the site's CSP with no inline script."""

    renderer_classes = SpectacularSwaggerSplitView.renderer_classes
    template_name = "publishing/api/swagger_ui.html"
    url_name = "api-schema"
