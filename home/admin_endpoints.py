"""Admin endpoints of Wagtail and third-party apps that list objects without asking their
permission policy, replaced by versions that list only what the user may see.

Each replacement is routed in `config/urls.py` ahead of the original, at the same path, so
the original's URL name still reverses to it. The README's security section lists every
admin URL and why it is safe; these are the ones that were not.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, JsonResponse
from taggit.models import Tag, TaggedItem
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.documents.views import documents as document_views
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail_localize.views import snippets_api

# Taggable models; "may see" a tagged one is their collection rights ("choose", "change").
TAGGED_MODELS = (get_document_model, get_image_model)


class VisibleSnippetsAPIViewSet(snippets_api.SnippetViewSet):
    """wagtail-localize's snippet API (its translation editor's chooser) listed every
    instance of a model, so any signed-in user read every country's commitment titles."""

    def get_queryset(self):
        model = self.get_model()
        return policy_registry.get_by_type(model).instances_user_has_permission_for(
            self.request.user, "view"
        )


snippets_api_listing = VisibleSnippetsAPIViewSet.as_view({"get": "list"})
snippets_api_detail = VisibleSnippetsAPIViewSet.as_view({"get": "retrieve"})


def visible_tags(*, user):
    """Tags on documents and images the user may choose or change."""
    if user.is_superuser:
        return Tag.objects.all()
    used = Q(pk__in=[])
    for get_model in TAGGED_MODELS:
        model = get_model()
        policy = policy_registry.get_by_type(model)
        objects = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
        used |= Q(
            pk__in=TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=objects.values("pk"),
            ).values("tag")
        )
    return Tag.objects.filter(used)


def tag_autocomplete(request, app_name=None, model_name=None):
    """Wagtail's tag autocomplete suggested every tag, evidence tags of other countries too."""
    if app_name or model_name:
        raise Http404  # only taggit's own Tag model is used here
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    names = (
        visible_tags(user=request.user)
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


class VisibleTagsDocumentsFilterSet(document_views.DocumentsFilterSet):
    """The documents listing's tag filter offered the most used tags of all documents,
    other countries' evidence tags included: only tags on documents the user may see."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "tag" not in self.filters or request.user.is_superuser:
            return
        names = list(
            visible_tags(user=request.user).order_by("name").values_list("name", flat=True)[:10]
        )
        if names:
            self.filters["tag"].extra["choices"] = [(name, name) for name in names]
        else:
            del self.filters["tag"]


class DocumentIndexView(document_views.IndexView):
    filterset_class = VisibleTagsDocumentsFilterSet


document_index = DocumentIndexView.as_view()
document_index_results = DocumentIndexView.as_view(results_only=True)
