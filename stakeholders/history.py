"""Reading and reverting django-reversion history of the registry's plain models."""

from django.http import Http404
from reversion.models import Version
from wagtail.permissions import policy_registry

from . import services
from .models import Agency, Country, Membership

MODELS = {"country": Country, "agency": Agency, "membership": Membership}
SAVE = {
    Country: lambda instance, actor, comment: services.country_save(
        country=instance, actor=actor, comment=comment
    ),
    Agency: lambda instance, actor, comment: services.agency_save(
        agency=instance, actor=actor, comment=comment
    ),
    Membership: lambda instance, actor, comment: services.membership_save(
        membership=instance, actor=actor, comment=comment
    ),
}


def model_for(model_name):
    try:
        return MODELS[model_name]
    except KeyError:
        raise Http404 from None


def user_can_view_versions(*, user, instance) -> bool:
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "view", instance)


def user_can_revert(*, user, instance) -> bool:
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def versions_with_changes(instance):
    """Newest first: each version with the fields that differ from the one before it."""
    versions = list(
        Version.objects.get_for_object(instance).select_related("revision__user").order_by("pk")
    )
    rows, previous = [], {}
    for version in versions:
        fields = version.field_dict
        changes = [
            (name, previous.get(name), value)
            for name, value in fields.items()
            if name not in ("id", "created_at", "updated_at") and previous.get(name) != value
        ]
        rows.append({"version": version, "changes": changes if previous else []})
        previous = fields
    return list(reversed(rows))


def revert(*, instance, version, actor):
    """Restore the field values of an older version, as a new change through the service."""
    fields = version.field_dict
    for field in instance._meta.concrete_fields:
        if field.primary_key or not field.editable or field.attname not in fields:
            continue
        setattr(instance, field.attname, fields[field.attname])
    when = version.revision.date_created.strftime("%Y-%m-%d %H:%M")
    # Validation still applies: a revert that would break a rule raises ValidationError.
    return SAVE[type(instance)](instance, actor, f"Reverted to the version of {when}")
