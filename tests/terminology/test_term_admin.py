"""The terminology list: everyone in the admin reads it, only superusers change it, and
every change is a version."""

import pytest
from django.urls import reverse
from reversion.models import Version

from terminology.models import Term

pytestmark = pytest.mark.django_db


def term_data(term, **changes):
    data = {
        "language": term.language,
        "phrase": term.phrase,
        "kind": term.kind,
        "replacement": term.replacement,
        "reason": term.reason,
        "variants": term.variants,
        "active": "on" if term.active else "",
    }
    data.update(changes)
    return data


def test_superuser_edits_a_term_and_a_version_is_kept(client, superuser):
    term = Term.objects.get(phrase="child pornography")
    client.force_login(superuser)
    response = client.post(
        reverse("terminology:edit", args=[term.pk]),
        term_data(term, variants="child porn\nchild pornographic\nkiddie porn"),
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert "kiddie porn" in term.variants
    version = Version.objects.get_for_object(term).get()
    assert version.revision.user == superuser
    versions = client.get(reverse("terminology_term_versions", args=[term.pk]))
    assert versions.status_code == 200
    assert "Edited term" in versions.content.decode()


@pytest.mark.parametrize("user", ["ke_coordinator", "ke_reviewer", "ke_police_drafter"])
def test_others_read_the_list_but_cannot_change_it(client, request, user):
    user = request.getfixturevalue(user)
    term = Term.objects.get(phrase="sextortion")
    client.force_login(user)
    listing = client.get(reverse("terminology:index"))
    assert listing.status_code == 200
    assert "sexual extortion of children" in listing.content.decode()
    assert client.get(reverse("terminology:inspect", args=[term.pk])).status_code == 200

    # Wagtail answers a refused admin view by redirecting to the dashboard.
    assert client.get(reverse("terminology:edit", args=[term.pk])).status_code == 302
    response = client.post(
        reverse("terminology:edit", args=[term.pk]), term_data(term, replacement="x")
    )
    assert response.status_code == 302
    assert client.post(reverse("terminology:add"), term_data(term, phrase="y")).status_code == 302
    assert client.post(reverse("terminology:delete", args=[term.pk])).status_code == 302
    term.refresh_from_db()
    assert term.replacement == "sexual extortion of children"
    assert not Term.objects.filter(phrase="y").exists()


def test_a_term_to_avoid_needs_a_replacement(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("terminology:add"),
        {"language": "en", "phrase": "child abuse images", "kind": "avoid", "active": "on"},
    )
    assert response.status_code == 200
    assert not Term.objects.filter(phrase="child abuse images").exists()
