"""Each demo plan's results chain: its goal, an outcome per MNR domain it works in, and
an output per capability section (named after its capability), so every demo commitment
delivers the output of its capability.

The wording is illustrative, in the plan's language with English as the fallback; the
targets are not claims about any government's figures.
"""

from django.utils import translation

from plans import services
from plans.models import PlanOutput

from .content import text

GOAL = {
    "en": "Children are protected from sexual exploitation and abuse online, and those "
    "harmed receive help and justice.",
    "ar": "حماية الأطفال من الاستغلال والاعتداء الجنسي عبر الإنترنت، وحصول المتضررين على "
    "المساعدة والعدالة.",
    "es": "Niñas, niños y adolescentes protegidos de la explotación y el abuso sexual en "
    "línea, y quienes lo sufren reciben ayuda y justicia.",
}

# Per MNR domain number: the outcome its capabilities lead to.
OUTCOMES = {
    1: {
        "en": "Government leads a coordinated, funded national response",
        "ar": "حكومة تقود استجابة وطنية منسقة وممولة",
        "es": "El Estado lidera una respuesta nacional coordinada y financiada",
    },
    2: {
        "en": "Offenders are identified, investigated and prosecuted",
        "ar": "تحديد الجناة والتحقيق معهم وملاحقتهم قضائياً",
        "es": "Los agresores son identificados, investigados y procesados",
    },
    3: {
        "en": "Children who are harmed reach help that supports them",
        "ar": "وصول الأطفال المتضررين إلى خدمات تدعمهم",
        "es": "Las víctimas acceden a servicios que las apoyan",
    },
    4: {
        "en": "Children, parents and schools know the risks and where to turn",
        "ar": "معرفة الأطفال والأهل والمدارس بالمخاطر وبمن يلجؤون إليه",
        "es": "Niñez, familias y escuelas conocen los riesgos y a quién acudir",
    },
    5: {
        "en": "Industry removes abuse material and reports it quickly",
        "ar": "إزالة القطاع الخاص لمواد الاعتداء والإبلاغ عنها بسرعة",
        "es": "La industria retira el material de abuso y lo reporta con rapidez",
    },
    6: {
        "en": "Media report on abuse ethically and inform the public",
        "ar": "تغطية إعلامية أخلاقية تطلع الجمهور",
        "es": "Los medios informan sobre el abuso de forma ética",
    },
}

INDICATORS = {
    2: {
        "name": {
            "en": "Cases of online child sexual exploitation referred to prosecution",
            "ar": "قضايا الاستغلال الجنسي للأطفال عبر الإنترنت المحالة إلى النيابة",
            "es": "Casos de explotación sexual infantil en línea remitidos a la fiscalía",
        },
        "unit": "cases",
        "baseline": 40,
        "target": 160,
    },
    3: {
        "name": {
            "en": "Share of helpline contacts about online abuse referred to a service",
            "ar": "نسبة اتصالات خط المساعدة بشأن الإساءة عبر الإنترنت المحالة إلى خدمة",
            "es": "Proporción de contactos a la línea de ayuda derivados a un servicio",
        },
        "unit": "%",
        "baseline": 35,
        "target": 80,
    },
}


def _output(section, language: str) -> dict:
    # Named after the capability (as the framework words it in the plan's language): the
    # chain is not translated yet, and a section's objective is, in its own words.
    with translation.override(language):
        name = section.capability.display_name
    return {"title": f"{section.capability.number}. {name}"}


def add_demo_results_chain(plan, language: str) -> dict[int, PlanOutput]:
    """The plan's chain (made once: the loader stays idempotent), as the output of each
    capability the plan has a section for."""
    if not plan.outcomes.exists():
        sections = plan.capability_sections.select_related("capability__domain").order_by(
            "capability__number"
        )
        by_domain = {}
        for section in sections:
            by_domain.setdefault(section.capability.domain.number, []).append(section)
        outcomes = []
        for number, in_domain in by_domain.items():
            indicator = INDICATORS.get(number)
            outcomes.append(
                {
                    "title": text(OUTCOMES[number], language),
                    "capability": in_domain[0].capability if len(in_domain) == 1 else None,
                    "weight": 2 if number in INDICATORS else 1,
                    "indicators": [
                        {
                            "name": text(indicator["name"], language),
                            "unit": indicator["unit"],
                            "baseline": indicator["baseline"],
                            "baseline_year": plan.period_start - 1,
                            "target": indicator["target"],
                            "target_year": plan.period_end,
                            "data_source": "National statistics",
                        }
                    ]
                    if indicator
                    else [],
                    "outputs": [_output(section, language) for section in in_domain],
                }
            )
        services.plan_results_chain_set(
            actor=None, plan=plan, goal=text(GOAL, language), outcomes=outcomes, publish=True
        )
    outputs = PlanOutput.objects.filter(outcome__plan=plan).order_by(
        "outcome__sort_order", "sort_order"
    )
    sections = plan.capability_sections.select_related("capability__domain").order_by(
        "capability__domain__number", "capability__number"
    )
    return {
        section.capability_id: output for section, output in zip(sections, outputs, strict=False)
    }
