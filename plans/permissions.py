"""The one answer to "may this user do this to this plan or commitment".

Every admin view, chooser, listing, export and API asks here. Rights come from
django-guardian object permissions that `services.commitment_sync_permissions` grants to
the groups of the commitment's country and agencies:

| who (group)                          | on a commitment                     |
|--------------------------------------|-------------------------------------|
| lead agency's members (drafters)     | view, change, lock, unlock          |
| supporting agencies' members         | view                                |
| country's national coordinators      | view, change, delete, lock, unlock  |
| country's reviewers                  | view, change, publish               |
| country's viewers                    | view                                |
| superusers                           | everything                          |

Adding is decided from memberships: drafters add commitments their agency leads,
coordinators add commitments for any agency of their country. Reviewers may edit while
reviewing (as Wagtail's moderators do); every edit is a revision, and only reviewers
publish, so nothing reaches the public without one.

Wagtail's views ask `user_has_permission(user, action)` ("on some instance") in many
places; the admin views for a single commitment ask it about that commitment instead
(`home.admin_permissions`).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import get_groups_with_perms, get_objects_for_user
from wagtail.permission_policies import BasePermissionPolicy

from stakeholders.models import Agency, Membership
from stakeholders.permissions import (
    coordinated_countries,
    coordinates_any_country,
    is_active_user,
    user_coordinates,
    user_reviews,
)

from .models.commitments import Commitment
from .models.consultation import ConsultationRound
from .models.findings import Finding
from .models.frameworks import Capability, Domain, Framework, InspireStrategy, MaturityLevel
from .models.legislation import LegislativeCriterion, LegislativeReview
from .models.pages import NationalPlanPage

COMMITMENT_ACTIONS = ("view", "change", "delete", "publish", "lock", "unlock")

LEAD_AGENCY_ACTIONS = ("view", "change", "lock", "unlock")
SUPPORTING_AGENCY_ACTIONS = ("view",)
COORDINATOR_ACTIONS = ("view", "change", "delete", "lock", "unlock")
REVIEWER_ACTIONS = ("view", "change", "publish")
VIEWER_ACTIONS = ("view",)

# Page permissions on a country's plan pages (Wagtail GroupPagePermission codenames).
COORDINATOR_PAGE_PERMISSIONS = ("change_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = ("change_page", "publish_page", "lock_page", "unlock_page")

DRAFTING_ROLES = (Membership.Role.DRAFTER, Membership.Role.HEAD)


def commitment_grants(commitment: Commitment) -> dict[int, tuple[str, ...]]:
    """Which group gets which actions on this commitment, from its working copy.

    The working copy is the latest revision: a lead agency reassigned in a draft moves
    the rights at once, before the change is published.
    """
    working = commitment
    if commitment.latest_revision_id:
        working = commitment.get_latest_revision_as_object()
    country = working.plan.country
    grants: dict[int, set[str]] = {}

    def give(group_id, actions):
        grants.setdefault(group_id, set()).update(actions)

    give(country.coordinators_group_id, COORDINATOR_ACTIONS)
    give(country.reviewers_group_id, REVIEWER_ACTIONS)
    give(country.viewers_group_id, VIEWER_ACTIONS)
    lead = Agency.objects.only("group_id").get(pk=working.lead_agency_id)
    give(lead.group_id, LEAD_AGENCY_ACTIONS)
    supporting_ids = [a.pk for a in working.supporting_agencies.all()]
    for group_id in Agency.objects.filter(pk__in=supporting_ids).values_list("group_id", flat=True):
        give(group_id, SUPPORTING_AGENCY_ACTIONS)
    return {group_id: tuple(sorted(actions)) for group_id, actions in grants.items()}


def _checker(user) -> ObjectPermissionChecker:
    # Cached on the user object, like ModelBackend's own permission cache, so that a
    # listing can prefetch every row's permissions in one query.
    checker = getattr(user, "_commitment_permission_checker", None)
    if checker is None:
        checker = ObjectPermissionChecker(user)
        user._commitment_permission_checker = checker
    return checker


def prefetch_commitment_permissions(*, user, commitments) -> None:
    """One query for the object permissions of a page of listing rows."""
    if is_active_user(user) and not user.is_superuser:
        commitments = [c for c in commitments if c.pk]
        if commitments:
            _checker(user).prefetch_perms(commitments)


# --- Questions the rest of the code asks -------------------------------------------


def memberships_that_draft(user):
    return Membership.objects.filter(
        user=user, role__in=[*DRAFTING_ROLES, Membership.Role.COORDINATOR]
    )


def agencies_user_may_lead_for(*, user):
    """Agencies a new commitment of this user's may be led by."""
    if not is_active_user(user):
        return Agency.objects.none()
    active = Agency.objects.filter(is_active=True).select_related("country")
    if user.is_superuser:
        return active
    drafting = Membership.objects.filter(user=user, role__in=DRAFTING_ROLES).values("agency")
    return active.filter(country__in=coordinated_countries(user=user)) | active.filter(
        pk__in=drafting
    )


