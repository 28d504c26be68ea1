"""Search finds only the published version's translations: a translation added or changed
in a draft revision, or on a commitment never published, is found by nobody."""

import re

import pytest

from plans import services

from ..factories import make_commitment

pytestmark = pytest.mark.django_db


def results(client, query, prefix=""):
    """The results listed (not the summary, which says the words back)."""
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode().split("</form>")[1].split("</main>")[0]
    return re.sub(
        r"</?mark>", "", "".join(re.findall(r'<ul class="search-results">.*?</ul>', html, re.S))
    )


def test_a_translation_in_an_unpublished_draft_is_not_found(client, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Forensics laboratory")
    services.commitment_translate(
        actor=None,
        commitment=commitment,
        language_code="es",
        title="Laboratorio quimerasecreta",
        description="Texto borrador zafirosecreto",
    )
    for prefix in ("", "/es"):
        for word in ("quimerasecreta", "zafirosecreto", "quimeras"):
            html = results(client, word, prefix)
            assert "Forensics" not in html and "Laboratorio" not in html, (prefix, word)
    # The live version is still found, in English.
    assert "Forensics laboratory" in results(client, "Forensics", "/es")


def test_a_draft_change_of_a_published_translation_is_not_found(client, ke_plan, ke_police):
    commitment = make_commitment(ke_plan, ke_police, title="Forensics laboratory")
    services.commitment_translate(
        actor=None,
        commitment=commitment,
        language_code="es",
        title="Laboratorio forense",
        publish=True,
    )
    services.commitment_translate(
        actor=None, commitment=commitment, language_code="es", title="Laboratorio quimerasecreta"
    )
    assert "quimerasecreta" not in results(client, "quimerasecreta", "/es")
    html = results(client, "forense", "/es")
    assert "Laboratorio forense" in html and "quimerasecreta" not in html


def test_translations_of_an_unpublished_commitment_are_not_found(client, ke_plan, ke_police):
    make_commitment(
        ke_plan,
        ke_police,
        title="Never published",
        translations=[{"language_code": "es", "title": "Nunca quimerasecreta"}],
        publish=False,
    )
    for prefix in ("", "/es"):
        assert "Nunca" not in results(client, "quimerasecreta", prefix)


def test_a_translation_removed_when_a_new_version_is_published_is_not_found(
    client, ke_plan, ke_police
):
    commitment = make_commitment(
        ke_plan,
        ke_police,
        title="Forensics laboratory",
        translations=[{"language_code": "es", "title": "Laboratorio quimerasecreta"}],
    )
    assert "Laboratorio" in results(client, "quimerasecreta", "/es")
    services.commitment_translate(
        actor=None,
        commitment=commitment,
        language_code="es",
        title="Laboratorio forense",
        publish=True,
    )
    assert "Laboratorio" not in results(client, "quimerasecreta", "/es")
    assert "Laboratorio forense" in results(client, "forense", "/es")
