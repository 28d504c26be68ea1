"""The terms of the Luxembourg Guidelines (2016) that plans must avoid or use with care."""

from django.db import migrations

CONSENT = "A child cannot consent to it; the term shifts blame onto the child"

TERMS = [
    # phrase, kind, replacement, reason, other spellings
    (
        "child pornography",
        "avoid",
        "child sexual abuse material (CSAM)",
        "The material records the sexual abuse of a child; “pornography” suggests "
        "consent and legitimacy. Quoting a law's official title is acceptable",
        "child porn\nchild pornographic",
    ),
    (
        "child prostitute",
        "avoid",
        "child exploited in prostitution",
        CONSENT,
        "prostituted child",
    ),
    (
        "child prostitution",
        "avoid",
        "sexual exploitation of children in prostitution",
        CONSENT,
        "",
    ),
    (
        "child sex tourism",
        "avoid",
        "sexual exploitation of children in the context of travel and tourism",
        "It presents the abuse as a kind of tourism",
        "child sex tourist",
    ),
    (
        "webcam child sex tourism",
        "avoid",
        "live streaming of child sexual abuse",
        "The abuse is streamed live; “tourism” hides what it is",
        "",
    ),
    (
        "sextortion",
        "avoid",
        "sexual extortion of children",
        "A colloquial blend that trivialises the offence",
        "",
    ),
    (
        "paedophile",
        "avoid",
        "child sex offender",
        "A clinical diagnosis, not a legal category: not every offender is one",
        "",
    ),
    (
        "client",
        "care",
        "perpetrator / offender",
        "Never for someone who sexually exploits a child in prostitution; "
        "fine for the clients of a service",
        "",
    ),
    (
        "self-generated",
        "care",
        "",
        "Put it in quotation marks: a child is not to blame for content produced under coercion",
        "",
    ),
    (
        "sexting",
        "care",
        "",
        "Consensual between peers only; say non-consensual sharing of sexual images when it is not",
        "",
    ),
    (
        "grooming",
        "care",
        "",
        "Acceptable: define it the first time (solicitation of a child for sexual purposes)",
        "",
    ),
]


def load(apps, schema_editor):
    Term = apps.get_model("terminology", "Term")
    for phrase, kind, replacement, reason, variants in TERMS:
        Term.objects.update_or_create(
            language="en",
            phrase=phrase,
            defaults={
                "kind": kind,
                "replacement": replacement,
                "reason": reason,
                "variants": variants,
                "active": True,
            },
        )


def unload(apps, schema_editor):
    Term = apps.get_model("terminology", "Term")
    Term.objects.filter(language="en", phrase__in=[t[0] for t in TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