def plans_user_may_add_to(*, user):
    if not is_active_user(user):
        return NationalPlanPage.objects.none()
    plans = NationalPlanPage.objects.originals().select_related("country")
    if user.is_superuser:
        return plans
    countries = memberships_that_draft(user).values("agency__country")
    return plans.filter(country__in=countries)


def plans_user_may_view(*, user):
    """Plans whose admin overview the user may read: every member of the country."""
    if not is_active_user(user):
        return NationalPlanPage.objects.none()
    plans = NationalPlanPage.objects.originals().select_related("country").order_by("-period_start")
    if user.is_superuser:
        return plans
    return plans.filter(country__in=Membership.objects.filter(user=user).values("agency__country"))


def user_can_view_plan(*, user, plan) -> bool:
    return plans_user_may_view(user=user).filter(pk=plan.pk).exists()


def user_can_view_plan_gaps(*, user, plan) -> bool:
    """The gap analysis reads every commitment of the plan, drafts and internal ones
    included: the country's coordinators and reviewers (who see all of them) and
    superusers, nobody else."""
    return user_coordinates(user=user, country_id=plan.country_id) or user_reviews(
        user=user, country_id=plan.country_id
    )


def user_can_add_commitments(*, user) -> bool:
    if not is_active_user(user):
        return False
    return user.is_superuser or memberships_that_draft(user).exists()


def user_can_add_commitment(*, user, plan, lead_agency) -> bool:
    if not is_active_user(user):
        return False
    if user.is_superuser:
        return True
    return (
        plans_user_may_add_to(user=user).filter(pk=plan.pk).exists()
        and agencies_user_may_lead_for(user=user).filter(pk=lead_agency.pk).exists()
    )


def plans_user_may_import_into(*, user):
    """Importing writes a whole plan's commitments at once: coordinators' work only."""
    if not is_active_user(user):
        return NationalPlanPage.objects.none()
    plans = NationalPlanPage.objects.originals().select_related("country").order_by("-period_start")
    if user.is_superuser:
        return plans
    return plans.filter(country__in=coordinated_countries(user=user))


def user_may_import(*, user) -> bool:
    """For the admin menu, asked on every page (the page itself checks the plan)."""
    return coordinates_any_country(user=user)


def user_can_import_into_plan(*, user, plan) -> bool:
    return user_coordinates(user=user, country_id=plan.country_id)


def user_may_translate_plan(*, user, plan) -> bool:
    """A country's coordinators start, edit and submit the translations of its plans.

    Submitting goes through the country's review like any change of the plan page, so
    the translation is public only once a reviewer approves it.
    """
    return user_coordinates(user=user, country_id=plan.country_id)


def user_can_set_results_chain(*, user, plan) -> bool:
    """A country's coordinators own its plan's results chain (goal, outcomes, outputs);
    a change reaches the public only through the plan page's review."""
    return user_coordinates(user=user, country_id=plan.country_id)


def user_can_manage_reporting_periods(*, user, plan) -> bool:
    """A country's coordinators open and close its plan's reporting periods; closing one
    publishes the period's annual progress report."""
    return user_coordinates(user=user, country_id=plan.country_id)


def user_can_add_plan(*, user, country) -> bool:
    """A country's coordinators start its plans (in its language)."""
    return user_coordinates(user=user, country_id=country.pk)


def user_can_publish_commitment(*, user, commitment) -> bool:
    """Publishing without review: the site administrator only (everyone else submits)."""
    return bool(is_active_user(user) and user.is_superuser)


def user_can_reassign_lead(*, user, commitment) -> bool:
    """Only coordinators (and superusers) hand a commitment to another agency."""
    return user_coordinates(user=user, country_id=commitment.plan.country_id)


def user_belongs_to_country(*, user, country_id) -> bool:
    return is_active_user(user) and (
        user.is_superuser
        or Membership.objects.filter(user=user, agency__country_id=country_id).exists()
    )


def people_who_may_edit(commitment) -> dict:
    """Whom to ask about a commitment: its lead agency's drafters, the country's coordinators."""
    User = get_user_model()
    country_id = commitment.plan.country_id
    return {
        "drafters": User.objects.filter(
            is_active=True,
            memberships__agency=commitment.lead_agency_id,
            memberships__role__in=DRAFTING_ROLES,
        ).distinct(),
        "coordinators": User.objects.filter(
            is_active=True,
            memberships__agency__country=country_id,
            memberships__role=Membership.Role.COORDINATOR,
        ).distinct(),
    }


