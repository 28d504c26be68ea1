from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import Capability, Domain, Framework, InspireStrategy
from .permissions import ReferenceDataPermissionPolicy

for _model in (Framework, Domain, Capability, InspireStrategy):
    register_permission_policy(_model, ReferenceDataPermissionPolicy(_model))


class FrameworkViewSet(ModelViewSet):
    model = Framework
    name = "frameworks"
    icon = "doc-full"
    menu_label = _("Frameworks")
    list_display = ["name", "code", "year"]
    form_fields = ["code", "name", "publisher", "year", "url"]
    inspect_view_enabled = True


class DomainViewSet(ModelViewSet):
    model = Domain
    name = "mnr_domains"
    icon = "folder-open-inverse"
    menu_label = _("MNR domains")
    list_display = ["number", "name", "framework"]
    list_filter = ["framework"]
    form_fields = ["framework", "number", "name"]
    inspect_view_enabled = True


class CapabilityViewSet(ModelViewSet):
    model = Capability
    name = "capabilities"
    icon = "list-ol"
    menu_label = _("MNR capabilities")
    list_display = ["number", "name", "domain", "framework"]
    list_filter = ["framework", "domain"]
    search_fields = ["name", "description"]
    form_fields = ["framework", "domain", "number", "name", "description"]
    inspect_view_enabled = True
    list_per_page = 50


class InspireStrategyViewSet(ModelViewSet):
    model = InspireStrategy
    name = "inspire_strategies"
    icon = "tag"
    menu_label = _("INSPIRE strategies")
    list_display = ["number", "letter", "name"]
    form_fields = ["framework", "number", "letter", "name", "description"]
    inspect_view_enabled = True


class ReferenceDataViewSetGroup(ViewSetGroup):
    menu_label = _("Frameworks")
    menu_icon = "doc-full"
    menu_order = 400
    items = (FrameworkViewSet, DomainViewSet, CapabilityViewSet, InspireStrategyViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return ReferenceDataViewSetGroup()
