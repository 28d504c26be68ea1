"""Per-object rights in Wagtail's generic admin views: the one piece of plumbing.

Wagtail's views of one object ask the registered permission policy model-level questions
("may change some instance?"). Every view of one object here first refuses unless the
user holds `object_action` on that object, then answers all of Wagtail's questions about
that same object. Each app's `permissions.py` decides the rights; this only asks it.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import View
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import policy_registry


def is_active_user(user) -> bool:
    """Logged in and not deactivated: the first question of every rule."""
    return bool(user and user.is_authenticated and user.is_active)


class ReferenceDataPermissionPolicy(BasePermissionPolicy):
    """For data every country shares (the MNR framework, the terminology list): everyone
    who may use the admin reads it; only superusers change it, since a change rewrites
    every country's plans at once."""

    def user_has_permission(self, user, action):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        return action == "view" and user.has_perm("wagtailadmin.access_admin")


class InstancePermissionPolicy:
    """A policy with every model-level question asked about one instance instead."""

    def __init__(self, policy, instance):
        self.policy = policy
        self.instance = instance

    def user_has_permission(self, user, action):
        if action == "add":
            return self.policy.user_has_permission(user, action)
        return self.policy.user_has_permission_for_instance(user, action, self.instance)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def __getattr__(self, name):
        return getattr(self.policy, name)


class InstancePermissionViewMixin:
    """For a generic view of one object (URL kwarg `pk`) of `self.model`."""

    object_action = "view"

    @property
    def registered_policy(self):
        return policy_registry.get_by_type(self.model)

    def setup(self, request, *args, **kwargs):
        # Before Wagtail's own setup, which already reads the object and the policy.
        self.guarded_object = get_object_or_404(self.model, pk=unquote(str(kwargs["pk"])))
        self.permission_refused = not self.registered_policy.user_has_permission_for_instance(
            request.user, self.object_action, self.guarded_object
        )
        if self.permission_refused:
            # Django's own setup only: Wagtail's would go on to read the object.
            View.setup(self, request, *args, **kwargs)
        else:
            super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.permission_refused:
            return self.refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, request):
        """The answer to a user without the right; a view may explain, never reveal."""
        raise PermissionDenied

    @cached_property
    def permission_policy(self):
        return InstancePermissionPolicy(self.registered_policy, self.guarded_object)


class VisibleInstancesIndexMixin:
    """A listing of only the instances the user may view, each row linking only to what
    the user may do to that row (Wagtail decides row links model-wide)."""

    def get_base_queryset(self):
        visible = self.registered_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return super().get_base_queryset().filter(pk__in=visible.values("pk"))

    def _may(self, action, instance) -> bool:
        return self.registered_policy.user_has_permission_for_instance(
            self.request.user, action, instance
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._may("delete", instance) else None

    @property
    def registered_policy(self):
        return policy_registry.get_by_type(self.model)
