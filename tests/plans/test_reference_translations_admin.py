"""Superusers edit the framework's names in every language on the reference data's own
forms; each change is a version; nobody else changes them."""

import pytest
from django.urls import reverse
from reversion.models import Version
from wagtail.test.utils.form_data import querydict_from_html

from plans.models import Capability, InspireStrategy

pytestmark = pytest.mark.django_db


def edit_form(client, user, url):
    client.force_login(user)
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name in [n for n in data if n.startswith("draft_")]:
        data[name] = "on"  # a ticked box without a value attribute, as a browser sends it
    return data


def test_the_form_shows_each_language_with_its_source_and_draft_mark(client, superuser):
    strategy = InspireStrategy.objects.get(framework__code="INSPIRE", number=2)
    client.force_login(superuser)
    html = client.get(reverse("inspire_strategies:edit", args=[strategy.pk])).content.decode()
    assert "Name (Spanish)" in html and "Normas y valores" in html
    assert "Source of the name (Spanish)" in html and "OPS/OMS" in html
    data = edit_form(client, superuser, reverse("inspire_strategies:edit", args=[strategy.pk]))
    assert "draft_es" not in data, "a published name is not a draft"
    assert "draft_ar" in data


def test_a_superuser_corrects_a_translation_and_it_becomes_a_version(client, superuser):
    capability = Capability.objects.get(framework__code="MNR-2016", number=9)
    url = reverse("capabilities:edit", args=[capability.pk])
    data = edit_form(client, superuser, url)
    data["name_sw"] = "Nguvu kazi ya ulinzi wa mtoto"
    data.pop("draft_sw", None)  # reviewed by a native speaker
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    capability.refresh_from_db()
    assert capability.name_in("sw") == "Nguvu kazi ya ulinzi wa mtoto"
    assert not capability.is_draft_in("sw")
    assert capability.name_in("es") == "Personal de protección de la infancia", "others stay"

    assert Version.objects.get_for_object(capability).count() == 1
    data = edit_form(client, superuser, url)
    data["name_sw"] = "Wafanyakazi wa ulinzi wa watoto"
    assert client.post(url, data).status_code == 302
    versions = client.get(reverse("reference_versions", args=["capability", capability.pk]))
    assert versions.status_code == 200
    html = versions.content.decode()
    assert "Wafanyakazi wa ulinzi wa watoto" in html and "root" in html


def test_renaming_in_english_leaves_the_translations_stale_until_confirmed(client, superuser):
    capability = Capability.objects.get(framework__code="MNR-2016", number=13)
    url = reverse("capabilities:edit", args=[capability.pk])
    data = edit_form(client, superuser, url)
    data["name"] = "Education and awareness programme"
    assert client.post(url, data).status_code == 302
    capability.refresh_from_db()
    assert capability.name_in("fr") == "Education and awareness programme"
    assert "the English name has changed since" in client.get(url).content.decode()

    assert client.post(url, edit_form(client, superuser, url)).status_code == 302
    capability.refresh_from_db()
    assert capability.name_in("fr") == "Programme d'éducation"


def test_a_drafter_cannot_change_a_translation(client, ke_police_drafter):
    capability = Capability.objects.get(framework__code="MNR-2016", number=11)
    client.force_login(ke_police_drafter)
    url = reverse("capabilities:edit", args=[capability.pk])
    response = client.post(url, {"name": capability.name, "name_es": "Otra cosa"})
    assert response.status_code == 302
    capability.refresh_from_db()
    assert capability.name_in("es") == "Línea de ayuda a la infancia"
    versions = client.get(reverse("reference_versions", args=["capability", capability.pk]))
    assert versions.status_code == 200, "everyone in the admin reads the reference data"
