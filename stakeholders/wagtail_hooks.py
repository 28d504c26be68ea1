from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from . import admin_views, permissions, services
from .models import Agency, Country, Membership
from .permissions import agency_policy, country_policy, membership_policy

# Policies first: the viewsets below refuse to register without them.
register_permission_policy(Country, country_policy)
register_permission_policy(Agency, agency_policy)
register_permission_policy(Membership, membership_policy)


class ScopedViewSet(ModelViewSet):
    """Listing, inspect, history and usage only for objects of the user's country."""

    index_view_class = admin_views.ScopedIndexView
    inspect_view_class = admin_views.ScopedInspectView
    history_view_class = admin_views.ScopedHistoryView
    usage_view_class = admin_views.ScopedUsageView
    inspect_view_enabled = True
    copy_view_enabled = False


class CountryViewSet(ScopedViewSet):
    model = Country
    name = "countries"
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["name", "code", "default_language", "update_review"]
    search_fields = ["name", "code"]
    add_view_class = admin_views.CountryCreateView
    edit_view_class = admin_views.CountryEditView


class AgencyViewSet(ScopedViewSet):
    model = Agency
    name = "agencies"
    icon = "group"
    menu_label = _("Agencies")
    list_display = ["name", "acronym", "country", "sector", "is_active"]
    list_filter = ["country", "sector", "is_active"]
    # Agency is indexed: its search fields are the model's own (naming fields here makes
    # SQLite's full-text backend look for columns that do not exist: a server error).
    add_view_class = admin_views.AgencyCreateView
    edit_view_class = admin_views.AgencyEditView


class MembershipIndexView(admin_views.ScopedIndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if permissions.coordinates_any_country(user=self.request.user):
            buttons.append(
                HeaderButton(
                    _("Invite a person"), url=reverse("membership_invite"), icon_name="mail"
                )
            )
        return buttons


class MembershipViewSet(ScopedViewSet):
    model = Membership
    name = "memberships"
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "agency", "role"]
    list_filter = ["agency__country", "agency__sector", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    index_view_class = MembershipIndexView
    add_view_class = admin_views.MembershipCreateView
    edit_view_class = admin_views.MembershipEditView
    delete_view_class = admin_views.MembershipDeleteView


class StakeholdersViewSetGroup(ViewSetGroup):
    menu_label = _("Stakeholders")
    menu_icon = "group"
    menu_order = 300
    items = (CountryViewSet, AgencyViewSet, MembershipViewSet)


@hooks.register("register_admin_viewset")
def register_viewset():
    return StakeholdersViewSetGroup()


@hooks.register("register_admin_urls")
def register_versions_urls():
    return [
        path("memberships/invite/", admin_views.InviteView.as_view(), name="membership_invite"),
        path(
            "stakeholders/<slug:model_name>/<int:pk>/versions/",
            admin_views.VersionsView.as_view(),
            name="stakeholder_versions",
        ),
        path(
            "stakeholders/<slug:model_name>/<int:pk>/versions/<int:version_id>/revert/",
            admin_views.VersionsView.as_view(),
            name="stakeholder_version_revert",
        ),
    ]


@hooks.register("register_log_actions")
def register_invitation_log_action(actions):
    @actions.register_action(services.INVITE)
    class InvitationFormatter(LogFormatter):
        label = _("Invite a person")

        def format_message(self, log_entry):
            email = (log_entry.data or {}).get("email", "")
            return _("Invited %(email)s: an account and a set-password e-mail") % {"email": email}
