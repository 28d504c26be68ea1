"""The checker finds each term as a whole word, in its usual spellings, and nothing else."""

import pytest
from wagtail import blocks
from wagtail.rich_text import RichText

from terminology.checker import TermRule, find_in_text, find_in_value
from terminology.selectors import active_rules

pytestmark = pytest.mark.django_db


def found(text, rules=None, **kwargs):
    rules = active_rules() if rules is None else rules
    return [(m.rule.phrase, m.text) for m in find_in_text(text, rules, **kwargs)]


def test_every_term_to_avoid_is_found_in_plain_text(avoid_terms):
    for term in avoid_terms:
        text = f"The plan addresses {term.phrase} in every region."
        assert found(text) == [(term.phrase, term.phrase)], term.phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Paedophiles", "paedophile"),
        ("pedophile", "paedophile"),
        ("PEDOPHILES", "paedophile"),
        ("a paedophile's profile", "paedophile"),
        ("child-pornography", "child pornography"),
        ("child\u00a0pornography", "child pornography"),
        ("child porn", "child pornography"),
        ("child prostitutes", "child prostitute"),
        ("sextortions", "sextortion"),
        ("Child Sex-Tourism", "child sex tourism"),
        ("child sex tourists", "child sex tourism"),
    ],
)
def test_plurals_spellings_and_hyphens_are_found(text, phrase):
    assert [p for p, _ in found(f"About {text}.")] == [phrase]


def test_the_longest_term_wins_where_two_overlap():
    assert found("Stop webcam child sex tourism.") == [
        ("webcam child sex tourism", "webcam child sex tourism")
    ]


def test_the_agreed_terms_are_never_findings(avoid_terms):
    rules = [r for r in active_rules() if r.kind == "avoid"]
    for term in avoid_terms:
        assert found(term.replacement, rules) == [], term.replacement
    agreed = (
        "child sexual abuse material, sexual extortion of children, child sex offender, "
        "live streaming of child sexual abuse, children exploited in prostitution"
    )
    assert found(agreed, rules) == []


@pytest.mark.parametrize(
    "text",
    [
        "clientele",
        "sextortionist",
        "pornographic",
        "child pornographyx",
        "grandchild prostitution-free",  # "grandchild" is not "child"
        "xpaedophiles",
    ],
)
def test_words_that_merely_contain_a_term_are_not_findings(text):
    assert found(text) == []


def test_care_terms_are_found_but_never_block():
    matches = find_in_text("Define grooming and sexting.", active_rules())
    assert [m.rule.kind for m in matches] == ["care", "care"]


def test_a_term_inside_an_accepted_quotation_is_marked_quoted():
    text = "Amend the Anti-Child Pornography Act of 2009; child pornography is outdated."
    matches = find_in_text(text, active_rules(), quotations=["Anti-Child Pornography Act of 2009"])
    assert [(m.text, m.quoted) for m in matches] == [
        ("Child Pornography", True),
        ("child pornography", False),
    ]


def test_the_term_alone_is_not_a_quotation():
    matches = find_in_text("child pornography", active_rules(), quotations=["child pornography"])
    assert [m.quoted for m in matches] == [False]


def test_rich_text_is_read_without_its_markup():
    html = "<p>Remove <b>child</b> <i>pornography</i> &amp; <a href='x'>paedophile</a></p>"
    assert [m.text for m in find_in_value(html, active_rules(), rich=True)] == [
        "child pornography",
        "paedophile",
    ]
    assert [m.text for m in find_in_value(RichText(html), active_rules())] == [
        "child pornography",
        "paedophile",
    ]


def test_stream_values_are_walked_block_by_block(avoid_terms):
    # The project has no StreamField yet: this checks the stream walking on a real
    # StreamValue, so that the first StreamField added is covered.
    stream = blocks.StreamBlock(
        [
            ("heading", blocks.CharBlock()),
            ("text", blocks.RichTextBlock()),
            (
                "action",
                blocks.StructBlock(
                    [("title", blocks.CharBlock()), ("steps", blocks.ListBlock(blocks.TextBlock()))]
                ),
            ),
        ]
    )
    for term in avoid_terms:
        value = stream.to_python(
            [
                {"type": "heading", "value": "Clean heading"},
                {"type": "text", "value": f"<p>Tackle <b>{term.phrase}</b></p>"},
                {
                    "type": "action",
                    "value": {"title": f"Act on {term.phrase}s", "steps": ["one", term.phrase]},
                },
            ]
        )
        texts = [m.text.lower() for m in find_in_value(value, active_rules())]
        assert len(texts) == 3, (term.phrase, texts)
        raw = [{"type": "text", "value": f"<p>{term.phrase}</p>", "id": "x"}]
        assert len(find_in_value(raw, active_rules(), rich=True)) == 1


def test_another_language_uses_its_listed_spellings():
    rule = TermRule(
        phrase="pornografía infantil", language="es", variants=("pornografia infantil",)
    )
    assert len(find_in_text("Ley contra la pornografía infantil", [rule])) == 1
    assert len(find_in_text("pornografia-infantil", [rule])) == 1
