"""The demo's five programme countries: their agencies and the accounts that act for them.

Agencies are real kinds of bodies under their usual names; anything said about what they
commit to is illustrative, not a claim about any government. No data about children.
"""

from dataclasses import dataclass

from stakeholders.models import Agency, Country, Membership

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - documented demo credential, demo loader only
DEMO_COMMENT = "Loaded demo data"

S = Agency.Sector


@dataclass(frozen=True)
class DemoAgency:
    key: str  # how accounts refer to it: "police", "helpline", "lead" (coordinating body)
    name: str
    acronym: str
    sector: str
    description: str
    website: str = ""


@dataclass(frozen=True)
class DemoCountry:
    code: str
    name: str
    language: str
    agencies: tuple[DemoAgency, ...]
    # Kenya shows the review of progress updates by the coordinator; the others publish
    # their updates themselves, as every country did before.
    update_review: str = Country.UpdateReview.LEAD_AGENCY


COUNTRIES = (
    DemoCountry(
        "jo",
        "Jordan",
        "ar",
        (
            DemoAgency(
                "lead",
                "National Council for Family Affairs",
                "NCFA",
                S.GOVERNMENT_MINISTRY,
                "Coordinates the national child-protection framework.",
                "https://ncfa.org.jo/",
            ),
            DemoAgency(
                "police",
                "Public Security Directorate, Family and Juvenile Protection Department",
                "FJPD",
                S.LAW_ENFORCEMENT,
                "Investigates abuse of children, including online, with specialised staff.",
            ),
            DemoAgency(
                "helpline",
                "Jordan River Foundation Child Helpline 110",
                "JRF 110",
                S.CHILD_HELPLINE,
                "Free helpline for children and families; member of Child Helpline International.",
                "https://www.jordanriver.jo/",
            ),
            DemoAgency(
                "cyber",
                "Public Security Directorate, Cybercrime Unit",
                "PSD-CCU",
                S.LAW_ENFORCEMENT,
                "Investigates crimes committed through information networks.",
            ),
            DemoAgency(
                "social",
                "Ministry of Social Development",
                "MoSD",
                S.SOCIAL_WELFARE,
                "Runs social services and case management for children at risk.",
            ),
            DemoAgency(
                "justice",
                "Judicial Council, juvenile courts",
                "JC",
                S.PROSECUTION_JUDICIARY,
                "Oversees the courts that hear cases involving children.",
            ),
            DemoAgency(
                "education",
                "Ministry of Education",
                "MoE",
                S.EDUCATION,
                "Responsible for schools and the curriculum.",
            ),
            DemoAgency(
                "regulator",
                "Telecommunications Regulatory Commission",
                "TRC",
                S.ICT_REGULATOR,
                "Regulates telecommunications and internet service providers.",
            ),
            DemoAgency(
                "ngo",
                "Institute for Family Health",
                "IFH",
                S.CIVIL_SOCIETY,
                "Non-governmental centre giving psychosocial and medical support to families.",
            ),
        ),
    ),
    DemoCountry(
        "ke",
        "Kenya",
        "en",
        (
            DemoAgency(
                "lead",
                "Directorate of Children Services",
                "DCS",
                S.SOCIAL_WELFARE,
                "Leads child protection nationally and coordinates the plan of action.",
            ),
            DemoAgency(
                "police",
                "Directorate of Criminal Investigations, Anti-Human Trafficking and Child "
                "Protection Unit",
                "AHTCPU",
                S.LAW_ENFORCEMENT,
                "Specialised unit investigating trafficking and the abuse of children, "
                "including online.",
            ),
            DemoAgency(
                "helpline",
                "Childline Kenya",
                "116",
                S.CHILD_HELPLINE,
                "Free national child helpline on 116; member of Child Helpline International.",
                "https://www.childlinekenya.co.ke/",
            ),
            DemoAgency(
                "prosecution",
                "Office of the Director of Public Prosecutions",
                "ODPP",
                S.PROSECUTION_JUDICIARY,
                "Prosecutes criminal cases, with a unit for sexual and gender-based violence.",
            ),
            DemoAgency(
                "regulator",
                "Communications Authority of Kenya",
                "CA",
                S.ICT_REGULATOR,
                "Regulates the communications sector and runs child online protection work.",
            ),
            DemoAgency(
                "kfcb",
                "Kenya Film Classification Board",
                "KFCB",
                S.GOVERNMENT_MINISTRY,
                "Classifies films and broadcast content and promotes safe media use.",
            ),
            DemoAgency(
                "education",
                "Ministry of Education",
                "MoE",
                S.EDUCATION,
                "Responsible for schools, teachers' guidance and the curriculum.",
            ),
            DemoAgency(
                "twg",
                "National Technical Working Group on Child Online Protection",
                "TWG-COP",
                S.CIVIL_SOCIETY,
                "Brings government, civil society and industry together on online safety.",
            ),
        ),
        update_review=Country.UpdateReview.COORDINATOR,
    ),
    DemoCountry(
        "pe",
        "Peru",
        "es",
        (
            DemoAgency(
                "lead",
                "Ministry of Women and Vulnerable Populations",
                "MIMP",
                S.GOVERNMENT_MINISTRY,
                "Leads national policy for children and adolescents.",
                "https://www.gob.pe/mimp",
            ),
            DemoAgency(
                "police",
                "National Police of Peru, High Technology Crimes Investigation Division",
                "DIVINDAT",
                S.LAW_ENFORCEMENT,
                "Investigates crimes committed with information technology.",
            ),
            DemoAgency(
                "helpline",
                "Línea 100",
                "L100",
                S.CHILD_HELPLINE,
                "Free national helpline run by MIMP for violence against women and children.",
            ),
            DemoAgency(
                "cem",
                "Women's Emergency Centres",
                "CEM",
                S.SOCIAL_WELFARE,
                "Local centres giving legal, psychological and social support.",
            ),
            DemoAgency(
                "prosecution",
                "Public Ministry, Office of the Attorney General",
                "MPFN",
                S.PROSECUTION_JUDICIARY,
                "Directs criminal investigations and prosecutes offences.",
            ),
            DemoAgency(
                "education",
                "Ministry of Education",
                "MINEDU",
                S.EDUCATION,
                "Responsible for schools and for teacher training.",
            ),
            DemoAgency(
                "health",
                "Ministry of Health",
                "MINSA",
                S.HEALTH,
                "Runs health services, including care after sexual violence.",
            ),
            DemoAgency(
                "regulator",
                "Ministry of Transport and Communications",
                "MTC",
                S.ICT_REGULATOR,
                "Sets telecommunications policy and licenses operators.",
            ),
            DemoAgency(
                "ngo",
                "CHS Alternativo",
                "CHS",
                S.CIVIL_SOCIETY,
                "Non-governmental organisation working against trafficking and sexual "
                "exploitation of children.",
            ),
        ),
    ),
    DemoCountry(
        "ph",
        "Philippines",
        "en",
        (
            DemoAgency(
                "lead",
                "Department of Social Welfare and Development",
                "DSWD",
                S.SOCIAL_WELFARE,
                "Leads social protection and services for children in need of special protection.",
                "https://www.dswd.gov.ph/",
            ),
            DemoAgency(
                "police",
                "Philippine National Police, Women and Children Protection Center",
                "PNP-WCPC",
                S.LAW_ENFORCEMENT,
                "Investigates crimes against women and children, including online abuse.",
            ),
            DemoAgency(
                "helpline",
                "Bantay Bata 163",
                "BB163",
                S.CHILD_HELPLINE,
                "Child helpline on 163; member of Child Helpline International.",
            ),
            DemoAgency(
                "acg",
                "Philippine National Police, Anti-Cybercrime Group",
                "PNP-ACG",
                S.LAW_ENFORCEMENT,
                "Investigates cybercrime and supports digital forensics.",
            ),
            DemoAgency(
                "nbi",
                "National Bureau of Investigation",
                "NBI",
                S.LAW_ENFORCEMENT,
                "National investigative agency with a unit for violence against women and "
                "children.",
            ),
            DemoAgency(
                "doj",
                "Department of Justice, Office of Cybercrime",
                "DOJ-OOC",
                S.PROSECUTION_JUDICIARY,
                "Prosecution policy and international cooperation on cybercrime.",
            ),
            DemoAgency(
                "cwc",
                "Council for the Welfare of Children",
                "CWC",
                S.GOVERNMENT_MINISTRY,
                "Inter-agency body that coordinates policy for children.",
            ),
            DemoAgency(
                "dict",
                "Department of Information and Communications Technology",
                "DICT",
                S.ICT_REGULATOR,
                "Sets policy for information and communications technology.",
            ),
            DemoAgency(
                "education",
                "Department of Education",
                "DepEd",
                S.EDUCATION,
                "Responsible for basic education and child protection in schools.",
            ),
            DemoAgency(
                "ngo",
                "Stairway Foundation",
                "SFI",
                S.CIVIL_SOCIETY,
                "Non-governmental organisation running child-protection and online-safety "
                "programmes with schools and communities.",
            ),
        ),
    ),
    DemoCountry(
        "tz",
        "Tanzania",
        "sw",
        (
            DemoAgency(
                "lead",
                "Ministry of Community Development, Gender, Women and Special Groups",
                "MoCDGWSG",
                S.GOVERNMENT_MINISTRY,
                "Leads the national plan of action to end violence against women and children.",
            ),
            DemoAgency(
                "police",
                "Tanzania Police Force, Gender and Children Desks",
                "TPF-GCD",
                S.LAW_ENFORCEMENT,
                "Police desks in every region that receive and investigate cases involving "
                "children.",
            ),
            DemoAgency(
                "helpline",
                "C-Sema, National Child Helpline 116",
                "C-Sema",
                S.CHILD_HELPLINE,
                "Runs the free national child helpline on 116.",
            ),
            DemoAgency(
                "social",
                "Department of Social Welfare",
                "DSW",
                S.SOCIAL_WELFARE,
                "Social welfare officers who support children and families.",
            ),
            DemoAgency(
                "prosecution",
                "National Prosecutions Service",
                "NPS",
                S.PROSECUTION_JUDICIARY,
                "Prosecutes criminal cases on behalf of the Republic.",
            ),
            DemoAgency(
                "regulator",
                "Tanzania Communications Regulatory Authority",
                "TCRA",
                S.ICT_REGULATOR,
                "Regulates communications and runs child online protection campaigns.",
            ),
            DemoAgency(
                "education",
                "Ministry of Education, Science and Technology",
                "MoEST",
                S.EDUCATION,
                "Responsible for schools and teacher education.",
            ),
            DemoAgency(
                "ngo",
                "Kiota Women Health and Development Organisation",
                "KIWOHEDE",
                S.CIVIL_SOCIETY,
                "Non-governmental organisation running shelters and support for girls and "
                "young women.",
            ),
        ),
    ),
)

# (username suffix, agency key, role); every country gets these.
COUNTRY_ACCOUNTS = (
    ("coordinator", "lead", Membership.Role.COORDINATOR),
    ("reviewer", "lead", Membership.Role.REVIEWER),
    ("police", "police", Membership.Role.DRAFTER),
    ("helpline", "helpline", Membership.Role.DRAFTER),
)
# Tanzania's commitments are approved first by the head of the lead agency.
EXTRA_ACCOUNTS = {
    "tz": (
        ("police-head", "police", Membership.Role.HEAD),
        ("helpline-head", "helpline", Membership.Role.HEAD),
    ),
}


def demo_usernames() -> list[str]:
    """Every account the demo creates (they need no two-factor code while DEBUG is on)."""
    names = ["admin"]
    for spec in COUNTRIES:
        for suffix, _agency, _role in COUNTRY_ACCOUNTS + EXTRA_ACCOUNTS.get(spec.code, ()):
            names.append(f"{spec.code}-{suffix}")
    return names
