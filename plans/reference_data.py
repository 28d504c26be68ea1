"""The frameworks every plan is built from, as data.

Kept as plain Python so the data migration and the tests read the same source. The
capability descriptions are this product's own short summaries, not the Alliance's text.
"""

from django.utils.translation import gettext_noop

MNR_2016 = {
    "code": "MNR-2016",
    "name": "WePROTECT Model National Response (2016)",
    "publisher": "WePROTECT Global Alliance",
    "year": 2016,
    "url": "https://www.weprotect.org/model-national-response/",
}

INSPIRE_2016 = {
    "code": "INSPIRE",
    "name": "INSPIRE: Seven strategies for ending violence against children",
    "publisher": "World Health Organization and partners",
    "year": 2016,
    "url": "https://www.who.int/publications/i/item/inspire-seven-strategies-for-ending-violence-against-children",
}

# (number, name, [(capability number, name, description), ...])
MNR_DOMAINS = [
    (
        1,
        "Policy and governance",
        [
            (
                1,
                "Leadership",
                "An accountable national governance body that brings every sector together "
                "and owns the response to online child sexual exploitation and abuse.",
            ),
            (
                2,
                "Research, analysis and monitoring",
                "Regular national assessment of the threat and of the response, so that "
                "decisions rest on evidence.",
            ),
            (
                3,
                "Legislation",
                "A comprehensive legal framework that criminalises online child sexual "
                "exploitation and abuse and protects children in the justice process.",
            ),
        ],
    ),
    (
        2,
        "Criminal justice",
        [
            (
                4,
                "Dedicated law enforcement",
                "Trained, resourced police units with a mandate to investigate online child "
                "sexual exploitation and abuse and to identify victims and offenders.",
            ),
            (
                5,
                "Judiciary and prosecutors",
                "Prosecutors and judges trained in these cases and in child-friendly, "
                "victim-centred procedures.",
            ),
            (
                6,
                "Offender management process",
                "Supervision and treatment of convicted offenders to prevent reoffending.",
            ),
            (
                7,
                "Access to image databases",
                "Connection to INTERPOL's International Child Sexual Exploitation database "
                "and a national image database to identify victims.",
            ),
        ],
    ),
    (
        3,
        "Victim",
        [
            (
                8,
                "End-to-end support",
                "Coordinated, trauma-informed support for a child from first disclosure "
                "through investigation, trial and recovery.",
            ),
            (
                9,
                "Child protection workforce",
                "Enough trained social workers and other child-protection professionals to "
                "meet children's needs.",
            ),
            (
                10,
                "Compensation, remedies and complaints",
                "Routes for children and families to obtain redress and to complain.",
            ),
            (
                11,
                "Child helpline",
                "A free, well-known child helpline able to respond to and refer reports of "
                "online sexual exploitation and abuse.",
            ),
        ],
    ),
    (
        4,
        "Societal",
        [
            (
                12,
                "CSEA hotline",
                "A hotline where the public and industry can report child sexual abuse "
                "material, connected to international networks.",
            ),
            (
                13,
                "Education programme",
                "Education for children, parents, teachers and professionals on staying safe "
                "online and on where to get help.",
            ),
            (
                14,
                "Child participation",
                "Children and young people take part in shaping policy and services.",
            ),
            (
                15,
                "Offender support systems",
                "Help for people at risk of offending, before a child is harmed.",
            ),
        ],
    ),
    (
        5,
        "Industry",
        [
            (
                16,
                "Takedown procedures",
                "Agreed procedures for removing child sexual abuse material quickly.",
            ),
            (
                17,
                "CSEA reporting",
                "A statutory duty or agreed practice for companies to report child sexual "
                "exploitation and abuse they find.",
            ),
            (
                18,
                "Innovative solution development",
                "Industry works with government and civil society on technology that "
                "detects and prevents abuse.",
            ),
            (
                19,
                "Corporate social responsibility",
                "Companies build child safety into their products and policies.",
            ),
        ],
    ),
    (
        6,
        "Media and communications",
        [
            (
                20,
                "Ethical and informed media reporting",
                "Media that report on child sexual exploitation and abuse accurately and "
                "without harming victims.",
            ),
            (
                21,
                "Universal terminology",
                "Everyone uses the agreed terms of the Luxembourg Guidelines (2016), for "
                "example child sexual abuse material, not child pornography.",
            ),
        ],
    ),
]

