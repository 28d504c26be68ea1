"""Writes to the stakeholder registry.

Every write goes through here, from the admin and from the demo loader alike, so that
groups, history and validation cannot drift apart. Each function validates with
`full_clean()` (bad input raises `ValidationError` and changes nothing), runs in one
transaction, and records a django-reversion revision with who did it and why.
"""

from contextlib import contextmanager

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log

from home import outbox

from . import permissions
from .models import Agency, Country, Membership
from .tasks import send_invitation

# Group fields each model owns; excluded from full_clean() because they are filled here.
COUNTRY_GROUP_FIELDS = ("coordinators_group", "reviewers_group", "viewers_group")
AGENCY_GROUP_FIELDS = ("group", "heads_group")

# Which of the country's or agency's groups each role puts a person in.
ROLE_GROUPS = {
    Membership.Role.COORDINATOR: ("country", "coordinators_group"),
    Membership.Role.REVIEWER: ("country", "reviewers_group"),
    Membership.Role.VIEWER: ("country", "viewers_group"),
    Membership.Role.DRAFTER: ("agency", "group"),
    Membership.Role.HEAD: ("agency", "group", "heads_group"),
}

# A group is managed here, and so rewritten by sync, when a country or agency owns it.
MANAGED_GROUP_Q = (
    Q(coordinated_country__isnull=False)
    | Q(reviewed_country__isnull=False)
    | Q(viewed_country__isnull=False)
    | Q(agency__isnull=False)
    | Q(headed_agency__isnull=False)
)


@contextmanager
def _revision(*, actor, comment):
    with reversion.create_revision():
        if actor is not None and actor.is_authenticated:
            reversion.set_user(actor)
        if comment:
            reversion.set_comment(comment)
        yield


def _audit_data(*, country=None, agency=None, role=None) -> dict:
    """What the country's activity report filters log entries on (they outlive the rows)."""
    country = country or agency.country
    data = {"country": country.code}
    if agency is not None:
        data["agency"] = agency.pk
    if role is not None:
        data["role"] = role
    return data


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _country_group_names(country: Country) -> dict[str, str]:
    return {
        "coordinators_group": f"{country.name}: national coordinators",
        "reviewers_group": f"{country.name}: reviewers",
        "viewers_group": f"{country.name}: viewers",
    }


def _agency_group_names(agency: Agency) -> dict[str, str]:
    # Group names are unique in Django; agency names are unique per country, so the
    # country prefix keeps them unique. Truncated to fit Group.name (150 characters).
    label = f"{agency.country.name}: {agency.name}"[:130]
    return {"group": f"{label}: members", "heads_group": f"{label}: heads"}


def _attach_groups(instance, names: dict[str, str]) -> None:
    """Create missing owned groups (with admin access) and keep names in step."""
    access = None
    for field, name in names.items():
        group = getattr(instance, field, None) if getattr(instance, f"{field}_id") else None
        if group is None:
            group = Group.objects.create(name=name)
            access = access or _admin_access()
            group.permissions.add(access)
            setattr(instance, field, group)
        elif group.name != name:
            group.name = name
            group.save(update_fields=["name"])


@transaction.atomic
def country_save(*, country: Country, actor=None, comment: str = "") -> Country:
    """Create or update a country, creating its coordinator, reviewer and viewer groups."""
    country.full_clean(exclude=COUNTRY_GROUP_FIELDS)
    action = "wagtail.edit" if country.pk else "wagtail.create"
    with _revision(actor=actor, comment=comment or "Saved country"):
        _attach_groups(country, _country_group_names(country))
        country.save()
        for agency in country.agencies.select_related("group", "heads_group"):
            _attach_groups(agency, _agency_group_names(agency))
    log(instance=country, action=action, user=actor, data=_audit_data(country=country))
    return country


@transaction.atomic
def agency_save(*, agency: Agency, actor=None, comment: str = "") -> Agency:
    """Create or update an agency, creating the group its members and heads act through."""
    agency.full_clean(exclude=AGENCY_GROUP_FIELDS)
    if agency.pk:
        saved = Agency.objects.get(pk=agency.pk)
        changed = [
            f for f in permissions.AGENCY_PUBLIC_FIELDS if getattr(saved, f) != getattr(agency, f)
        ]
        if refusal := permissions.agency_change_refusal(
            user=actor, agency=saved, changed_fields=changed
        ):
            raise PermissionDenied(refusal)
    default_comment = "Edited agency" if agency.pk else "Added agency"
    action = "wagtail.edit" if agency.pk else "wagtail.create"
    with _revision(actor=actor, comment=comment or default_comment):
        _attach_groups(agency, _agency_group_names(agency))
        agency.save()
    log(instance=agency, action=action, user=actor, data=_audit_data(agency=agency))
    return agency


