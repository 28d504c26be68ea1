"""Who may manage the stakeholder registry.

Superusers manage everything. A national coordinator manages the agencies and the
memberships of their own country (adding a drafter from the police unit is their job)
and nothing of another country. Countries and agencies are never deleted from the admin:
plans, commitments and history refer to them, so an agency that stops taking part is
marked inactive instead.
"""

from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

from .models import Agency, Country, Membership


def is_active_user(user) -> bool:
    """Logged in and not deactivated: the first question of every rule."""
    return bool(user and user.is_authenticated and user.is_active)


def _coordinated_ids(user) -> frozenset[int]:
    # Asked by every menu item and view of a request; cached on the user object like
    # Django's own permission cache (a new request loads a new user).
    ids = getattr(user, "_coordinated_country_ids", None)
    if ids is None:
        ids = frozenset(
            Country.objects.filter(coordinators_group__user=user).values_list("pk", flat=True)
        )
        user._coordinated_country_ids = ids
    return ids


def coordinated_countries(*, user):
    if not is_active_user(user):
        return Country.objects.none()
    if user.is_superuser:
        return Country.objects.all()
    return Country.objects.filter(pk__in=_coordinated_ids(user))


def user_coordinates_any(*, user) -> bool:
    """Asked by menus on every admin page: from the ids cached on the user, no new query."""
    if not is_active_user(user):
        return False
    return user.is_superuser or bool(_coordinated_ids(user))


def user_coordinates(*, user, country_id) -> bool:
    if not is_active_user(user):
        return False
    return user.is_superuser or country_id in _coordinated_ids(user)


class CountryScopedPermissionPolicy(BasePermissionPolicy):
    """Superusers: everything; coordinators: `coordinator_actions` within their country."""

    country_lookup = None  # how the model reaches its country, e.g. "agency__country"
    coordinator_actions = ()
    deletable = True

    def _country_id(self, instance):
        obj = instance
        for part in self.country_lookup.split("__"):
            obj = getattr(obj, part, None) if obj is not None else None
        return getattr(obj, "pk", None)

    def _allowed(self, user, action):
        if not is_active_user(user):
            return False
        if action == "delete" and not self.deletable:
            return False
        return user.is_superuser or action in self.coordinator_actions

    def user_has_permission(self, user, action):
        return self._allowed(user, action) and (user.is_superuser or bool(_coordinated_ids(user)))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self._allowed(user, action):
            return False
        if user.is_superuser:
            return True
        country_id = self._country_id(instance)
        return country_id is not None and user_coordinates(user=user, country_id=country_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self._allowed(user, action) for action in actions):
            return self.model.objects.none()
        if user.is_superuser:
            return self.model.objects.all()
        countries = coordinated_countries(user=user)
        return self.model.objects.filter(Q(**{f"{self.country_lookup}__in": countries}))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class CountryPermissionPolicy(CountryScopedPermissionPolicy):
    country_lookup = "pk"
    coordinator_actions = ()
    deletable = False

    def _country_id(self, instance):
        return instance.pk


class AgencyPermissionPolicy(CountryScopedPermissionPolicy):
    country_lookup = "country"
    coordinator_actions = ("view", "add", "change")
    deletable = False


class MembershipPermissionPolicy(CountryScopedPermissionPolicy):
    country_lookup = "agency__country"
    coordinator_actions = ("view", "add", "change", "delete")


country_policy = CountryPermissionPolicy(Country)
agency_policy = AgencyPermissionPolicy(Agency)
membership_policy = MembershipPermissionPolicy(Membership)
