"""Illustrative legislative reviews for the five demo countries (issue 20, item 2).

DEMO DATA, TO BE VERIFIED BY EACH COUNTRY: the laws and articles cited are real laws as
far as the development team could tell, but which criterion they meet, and how far, is
illustrative, not a legal opinion and not a claim about any government. Each country's
coordinator checks and corrects its review before relying on it.

Each review differs: the Philippines meets nearly every criterion, Kenya and Peru some,
Jordan few, and Tanzania's review is still internal (it shows nowhere public). Kenya, Peru
and Jordan have bills pending. The findings the demo register already had about a
criterion become the review's findings for it (`legislative_finding_adopt`), and Jordan's
commitment on amending its Cybercrime Law answers the two findings it is about.
`add_demo_legislation(country, plan)` is idempotent: a country with a review is left alone.
"""

from django.db import transaction

from plans import services
from plans.models import (
    AssessmentStatus,
    Finding,
    LegislativeCriterion,
    LegislativeReview,
    PendingBill,
)

from .findings import answering_commitment, link_finding

MET, PARTLY, NOT_MET, NOT_ASSESSED = (
    AssessmentStatus.MET,
    AssessmentStatus.PARTLY,
    AssessmentStatus.NOT_MET,
    AssessmentStatus.NOT_ASSESSED,
)
STAGE = PendingBill.Stage


def A(criterion, status, law="", article="", note=""):  # noqa: N802 - a row of the table
    return {"criterion": criterion, "status": status, "law": law, "article": article, "note": note}


PH_OSAEC = "Republic Act No. 11930 of 2022 (Anti-OSAEC and Anti-CSAEM Act)"
PH_CYBERCRIME = "Republic Act No. 10175 of 2012 (Cybercrime Prevention Act)"
KE_CYBER = "Computer Misuse and Cybercrimes Act, 2018"
KE_SOA = "Sexual Offences Act, 2006"
TZ_CYBER = "Cybercrimes Act, 2015"
JO_CYBER = "Cybercrime Law No. 17 of 2023"
JO_PENAL = "Penal Code No. 16 of 1960"
PE_PENAL = "Código Penal"
PE_COMPUTER = "Ley 30096, Ley de Delitos Informáticos (2013)"

