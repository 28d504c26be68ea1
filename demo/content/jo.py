# ruff: noqa: E501 - sentences in two languages, kept whole to be read and translated
"""Jordan: after the structure of the national framework for family protection
coordinated by the National Council for Family Affairs, with online exploitation as a
strand of it. Original language Arabic. Illustrative content, not claims about a
government.
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


def T(en, ar):
    return {"en": en, "ar": ar}


SECTIONS = (
    Section(
        3,
        T(
            "The law names and punishes every form of online sexual exploitation of children.",
            "يجرّم القانون جميع أشكال الاستغلال الجنسي للأطفال عبر الإنترنت ويعاقب عليها.",
        ),
        T(
            "The Cybercrime Law covers some offences; grooming is not named.",
            "يغطي قانون الجرائم الإلكترونية بعض الجرائم، ولا يسمّي الاستدراج.",
        ),
        (2, 3),
    ),
    Section(
        4,
        T(
            "Family-protection and cybercrime investigators work cases together.",
            "يعمل محققو حماية الأسرة والجرائم الإلكترونية معًا على القضايا.",
        ),
        T(
            "The two departments investigate separately and share little.",
            "تحقق الإدارتان كلٌّ على حدة وتتبادلان القليل من المعلومات.",
        ),
        (2, 4),
    ),
    Section(
        5,
        T(
            "Children testify once, by video link, before specialised judges.",
            "يدلي الأطفال بشهادتهم مرة واحدة عبر الربط المرئي أمام قضاة متخصصين.",
        ),
        T("Video links exist in a few courts only.", "الربط المرئي متاح في عدد قليل من المحاكم."),
        (1, 3),
    ),
    Section(
        8,
        T(
            "Every child who discloses abuse has a case manager and psychosocial support.",
            "لكل طفل يفصح عن إساءة مدير حالة ودعم نفسي اجتماعي.",
        ),
        T(
            "Case management is strong in Amman, thin in the governorates.",
            "إدارة الحالة قوية في عمّان وضعيفة في المحافظات.",
        ),
        (2, 3),
    ),
    Section(
        9,
        T(
            "Case managers recognise technology-facilitated abuse.",
            "يتعرّف مديرو الحالات على الإساءة الميسّرة بالتكنولوجيا.",
        ),
        T(
            "Training on online harms has reached few case managers.",
            "لم يصل التدريب على الأضرار الرقمية إلا إلى عدد قليل من مديري الحالات.",
        ),
        (1, 2),
    ),
    Section(
        11,
        T(
            "The 110 helpline answers by phone and chat and refers within a day.",
            "يستجيب خط 110 عبر الهاتف والمحادثة ويحيل البلاغات خلال يوم.",
        ),
        T("The helpline answers by phone only.", "يستجيب خط المساندة عبر الهاتف فقط."),
        (3, 4),
    ),
    Section(
        13,
        T(
            "Pupils, parents and teachers know the risks online and where to get help.",
            "يعرف الطلبة والأهالي والمعلمون مخاطر الإنترنت وأين يطلبون المساعدة.",
        ),
        T("Digital safety is not taught in schools.", "لا تُدرَّس السلامة الرقمية في المدارس."),
        (1, 3),
    ),
    Section(
        21,
        T(
            "All agencies use the Arabic terms agreed from the Luxembourg Guidelines.",
            "تستخدم جميع الجهات المصطلحات العربية المتفق عليها من إرشادات لوكسمبورغ.",
        ),
        T(
            "Agencies use different Arabic words for the same harm.",
            "تستخدم الجهات كلمات عربية مختلفة للضرر نفسه.",
        ),
        (1, 2),
    ),
)

Ind = Indicator
COMMITMENTS = (
    Item(
        3,
        T(
            "Propose amendments to the Cybercrime Law on online grooming and sexual extortion",
            "اقتراح تعديلات على قانون الجرائم الإلكترونية بشأن الاستدراج والابتزاز الجنسي عبر الإنترنت",
        ),
        "lead",
        ("justice", "cyber"),
        AT_RISK,
        40,
        -20,
        26,
        18_000,
        T(
            "A drafted amendment with the Judicial Council and the Cybercrime Unit.",
            "مسودة تعديل بالتعاون مع المجلس القضائي ووحدة الجرائم الإلكترونية.",
        ),
        reason=T(
            "Consultations on the draft take longer than planned.",
            "تستغرق المشاورات حول المسودة وقتًا أطول من المخطط.",
        ),
    ),
    Item(
        4,
        T(
            "Set up a joint online child-abuse desk of family protection and cybercrime units",
            "إنشاء مكتب مشترك لقضايا إساءة الأطفال عبر الإنترنت بين حماية الأسرة والجرائم الإلكترونية",
        ),
        "police",
        ("cyber",),
        ON_TRACK,
        65,
        -18,
        30,
        95_000,
        T(
            "One desk, shared case files and a duty officer every day.",
            "مكتب واحد وملفات قضايا مشتركة وضابط مناوب يوميًا.",
        ),
    ),
    Item(
        4,
        T(
            "Certify family-protection investigators in handling digital evidence",
            "اعتماد محققي حماية الأسرة في التعامل مع الأدلة الرقمية",
        ),
        "police",
        ("justice",),
        ON_TRACK,
        50,
        -15,
        30,
        42_000,
        indicators=(Ind(T("Investigators certified", "المحققون المعتمدون"), "officers", 10, 80),),
        kind="training",
        delivery="blended",
        trainees={"police": 6},
    ),
    Item(
        4,
        T(
            "Connect the Cybercrime Unit to an international image database",
            "ربط وحدة الجرائم الإلكترونية بقاعدة بيانات دولية للصور",
        ),
        "cyber",
        ("police",),
        ON_TRACK,
        30,
        -10,
        24,
        60_000,
        internal=True,
        internal_notes="Access terms are confidential until the agreement is signed.",
    ),
    Item(
        5,
        T(
            "Hear children's testimony by video link in every juvenile court",
            "سماع شهادة الأطفال عبر الربط المرئي في جميع محاكم الأحداث",
        ),
        "justice",
        ("social",),
        DELAYED,
        35,
        -22,
        18,
        120_000,
        inspire=(3,),
        reason=T(
            "Equipment arrived in four of twelve governorates; installation awaits budget.",
            "وصلت المعدات إلى أربع محافظات من اثنتي عشرة، والتركيب بانتظار الموازنة.",
        ),
    ),
    Item(
        5,
        T(
            "Train juvenile judges and prosecutors on online offences against children",
            "تدريب قضاة الأحداث والمدعين العامين على الجرائم الإلكترونية بحق الأطفال",
        ),
        "justice",
        ("cyber",),
        COMPLETED,
        100,
        -21,
        10,
        15_500,
        kind="training",
        delivery="in_person",
        trainees={"judges": 7, "prosecutors": 11},
    ),
    Item(
        8,
        T(
            "Open psychosocial support rooms in family-protection offices",
            "افتتاح غرف للدعم النفسي الاجتماعي في مكاتب حماية الأسرة",
        ),
        "social",
        ("ngo", "police"),
        ON_TRACK,
        45,
        -12,
        30,
        210_000,
        inspire=(6,),
        indicators=(
            Ind(T("Offices with a support room", "مكاتب فيها غرفة دعم"), "offices", 3, 14),
        ),
    ),
    Item(
        8,
        T(
            "Agree a case-management protocol between family protection and social development",
            "اعتماد بروتوكول لإدارة الحالة بين حماية الأسرة ووزارة التنمية الاجتماعية",
        ),
        "social",
        ("police",),
        COMPLETED,
        100,
        -23,
        9,
        6_000,
        inspire=(6,),
    ),
    Item(
        9,
        T(
            "Train social development case managers on technology-facilitated abuse",
            "تدريب مديري الحالات في وزارة التنمية الاجتماعية على الإساءة الميسّرة بالتكنولوجيا",
        ),
        "social",
        ("ngo",),
        AT_RISK,
        30,
        -9,
        24,
        28_000,
        inspire=(6,),
        reason=T(
            "Trainers were not available; the second group moves to next quarter.",
            "لم يتوفر المدربون، وتأجلت المجموعة الثانية إلى الربع القادم.",
        ),
        kind="training",
        delivery="in_person",
        trainees={"social_workers": 14, "ngos": 4},
    ),
    Item(
        11,
        T("Add a chat channel to the 110 helpline", "إضافة قناة محادثة إلى خط المساندة 110"),
        "helpline",
        ("lead",),
        ON_TRACK,
        55,
        -14,
        20,
        35_000,
        T("Counsellors answer by chat in the evenings.", "يجيب المرشدون عبر المحادثة في المساء."),
        inspire=(6,),
        draft={"description": "Counsellors answer by chat every day, evenings included."},
    ),
    Item(
        11,
        T(
            "Record online cases with Child Helpline International's categories",
            "تسجيل حالات الإنترنت وفق تصنيفات منظمة خطوط مساندة الطفل الدولية",
        ),
        "helpline",
        (),
        COMPLETED,
        100,
        -20,
        6,
        4_500,
        inspire=(6,),
    ),
    Item(
        11,
        T(
            "Refer helpline reports of online abuse to family protection within 24 hours",
            "إحالة بلاغات الإساءة عبر الإنترنت من خط المساندة إلى حماية الأسرة خلال 24 ساعة",
        ),
        "helpline",
        ("police",),
        ON_TRACK,
        70,
        -16,
        22,
        8_000,
        inspire=(6,),
        indicators=(Ind(T("Reports referred within a day", "بلاغات أُحيلت خلال يوم"), "%", 40, 95),),
        stale=True,
    ),
    Item(
        13,
        T(
            "Introduce digital safety lessons in grades 7 to 10",
            "إدخال دروس السلامة الرقمية في الصفوف من السابع إلى العاشر",
        ),
        "education",
        ("regulator",),
        ON_TRACK,
        35,
        -8,
        32,
        150_000,
        inspire=(7,),
        indicators=(
            Ind(T("Schools teaching the lessons", "مدارس تقدم الدروس"), "schools", 0, 600),
        ),
    ),
    Item(
        13,
        T(
            "Run a national awareness campaign for parents on sexual extortion",
            "تنفيذ حملة توعية وطنية للأهالي حول الابتزاز الجنسي",
        ),
        "regulator",
        ("helpline", "ngo"),
        DELAYED,
        15,
        -19,
        12,
        55_000,
        inspire=(4, 2),
        reason=T(
            "Campaign materials awaited the partners' approval; the launch is postponed.",
            "انتظرت مواد الحملة موافقة الشركاء، وتأجل إطلاقها.",
        ),
    ),
    Item(
        13,
        T(
            "Train school counsellors to recognise and refer online abuse",
            "تدريب المرشدين التربويين على التعرّف على الإساءة عبر الإنترنت وإحالتها",
        ),
        "education",
        ("social",),
        NOT_STARTED,
        0,
        3,
        18,
        24_000,
        inspire=(7,),
        kind="training",
        delivery="in_person",
    ),
    Item(
        21,
        T(
            "Publish an Arabic glossary of terms based on the Luxembourg Guidelines",
            "نشر مسرد عربي للمصطلحات مستند إلى إرشادات لوكسمبورغ",
        ),
        "lead",
        ("justice", "police"),
        ON_TRACK,
        60,
        -11,
        18,
        5_000,
        inspire=(2,),
    ),
)

PLAN = PlanContent(
    code="jo",
    language="ar",
    period=(2025, 2028),
    currency="JOD",
    title=T(
        "Jordan: National Framework for Protecting Children from Online Sexual "
        "Exploitation 2025–2028",
        "الأردن: الإطار الوطني لحماية الأطفال من الاستغلال الجنسي عبر الإنترنت 2025–2028",
    ),
    summary=T(
        "<p>The online strand of the national family-protection framework, led by the "
        "National Council for Family Affairs. Illustrative demo content.</p>",
        "<p>المحور الرقمي في الإطار الوطني لحماية الأسرة، بقيادة المجلس الوطني لشؤون "
        "الأسرة. محتوى توضيحي للعرض.</p>",
    ),
    vision=T(
        "<p>Every child in Jordan is safe online.</p>", "<p>كل طفل في الأردن آمن على الإنترنت.</p>"
    ),
    situation=T(
        "<p>Strong family-protection services and a helpline, with gaps in the law, "
        "in digital evidence and in schools.</p>",
        "<p>خدمات قوية لحماية الأسرة وخط مساندة، مع فجوات في التشريع والأدلة الرقمية والمدارس.</p>",
    ),
    coordination=T(
        "<p>The National Council for Family Affairs chairs the national team.</p>",
        "<p>يرأس المجلس الوطني لشؤون الأسرة الفريق الوطني.</p>",
    ),
    monitoring=T(
        "<p>Agencies report every quarter to the national team.</p>",
        "<p>ترفع الجهات تقاريرها كل ربع سنة إلى الفريق الوطني.</p>",
    ),
    sections=SECTIONS,
    commitments=COMMITMENTS,
    funding=Funding("UNICEF", "0.6", "0.25", 2),
    funding_source=T("General budget and development partners", "الموازنة العامة والشركاء"),
    baseline_sources=T("Framework review (illustrative).", "مراجعة الإطار (توضيحي)."),
    awaiting_review="Add a chat channel to the 110 helpline",
    narratives=(
        T("Work plan agreed with the national team.", "اعتُمدت خطة العمل مع الفريق الوطني."),
        T("First activities delivered in Amman.", "نُفذت الأنشطة الأولى في عمّان."),
        T("Activities extended to the governorates.", "توسعت الأنشطة إلى المحافظات."),
        T("Reviewed with the national team.", "رُوجعت مع الفريق الوطني."),
        T("Completed and reported to the Council.", "أُنجز ورُفع التقرير إلى المجلس."),
    ),
)
