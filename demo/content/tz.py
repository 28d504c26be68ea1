# ruff: noqa: E501 - sentences in two languages, kept whole to be read and translated
"""Tanzania: after the structure of the National Plan of Action to End Violence Against
Women and Children (NPA-VAWC), whose coordination runs through multi-sectoral committees
from the national to the village level; online abuse is one of its concerns. Original
language Swahili. Illustrative content, not claims about a government.
"""

from . import (
    AT_RISK,
    COMPLETED,
    DELAYED,
    NOT_STARTED,
    ON_TRACK,
    Funding,
    Indicator,
    Item,
    PlanContent,
    Section,
)


def T(en, sw):
    return {"en": en, "sw": sw}


SECTIONS = (
    Section(
        1,
        T(
            "Child protection committees meet at every level and follow up cases.",
            "Kamati za ulinzi wa mtoto hukutana katika kila ngazi na kufuatilia mashauri.",
        ),
        T(
            "Many council committees do not meet regularly.",
            "Kamati nyingi za halmashauri hazikutani mara kwa mara.",
        ),
        (2, 3),
    ),
    Section(
        4,
        T(
            "Gender and Children Desks receive and investigate reports of online abuse.",
            "Madawati ya Jinsia na Watoto hupokea na kuchunguza taarifa za ukatili mtandaoni.",
        ),
        T(
            "Desk officers are rarely trained on online abuse.",
            "Maafisa wa madawati mara chache hupata mafunzo kuhusu ukatili mtandaoni.",
        ),
        (1, 3),
    ),
    Section(
        5,
        T(
            "Cases of sexual violence against children are heard without delay.",
            "Mashauri ya ukatili wa kingono dhidi ya watoto husikilizwa bila kuchelewa.",
        ),
        T("Cases take years to be heard.", "Mashauri huchukua miaka kusikilizwa."),
        (1, 2),
    ),
    Section(
        8,
        T(
            "Every region has a one-stop centre for survivors.",
            "Kila mkoa una kituo cha huduma jumuishi kwa waathirika.",
        ),
        T(
            "One-stop centres exist in some regions only.",
            "Vituo vya huduma jumuishi vipo katika baadhi ya mikoa tu.",
        ),
        (1, 3),
    ),
    Section(
        9,
        T(
            "A social welfare officer serves every ward.",
            "Afisa ustawi wa jamii anahudumia kila kata.",
        ),
        T(
            "Many wards have no social welfare officer.",
            "Kata nyingi hazina afisa ustawi wa jamii.",
        ),
        (1, 2),
    ),
    Section(
        11,
        T(
            "The 116 helpline answers at any hour and refers every report.",
            "Simu ya msaada 116 hujibu wakati wowote na kupeleka kila taarifa.",
        ),
        T(
            "The helpline answers by phone during long hours.",
            "Simu ya msaada hujibu kwa simu kwa saa nyingi.",
        ),
        (2, 4),
    ),
    Section(
        13,
        T(
            "Pupils learn to stay safe online in school clubs.",
            "Wanafunzi hujifunza usalama mtandaoni katika klabu za shule.",
        ),
        T("Few schools talk about safety online.", "Shule chache huzungumzia usalama mtandaoni."),
        (1, 3),
    ),
    Section(
        21,
        T(
            "Swahili terms agreed from the Luxembourg Guidelines are used everywhere.",
            "Istilahi za Kiswahili zilizokubaliwa kutoka Miongozo ya Luxembourg hutumika kote.",
        ),
        T("There is no agreed Swahili vocabulary.", "Hakuna msamiati wa Kiswahili uliokubaliwa."),
        (1, 2),
    ),
)