def _names(users) -> str:
    return ", ".join(user.get_full_name() or user.get_username() for user in users)


def edit_refusal(*, user, commitment) -> str:
    """Why this user, who may read the commitment, may not change it, and whom to ask."""
    commitment = commitment.get_latest_revision_as_object() if commitment.pk else commitment
    people = people_who_may_edit(commitment)
    ask = _names([*people["drafters"], *people["coordinators"]]) or _("the national coordinator")
    return _(
        "Led by %(agency)s: only its drafters and the national coordinator change it. "
        "To suggest a change, ask %(people)s."
    ) % {"agency": commitment.lead_agency, "people": ask}


def commitment_was_published(commitment) -> bool:
    """Once public, a commitment is part of the accountability record: deleting it would
    take it off the public site without review. It is dropped (a status, reviewed) or
    unpublished by a reviewer instead; only superusers delete it."""
    return commitment.live or commitment.first_published_at is not None


def user_can_edit_commitment(*, user, commitment) -> bool:
    return commitment_policy.user_has_permission_for_instance(user, "change", commitment)


# --- The Wagtail permission policy --------------------------------------------------


class CommitmentPermissionPolicy(BasePermissionPolicy):
    def __init__(self, model=Commitment):
        super().__init__(model)

    def _perm(self, action):
        return f"plans.{action}_commitment"

    def user_has_permission(self, user, action):
        """Model-level: may the user do this to at least one commitment?"""
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        if action == "add":
            return user_can_add_commitments(user=user)
        if action not in COMMITMENT_ACTIONS:
            return False
        return (
            user.has_perm(self._perm(action))
            or self.instances_user_has_permission_for(user, action).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        if action == "add":
            return user_can_add_commitment(
                user=user, plan=instance.plan, lead_agency=instance.lead_agency
            )
        if action not in COMMITMENT_ACTIONS:
            return False
        if user.has_perm(self._perm(action)):
            return True
        if instance.pk is None:
            return False
        if action == "delete" and commitment_was_published(instance):
            return False
        return _checker(user).has_perm(f"{action}_commitment", instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not is_active_user(user):
            return Commitment.objects.none()
        if user.is_superuser:
            return Commitment.objects.all()
        perms = [self._perm(a) for a in actions if a in COMMITMENT_ACTIONS]
        if not perms:
            return Commitment.objects.none()
        # Asked by menus, listings and filters several times a request; cached on the user
        # object as Django caches model permissions (each request loads a new user).
        cache = user.__dict__.setdefault("_commitment_ids_by_perms", {})
        key = tuple(sorted(perms))
        if key not in cache:
            granted = get_objects_for_user(
                user, perms, klass=Commitment, any_perm=True, accept_global_perms=True
            )
            cache[key] = list(granted.values_list("pk", flat=True))
        # Guardian compares ids through a Cast, which Wagtail's search backend cannot
        # filter on; a plain id list works everywhere (listing search, chooser search).
        return Commitment.objects.filter(pk__in=cache[key])

    def users_with_any_permission_for_instance(self, actions, instance):
        wanted = {f"{a}_commitment" for a in actions}
        groups = [
            group
            for group, perms in get_groups_with_perms(instance, attach_perms=True).items()
            if wanted & set(perms)
        ]
        users = get_user_model().objects.filter(is_active=True)
        return (users.filter(groups__in=groups) | users.filter(is_superuser=True)).distinct()


commitment_policy = CommitmentPermissionPolicy()


# --- The findings register -----------------------------------------------------------

FINDING_COORDINATOR_ACTIONS = ("view", "add", "change", "delete")


def _member_country_ids(user) -> frozenset[int]:
    """Countries the user has any membership in; cached on the user for the request."""
    cached = user.__dict__.get("_member_country_ids")
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(user=user).values_list("agency__country", flat=True)
        )
        user._member_country_ids = cached
    return cached


def findings_user_may_manage_countries(*, user):
    """Countries whose register the user writes: coordinated ones (all, for superusers)."""
    return coordinated_countries(user=user)


class CountryRegisterPermissionPolicy(BasePermissionPolicy):
    """For what a country keeps about itself (its findings register, its legislative
    review): the country's coordinators create, edit, publish and delete; every other
    member of the country (drafters, heads, reviewers, viewers) reads, since the plan
    answers it; nobody of another country sees anything; superusers do all."""

    def user_has_permission(self, user, action):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        if action == "view":
            return bool(_member_country_ids(user))
        return action in FINDING_COORDINATOR_ACTIONS and coordinates_any_country(user=user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_active_user(user):
            return False
        if user.is_superuser:
            return True
        country_id = instance.country_id
        if action == "view":
            return country_id in _member_country_ids(user)
        return action in FINDING_COORDINATOR_ACTIONS and user_coordinates(
            user=user, country_id=country_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not is_active_user(user):
            return self.model.objects.none()
        if user.is_superuser:
            return self.model.objects.all()
        countries = set()
        if "view" in actions:
            countries |= _member_country_ids(user)
        if set(actions) & set(FINDING_COORDINATOR_ACTIONS) - {"view"}:
            countries |= set(coordinated_countries(user=user).values_list("pk", flat=True))
        return self.model.objects.filter(country__in=countries)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(is_superuser=True)


class FindingPermissionPolicy(CountryRegisterPermissionPolicy):
    def __init__(self, model=Finding):
        super().__init__(model)


def user_can_manage_finding(*, user, finding) -> bool:
    return finding_policy.user_has_permission_for_instance(user, "change", finding)


def findings_user_may_view(*, user):
    return finding_policy.instances_user_has_permission_for(user, "view")


finding_policy = FindingPermissionPolicy()


# --- The legislative review ----------------------------------------------------------


class LegislativeReviewPermissionPolicy(CountryRegisterPermissionPolicy):
    """As the findings register, except that a published review is part of the public
    record: only a superuser deletes it (the coordinator makes it internal first)."""

    def __init__(self, model=LegislativeReview):
        super().__init__(model)

    def user_has_permission(self, user, action):
        # One review per country: "add" only while a coordinated country has none.
        if action == "add" and is_active_user(user) and not user.is_superuser:
            countries = legislative_review_countries_user_may_manage(user=user)
            return countries.filter(legislative_review__isnull=True).exists()
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.public and not getattr(user, "is_superuser", False):
            return False
        return super().user_has_permission_for_instance(user, action, instance)


legislative_review_policy = LegislativeReviewPermissionPolicy()


def user_can_manage_legislative_review(*, user, review) -> bool:
    """Write the review, its assessments and bills, and publish it: the coordinators of its
    country (and superusers)."""
    return legislative_review_policy.user_has_permission_for_instance(user, "change", review)


def user_can_view_legislative_review(*, user, review) -> bool:
    return legislative_review_policy.user_has_permission_for_instance(user, "view", review)


def legislative_review_countries_user_may_manage(*, user):
    return coordinated_countries(user=user)


REFERENCE_MODELS = (
    Framework,
    Domain,
    Capability,
    InspireStrategy,
    MaturityLevel,
    LegislativeCriterion,
)
REFERENCE_MODELS = (Framework, Domain, Capability, InspireStrategy, MaturityLevel)


# --- Consultation rounds ---------------------------------------------------------------
#
# The plan's country's coordinators open a round, answer its comments, close it and
# publish its summary. Members of the agencies consulted read the round and comment (and
# change their own comment while they may still comment). Nobody else reads it: not
# another country, not an agency of the same country that was not consulted.


def user_can_open_consultation(*, user, plan) -> bool:
    return user_coordinates(user=user, country_id=plan.country_id)


def user_can_manage_consultation(*, user, consultation) -> bool:
    """Answer comments, close the round, publish its summary."""
    return user_coordinates(user=user, country_id=consultation.plan.country_id)


def agencies_user_speaks_for(*, user, consultation):
    """The consulted agencies the user is a member of (whose voice their comment is)."""
    if not is_active_user(user):
        return Agency.objects.none()
    return consultation.agencies.filter(memberships__user=user).order_by("name").distinct()


def user_can_comment_in_consultation(*, user, consultation) -> bool:
    """Who may comment; whether the round still takes comments is the service's question."""
    return agencies_user_speaks_for(user=user, consultation=consultation).exists()


def user_can_view_consultation(*, user, consultation) -> bool:
    return user_can_manage_consultation(
        user=user, consultation=consultation
    ) or user_can_comment_in_consultation(user=user, consultation=consultation)


def user_can_edit_consultation_comment(*, user, comment) -> bool:
    """The author, while still a member of a consulted agency."""
    return (
        is_active_user(user)
        and comment.author_id == user.pk
        and user_can_comment_in_consultation(user=user, consultation=comment.round)
    )


def consultations_user_may_view(*, user, plan):
    rounds = ConsultationRound.objects.filter(plan=plan)
    if not is_active_user(user):
        return rounds.none()
    if user_coordinates(user=user, country_id=plan.country_id):
        return rounds
    return rounds.filter(agencies__memberships__user=user).distinct()
