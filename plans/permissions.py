"""The one answer to "may this user do this" for plans and their reference data."""

from wagtail.permission_policies import BasePermissionPolicy


class ReferenceDataPermissionPolicy(BasePermissionPolicy):
    """Frameworks, domains, capabilities and INSPIRE strategies are shared by every plan.

    Everyone who may use the admin can read them; only superusers change them, since a
    change rewrites every country's plan structure at once.
    """

    def user_has_permission(self, user, action):
        if not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        return action == "view" and user.has_perm("wagtailadmin.access_admin")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