# (number, letter, name, description)
INSPIRE_STRATEGIES = [
    (
        1,
        "I",
        "Implementation and enforcement of laws",
        "Laws that prohibit violence against children, and their enforcement.",
    ),
    (
        2,
        "N",
        "Norms and values",
        "Changing norms and values that tolerate violence against children.",
    ),
    (3, "S", "Safe environments", "Making places where children spend time safe."),
    (
        4,
        "P",
        "Parent and caregiver support",
        "Support for parents and caregivers to raise children without violence.",
    ),
    (
        5,
        "I",
        "Income and economic strengthening",
        "Economic support for families that reduces the risk of violence.",
    ),
    (
        6,
        "R",
        "Response and support services",
        "Services that identify, refer and support children who experience violence.",
    ),
    (
        7,
        "E",
        "Education and life skills",
        "Schooling and life skills that protect children from violence.",
    ),
]

# The four phases of a capability's maturity, as the needs assessment grades them. Names
# are marked for translation so that the defaults appear in the visitor's language;
# a superuser may rename them (a renamed level is shown as written).
MATURITY_LEVELS = [
    (
        1,
        gettext_noop("Not yet in place"),
        "Nothing of the capability exists yet, or only on paper.",
    ),
    (
        2,
        gettext_noop("Being developed"),
        "Work has started: a mandate, a plan or a pilot exists, but not a working service.",
    ),
    (
        3,
        gettext_noop("Partly in place"),
        "The capability works in part: some regions, some agencies, or without resources.",
    ),
    (
        4,
        gettext_noop("Fully in place"),
        "The capability works nationwide, is resourced and is reviewed regularly.",
    ),
]

ICMEC_REVIEW = (
    "ICMEC, Child Sexual Abuse Material: Model Legislation & Global Review, 9th edition (2018)"
)
ICMEC_MODEL = "ICMEC model legislation (offences beyond the five core criteria)"

# The checklist of a country's legislative review: (order, code, criterion, description,
# source). The first five are the core criteria ICMEC's global review checks every
# country's law against; grooming, sexual extortion and data retention are parts of its
# model legislation the MNR's capability 3 asks about too. The descriptions are this
# product's own summaries.
LEGISLATIVE_CRITERIA = [
    (
        1,
        "csam-legislation",
        "Legislation specific to child sexual abuse material",
        "The law deals with child sexual abuse material specifically, not only with "
        "obscenity or indecency in general.",
        ICMEC_REVIEW,
    ),
    (
        2,
        "csam-defined",
        "Child sexual abuse material is defined",
        "The law defines child sexual abuse material, and a child as anyone under 18 "
        "whatever the age of consent.",
        ICMEC_REVIEW,
    ),
    (
        3,
        "technology-facilitated",
        "Technology-facilitated offences are criminalised",
        "Offences committed through computers, the internet or mobile devices are crimes.",
        ICMEC_REVIEW,
    ),
    (
        4,
        "knowing-possession",
        "Knowing possession is criminalised",
        "Knowingly possessing child sexual abuse material is a crime, whatever the intent "
        "to distribute.",
        ICMEC_REVIEW,
    ),
    (
        5,
        "isp-reporting",
        "Internet service providers must report",
        "Internet service providers must report suspected child sexual abuse material to "
        "law enforcement or another mandated agency.",
        ICMEC_REVIEW,
    ),
    (
        6,
        "online-grooming",
        "Online grooming is criminalised",
        "Soliciting a child online for sexual purposes is a crime, even when no meeting "
        "takes place.",
        ICMEC_MODEL,
    ),
    (
        7,
        "sexual-extortion",
        "Sexual extortion of children is criminalised",
        "Coercing a child with threats to share sexual images, or to obtain them, is a crime.",
        ICMEC_MODEL,
    ),
    (
        8,
        "data-retention",
        "Data retention and preservation",
        "Internet service providers must retain or preserve the data that investigations "
        "need, for a set period.",
        ICMEC_MODEL,
    ),
]