REVIEWS = {
    "ph": {
        "title": "Review of Philippine laws against ICMEC's model legislation, 2025",
        "date": "2025-02-14",
        "public": True,
        "summary": "Republic Act 11930 brought most criteria into one law in 2022.",
        "assessments": [
            A("csam-legislation", MET, PH_OSAEC),
            A("csam-defined", MET, PH_OSAEC, "s. 3"),
            A("technology-facilitated", MET, PH_OSAEC, "s. 4"),
            A("knowing-possession", MET, PH_OSAEC, "s. 4"),
            A("isp-reporting", MET, PH_OSAEC, "s. 9"),
            A("online-grooming", MET, PH_OSAEC, "s. 3 and 4"),
            A(
                "sexual-extortion",
                PARTLY,
                PH_OSAEC,
                "s. 4",
                "Covered as a form of online sexual exploitation; no separate offence.",
            ),
            A("data-retention", MET, PH_CYBERCRIME, "s. 13"),
        ],
        "bills": [],
    },
    "ke": {
        "title": "Kenya legislative review on online child sexual exploitation, 2024",
        "date": "2024-09-30",
        "public": True,
        "summary": "Offences are in two Acts; duties of service providers are missing.",
        "assessments": [
            A("csam-legislation", MET, KE_SOA, "s. 16"),
            A(
                "csam-defined",
                PARTLY,
                KE_CYBER,
                "s. 24",
                "Defined for offences by computer only; the 2006 Act uses older wording.",
            ),
            A("technology-facilitated", MET, KE_CYBER, "s. 24"),
            A("knowing-possession", MET, KE_CYBER, "s. 24"),
            A("isp-reporting", NOT_MET, note="No duty to report is laid on service providers."),
            A(
                "online-grooming",
                PARTLY,
                KE_SOA,
                "s. 9",
                "Covers promoting sexual offences with a child; online contact is not named.",
            ),
            A("sexual-extortion", NOT_MET),
            A("data-retention", PARTLY, KE_CYBER, "s. 52 and 53", "Preservation on order only."),
        ],
        "bills": [
            {
                "title": "Computer Misuse and Cybercrimes (Amendment) Bill, 2024",
                "stage": STAGE.COMMITTEE,
                "criteria": ["isp-reporting", "sexual-extortion"],
                "note": "Before the Departmental Committee on Communication and Information.",
            }
        ],
    },
    "pe": {
        "title": "Revisión de la legislación peruana frente al modelo de ICMEC, 2024",
        "date": "2024-11-20",
        "public": True,
        "summary": "El Código Penal y la Ley de Delitos Informáticos cubren la mayoría de los "
        "delitos; faltan deberes de los proveedores.",
        "assessments": [
            A("csam-legislation", MET, PE_PENAL, "art. 183-A"),
            A("csam-defined", PARTLY, PE_PENAL, "art. 183-A"),
            A("technology-facilitated", MET, PE_COMPUTER, "art. 5"),
            A("knowing-possession", MET, PE_PENAL, "art. 183-A"),
            A("isp-reporting", NOT_MET),
            A(
                "online-grooming",
                PARTLY,
                PE_PENAL,
                "art. 183-B",
                "Ley 30096 art. 5 covers proposals by technological means; the penal code's "
                "offence is read as contact in person.",
            ),
            A("sexual-extortion", PARTLY, PE_PENAL, "art. 176-C"),
            A("data-retention", MET, "Decreto Legislativo 1182 (2015)", "disp. compl. 2"),
        ],
        "bills": [
            {
                "title": "Proyecto de ley que incorpora la extorsión sexual de niñas, niños y "
                "adolescentes en el Código Penal",
                "stage": STAGE.TABLED,
                "criteria": ["sexual-extortion"],
            }
        ],
    },
    "jo": {
        "title": "Review of national legislation against the MNR, 2024",
        "date": "2024-05-15",
        "public": True,
        "assessments": [
            A("csam-legislation", MET, JO_CYBER, "art. 13"),
            A("csam-defined", PARTLY, JO_CYBER, "art. 13", "No definition of the material."),
            A("technology-facilitated", MET, JO_CYBER, "art. 13"),
            A(
                "knowing-possession",
                NOT_MET,
                JO_PENAL,
                note="Production and distribution are offences; simple possession is not.",
            ),
            A("isp-reporting", NOT_MET),
            A("online-grooming", PARTLY, JO_CYBER, "art. 13"),
            A("sexual-extortion", PARTLY, JO_CYBER, "art. 18", "Extortion in general only."),
            A("data-retention", NOT_ASSESSED),
        ],
        "bills": [
            {
                "title": "Draft amendment to the Cybercrime Law No. 17 of 2023",
                "stage": STAGE.DRAFTED,
                "criteria": ["online-grooming", "sexual-extortion"],
                "note": "Drafted with the Judicial Council and the Cybercrime Unit.",
            }
        ],
        # The plan's commitment on these amendments answers their findings.
        "answered_under": {"online-grooming": 3, "sexual-extortion": 3},
    },
    "tz": {
        "title": "Tanzania legislative review on online child protection (draft), 2025",
        "date": "2025-01-10",
        "public": False,
        "assessments": [
            A("csam-legislation", MET, TZ_CYBER, "s. 13"),
            A("csam-defined", NOT_MET),
            A("technology-facilitated", MET, TZ_CYBER, "s. 13"),
            A("knowing-possession", PARTLY, TZ_CYBER, "s. 13"),
            A("isp-reporting", NOT_MET),
            A("online-grooming", NOT_MET),
            A("sexual-extortion", NOT_MET),
            A("data-retention", PARTLY, TZ_CYBER, "s. 32", "Preservation on order only."),
        ],
        "bills": [],
    },
}

# Findings the demo register had before the review was entered, by the criterion they
# are about (demo/findings.py).
ADOPTED = {
    "jo": {"knowing-possession": "Possession of abuse material is not a separate offence"},
    "ke": {"isp-reporting": "No duty on internet service providers to report"},
    "pe": {"online-grooming": "Grooming is defined only in person"},
    "tz": {"sexual-extortion": "No offence of sexual extortion of children"},
}


@transaction.atomic
def add_demo_legislation(country, plan) -> LegislativeReview | None:
    """The country's demo review (None when it has one already, or none is written)."""
    spec = REVIEWS.get(country.code)
    if spec is None or LegislativeReview.objects.filter(country=country).exists():
        return None
    criteria = {c.code: c for c in LegislativeCriterion.objects.all()}
    for code, title in ADOPTED.get(country.code, {}).items():
        finding = Finding.objects.filter(
            country=country, title=title, legislative_criterion__isnull=True
        ).first()
        if finding is not None:
            services.legislative_finding_adopt(
                actor=None, finding=finding, criterion=criteria[code]
            )
    fields = {key: spec[key] for key in ("title", "date", "public") if key in spec}
    review = services.legislative_review_create(
        actor=None,
        country=country,
        summary=spec.get("summary", ""),
        assessments=spec["assessments"],
        bills=spec["bills"],
        **fields,
    )
    for code, capability in spec.get("answered_under", {}).items():
        finding = Finding.objects.get(country=country, legislative_criterion=criteria[code])
        commitment = answering_commitment(plan, capability)
        if commitment is not None and not commitment.findings.filter(pk=finding.pk).exists():
            link_finding(commitment, finding)
    return review
