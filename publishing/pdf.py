"""The printable plan document: built with WeasyPrint from public data only, then cached.

Building takes seconds, so it runs in a Celery task (`plans.tasks.build_plan_pdf`); the
result is kept under a key tied to the plan's cache generation and the date (see
publishing/caching.py), so it is reused until the plan or one of its commitments is
published again, or the day ends (lateness is judged on the date).
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from home import outbox
from plans.selectors import public_findings_unanswered, published_plans
from tracking.gaps import plan_gaps
from tracking.selectors import today

from . import caching, charts, exports, selectors


def render_plan_pdf(plan, *, language: str, url: str = "") -> bytes:
    """Everything the plan page has, on paper: summary, vision, situation analysis, the
    status summary, capability map, gaps, every commitment with its lateness, and each
    indicator's figures against its yearly targets.

    `url` is the plan page's absolute URL (from the Site, home/sites.py): printed on the
    cover, and each commitment's title links to its page."""
    import weasyprint  # loads Pango through cffi: only where PDFs are made

    on = today()
    with translation.override(language):
        rtl = translation.get_language_bidi()
        domains = selectors.plan_public_structure(plan=plan, on=on, series=True)
        measured = []  # commitments with an indicator to draw, in the document's order
        for entry in domains:
            for section in entry["sections"]:
                for commitment in section.public_commitments:
                    commitment.public_url = (
                        exports.commitment_url(plan, url, commitment.pk) if url else ""
                    )
                    charts.with_indicator_charts(
                        commitment.indicator_rows, rtl=rtl, width=charts.PDF_CHART_WIDTH
                    )
                    if any(row["series"] for row in commitment.indicator_rows):
                        measured.append(commitment)
        summary = selectors.status_summary(plan=plan, on=on)
        html = render_to_string(
            "plans/plan_pdf.html",
            {
                "plan": plan,
                "url": url,
                "language_code": language,
                "language_bidi": translation.get_language_bidi(),
                "summary": summary,
                "status_bar": charts.status_bar(summary, rtl=translation.get_language_bidi()),
                "capability_map": selectors.capability_map(plan=plan),
                "gaps": plan_gaps(plan, public=True),
                "funding": selectors.public_funding(plan=plan),
                "results_chain": selectors.public_results_chain(plan=plan, on=on),
                "findings_unanswered": list(public_findings_unanswered(plan)),
                "consultations": selectors.public_consultations(plan=plan),
                "domains": domains,
                "measured": measured,
                "last_updated": selectors.plan_last_updated(plan=plan),
                "generated_at": timezone.now(),
            },
        )
    return weasyprint.HTML(string=html).write_pdf()


def cached_plan_pdf(*, plan_id: int, language: str) -> bytes | None:
    return cache.get(caching.pdf_key(plan_id=plan_id, language=language))


def build_plan_pdf(*, plan_id: int, language: str) -> bool:
    """Build and cache the PDF of a published plan (`plan_id`: the original, whose cache
    generation its translations share) in `language`: its live translation in that
    language, else the plan as written. False if the plan is not public."""
    original = published_plans().filter(pk=plan_id).first()
    if original is None:
        return False
    with translation.override(language):
        plan = original.localized.specific
    if not plan.live:  # `localized` may be a draft translation: never printed
        plan = original
    # The version is read before reading the content: if something is published while
    # this runs, the result lands under the old version and is never served.
    version = caching.plan_version(plan_id)
    key = caching.pdf_key(plan_id=plan_id, language=language, version=version)
    try:
        if cache.get(key) is None:
            with translation.override(language):
                url = plan.get_full_url()
            data = render_plan_pdf(plan, language=language, url=url or "")
            cache.set(key, data, timeout=settings.PUBLIC_PDF_TIMEOUT)
            cache.set(
                caching.pdf_last_built_key(plan_id=plan_id, language=language),
                version,
                timeout=settings.PUBLIC_PDF_TIMEOUT,
            )
    finally:
        cache.delete(caching.pdf_build_lock_key(plan_id=plan_id, language=language))
    return True


def request_plan_pdf(*, plan_id: int, language: str) -> bytes | None:
    """The cached PDF, or None after asking a worker to build it (once at a time).

    With Celery running eagerly (local runs, tests) the build happens here and now. While
    a worker builds the day's PDF of a plan that nothing was published on since the last
    one, the last one is served: its lateness is at most a day behind, its content never.
    """
    from . import tasks  # the task module imports this one: asked for when needed

    data = cached_plan_pdf(plan_id=plan_id, language=language)
    if data is not None:
        return data
    lock = caching.pdf_build_lock_key(plan_id=plan_id, language=language)
    if cache.add(lock, True, timeout=settings.PUBLIC_PDF_BUILD_SECONDS):
        outbox.send(tasks.build_plan_pdf, plan_id, language)
    return cached_plan_pdf(plan_id=plan_id, language=language) or _last_pdf_if_current(
        plan_id=plan_id, language=language
    )


def _last_pdf_if_current(*, plan_id: int, language: str) -> bytes | None:
    last = cache.get(caching.pdf_last_built_key(plan_id=plan_id, language=language))
    if last is None or not caching.same_generations(last, caching.plan_version(plan_id)):
        return None
    return cache.get(caching.pdf_key(plan_id=plan_id, language=language, version=last))
