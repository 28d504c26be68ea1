"""`/api/v1/` (the endpoints), `/api/schema/` (their OpenAPI 3 document), `/api/docs/`.

New public objects (funding lines, findings, trainings) register a viewset here; the
schema and the docs pick them up.
"""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views


class Router(DefaultRouter):
    include_format_suffixes = False
    APIRootView = views.RootView


router = Router()
router.register("plans", views.PlanViewSet, basename="api-plan")
router.register("commitments", views.CommitmentViewSet, basename="api-commitment")
router.register("indicators", views.IndicatorViewSet, basename="api-indicator")
router.register("progress-updates", views.ProgressUpdateViewSet, basename="api-progress-update")
router.register("findings", views.FindingViewSet, basename="api-finding")
router.register("trainings", views.TrainingViewSet, basename="api-training")

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/schema/", views.SchemaView.as_view(), name="api-schema"),
    path("api/docs/", views.DocsView.as_view(), name="api-docs"),
]
