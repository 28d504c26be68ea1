"""Who may manage the stakeholder registry.

Superusers manage everything. A national coordinator manages the agencies and the
memberships of their own country (adding a drafter from the police unit is their job)
and nothing of another country. Countries and agencies are never deleted from the admin:
plans, commitments and history refer to them, so an agency that stops taking part is
marked inactive instead.
"""

from django.db.models import Q
from wagtail import hooks
from wagtail.permission_policies import BasePermissionPolicy

from home.admin_permissions import is_active_user

from .models import Agency, Country, Membership


def _country_ids(user, group: str) -> frozenset[int]:
    """Ids of the countries whose `group` ("coordinators_group", "reviewers_group") the
    user is in. Asked by every menu item and view of a request; cached on the user object
    like Django's own permission cache (a new request loads a new user)."""
    cache = user.__dict__.setdefault("_country_ids_by_group", {})
    if group not in cache:
        cache[group] = frozenset(
            Country.objects.filter(**{f"{group}__user": user}).values_list("pk", flat=True)
        )
    return cache[group]


def is_member(user) -> bool:
    """Does the user belong to any agency? Asked by several menu items of every admin
    page (progress updates, trainings, reporting periods): cached on the user object."""
    if "_is_member" not in user.__dict__:
        user.__dict__["_is_member"] = Membership.objects.filter(user=user).exists()
    return user.__dict__["_is_member"]


def _coordinated_ids(user) -> frozenset[int]:
    return _country_ids(user, "coordinators_group")


def _reviewed_ids(user) -> frozenset[int]:
    return _country_ids(user, "reviewers_group")


def coordinated_countries(*, user):
    if not is_active_user(user):
        return Country.objects.none()
    if user.is_superuser:
        return Country.objects.all()
    return Country.objects.filter(pk__in=_coordinated_ids(user))


def coordinates_any_country(*, user) -> bool:
    """Without a query once asked in a request: menus ask it on every admin page."""
    return is_active_user(user) and (user.is_superuser or bool(_coordinated_ids(user)))


def user_coordinates(*, user, country_id) -> bool:
    if not is_active_user(user):
        return False
    return user.is_superuser or country_id in _coordinated_ids(user)


# An agency's name and acronym are printed on the public plan: renaming one rewrites the
# public record at once, with no review. Apps that publish agencies say whether one is
# public through this hook (plans does); this app knows nothing of plans.
AGENCY_PUBLIC_HOOK = "is_agency_on_public_record"
AGENCY_PUBLIC_FIELDS = ("name", "acronym")
AGENCY_NAMED_IN_PUBLIC = (
    "%(agency)s is named in a published plan, so a new name or acronym would change the "
    "public record at once, without review. Ask the site administrator to rename it."
)


def agency_is_on_public_record(agency) -> bool:
    return bool(agency.pk) and any(check(agency) for check in hooks.get_hooks(AGENCY_PUBLIC_HOOK))


def agency_change_refusal(*, user, agency, changed_fields) -> str | None:
    """Why this user may not make this change to an agency, or None if they may."""
    if user is None or user.is_superuser:
        return None
    if set(changed_fields) & set(AGENCY_PUBLIC_FIELDS) and agency_is_on_public_record(agency):
        return AGENCY_NAMED_IN_PUBLIC % {"agency": agency}
    return None


def user_reviews(*, user, country_id) -> bool:
    """Is the user one of this country's reviewers (or a superuser)? The one answer."""
    if not is_active_user(user):
        return False
    return user.is_superuser or country_id in _reviewed_ids(user)


def reviews_any_country(*, user) -> bool:
    return is_active_user(user) and (user.is_superuser or bool(_reviewed_ids(user)))


def coordinated_or_reviewed_countries(*, user):
    if not is_active_user(user):
        return Country.objects.none()
    if user.is_superuser:
        return Country.objects.all()
    return Country.objects.filter(pk__in=_coordinated_ids(user) | _reviewed_ids(user))


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

    def user_has_permission_for_instance(self, user, action, instance):
        if not self._allowed(user, action):
            return False
        if user.is_superuser:
            return True
        country_id = self._country_id(instance)
        return country_id is not None and user_coordinates(user=user, country_id=country_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self._allowed(user, action) for action in actions):
            return self.model.objects.none()
        if user.is_superuser:
            return self.model.objects.all()
        countries = coordinated_countries(user=user)
        return self.model.objects.filter(Q(**{f"{self.country_lookup}__in": countries}))


class CountryPermissionPolicy(CountryScopedPermissionPolicy):
    """Coordinators read their country's settings (how its progress updates are
    reviewed, say); only superusers change them."""

    country_lookup = "pk"
    coordinator_actions = ("view",)
    deletable = False

    def _country_id(self, instance):
        return instance.pk


class AgencyPermissionPolicy(CountryScopedPermissionPolicy):
    country_lookup = "country"
    coordinator_actions = ("view", "add", "change")
    deletable = False


# Who may grant each role. Coordinators and reviewers decide what goes public and who
# may act: a coordinator who could make reviewers (themselves included) could approve
# their own submissions, so those roles are granted by superusers only. Coordinators
# manage the people who draft, head an agency or read, in their own country; nobody but a
# superuser creates, changes or ends a membership of their own.
ROLES_COORDINATORS_GRANT = (Membership.Role.HEAD, Membership.Role.DRAFTER, Membership.Role.VIEWER)

MEMBERSHIP_ROLE_NOT_YOURS = (
    "Only the site administrator grants or changes the roles of national coordinator and "
    "reviewer: they decide what is published, so they are never handed out by a coordinator."
)
MEMBERSHIP_OWN = (
    "You cannot add, change or remove your own memberships: ask the site administrator."
)
MEMBERSHIP_OTHER_COUNTRY_AGENCY = "You can only manage memberships of your own country's agencies."


def membership_refusal(*, user, membership) -> str | None:
    """Why this user may not hold `membership` as it stands (user, agency, role) in their
    hands, or None if they may: asked of the membership before a change and after it."""
    if not is_active_user(user):
        return MEMBERSHIP_OTHER_COUNTRY_AGENCY
    if user.is_superuser:
        return None
    if membership.user_id == user.pk:
        return MEMBERSHIP_OWN
    if not membership.agency_id or not user_coordinates(
        user=user, country_id=membership.agency.country_id
    ):
        return MEMBERSHIP_OTHER_COUNTRY_AGENCY
    if membership.role not in ROLES_COORDINATORS_GRANT:
        return MEMBERSHIP_ROLE_NOT_YOURS
    return None


def roles_user_may_grant(*, user):
    if user.is_superuser:
        return tuple(Membership.Role)
    return ROLES_COORDINATORS_GRANT


class MembershipPermissionPolicy(CountryScopedPermissionPolicy):
    country_lookup = "agency__country"
    coordinator_actions = ("view", "add", "change", "delete")

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        # Reading is country-wide; changing or ending one is managing its rights.
        return action == "view" or membership_refusal(user=user, membership=instance) is None

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if "view" in actions or not is_active_user(user) or user.is_superuser:
            return instances
        return instances.exclude(user=user).filter(role__in=ROLES_COORDINATORS_GRANT)


country_policy = CountryPermissionPolicy(Country)
agency_policy = AgencyPermissionPolicy(Agency)
membership_policy = MembershipPermissionPolicy(Membership)
