"""Spanish, French and Arabic text is checked against its own list of the Luxembourg
Guidelines' terms, with the spellings, inflections and script those languages need."""

import pytest
from wagtail.models import Locale

from terminology.checker import find_in_text
from terminology.models import Term
from terminology.selectors import active_rules, findings_for_instance, languages_for

from ..factories import CountryFactory, make_plan

pytestmark = pytest.mark.django_db


def found(text, language):
    return [(m.rule.phrase, m.text) for m in find_in_text(text, active_rules(languages=[language]))]


@pytest.mark.parametrize("language", ["es", "fr", "ar"])
def test_each_language_has_its_terms_to_avoid_with_the_agreed_alternative(language):
    terms = Term.objects.filter(language=language, kind="avoid", active=True)
    assert terms.count() >= 5
    for term in terms:
        assert term.replacement, term.phrase
        assert found(f"« {term.phrase} »", language) == [(term.phrase, term.phrase)], term.phrase
        assert found(term.replacement, language) == [], term.replacement


def test_terms_without_a_published_source_are_drafts():
    assert not Term.objects.filter(language="ar", draft=False).exists()
    assert not Term.objects.filter(draft=False, source="").exists()
    spanish = Term.objects.get(language="es", phrase="pornografía infantil")
    assert not spanish.draft and "INTERPOL" in spanish.source
    assert (
        Term.objects.filter(language="en").exclude(source="").count()
        == Term.objects.filter(language="en").count()
    )


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("PORNOGRAFIA INFANTIL", "pornografía infantil"),  # capitals without accents
        ("pornografías infantiles", "pornografía infantil"),
        ("pornografía\u00a0infantil", "pornografía infantil"),
        ("pornografi\u0301a infantil", "pornografía infantil"),  # a decomposed accent
        ("porno infantil", "pornografía infantil"),
        ("la prostitución de menores", "prostitución infantil"),
        ("niñas prostitutas", "niño prostituto"),
        ("los niños prostitutos", "niño prostituto"),
        ("turismo sexual con menores", "turismo sexual infantil"),
        ("Sextorsion", "sextorsión"),
        ("pedófilas", "pedófilo"),
    ],
)
def test_spanish_accents_gender_and_number(text, phrase):
    assert [p for p, _ in found(f"Contra {text}.", "es")] == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("PÉDOPORNOGRAPHIE", "pédopornographie"),
        ("des contenus pédopornographiques", "pédopornographie"),
        ("la pornographie enfantine", "pédopornographie"),
        ("des enfants prostituées", "enfant prostitué"),
        ("l’enfant prostitué", "enfant prostitué"),
        ("les pedophiles", "pédophile"),
        ("la prostitution des mineurs", "prostitution enfantine"),
    ],
)
def test_french_accents_gender_number_and_elision(text, phrase):
    assert [p for p, _ in found(f"Contre {text}.", "fr")] == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("المواد الإباحية للأطفال", "المواد الإباحية للأطفال"),
        ("والمواد الاباحيه للاطفال", "المواد الإباحية للأطفال"),  # and-, no hamza, ha
        ("المَوادّ الإباحيّة للأطفال", "المواد الإباحية للأطفال"),  # short vowels
        ("المـواد الإباحية للأطفال", "المواد الإباحية للأطفال"),  # tatweel
        ("وبغاء الأطفال", "بغاء الأطفال"),
        ("دعارة الأطفال", "بغاء الأطفال"),
        ("\ufe8e\ufee0\ufee4\ufeed\ufe8d\ufea9 الإباحية للأطفال", "المواد الإباحية للأطفال"),
    ],
)
def test_arabic_prefixes_vowels_and_letter_forms(text, phrase):
    assert [p for p, _ in found(f"مكافحة {text} في كل مكان.", "ar")] == [phrase]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("la pornografía en adultos; infantil", "es"),
        ("clientela", "es"),
        ("niños protegidos", "es"),
        ("pédopornographiquement", "fr"),
        ("clientèle", "fr"),
        ("الأطفالية", "ar"),
    ],
)
def test_words_that_merely_look_alike_are_not_findings(text, language):
    assert found(text, language) == []


def test_english_rules_are_unchanged_by_the_other_languages():
    assert found("Paedophiles and child porn.", "en") == [
        ("paedophile", "Paedophiles"),
        ("child pornography", "child porn"),
    ]
    assert found("pédophile", "en") == []


def test_text_is_checked_in_the_language_it_is_written_in(kenya):
    """A Kenyan plan (English) is checked in English; its French translation in French too."""
    peru = CountryFactory(code="pe", name="Peru", default_language="es")
    assert languages_for(make_plan(peru)) == ("en", "es")
    plan = make_plan(kenya)
    assert languages_for(plan) == ("en",)
    plan.locale = Locale.objects.get_or_create(language_code="fr")[0]  # as its translation
    plan.summary = "<p>Lutter contre la pédopornographie.</p>"
    assert languages_for(plan) == ("en", "fr")
    assert [f.text for f in findings_for_instance(plan)] == ["pédopornographie"]