def _groups_for(memberships) -> set[int]:
    wanted = set()
    for membership in memberships:
        owner_kind, *fields = ROLE_GROUPS[membership.role]
        owner = membership.agency.country if owner_kind == "country" else membership.agency
        wanted.update(getattr(owner, f"{field}_id") for field in fields)
    return wanted


def sync_user_groups(*, user) -> None:
    """Make the user's country and agency groups exactly those their memberships imply.

    Groups not owned by a country or agency (set by hand for staff) are left alone.
    Idempotent: it recomputes from the memberships every time.
    """
    memberships = Membership.objects.filter(user=user).select_related("agency__country")
    wanted = _groups_for(memberships)
    current = set(user.groups.filter(MANAGED_GROUP_Q).values_list("pk", flat=True))
    if stale := current - wanted:
        user.groups.remove(*stale)
    if missing := wanted - current:
        user.groups.add(*missing)


def _check_membership_rights(*, actor, membership: Membership) -> None:
    """A membership is a grant of rights: the actor must be allowed to hold it in their
    hands as it was and as it will be (`permissions.membership_refusal`)."""
    if actor is None:
        return  # the system: the demo loader, bundles, migrations
    states = [membership]
    if membership.pk:
        states += Membership.objects.filter(pk=membership.pk).select_related("agency")
    for state in states:
        if refusal := permissions.membership_refusal(user=actor, membership=state):
            raise PermissionDenied(refusal)


@transaction.atomic
def membership_save(*, membership: Membership, actor=None, comment: str = "") -> Membership:
    """Create or change a membership (role, agency, even user) and re-sync groups.

    Refused (PermissionDenied) when the actor may not grant the membership as it was or
    as it will be; a revert of an old version comes through here too.
    """
    membership.full_clean()
    _check_membership_rights(actor=actor, membership=membership)
    previous_user_id = None
    if membership.pk:
        previous_user_id = (
            Membership.objects.filter(pk=membership.pk).values_list("user_id", flat=True).first()
        )
    default_comment = "Changed membership" if membership.pk else "Added membership"
    action = "wagtail.edit" if membership.pk else "wagtail.create"
    with _revision(actor=actor, comment=comment or default_comment):
        membership.save()
    log(
        instance=membership,
        action=action,
        user=actor,
        data=_audit_data(agency=membership.agency, role=membership.role),
    )
    sync_user_groups(user=membership.user)
    if previous_user_id and previous_user_id != membership.user_id:
        sync_user_groups(user=type(membership.user).objects.get(pk=previous_user_id))
    return membership


def membership_create(*, user, agency: Agency, role: str, actor=None, comment="") -> Membership:
    return membership_save(
        membership=Membership(user=user, agency=agency, role=role), actor=actor, comment=comment
    )


@transaction.atomic
def membership_delete(*, membership: Membership, actor=None, comment: str = "") -> None:
    """End a membership; the person loses the rights it gave at once."""
    _check_membership_rights(actor=actor, membership=membership)
    user = membership.user
    log(
        instance=membership,
        action="wagtail.delete",
        user=actor,
        data=_audit_data(agency=membership.agency, role=membership.role),
    )
    with _revision(actor=actor, comment=comment or "Removed membership"):
        membership.delete()
    sync_user_groups(user=user)


# --- Inviting a person -----------------------------------------------------------------

# The audit log's action for an invitation (registered in wagtail_hooks).
INVITE = "stakeholders.invite"
INVITE_EMAIL_TAKEN = (
    "An account with this e-mail address exists already. If the person works for your "
    "country, add a membership for them; otherwise ask the site administrator."
)


@transaction.atomic
def person_invite(
    *, actor, agency: Agency, role: str, email: str, first_name: str = "", last_name: str = ""
) -> Membership:
    """Create an account with a membership, and e-mail the person a link to set a password.

    The account has no usable password until they follow the link, so nobody (the
    inviter included) can sign in as them; a role that needs two-factor authentication
    asks them to set it up at their first sign-in.
    """
    email = (email or "").strip().lower()
    validate_email(email)
    User = get_user_model()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise ValidationError({"email": INVITE_EMAIL_TAKEN})
    prospective = Membership(agency=agency, role=role)
    if refusal := permissions.membership_refusal(user=actor, membership=prospective):
        raise PermissionDenied(refusal)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    membership = membership_create(
        user=user, agency=agency, role=role, actor=actor, comment="Invited"
    )
    log(
        instance=membership,
        action=INVITE,
        user=actor,
        data={**_audit_data(agency=agency, role=role), "email": email},
    )
    outbox.send_on_commit(send_invitation, membership.pk, getattr(actor, "pk", None))
    return membership
