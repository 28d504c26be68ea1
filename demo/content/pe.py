# ruff: noqa: E501 - sentences in two languages, kept whole to be read and translated
"""Peru: after the structure of the national multisectoral policy for children and
adolescents to 2030, led by the Ministry of Women and Vulnerable Populations, with online
sexual violence as one of its lines. Original language Spanish. Its plan has no separate
coordination section (the policy's own bodies coordinate it). Illustrative content, not
claims about a government.
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


def T(en, es):
    return {"en": en, "es": es}


SECTIONS = (
    Section(
        2,
        T(
            "Decisions rest on regular data from police, prosecution and Línea 100.",
            "Las decisiones se basan en datos periódicos de la policía, la fiscalía y la Línea 100.",
        ),
        T(
            "Each institution counts cases its own way; there is no national report.",
            "Cada institución cuenta los casos a su manera; no hay un informe nacional.",
        ),
        (1, 3),
    ),
    Section(
        4,
        T(
            "Specialised police investigate online sexual violence in every macro-region.",
            "Policías especializados investigan la violencia sexual en línea en cada macrorregión.",
        ),
        T(
            "Specialised investigators work in Lima only.",
            "Los investigadores especializados trabajan solo en Lima.",
        ),
        (1, 3),
    ),
    Section(
        5,
        T(
            "Every child is heard once, in a Gesell chamber.",
            "Cada niña, niño o adolescente declara una sola vez, en cámara Gesell.",
        ),
        T(
            "Gesell chambers are missing in many judicial districts.",
            "Faltan cámaras Gesell en muchos distritos judiciales.",
        ),
        (2, 3),
    ),
    Section(
        8,
        T(
            "Women's Emergency Centres and health services give specialised care.",
            "Los Centros Emergencia Mujer y los servicios de salud brindan atención especializada.",
        ),
        T(
            "Care after online sexual violence is not in the clinical guidelines.",
            "La atención tras la violencia sexual en línea no figura en las guías clínicas.",
        ),
        (2, 4),
    ),
    Section(
        9,
        T(
            "Centre staff recognise online grooming and know how to respond.",
            "El personal de los centros reconoce el acoso sexual en línea y sabe responder.",
        ),
        T(
            "Few staff have been trained on online harms.",
            "Poco personal ha recibido formación sobre daños en línea.",
        ),
        (1, 3),
    ),
    Section(
        11,
        T(
            "Línea 100 answers by phone, chat and WhatsApp at any hour.",
            "La Línea 100 atiende por teléfono, chat y WhatsApp a toda hora.",
        ),
        T(
            "Línea 100 answers by phone; chat is limited.",
            "La Línea 100 atiende por teléfono; el chat es limitado.",
        ),
        (3, 4),
    ),
    Section(
        13,
        T(
            "Pupils learn digital citizenship and self-protection at school.",
            "El alumnado aprende ciudadanía digital y autoprotección en la escuela.",
        ),
        T(
            "The curriculum mentions digital citizenship without content on abuse.",
            "El currículo menciona la ciudadanía digital sin contenidos sobre abuso.",
        ),
        (1, 2),
    ),
    Section(
        21,
        T(
            "Laws and forms use the terms of the Luxembourg Guidelines.",
            "Las leyes y formularios usan los términos de las Orientaciones de Luxemburgo.",
        ),
        T(
            "Legal texts still use outdated terms.",
            "Los textos legales aún usan términos desactualizados.",
        ),
        (1, 2),
    ),
)

Ind = Indicator
COMMITMENTS = (
    Item(
        2,
        T(
            "Publish a yearly report on online sexual violence from police, prosecution and "
            "Línea 100 data",
            "Publicar un informe anual sobre violencia sexual en línea con datos de la policía, "
            "la fiscalía y la Línea 100",
        ),
        "lead",
        ("police", "prosecution", "helpline"),
        ON_TRACK,
        40,
        -20,
        60,
        180_000,
        inspire=(1,),
    ),
    Item(
        2,
        T(
            "Run a national survey on adolescents' experiences online",
            "Realizar una encuesta nacional sobre las experiencias de adolescentes en línea",
        ),
        "lead",
        ("education",),
        NOT_STARTED,
        0,
        7,
        18,
        950_000,
    ),
    Item(
        4,
        T(
            "Create regional units of the High Technology Crimes Division in Arequipa, Cusco "
            "and Piura",
            "Crear unidades regionales de la División de Alta Tecnología en Arequipa, Cusco y Piura",
        ),
        "police",
        ("prosecution",),
        DELAYED,
        25,
        -22,
        18,
        1_400_000,
        reason=T(
            "The transfer for premises was not approved; two regions are waiting.",
            "No se aprobó la transferencia para locales; dos regiones esperan.",
        ),
    ),
    Item(
        4,
        T(
            "Train police investigators in undercover online investigation",
            "Capacitar a investigadores policiales en investigación encubierta en línea",
        ),
        "police",
        ("prosecution",),
        ON_TRACK,
        45,
        -12,
        24,
        260_000,
        kind="training",
        delivery="blended",
        trainees={"police": 11},
        internal_notes="Course content is restricted to the Division.",
    ),
    Item(
        4,
        T(
            "Agree a protocol with internet providers to preserve digital evidence",
            "Acordar con los proveedores de internet un protocolo para preservar evidencia digital",
        ),
        "police",
        ("regulator", "prosecution"),
        AT_RISK,
        30,
        -14,
        20,
        45_000,
        reason=T(
            "Two of five providers have not signed; the ministry is mediating.",
            "Dos de cinco proveedores no han firmado; el ministerio media.",
        ),
    ),
    Item(
        5,
        T(
            "Install a Gesell chamber in every judicial district",
            "Instalar una cámara Gesell en cada distrito judicial",
        ),
        "prosecution",
        ("health",),
        ON_TRACK,
        60,
        -22,
        48,
        3_200_000,
        inspire=(3, 6),
        indicators=(
            Ind(
                T("Gesell chambers in use", "Cámaras Gesell en funcionamiento"), "chambers", 34, 60
            ),
        ),
    ),
    Item(
        5,
        T(
            "Train specialised prosecutors in cybercrime against children",
            "Capacitar a fiscales especializados en ciberdelitos contra niñas, niños y adolescentes",
        ),
        "prosecution",
        ("police",),
        COMPLETED,
        100,
        -20,
        10,
        120_000,
        kind="training",
        delivery="e_learning",
        trainees={"prosecutors": 25},
    ),
    Item(
        8,
        T(
            "Give specialised psychological care at the Women's Emergency Centres",
            "Brindar atención psicológica especializada en los Centros Emergencia Mujer",
        ),
        "cem",
        ("health",),
        ON_TRACK,
        50,
        -18,
        36,
        2_100_000,
        inspire=(6,),
        indicators=(
            Ind(
                T("Centres with a trained psychologist", "Centros con psicólogo capacitado"),
                "centres",
                60,
                245,
            ),
        ),
    ),
    Item(
        8,
        T(
            "Include online sexual violence in the health sector's clinical guideline",
            "Incluir la violencia sexual en línea en la guía clínica del sector salud",
        ),
        "health",
        ("cem",),
        DELAYED,
        20,
        -21,
        15,
        35_000,
        inspire=(6,),
        reason=T(
            "The technical review was reopened after a change of authorities.",
            "La revisión técnica se reabrió tras un cambio de autoridades.",
        ),
    ),
    Item(
        9,
        T(
            "Train Women's Emergency Centre staff to respond to online grooming",
            "Capacitar al personal de los Centros Emergencia Mujer para responder al acoso "
            "sexual en línea",
        ),
        "cem",
        ("ngo",),
        ON_TRACK,
        55,
        -10,
        20,
        310_000,
        inspire=(6,),
        kind="training",
        delivery="in_person",
        trainees={"social_workers": 22, "health_workers": 6},
    ),
    Item(
        11,
        T(
            "Answer Línea 100 by WhatsApp and chat around the clock",
            "Atender la Línea 100 por WhatsApp y chat las 24 horas",
        ),
        "helpline",
        ("lead",),
        ON_TRACK,
        60,
        -16,
        24,
        480_000,
        inspire=(6,),
        indicators=(
            Ind(
                T("Hours answered by chat", "Horas de atención por chat"), "hours per week", 40, 168
            ),
        ),
        draft={"description": "WhatsApp and chat answered day and night by trained staff."},
    ),
    Item(
        11,
        T(
            "Train Línea 100 operators to handle reports of sexual extortion",
            "Capacitar a las operadoras de la Línea 100 para atender casos de extorsión sexual",
        ),
        "helpline",
        (),
        COMPLETED,
        100,
        -18,
        8,
        60_000,
        inspire=(6,),
        kind="training",
        delivery="e_learning",
        trainees={"helpline_staff": 38},
    ),
    Item(
        13,
        T(
            "Include digital citizenship and self-protection in the national curriculum",
            "Incluir la ciudadanía digital y la autoprotección en el currículo nacional",
        ),
        "education",
        ("lead",),
        ON_TRACK,
        25,
        -6,
        40,
        520_000,
        inspire=(7,),
    ),
    Item(
        13,
        T(
            "Run a school campaign with adolescent peer educators",
            "Realizar una campaña escolar con adolescentes educadores de pares",
        ),
        "education",
        ("ngo", "helpline"),
        AT_RISK,
        35,
        -13,
        24,
        240_000,
        inspire=(7, 2),
        reason=T(
            "Schools in the south closed for weeks; activities are rescheduled.",
            "Escuelas del sur cerraron semanas; las actividades se reprograman.",
        ),
        stale=True,
    ),
    Item(
        21,
        T(
            "Align the Penal Code's terms with the Luxembourg Guidelines",
            "Armonizar los términos del Código Penal con las Orientaciones de Luxemburgo",
        ),
        "lead",
        ("prosecution",),
        DELAYED,
        15,
        -20,
        14,
        20_000,
        inspire=(2,),
        reason=T("The bill is still in committee.", "El proyecto de ley sigue en comisión."),
    ),
)

PLAN = PlanContent(
    code="pe",
    language="es",
    period=(2025, 2030),
    currency="PEN",
    title=T(
        "Peru: National Plan against Online Sexual Violence against Children and "
        "Adolescents 2025–2030",
        "Perú: Plan Nacional contra la Violencia Sexual en Línea hacia Niñas, Niños y "
        "Adolescentes 2025–2030",
    ),
    summary=T(
        "<p>The online line of the national multisectoral policy for children and "
        "adolescents, led by the MIMP. Illustrative demo content.</p>",
        "<p>La línea en línea de la política nacional multisectorial para niñas, niños y "
        "adolescentes, liderada por el MIMP. Contenido ilustrativo de demostración.</p>",
    ),
    vision=T(
        "<p>Every girl, boy and adolescent in Peru is safe online.</p>",
        "<p>Todas las niñas, niños y adolescentes del Perú están seguros en línea.</p>",
    ),
    situation=T(
        "<p>A national helpline and emergency centres in every province, with gaps in "
        "regional investigation and data.</p>",
        "<p>Una línea nacional y centros de emergencia en cada provincia, con brechas en "
        "la investigación regional y en los datos.</p>",
    ),
    coordination=T(
        "<p>The MIMP coordinates through the policy's multisectoral commission.</p>",
        "<p>El MIMP coordina mediante la comisión multisectorial de la política.</p>",
    ),
    monitoring=T(
        "<p>Institutions report every quarter; the MIMP publishes a yearly report.</p>",
        "<p>Las instituciones reportan cada trimestre; el MIMP publica un informe anual.</p>",
    ),
    sections=SECTIONS,
    commitments=COMMITMENTS,
    funding=Funding("Save the Children", "0.7", "0.1", 3),
    funding_source=T(
        "Public budget (results-based programme) and cooperation",
        "Presupuesto público (programa presupuestal) y cooperación",
    ),
    baseline_sources=T(
        "Policy diagnosis (illustrative).", "Diagnóstico de la política (ilustrativo)."
    ),
    awaiting_review="Answer Línea 100 by WhatsApp and chat around the clock",
    narratives=(
        T(
            "Work plan approved with the partner institutions.",
            "Plan de trabajo aprobado con las instituciones socias.",
        ),
        T(
            "First activities carried out in Lima and Callao.",
            "Primeras actividades realizadas en Lima y Callao.",
        ),
        T("Activities extended to the regions.", "Actividades ampliadas a las regiones."),
        T("Progress reviewed with the commission.", "Avance revisado con la comisión."),
        T("Completed; report sent to the MIMP.", "Concluido; informe enviado al MIMP."),
    ),
)
