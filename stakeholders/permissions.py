"""Who may manage the stakeholder registry.

Countries and agencies are never deleted from the admin: plans, commitments and history
refer to them, so an agency that stops taking part is marked inactive instead.
"""

from wagtail.permission_policies import ModelPermissionPolicy


class NoDeletePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)
