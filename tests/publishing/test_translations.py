"""The public pages' UI strings are translated into Arabic, Spanish, French and Swahili.

The .po files are drafts for native-speaker review; these tests only make sure nothing a
visitor sees is left untranslated or fuzzy (Django ignores fuzzy entries), and that the
committed .mo files are the ones Django actually uses.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import make_commitment

LANGUAGES = ["ar", "es", "fr", "sw"]
LOCALE = Path(settings.BASE_DIR) / "locale"

# Strings shown on public pages that come from Python code rather than templates.
PUBLIC_CODE_STRINGS = {
    "Not started",
    "On track",
    "At risk",
    "Delayed",
    "Completed",
    "Dropped",
    "Drafting",
    "Consultation",
    "Adopted",
    "Superseded",
    "English",
    "Arabic",
    "Spanish",
    "French",
    "Swahili",
    "national plan of action",
    "commitment",
    # The plan page's status filter, and the labels of a commitment's public history.
    "Overdue",
    "Title",
    "Due date",
    "Start date",
    "Lead agency",
    "Description",
    "revised",
    "Estimated cost",
    "Indicator added: %(name)s",
    "Target of “%(name)s”",
    "Indicator removed: %(name)s",
    # The legislative review on /compare/ and the plan page: statuses and bills' stages.
    "Met",
    "Partly met",
    "Not met",
    "Not assessed",
    "Drafted",
    "Tabled in parliament",
    "In committee",
    "Passed one chamber",
    "Awaiting assent",
    # A published consultation summary: each round's purpose and each comment's response.
    "Before adoption",
    "Revision",
    "Accepted",
    "Partly accepted",
    "Not accepted",
    # A training's mode and its participants' sex, on a training commitment's page.
    "In person",
    "E-learning",
    "In person and e-learning",
    "Female",
    "Male",
    "Other or not recorded",
    # An indicator's level, frequency and dimensions, and the groups of its figures.
    "Output",
    "Outcome",
    "Impact",
    "Monthly",
    "Quarterly",
    "Half-yearly",
    "Yearly",
    "Once",
    "Sex",
    "Age group",
    "Disability",
    "Region",
    "Training audience",
    "0–5 years",
    "6–11 years",
    "12–14 years",
    "15–17 years",
    "18 years and over",
    "Age not recorded",
    "With a disability",
    "Without a disability",
    "Disability not recorded",
}

# The "Search" and "Skip to content" links of every public page, per language.
EXPECTED = {
    "ar": ("بحث", "الانتقال إلى المحتوى"),
    "es": ("Buscar", "Saltar al contenido"),
    "fr": ("Rechercher", "Aller au contenu"),
    "sw": ("Tafuta", "Ruka hadi maudhui"),
}


def _unquote(lines):
    return "".join(re.match(r'^(?:msg\w+(?:\[\d+\])? )?"(.*)"$', line).group(1) for line in lines)


def parse_po(path):
    """Entries of a .po file as dicts: msgid, msgstrs (list), flags, refs. Stdlib only."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines or all(line.startswith("#~") for line in lines):
            continue
        entry = {"flags": set(), "refs": [], "msgid": None, "msgstrs": []}
        key, parts, fields = None, [], []
        for line in lines:
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#:"):
                entry["refs"].extend(ref.rsplit(":", 1)[0] for ref in line[2:].split())
            elif line.startswith("#"):
                continue
            elif line.startswith("msg"):
                if key:
                    fields.append((key, _unquote(parts)))
                key, parts = line.split(" ", 1)[0], [line]
            else:
                parts.append(line)
        fields.append((key, _unquote(parts)))
        for key, value in fields:
            if key == "msgid":
                entry["msgid"] = value
            elif key.startswith("msgstr"):
                entry["msgstrs"].append(value)
        entries.append(entry)
    return entries


# The site-wide templates, and the public site's own (publishing/templates/).
PUBLIC_TEMPLATES = ("templates/", "publishing/templates/")


def is_public(entry):
    in_public_template = any(
        ref.startswith(PUBLIC_TEMPLATES) and "/wagtailadmin/" not in f"/{ref}"
        for ref in entry["refs"]
    )
    return in_public_template or entry["msgid"] in PUBLIC_CODE_STRINGS


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_string_is_translated_and_not_fuzzy(code):
    entries = parse_po(LOCALE / code / "LC_MESSAGES" / "django.po")
    header, entries = entries[0], entries[1:]
    assert header["msgid"] == "" and "fuzzy" not in header["flags"], "fuzzy header breaks plurals"
    public = [entry for entry in entries if is_public(entry)]
    assert len(public) > 60
    assert not PUBLIC_CODE_STRINGS - {entry["msgid"] for entry in public}
    untranslated = [e["msgid"] for e in public if not all(e["msgstrs"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy


def test_arabic_has_its_six_plural_forms():
    header = parse_po(LOCALE / "ar" / "LC_MESSAGES" / "django.po")[0]["msgstrs"][0]
    assert "Plural-Forms: nplurals=6;" in header
    with translation.override("ar"):
        forms = {
            n: translation.ngettext(
                "%(average)s%% · 1 commitment", "%(average)s%% · %(counter)s commitments", n
            )
            for n in (0, 1, 2, 3, 11, 100)
        }
    assert len(set(forms.values())) == 6, forms


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_is_the_one_django_uses(code):
    assert (LOCALE / code / "LC_MESSAGES" / "django.mo").exists()
    with translation.override(code):
        search, skip = EXPECTED[code]
        assert translation.gettext("Search") == search
        assert translation.gettext("Skip to content") == skip
        assert translation.gettext("On track") != "On track"
        assert translation.gettext("Page not found") != "Page not found"


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_public_pages_speak_the_visitors_language(client, ke_plan, ke_police, code):
    make_commitment(ke_plan, ke_police)
    search, skip = EXPECTED[code]
    with translation.override(code):
        not_started = translation.gettext("Not started")
        map_heading = translation.gettext("MNR capability map")
    html = client.get(f"/{code}/plans/").content.decode()
    assert f'href="/{code}/search/">{search}</a>' in html
    assert skip in html
    html = client.get(f"/{code}/plans/{ke_plan.slug}/").content.decode()
    assert map_heading in html and not_started in html
    assert "Skip to content" not in html and ">Search</a>" not in html


@pytest.mark.django_db
def test_english_stays_english(client, ke_plan, ke_police):
    make_commitment(ke_plan, ke_police)
    html = client.get("/plans/").content.decode()
    assert 'href="/search/">Search</a>' in html and "Skip to content" in html
    html = client.get(f"/plans/{ke_plan.slug}/").content.decode()
    assert "MNR capability map" in html and "Not started" in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_not_found_page_is_translated(client, code):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    with translation.override(code):
        assert translation.gettext("Page not found") in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_filtered_plan_page_and_its_lateness_speak_the_visitors_language(
    client, ke_plan, ke_police, code
):
    make_commitment(ke_plan, ke_police, status="delayed")
    with translation.override(code):
        expected = [
            translation.gettext(text)
            for text in ("At a glance", "Clear filters", "On this page", "Back to the contents")
        ]
    html = client.get(f"/{code}/plans/{ke_plan.slug}/", {"status": "delayed"}).content.decode()
    for text in expected:
        assert text in html
    assert "Clear filters" not in html and "At a glance" not in html
