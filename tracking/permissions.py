"""Who may report progress on a commitment, and who may change a report.

| who                                   | may                                              |
|---------------------------------------|--------------------------------------------------|
| lead agency's members                 | add, publish and edit their agency's updates     |
| supporting agencies' members          | the same for contributions, which never move the |
|                                       | commitment's status or progress                  |
| country's coordinators                | everything in their country, and approve or send |
|                                       | back the updates submitted for review            |
| everyone who may view the commitment  | read its updates                                 |

Where the country has review of updates switched on (`Country.update_review`), an
agency's members submit their updates instead of publishing them, and no longer change or
delete an update once it is published (that would change the public record unreviewed):
they report again with a new update.

A report of a closed reporting period is frozen for everybody, superusers included: the
period's annual progress report was made from it.
A training is part of the update that reports it: whoever may change the update may add,
change and delete its trainings, and whoever may read the update reads them.
"""

from wagtail.permission_policies import BasePermissionPolicy

from plans import permissions as plan_permissions
from plans.models import Commitment
from stakeholders.models import Agency, Country, Membership
from stakeholders.permissions import (
    coordinated_countries,
    is_active_user,
    is_member,
    user_coordinates,
)

from .models import ProgressUpdate, ReportingPeriod, Training

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


def country_reviews_updates(country) -> bool:
    """Read from the database, never from a country object loaded before a change."""
    return Country.objects.filter(
        pk=country.pk, update_review=Country.UpdateReview.COORDINATOR
    ).exists()


def review_required(*, user, country) -> bool:
    """Does an update this user makes public in `country` wait for a coordinator's review?
    `user` None is the system (the demo loader, bundles): it publishes."""
    if user is None or user_coordinates(user=user, country_id=country.pk):
        return False
    return country_reviews_updates(country)


def user_may_review(*, user, update) -> bool:
    """Approve or send back this update: the country's coordinators, once it is submitted."""
    return update.is_submitted and user_coordinates(
        user=user, country_id=update.commitment.plan.country_id
    )


def countries_reviewing_updates_of(*, user):
    """The countries whose review of updates applies to this user's own reports."""
    if not is_active_user(user) or user.is_superuser:
        return Country.objects.none()
    return (
        Country.objects.filter(
            agencies__memberships__user=user,
            update_review=Country.UpdateReview.COORDINATOR,
        )
        .exclude(pk__in=coordinated_countries(user=user).values("pk"))
        .distinct()
    )


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


CLOSED = ReportingPeriod.State.CLOSED


def in_closed_period(update) -> bool:
    """A report of a closed period: nobody changes, deletes or publishes it any more."""
    return bool(update.period_id) and update.period.is_closed


def user_can_view_reporting_period(*, user, period) -> bool:
    """The country's users follow its reporting cycle (who has reported, what is due)."""
    return plan_permissions.user_can_view_plan(user=user, plan=period.plan)


def reporting_periods_user_may_view(*, user):
    plans = plan_permissions.plans_user_may_view(user=user)
    return ReportingPeriod.objects.filter(plan__in=plans)


class ProgressUpdatePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        if action in ("add", "view"):
            return is_member(user)
        return self.instances_user_has_permission_for(user, action).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_active_user(user):
            return False
        if action != "view" and in_closed_period(instance):
            return False  # the period's annual report is made: its reports are frozen
        if user.is_superuser:
            return True
        commitment = instance.commitment
        if action == "view":
            return plan_permissions.commitment_policy.user_has_permission_for_instance(
                user, "view", commitment
            )
        country = commitment.plan.country
        if user_coordinates(user=user, country_id=country.pk):
            return True
        if action not in ("change", "delete", "publish", "submit"):
            return False
        reviewed = country_reviews_updates(country)
        if reviewed and (action == "publish" or instance.is_published):
            return False
        if action == "submit" and (not reviewed or instance.is_published):
            return False
        return Membership.objects.filter(
            user=user, agency_id=instance.agency_id, role__in=REPORTING_ROLES
        ).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not is_active_user(user):
            return ProgressUpdate.objects.none()
        if user.is_superuser:
            if set(actions) <= {"change", "delete"}:
                return ProgressUpdate.objects.exclude(period__state=CLOSED)
            return ProgressUpdate.objects.all()
        coordinated = coordinated_countries(user=user)
        own_agencies = ProgressUpdate.objects.filter(
            agency__in=Membership.objects.filter(user=user, role__in=REPORTING_ROLES).values(
                "agency"
            )
        )
        if set(actions) <= {"change", "delete"}:
            coordinated_rows = ProgressUpdate.objects.exclude(period__state=CLOSED)
        else:
            coordinated_rows = ProgressUpdate.objects.all()
        if set(actions) <= {"change", "delete"}:
            own_agencies = own_agencies.exclude(period__state=CLOSED)
            # Published updates of a country that reviews them are the coordinators' only.
            own_agencies = own_agencies.exclude(
                published_at__isnull=False,
                commitment__plan__country__update_review=Country.UpdateReview.COORDINATOR,
            )
        mine = coordinated_rows.filter(commitment__plan__country__in=coordinated) | (own_agencies)
        if "view" in actions:
            visible = plan_permissions.commitment_policy.instances_user_has_permission_for(
                user, "view"
            )
            mine = mine | ProgressUpdate.objects.filter(commitment__in=visible)
        return mine.distinct()


progress_update_policy = ProgressUpdatePermissionPolicy(ProgressUpdate)


class ReportingPeriodPermissionPolicy(BasePermissionPolicy):
    """The country's users read its reporting periods; its coordinators open them and
    correct an open one; nobody changes a closed one or deletes one (its reports point to
    it, and a closed one has its annual report)."""

    def user_has_permission(self, user, action):
        if not is_active_user(user):
            return False
        if action == "view":
            return user.is_superuser or is_member(user)
        if action == "add":
            return user.is_superuser or coordinated_countries(user=user).exists()
        return self.instances_user_has_permission_for(user, action).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return is_active_user(user) and user_can_view_reporting_period(
                user=user, period=instance
            )
        if action in ("change", "close"):
            return not instance.is_closed and plan_permissions.user_can_manage_reporting_periods(
                user=user, plan=instance.plan
            )
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        if not is_active_user(user):
            return ReportingPeriod.objects.none()
        if "view" in actions:
            return reporting_periods_user_may_view(user=user)
        if set(actions) & {"change", "close"}:
            periods = ReportingPeriod.objects.filter(state=ReportingPeriod.State.OPEN)
            if user.is_superuser:
                return periods
            return periods.filter(plan__country__in=coordinated_countries(user=user))
        return ReportingPeriod.objects.none()


reporting_period_policy = ReportingPeriodPermissionPolicy(ReportingPeriod)


class TrainingPermissionPolicy(BasePermissionPolicy):
    """The rights over a training are the rights over its progress update."""

    def user_has_permission(self, user, action):
        if action in ("add", "view"):
            return progress_update_policy.user_has_permission(user, action)
        return self.instances_user_has_permission_for(user, action).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        action = "view" if action == "view" else "change"
        return progress_update_policy.user_has_permission_for_instance(
            user, action, instance.update
        )

    def instances_user_has_any_permission_for(self, user, actions):
        actions = {"view" if action == "view" else "change" for action in actions}
        updates = progress_update_policy.instances_user_has_any_permission_for(user, actions)
        return Training.objects.filter(update__in=updates.values("pk"))


training_policy = TrainingPermissionPolicy(Training)


def updates_user_may_add_trainings_to(*, user):
    """The updates of training commitments whose trainings this user may change."""
    return progress_update_policy.instances_user_has_permission_for(user, "change").filter(
        commitment__kind=Commitment.Kind.TRAINING
    )