Ind = Indicator
COMMITMENTS = (
    Item(
        1,
        T(
            "Convene the child protection committees of every region and council each quarter",
            "Kuitisha vikao vya kamati za ulinzi wa mtoto za kila mkoa na halmashauri kila robo mwaka",
        ),
        "lead",
        ("social", "police"),
        AT_RISK,
        55,
        -34,
        60,
        420_000_000,
        reason=T(
            "Half of the council committees met last quarter; members' costs are not budgeted.",
            "Nusu ya kamati za halmashauri zilikutana robo iliyopita; gharama za "
            "wajumbe hazijatengwa.",
        ),
        indicators=(
            Ind(
                T("Councils whose committee met", "Halmashauri ambazo kamati zilikutana"),
                "councils",
                60,
                184,
            ),
        ),
    ),
    Item(
        1,
        T(
            "Publish the yearly implementation report of the plan",
            "Kuchapisha ripoti ya mwaka ya utekelezaji wa mpango",
        ),
        "lead",
        ("social",),
        ON_TRACK,
        60,
        -30,
        54,
        65_000_000,
    ),
    Item(
        4,
        T(
            "Equip the Gender and Children Desks with private interview rooms",
            "Kuweka vyumba vya faragha vya mahojiano katika Madawati ya Jinsia na Watoto",
        ),
        "police",
        ("lead",),
        DELAYED,
        40,
        -33,
        24,
        980_000_000,
        inspire=(3, 6),
        reason=T(
            "Rooms are finished at 190 of 420 desks; the rest of the funds were reallocated.",
            "Vyumba vimekamilika katika madawati 190 kati ya 420; fedha zilizobaki "
            "zilihamishiwa kazi nyingine.",
        ),
    ),
    Item(
        4,
        T(
            "Train Gender and Children Desk officers to receive reports of online abuse",
            "Kuwafunza maafisa wa Madawati ya Jinsia na Watoto kupokea taarifa za ukatili "
            "mtandaoni",
        ),
        "police",
        ("helpline",),
        ON_TRACK,
        65,
        -28,
        36,
        310_000_000,
        indicators=(Ind(T("Officers trained", "Maafisa waliofunzwa"), "officers", 120, 900),),
        kind="training",
        delivery="in_person",
        trainees={"police": 40},
    ),
    Item(
        4,
        T(
            "Set up a cyber-forensics cell for crimes against children",
            "Kuanzisha kitengo cha uchunguzi wa kidijitali kwa makosa dhidi ya watoto",
        ),
        "police",
        ("regulator",),
        NOT_STARTED,
        0,
        4,
        20,
        750_000_000,
        budget_public=False,
        internal_notes="The cost depends on the equipment donation being confirmed.",
    ),
    Item(
        5,
        T(
            "Fast-track cases of sexual violence against children in the courts",
            "Kuharakisha mashauri ya ukatili wa kingono dhidi ya watoto mahakamani",
        ),
        "prosecution",
        ("police",),
        ON_TRACK,
        45,
        -26,
        36,
        140_000_000,
        indicators=(
            Ind(
                T("Cases decided within a year", "Mashauri yaliyoamuliwa ndani ya mwaka"),
                "%",
                20,
                60,
            ),
        ),
    ),
    Item(
        5,
        T(
            "Train state attorneys in the Cybercrimes Act and electronic evidence",
            "Kuwafunza mawakili wa serikali kuhusu Sheria ya Makosa ya Mtandao na ushahidi "
            "wa kielektroniki",
        ),
        "prosecution",
        ("regulator",),
        COMPLETED,
        100,
        -32,
        12,
        95_000_000,
        kind="training",
        delivery="blended",
        trainees={"prosecutors": 18, "judges": 4},
    ),
    Item(
        8,
        T(
            "Open a one-stop centre for survivors of violence in every region",
            "Kufungua kituo cha huduma jumuishi kwa waathirika wa ukatili katika kila mkoa",
        ),
        "social",
        ("ngo", "police"),
        DELAYED,
        50,
        -35,
        30,
        1_600_000_000,
        inspire=(6,),
        reason=T(
            "Eighteen of twenty-six regions have a centre; staffing the rest awaits new posts.",
            "Mikoa kumi na minane kati ya ishirini na sita ina kituo; watumishi wa "
            "vilivyobaki wanasubiri nafasi mpya.",
        ),
    ),
    Item(
        9,
        T(
            "Deploy a social welfare officer in every ward",
            "Kupeleka afisa ustawi wa jamii katika kila kata",
        ),
        "social",
        ("lead",),
        AT_RISK,
        35,
        -24,
        48,
        2_300_000_000,
        inspire=(6,),
        reason=T(
            "Recruitment permits cover a third of the wards this year.",
            "Vibali vya ajira vinatosha theluthi moja ya kata mwaka huu.",
        ),
    ),
    Item(
        9,
        T(
            "Train social welfare officers in child protection online",
            "Kuwafunza maafisa ustawi wa jamii kuhusu ulinzi wa mtoto mtandaoni",
        ),
        "social",
        ("ngo",),
        ON_TRACK,
        40,
        -18,
        30,
        180_000_000,
        inspire=(6,),
        kind="training",
        delivery="in_person",
        trainees={"social_workers": 25, "ngos": 10},
        stale=True,
    ),
    Item(
        11,
        T(
            "Answer the child helpline 116 around the clock, in Swahili and English",
            "Kujibu simu ya msaada kwa mtoto 116 saa 24, kwa Kiswahili na Kiingereza",
        ),
        "helpline",
        ("lead",),
        ON_TRACK,
        70,
        -30,
        42,
        260_000_000,
        T("More counsellors on night shifts.", "Washauri zaidi katika zamu za usiku."),
        inspire=(6,),
        draft={"description": "More counsellors on night shifts, and answers by SMS."},
    ),
    Item(
        11,
        T(
            "Add a free SMS and chat service to the 116 helpline",
            "Kuongeza huduma ya bure ya SMS na gumzo kwa simu ya msaada 116",
        ),
        "helpline",
        ("regulator",),
        DELAYED,
        30,
        -27,
        18,
        120_000_000,
        inspire=(6,),
        reason=T(
            "The zero-rating agreement with mobile operators is not yet signed.",
            "Makubaliano ya huduma bila malipo na kampuni za simu bado hayajasainiwa.",
        ),
    ),
    Item(
        11,
        T(
            "Train helpline counsellors on online grooming and sexual extortion",
            "Kuwafunza washauri wa simu ya msaada kuhusu urubuni mtandaoni na unyang'anyi "
            "wa kingono",
        ),
        "helpline",
        (),
        COMPLETED,
        100,
        -22,
        9,
        38_000_000,
        inspire=(6,),
        kind="training",
        delivery="e_learning",
        trainees={"helpline_staff": 8},
    ),
    Item(
        13,
        T(
            "Set up online safety clubs in secondary schools",
            "Kuanzisha klabu za usalama mtandaoni katika shule za sekondari",
        ),
        "education",
        ("ngo",),
        ON_TRACK,
        30,
        -14,
        36,
        450_000_000,
        inspire=(7,),
        indicators=(Ind(T("Schools with a club", "Shule zenye klabu"), "schools", 0, 1200),),
    ),
    Item(
        13,
        T(
            "Broadcast an online safety campaign on community radio",
            "Kurusha kampeni ya usalama mtandaoni kupitia redio za jamii",
        ),
        "regulator",
        ("helpline",),
        COMPLETED,
        100,
        -20,
        12,
        85_000_000,
        inspire=(2,),
    ),
    Item(
        21,
        T(
            "Publish a Swahili glossary of child-protection terms from the Luxembourg Guidelines",
            "Kuchapisha kamusi ya Kiswahili ya istilahi za ulinzi wa mtoto kutoka Miongozo "
            "ya Luxembourg",
        ),
        "lead",
        ("prosecution",),
        ON_TRACK,
        50,
        -10,
        18,
        30_000_000,
        inspire=(2,),
    ),
)

