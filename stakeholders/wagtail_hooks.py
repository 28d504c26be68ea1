from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import views
from .models import Agency, Country, Membership
from .permissions import NoDeletePermissionPolicy

register_permission_policy(Country, NoDeletePermissionPolicy(Country))
register_permission_policy(Agency, NoDeletePermissionPolicy(Agency))


class CountryViewSet(ModelViewSet):
    model = Country
    name = "countries"
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code", "default_language"]
    search_fields = ["name", "code"]
    inspect_view_enabled = True
    add_view_class = views.CountryCreateView
    edit_view_class = views.CountryEditView


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = "agencies"
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "acronym", "country", "sector", "is_active"]
    list_filter = ["country", "sector", "is_active"]
    search_fields = ["name", "acronym"]
    inspect_view_enabled = True
    add_view_class = views.AgencyCreateView
    edit_view_class = views.AgencyEditView


class MembershipViewSet(ModelViewSet):
    model = Membership
    name = "memberships"
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "agency", "role"]
    list_filter = ["agency__country", "agency__sector", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    add_view_class = views.MembershipCreateView
    edit_view_class = views.MembershipEditView
    delete_view_class = views.MembershipDeleteView


class StakeholdersViewSetGroup(ViewSetGroup):
    menu_label = _("Stakeholders")
    menu_icon = "group"
    menu_order = 300
    items = (CountryViewSet, AgencyViewSet, MembershipViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return StakeholdersViewSetGroup()
