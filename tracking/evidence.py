"""Evidence documents live in one private collection per country.

Wagtail serves a document to anyone with its URL unless its collection is restricted;
evidence is internal, so each country's collection is restricted to that country's
groups, and only those groups may add or choose documents there. The file types allowed
are WAGTAILDOCS_EXTENSIONS (Wagtail refuses others at upload).
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from stakeholders.models import Agency

DOCUMENT_PERMISSIONS = ("add_document", "choose_document")


def country_groups(country):
    groups = [country.coordinators_group, country.reviewers_group, country.viewers_group]
    for agency in Agency.objects.filter(country=country).select_related("group", "heads_group"):
        groups += [agency.group, agency.heads_group]
    return groups


def _collection_name(country) -> str:
    return f"Evidence: {country.name}"


def evidence_collection_of(*, country) -> Collection | None:
    """The country's evidence collection, if it has one yet (read only)."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=_collection_name(country)).first() if root else None


def is_country_evidence(*, document, country) -> bool:
    """Only the country's own evidence may back its reports: a document id of another
    country's collection would show that document's title and file on the update."""
    collection = evidence_collection_of(country=country)
    return collection is not None and document.collection_id == collection.pk


@transaction.atomic
def country_evidence_collection(*, country) -> Collection:
    """Create or refresh the country's private evidence collection and who may use it."""
    name = _collection_name(country)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=name))
    groups = country_groups(country)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": CollectionViewRestriction.GROUPS},
    )
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(groups)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtaildocs", codename__in=DOCUMENT_PERMISSIONS
    )
    for group in groups:
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    return collection