PLAN = PlanContent(
    code="tz",
    language="sw",
    period=(2024, 2028),
    currency="TZS",
    title=T(
        "Tanzania: National Plan of Action to End Violence Against Women and Children, "
        "online protection 2024–2028",
        "Tanzania: Mpango Kazi wa Taifa wa Kutokomeza Ukatili dhidi ya Wanawake na Watoto, "
        "ulinzi mtandaoni 2024–2028",
    ),
    summary=T(
        "<p>The child-protection and online strands of the national plan to end "
        "violence against women and children. Illustrative demo content.</p>",
        "<p>Sehemu za ulinzi wa mtoto na mtandaoni za mpango wa taifa wa kutokomeza "
        "ukatili dhidi ya wanawake na watoto. Maudhui ya mfano.</p>",
    ),
    vision=T(
        "<p>A Tanzania where women and children live free from violence, online and offline.</p>",
        "<p>Tanzania ambapo wanawake na watoto wanaishi bila ukatili, mtandaoni na "
        "nje ya mtandao.</p>",
    ),
    situation=T(
        "<p>Committees and police desks across the country, with gaps in staffing, "
        "in rooms and in knowledge of online abuse.</p>",
        "<p>Kamati na madawati ya polisi nchini kote, na mapungufu ya watumishi, "
        "vyumba na ujuzi kuhusu ukatili mtandaoni.</p>",
    ),
    coordination=T(
        "<p>The ministry leads; committees at national, regional, council, ward "
        "and village level coordinate.</p>",
        "<p>Wizara inaongoza; kamati za taifa, mkoa, halmashauri, kata na kijiji zinaratibu.</p>",
    ),
    monitoring=T(
        "<p>Committees report every quarter; the ministry publishes a yearly report.</p>",
        "<p>Kamati hutoa taarifa kila robo mwaka; wizara huchapisha ripoti ya mwaka.</p>",
    ),
    sections=SECTIONS,
    commitments=COMMITMENTS,
    funding=Funding("UNICEF", "0.3", "0.45", 3),
    funding_source=T(
        "Government budget, councils' own sources and partners",
        "Bajeti ya serikali, mapato ya halmashauri na wadau",
    ),
    baseline_sources=T("Review of the plan (illustrative).", "Mapitio ya mpango (mfano)."),
    awaiting_review="Answer the child helpline 116 around the clock, in Swahili and English",
    narratives=(
        T("Work plan agreed with the committee.", "Mpango kazi ulikubaliwa na kamati."),
        T(
            "First activities done in Dodoma and Dar es Salaam.",
            "Shughuli za kwanza zilifanyika Dodoma na Dar es Salaam.",
        ),
        T("Activities extended to more regions.", "Shughuli zilipanuliwa katika mikoa zaidi."),
        T("Reviewed with the national committee.", "Yalipitiwa na kamati ya taifa."),
        T("Completed; report sent to the ministry.", "Imekamilika; ripoti imetumwa wizarani."),
    ),
)
