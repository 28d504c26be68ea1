"""PENDING (issue 17, item 1): publish each demo plan in its original language.

Until plans are written in their country's language (CommitmentTranslation, plan pages
created in the country's locale: built in another session), the loader writes every plan
in English, because `demo.content.build_language()` returns "en". When that lands, the
coordinator makes `build_language()` return the plan's original language and implements
this function: create the plan page in the original locale from the content modules'
original-language texts, then publish the English translation from their "en" texts.
"""

from .content import build_language


def publish_original_language(plan, spec) -> None:
    """Publish `plan` (written from `spec`, a `demo.content.PlanContent`) in its original
    language with an English translation. Never called while the demo loads English."""
    if build_language(plan.country.code) == "en":
        return
    raise NotImplementedError(
        "Plans in their country's language are not merged yet (issue 17, item 1)."
    )
