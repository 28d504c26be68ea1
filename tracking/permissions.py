"""Who may report progress on a commitment, and who may change a report.

| who                                   | may                                              |
|---------------------------------------|--------------------------------------------------|
| lead agency's members                 | add, publish and edit their agency's updates     |
| supporting agencies' members          | the same for contributions, which never move the |
|                                       | commitment's status or progress                  |
| country's coordinators                | everything in their country                      |
| everyone who may view the commitment  | read its updates                                 |
"""

from wagtail.permission_policies import BasePermissionPolicy

from plans import permissions as plan_permissions
from plans.models import Commitment
from stakeholders.models import Agency, Membership
from stakeholders.permissions import coordinated_countries, is_active_user, user_coordinates

from .models import ProgressUpdate

REPORTING_ROLES = (Membership.Role.DRAFTER, Membership.Role.HEAD)


def reporting_agency(*, user, commitment) -> tuple[Agency | None, bool]:
    """The agency a user reports for on this commitment, and whether it is a contribution."""
    if not is_active_user(user):
        return None, False
    if user.is_superuser or user_coordinates(user=user, country_id=commitment.plan.country_id):
        return commitment.lead_agency, False
    agencies = set(
        Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values_list(
            "agency", flat=True
        )
    )
    if commitment.lead_agency_id in agencies:
        return commitment.lead_agency, False
    supporting = commitment.supporting_agencies.filter(pk__in=agencies).first()
    if supporting is not None:
        return supporting, True
    return None, False


def commitments_user_may_report_on(*, user):
    """Live commitments a user may add an update or a contribution to."""
    if not is_active_user(user):
        return Commitment.objects.none()
    live = Commitment.objects.filter(live=True)
    if user.is_superuser:
        return live
    agencies = Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values("agency")
    return (
        live.filter(plan__country__in=coordinated_countries(user=user))
        | live.filter(lead_agency__in=agencies)
        | live.filter(supporting_agencies__in=agencies)
    ).distinct()


class ProgressUpdatePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        if action in ("add", "view"):
            return Membership.objects.filter(user=user).exists()
        return self.instances_user_has_permission_for(user, action).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        commitment = instance.commitment
        if action == "view":
            return plan_permissions.commitment_policy.user_has_permission_for_instance(
                user, "view", commitment
            )
        if user_coordinates(user=user, country_id=commitment.plan.country_id):
            return True
        if action in ("change", "delete", "publish"):
            return Membership.objects.filter(
                user=user, agency_id=instance.agency_id, role__in=REPORTING_ROLES
            ).exists()
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        if not is_active_user(user):
            return ProgressUpdate.objects.none()
        if user.is_superuser:
            return ProgressUpdate.objects.all()
        coordinated = coordinated_countries(user=user)
        mine = ProgressUpdate.objects.filter(commitment__plan__country__in=coordinated) | (
            ProgressUpdate.objects.filter(
                agency__in=Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values(
                    "agency"
                )
            )
        )
        if "view" in actions:
            visible = plan_permissions.commitment_policy.instances_user_has_permission_for(
                user, "view"
            )
            mine = mine | ProgressUpdate.objects.filter(commitment__in=visible)
        return mine.distinct()


progress_update_policy = ProgressUpdatePermissionPolicy(ProgressUpdate)
