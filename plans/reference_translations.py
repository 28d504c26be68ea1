"""The frameworks' names and short descriptions in Arabic, Spanish, French and Swahili.

Loaded by a data migration (`plans/migrations/0012_load_reference_translations.py`) into
the `translations` field of each domain, capability, INSPIRE strategy and maturity level.

Where a published translation of a name was found it is used and its source is named;
every other name is the development team's translation, marked as a draft to be reviewed
by a native speaker (the admin shows the mark beside it). The descriptions are this
product's own summaries in every language, English included. Searched for: the WePROTECT
Global Alliance's Model National Response in Spanish, French and Arabic (no capability
names found), WHO's INSPIRE in Spanish, French and Arabic (Spanish and French names
found, Arabic not).
"""

AR, ES, FR, SW = "ar", "es", "fr", "sw"

# Names published elsewhere, by framework and language; anything not listed is a draft.
INSPIRE_SOURCES = {
    ES: (
        "OPS/OMS, INSPIRE: Siete estrategias para poner fin a la violencia contra los niños "
        "y las niñas (Washington, D.C., 2017), as listed by the OAS Inter-American Network "
        "for Crime Prevention"
    ),
    FR: (
        "OMS/UNICEF, rapport de situation 2020 sur la prévention de la violence à "
        "l'encontre des enfants (names as quoted in its French summary); the first also in "
        "WHO's French INSPIRE and on the Safe Futures Hub"
    ),
}

# fmt: off
# MNR-2016 domain number -> language -> name.
DOMAINS = {
    1: {AR: "السياسات والحوكمة", ES: "Políticas y gobernanza", FR: "Politique et gouvernance",
        SW: "Sera na utawala"},
    2: {AR: "العدالة الجنائية", ES: "Justicia penal", FR: "Justice pénale", SW: "Haki jinai"},
    3: {AR: "الضحايا", ES: "Víctimas", FR: "Victimes", SW: "Waathirika"},
    4: {AR: "المجتمع", ES: "Sociedad", FR: "Société", SW: "Jamii"},
    5: {AR: "القطاع الخاص", ES: "Industria", FR: "Industrie", SW: "Sekta binafsi"},
    6: {AR: "الإعلام والاتصال", ES: "Medios y comunicación", FR: "Médias et communication",
        SW: "Vyombo vya habari na mawasiliano"},
}

# MNR-2016 capability number -> language -> (name, description).
CAPABILITIES = {
    1: {
        AR: ("القيادة", "هيئة وطنية للحوكمة خاضعة للمساءلة تجمع كل القطاعات وتتولى الاستجابة "
             "للاستغلال والاعتداء الجنسي على الأطفال عبر الإنترنت."),
        ES: ("Liderazgo", "Un órgano nacional de gobernanza que rinde cuentas, reúne a todos los "
             "sectores y asume la respuesta a la explotación y el abuso sexual infantil en línea."),
        FR: ("Leadership", "Un organe national de gouvernance redevable, qui réunit tous les "
             "secteurs et porte la réponse à l'exploitation et aux abus sexuels d'enfants en "
             "ligne."),
        SW: ("Uongozi", "Chombo cha kitaifa cha uongozi kinachowajibika, kinachoshirikisha sekta "
             "zote na kusimamia mwitikio dhidi ya unyanyasaji na unyonyaji wa kingono wa watoto "
             "mtandaoni."),
    },
    2: {
        AR: ("البحث والتحليل والرصد", "تقييم وطني دوري للتهديد وللاستجابة، لتستند القرارات إلى "
             "الأدلة."),
        ES: ("Investigación, análisis y seguimiento", "Evaluación nacional periódica de la "
             "amenaza y de la respuesta, para que las decisiones se basen en evidencia."),
        FR: ("Recherche, analyse et suivi", "Une évaluation nationale régulière de la menace et "
             "de la réponse, pour que les décisions reposent sur des données probantes."),
        SW: ("Utafiti, uchambuzi na ufuatiliaji", "Tathmini ya kitaifa ya mara kwa mara ya "
             "tishio na ya mwitikio, ili maamuzi yategemee ushahidi."),
    },
    3: {
        AR: ("التشريعات", "إطار قانوني شامل يجرّم الاستغلال والاعتداء الجنسي على الأطفال عبر "
             "الإنترنت ويحمي الأطفال في الإجراءات القضائية."),
        ES: ("Legislación", "Un marco jurídico integral que tipifica como delito la explotación "
             "y el abuso sexual infantil en línea y protege a niñas, niños y adolescentes en el "
             "proceso judicial."),
        FR: ("Législation", "Un cadre juridique complet qui érige en infraction l'exploitation "
             "et les abus sexuels d'enfants en ligne et protège les enfants dans la procédure "
             "judiciaire."),
        SW: ("Sheria", "Mfumo kamili wa kisheria unaofanya unyanyasaji na unyonyaji wa kingono "
             "wa watoto mtandaoni kuwa kosa la jinai na kuwalinda watoto katika mchakato wa "
             "haki."),
    },
    4: {
        AR: ("جهات إنفاذ قانون متخصصة", "وحدات شرطة مدرّبة ومزوّدة بالموارد، مكلّفة بالتحقيق في "
             "الاستغلال والاعتداء الجنسي على الأطفال عبر الإنترنت وتحديد هوية الضحايا والجناة."),
        ES: ("Fuerzas del orden especializadas", "Unidades policiales capacitadas y dotadas de "
             "recursos, con el mandato de investigar la explotación y el abuso sexual infantil "
             "en línea e identificar a víctimas y agresores."),
        FR: ("Services répressifs spécialisés", "Des unités de police formées et dotées de "
             "moyens, chargées d'enquêter sur l'exploitation et les abus sexuels d'enfants en "
             "ligne et d'identifier les victimes et les auteurs."),
        SW: ("Vyombo maalum vya kusimamia sheria", "Vitengo vya polisi vilivyopata mafunzo na "
             "rasilimali, vyenye jukumu la kuchunguza unyanyasaji na unyonyaji wa kingono wa "
             "watoto mtandaoni na kuwatambua waathirika na wahalifu."),
    },
    5: {
        AR: ("القضاء والنيابة العامة", "أعضاء نيابة وقضاة مدرّبون على هذه القضايا وعلى إجراءات "
             "ملائمة للأطفال ومتمحورة حول الضحية."),
        ES: ("Poder judicial y fiscalía", "Fiscales y jueces capacitados en estos casos y en "
             "procedimientos adaptados a la niñez y centrados en la víctima."),
        FR: ("Magistrats et procureurs", "Des procureurs et des juges formés à ces affaires et "
             "à des procédures adaptées aux enfants et centrées sur la victime."),
        SW: ("Mahakama na waendesha mashtaka", "Waendesha mashtaka na majaji waliopata mafunzo "
             "kuhusu kesi hizi na kuhusu taratibu rafiki kwa mtoto zinazomzingatia mwathirika."),
    },
    6: {
        AR: ("إدارة شؤون الجناة", "الإشراف على الجناة المدانين ومعالجتهم لمنع العودة إلى "
             "الجريمة."),
        ES: ("Gestión de los agresores", "Supervisión y tratamiento de los agresores condenados "
             "para prevenir la reincidencia."),
        FR: ("Gestion des auteurs d'infractions", "Le suivi et le traitement des auteurs "
             "condamnés pour prévenir la récidive."),
        SW: ("Usimamizi wa wahalifu", "Usimamizi na matibabu ya wahalifu waliotiwa hatiani ili "
             "kuzuia kurudia kosa."),
    },
    7: {
        AR: ("الوصول إلى قواعد بيانات الصور", "الربط بقاعدة بيانات الإنتربول الدولية الخاصة "
             "بالاستغلال الجنسي للأطفال وبقاعدة بيانات وطنية للصور لتحديد هوية الضحايا."),
        ES: ("Acceso a bases de datos de imágenes", "Conexión a la base de datos internacional "
             "de INTERPOL sobre explotación sexual de menores y a una base de datos nacional de "
             "imágenes para identificar a las víctimas."),
        FR: ("Accès aux bases de données d'images", "La connexion à la base de données "
             "internationale d'INTERPOL sur l'exploitation sexuelle des enfants et une base "
             "nationale d'images pour identifier les victimes."),
        SW: ("Upatikanaji wa hifadhidata za picha", "Kuunganishwa na hifadhidata ya kimataifa "
             "ya INTERPOL kuhusu unyonyaji wa kingono wa watoto na hifadhidata ya kitaifa ya "
             "picha ili kuwatambua waathirika."),
    },
    8: {
        AR: ("دعم متكامل", "دعم منسّق ومراعٍ للصدمات للطفل منذ أول إفصاح مرورًا بالتحقيق "
             "والمحاكمة وحتى التعافي."),
        ES: ("Apoyo integral", "Apoyo coordinado y sensible al trauma para la niña, el niño o el "
             "adolescente desde la primera revelación, durante la investigación y el juicio, "
             "hasta su recuperación."),
        FR: ("Accompagnement de bout en bout", "Un accompagnement coordonné et tenant compte "
             "des traumatismes, de la première révélation à l'enquête, au procès et au "
             "rétablissement de l'enfant."),
        SW: ("Msaada kamili", "Msaada ulioratibiwa unaozingatia kiwewe kwa mtoto, tangu "
             "anapoeleza kwa mara ya kwanza, wakati wa uchunguzi na kesi, hadi kupona."),
    },
    9: {
        AR: ("القوى العاملة في حماية الطفل", "عدد كافٍ من الأخصائيين الاجتماعيين وغيرهم من "
             "المهنيين المدرّبين في مجال حماية الطفل لتلبية احتياجات الأطفال."),
        ES: ("Personal de protección de la infancia", "Suficientes trabajadores sociales y "
             "otros profesionales de protección de la infancia capacitados para atender las "
             "necesidades de niñas, niños y adolescentes."),
        FR: ("Personnel de protection de l'enfance", "Suffisamment de travailleurs sociaux et "
             "d'autres professionnels de la protection de l'enfance formés pour répondre aux "
             "besoins des enfants."),
        SW: ("Wafanyakazi wa ulinzi wa mtoto", "Maafisa ustawi wa jamii na wataalamu wengine wa "
             "ulinzi wa mtoto waliopata mafunzo, wa kutosha kukidhi mahitaji ya watoto."),
    },
    10: {
        AR: ("التعويض وسبل الانتصاف والشكاوى", "سبل تتيح للأطفال وأسرهم الحصول على الإنصاف "
             "وتقديم الشكاوى."),
        ES: ("Indemnización, reparación y denuncias", "Vías para que niñas, niños, adolescentes "
             "y sus familias obtengan reparación y presenten quejas."),
        FR: ("Indemnisation, recours et plaintes", "Des voies permettant aux enfants et aux "
             "familles d'obtenir réparation et de porter plainte."),
        SW: ("Fidia, suluhu na malalamiko", "Njia za watoto na familia kupata haki na "
             "kuwasilisha malalamiko."),
    },
    11: {
        AR: ("خط مساعدة الأطفال", "خط مساعدة مجاني ومعروف للأطفال، قادر على الاستجابة لبلاغات "
             "الاستغلال والاعتداء الجنسي عبر الإنترنت وإحالتها."),
        ES: ("Línea de ayuda a la infancia", "Una línea de ayuda a la infancia gratuita y "
             "conocida, capaz de atender y derivar los casos de explotación y abuso sexual en "
             "línea."),
        FR: ("Ligne d'écoute pour enfants", "Une ligne d'écoute pour enfants gratuite et "
             "connue, capable de répondre aux signalements d'exploitation et d'abus sexuels en "
             "ligne et de les orienter."),
        SW: ("Huduma ya simu ya msaada kwa watoto", "Huduma ya simu ya msaada kwa watoto iliyo "
             "bure na inayojulikana, inayoweza kupokea na kupeleka taarifa za unyanyasaji na "
             "unyonyaji wa kingono mtandaoni."),
    },
    12: {
        AR: ("خط الإبلاغ عن الاستغلال والاعتداء الجنسي على الأطفال", "خط يمكن من خلاله للجمهور "
             "وللشركات الإبلاغ عن مواد الاعتداء الجنسي على الأطفال، ومرتبط بالشبكات الدولية."),
        ES: ("Línea de denuncia de abuso sexual infantil", "Una línea donde el público y las "
             "empresas pueden denunciar material de abuso sexual infantil, conectada con redes "
             "internacionales."),
        FR: ("Plateforme de signalement des abus sexuels sur enfants", "Une plateforme où le "
             "public et les entreprises peuvent signaler des contenus d'abus sexuels sur "
             "enfants, reliée aux réseaux internationaux."),
        SW: ("Huduma ya kuripoti unyanyasaji wa kingono wa watoto", "Huduma ambapo umma na "
             "kampuni zinaweza kuripoti maudhui ya unyanyasaji wa kingono wa watoto, "
             "iliyounganishwa na mitandao ya kimataifa."),
    },
    13: {
        AR: ("البرنامج التعليمي", "تثقيف الأطفال والآباء والمعلمين والمهنيين بشأن السلامة على "
             "الإنترنت وأماكن الحصول على المساعدة."),
        ES: ("Programa educativo", "Educación para niñas, niños, adolescentes, madres y padres, "
             "docentes y profesionales sobre la seguridad en línea y dónde pedir ayuda."),
        FR: ("Programme d'éducation", "L'éducation des enfants, des parents, des enseignants et "
             "des professionnels à la sécurité en ligne et aux moyens d'obtenir de l'aide."),
        SW: ("Programu ya elimu", "Elimu kwa watoto, wazazi, walimu na wataalamu kuhusu usalama "
             "mtandaoni na mahali pa kupata msaada."),
    },
    14: {
        AR: ("مشاركة الأطفال", "يشارك الأطفال والشباب في رسم السياسات والخدمات."),
        ES: ("Participación de niñas, niños y adolescentes", "Niñas, niños, adolescentes y "
             "jóvenes participan en la definición de las políticas y los servicios."),
        FR: ("Participation des enfants", "Les enfants et les jeunes participent à "
             "l'élaboration des politiques et des services."),
        SW: ("Ushiriki wa watoto", "Watoto na vijana hushiriki katika kuunda sera na huduma."),
    },
    15: {
        AR: ("أنظمة دعم الجناة المحتملين", "مساعدة الأشخاص المعرّضين لخطر ارتكاب الجرائم قبل أن "
             "يتعرض أي طفل للأذى."),
        ES: ("Sistemas de apoyo a potenciales agresores", "Ayuda para las personas en riesgo de "
             "cometer un delito, antes de que se dañe a una niña, un niño o un adolescente."),
        FR: ("Dispositifs d'aide aux auteurs potentiels", "Une aide aux personnes qui risquent "
             "de passer à l'acte, avant qu'un enfant ne soit atteint."),
        SW: ("Mifumo ya msaada kwa wanaoweza kutenda makosa", "Msaada kwa watu walio katika "
             "hatari ya kutenda kosa, kabla mtoto hajadhurika."),
    },
    16: {
        AR: ("إجراءات إزالة المحتوى", "إجراءات متفق عليها لإزالة مواد الاعتداء الجنسي على "
             "الأطفال بسرعة."),
        ES: ("Procedimientos de retirada de contenidos", "Procedimientos acordados para retirar "
             "con rapidez el material de abuso sexual infantil."),
        FR: ("Procédures de retrait", "Des procédures convenues pour retirer rapidement les "
             "contenus d'abus sexuels sur enfants."),
        SW: ("Taratibu za kuondoa maudhui", "Taratibu zilizokubaliwa za kuondoa haraka maudhui "
             "ya unyanyasaji wa kingono wa watoto."),
    },
    17: {
        AR: ("إبلاغ الشركات عن الاستغلال والاعتداء الجنسي على الأطفال", "واجب قانوني أو ممارسة "
             "متفق عليها تلزم الشركات بالإبلاغ عمّا تكتشفه من استغلال واعتداء جنسي على الأطفال."),
        ES: ("Denuncia por parte de las empresas", "Una obligación legal o una práctica "
             "acordada para que las empresas denuncien la explotación y el abuso sexual infantil "
             "que detecten."),
        FR: ("Signalement par les entreprises", "Une obligation légale ou une pratique convenue "
             "pour que les entreprises signalent l'exploitation et les abus sexuels d'enfants "
             "qu'elles découvrent."),
        SW: ("Kampuni kuripoti unyanyasaji wa kingono wa watoto", "Wajibu wa kisheria au "
             "utaratibu uliokubaliwa kwa kampuni kuripoti unyanyasaji na unyonyaji wa kingono wa "
             "watoto wanaougundua."),
    },
    18: {
        AR: ("تطوير حلول مبتكرة", "تعمل الشركات مع الحكومة والمجتمع المدني على تقنيات تكشف "
             "الاعتداء وتمنعه."),
        ES: ("Desarrollo de soluciones innovadoras", "Las empresas trabajan con el gobierno y "
             "la sociedad civil en tecnologías que detectan y previenen el abuso."),
        FR: ("Développement de solutions innovantes", "Les entreprises travaillent avec les "
             "pouvoirs publics et la société civile sur des technologies qui détectent et "
             "préviennent les abus."),
        SW: ("Uundaji wa suluhisho bunifu", "Kampuni hushirikiana na serikali na asasi za kiraia "
             "katika teknolojia inayogundua na kuzuia unyanyasaji."),
    },
    19: {
        AR: ("المسؤولية الاجتماعية للشركات", "تدمج الشركات سلامة الأطفال في منتجاتها "
             "وسياساتها."),
        ES: ("Responsabilidad social empresarial", "Las empresas integran la seguridad infantil "
             "en sus productos y políticas."),
        FR: ("Responsabilité sociale des entreprises", "Les entreprises intègrent la sécurité "
             "des enfants à leurs produits et à leurs politiques."),
        SW: ("Uwajibikaji wa kampuni kwa jamii", "Kampuni huweka usalama wa watoto katika "
             "bidhaa na sera zao."),
    },
    20: {
        AR: ("تغطية إعلامية أخلاقية ومستنيرة", "وسائل إعلام تغطي الاستغلال والاعتداء الجنسي على "
             "الأطفال بدقة ودون الإضرار بالضحايا."),
        ES: ("Cobertura mediática ética e informada", "Medios que informan sobre la explotación "
             "y el abuso sexual infantil con rigor y sin dañar a las víctimas."),
        FR: ("Couverture médiatique éthique et informée", "Des médias qui rendent compte de "
             "l'exploitation et des abus sexuels d'enfants avec exactitude et sans nuire aux "
             "victimes."),
        SW: ("Uandishi wa habari wenye maadili na ujuzi", "Vyombo vya habari vinavyoripoti "
             "unyanyasaji na unyonyaji wa kingono wa watoto kwa usahihi na bila kuwadhuru "
             "waathirika."),
    },
    21: {
        AR: ("المصطلحات الموحّدة", "يستخدم الجميع المصطلحات المتفق عليها في مبادئ لوكسمبورغ "
             "التوجيهية (2016)، مثل «مواد الاعتداء الجنسي على الأطفال» بدلًا من «المواد الإباحية "
             "للأطفال»."),
        ES: ("Terminología universal", "Todos usan los términos acordados en las Orientaciones "
             "de Luxemburgo (2016), por ejemplo «material de abuso sexual infantil» y no "
             "«pornografía infantil»."),
        FR: ("Terminologie universelle", "Chacun utilise les termes convenus du guide de "
             "terminologie de Luxembourg (2016), par exemple « matériel d'abus sexuels sur "
             "enfants » plutôt que « pédopornographie »."),
        SW: ("Istilahi za pamoja", "Kila mtu anatumia istilahi zilizokubaliwa za Miongozo ya "
             "Luxembourg (2016), kwa mfano «maudhui ya unyanyasaji wa kingono wa watoto», si "
             "«ponografia ya watoto»."),
    },
}

# INSPIRE strategy number -> language -> (name, description).
INSPIRE_STRATEGIES = {
    1: {
        AR: ("تنفيذ القوانين وإنفاذها", "قوانين تحظر العنف ضد الأطفال، وإنفاذها."),
        ES: ("Implementación y vigilancia del cumplimiento de las leyes", "Leyes que prohíben "
             "la violencia contra niñas, niños y adolescentes, y su cumplimiento efectivo."),
        FR: ("Mise en œuvre et application des lois", "Des lois qui interdisent la violence à "
             "l'encontre des enfants, et leur application."),
        SW: ("Utekelezaji na usimamizi wa sheria", "Sheria zinazokataza ukatili dhidi ya watoto, "
             "na usimamizi wake."),
    },
    2: {
        AR: ("الأعراف والقيم", "تغيير الأعراف والقيم التي تتسامح مع العنف ضد الأطفال."),
        ES: ("Normas y valores", "Cambiar las normas y los valores que toleran la violencia "
             "contra la niñez."),
        FR: ("Normes et valeurs", "Faire évoluer les normes et les valeurs qui tolèrent la "
             "violence à l'encontre des enfants."),
        SW: ("Kanuni na maadili", "Kubadilisha kanuni na maadili yanayovumilia ukatili dhidi ya "
             "watoto."),
    },
    3: {
        AR: ("البيئات الآمنة", "جعل الأماكن التي يقضي فيها الأطفال أوقاتهم آمنة."),
        ES: ("Seguridad en el entorno", "Hacer seguros los lugares donde niñas, niños y "
             "adolescentes pasan su tiempo."),
        FR: ("Sûreté des environnements", "Rendre sûrs les lieux où les enfants passent du "
             "temps."),
        SW: ("Mazingira salama", "Kufanya maeneo ambamo watoto hutumia muda wao kuwa salama."),
    },
    4: {
        AR: ("دعم الآباء ومقدّمي الرعاية", "دعم الآباء ومقدّمي الرعاية لتربية الأطفال دون عنف."),
        ES: ("Padres, madres y cuidadores reciben apoyo", "Apoyo a madres, padres y cuidadores "
             "para criar sin violencia."),
        FR: ("Appui aux parents et aux personnes ayant la charge des enfants", "Un soutien aux "
             "parents et aux personnes qui s'occupent des enfants pour les élever sans "
             "violence."),
        SW: ("Msaada kwa wazazi na walezi", "Msaada kwa wazazi na walezi kulea watoto bila "
             "ukatili."),
    },
    5: {
        AR: ("الدخل والتمكين الاقتصادي", "دعم اقتصادي للأسر يحدّ من خطر العنف."),
        ES: ("Ingresos y fortalecimiento económico", "Apoyo económico a las familias que reduce "
             "el riesgo de violencia."),
        FR: ("Revenus et renforcement économique", "Un soutien économique aux familles qui "
             "réduit le risque de violence."),
        SW: ("Kipato na uimarishaji wa uchumi", "Msaada wa kiuchumi kwa familia unaopunguza "
             "hatari ya ukatili."),
    },
    6: {
        AR: ("خدمات الاستجابة والدعم", "خدمات تكشف الأطفال الذين يتعرضون للعنف وتحيلهم "
             "وتدعمهم."),
        ES: ("Respuesta de los servicios de atención y apoyo", "Servicios que identifican, "
             "derivan y apoyan a niñas, niños y adolescentes que sufren violencia."),
        FR: ("Services de lutte et d'appui", "Des services qui repèrent, orientent et "
             "soutiennent les enfants victimes de violence."),
        SW: ("Huduma za mwitikio na msaada", "Huduma zinazowatambua, kuwapeleka na kuwasaidia "
             "watoto wanaofanyiwa ukatili."),
    },
    7: {
        AR: ("التعليم والمهارات الحياتية", "التعليم المدرسي والمهارات الحياتية التي تحمي الأطفال "
             "من العنف."),
        ES: ("Educación y aptitudes para la vida", "Escolarización y aptitudes para la vida "
             "que protegen a la niñez de la violencia."),
        FR: ("Éducation et savoir-faire pratiques", "Une scolarisation et des compétences de "
             "vie qui protègent les enfants de la violence."),
        SW: ("Elimu na stadi za maisha", "Elimu ya shule na stadi za maisha zinazowalinda watoto "
             "dhidi ya ukatili."),
    },
}

# Maturity level order -> language -> (name, description). The names are those of the
# interface catalogues (locale/*/LC_MESSAGES/django.po), drafts like the rest of them.
MATURITY_LEVELS = {
    1: {
        AR: ("غير قائمة بعد", "لا يوجد شيء من هذه القدرة بعد، أو يوجد على الورق فقط."),
        ES: ("Aún no existe", "Todavía no existe nada de la capacidad, o solo sobre el papel."),
        FR: ("Pas encore en place", "Rien de la capacité n'existe encore, ou seulement sur le "
             "papier."),
        SW: ("Bado haipo", "Hakuna chochote cha uwezo huu bado, au kipo kwenye karatasi tu."),
    },
    2: {
        AR: ("قيد التطوير", "بدأ العمل: توجد ولاية أو خطة أو مشروع تجريبي، لكن لا توجد خدمة "
             "عاملة بعد."),
        ES: ("En desarrollo", "El trabajo ha comenzado: existe un mandato, un plan o un piloto, "
             "pero no un servicio en funcionamiento."),
        FR: ("En cours de développement", "Le travail a commencé : un mandat, un plan ou un "
             "projet pilote existe, mais pas encore de service opérationnel."),
        SW: ("Inaendelezwa", "Kazi imeanza: kuna mamlaka, mpango au majaribio, lakini si huduma "
             "inayofanya kazi."),
    },
    3: {
        AR: ("قائمة جزئيًا", "تعمل القدرة جزئيًا: في بعض المناطق أو لدى بعض الجهات أو دون "
             "موارد."),
        ES: ("Existe en parte", "La capacidad funciona en parte: en algunas regiones, en "
             "algunas instituciones o sin recursos."),
        FR: ("Partiellement en place", "La capacité fonctionne en partie : dans certaines "
             "régions, certains organismes, ou sans moyens."),
        SW: ("Ipo kwa sehemu", "Uwezo unafanya kazi kwa sehemu: baadhi ya mikoa, baadhi ya "
             "taasisi, au bila rasilimali."),
    },
    4: {
        AR: ("قائمة بالكامل", "تعمل القدرة على المستوى الوطني، ولها موارد، وتُراجع بانتظام."),
        ES: ("Existe plenamente", "La capacidad funciona en todo el país, cuenta con recursos y "
             "se revisa periódicamente."),
        FR: ("Pleinement en place", "La capacité fonctionne dans tout le pays, dispose de "
             "moyens et est réexaminée régulièrement."),
        SW: ("Ipo kikamilifu", "Uwezo unafanya kazi nchi nzima, una rasilimali na hupitiwa mara "
             "kwa mara."),
    },
}

# Legislative criterion order -> language -> (name, description): drafts, like the
# capability names (no published translation of ICMEC's criteria was found).
LEGISLATIVE_CRITERIA = {
    1: {
        AR: ("تشريع خاص بمواد الاعتداء الجنسي على الأطفال",
             "يتناول القانون مواد الاعتداء الجنسي على الأطفال تحديدًا، لا الفحش أو الإخلال "
             "بالحياء عمومًا فقط."),
        ES: ("Legislación específica sobre material de abuso sexual infantil",
             "La ley trata específicamente el material de abuso sexual infantil, no solo la "
             "obscenidad o la indecencia en general."),
        FR: ("Législation propre au matériel d'abus sexuels sur enfants",
             "La loi traite spécifiquement du matériel d'abus sexuels sur enfants, et pas "
             "seulement de l'obscénité ou de l'indécence en général."),
        SW: ("Sheria mahususi kuhusu maudhui ya unyanyasaji wa kingono kwa watoto",
             "Sheria inashughulikia maudhui ya unyanyasaji wa kingono kwa watoto mahususi, "
             "si uchafu au ukosefu wa adabu kwa ujumla tu."),
    },
    2: {
        AR: ("تعريف مواد الاعتداء الجنسي على الأطفال",
             "يعرّف القانون مواد الاعتداء الجنسي على الأطفال، والطفل بأنه كل من لم يبلغ 18 "
             "عامًا أيًا كان سن الرضا."),
        ES: ("El material de abuso sexual infantil está definido",
             "La ley define el material de abuso sexual infantil, y al niño o niña como toda "
             "persona menor de 18 años, sea cual sea la edad de consentimiento."),
        FR: ("Le matériel d'abus sexuels sur enfants est défini",
             "La loi définit le matériel d'abus sexuels sur enfants, et l'enfant comme toute "
             "personne de moins de 18 ans, quel que soit l'âge du consentement."),
        SW: ("Maudhui ya unyanyasaji wa kingono kwa watoto yamefafanuliwa",
             "Sheria inafafanua maudhui ya unyanyasaji wa kingono kwa watoto, na mtoto kuwa "
             "mtu yeyote chini ya miaka 18, bila kujali umri wa ridhaa."),
    },
    3: {
        AR: ("تجريم الجرائم المرتكبة بواسطة التكنولوجيا",
             "الجرائم المرتكبة عبر الحواسيب أو الإنترنت أو الأجهزة المحمولة جرائم يعاقب "
             "عليها القانون."),
        ES: ("Los delitos facilitados por la tecnología están tipificados",
             "Los delitos cometidos mediante computadoras, internet o dispositivos móviles son "
             "delitos."),
        FR: ("Les infractions facilitées par la technologie sont incriminées",
             "Les infractions commises au moyen d'ordinateurs, d'internet ou d'appareils "
             "mobiles sont des crimes ou délits."),
        SW: ("Makosa yanayowezeshwa na teknolojia ni jinai",
             "Makosa yanayotendwa kupitia kompyuta, intaneti au vifaa vya mkononi ni jinai."),
    },
    4: {
        AR: ("تجريم الحيازة عن علم",
             "حيازة مواد الاعتداء الجنسي على الأطفال عن علم جريمة، أيًا كانت نية التوزيع."),
        ES: ("La posesión a sabiendas está tipificada",
             "Poseer a sabiendas material de abuso sexual infantil es delito, sea cual sea la "
             "intención de distribuirlo."),
        FR: ("La détention en connaissance de cause est incriminée",
             "Détenir sciemment du matériel d'abus sexuels sur enfants est une infraction, "
             "quelle que soit l'intention de le diffuser."),
        SW: ("Kumiliki kwa kujua ni jinai",
             "Kumiliki kwa kujua maudhui ya unyanyasaji wa kingono kwa watoto ni jinai, bila "
             "kujali nia ya kuyasambaza."),
    },
    5: {
        AR: ("إلزام مزودي خدمة الإنترنت بالإبلاغ",
             "يجب على مزودي خدمة الإنترنت الإبلاغ عن مواد الاعتداء الجنسي على الأطفال "
             "المشتبه بها إلى جهات إنفاذ القانون أو جهة مختصة أخرى."),
        ES: ("Los proveedores de internet deben denunciar",
             "Los proveedores de servicios de internet deben denunciar el material de abuso "
             "sexual infantil sospechoso a las fuerzas del orden u otro organismo designado."),
        FR: ("Les fournisseurs d'accès à internet doivent signaler",
             "Les fournisseurs d'accès à internet doivent signaler le matériel d'abus sexuels "
             "sur enfants suspecté aux forces de l'ordre ou à un autre organisme désigné."),
        SW: ("Watoa huduma za intaneti lazima waripoti",
             "Watoa huduma za intaneti lazima waripoti maudhui yanayoshukiwa kuwa ya "
             "unyanyasaji wa kingono kwa watoto kwa vyombo vya sheria au chombo kingine "
             "kilichoidhinishwa."),
    },
    6: {
        AR: ("تجريم الاستدراج عبر الإنترنت",
             "استدراج طفل عبر الإنترنت لأغراض جنسية جريمة، حتى لو لم يحدث لقاء."),
        ES: ("El grooming en línea está tipificado",
             "Contactar a un niño o niña en línea con fines sexuales es delito, aunque no "
             "llegue a haber un encuentro."),
        FR: ("La sollicitation d'enfants en ligne est incriminée",
             "Solliciter un enfant en ligne à des fins sexuelles est une infraction, même "
             "sans rencontre."),
        SW: ("Kumrubuni mtoto mtandaoni ni jinai",
             "Kumshawishi mtoto mtandaoni kwa madhumuni ya kingono ni jinai, hata kama "
             "hawakukutana."),
    },
    7: {
        AR: ("تجريم الابتزاز الجنسي للأطفال",
             "إكراه طفل بالتهديد بنشر صور جنسية، أو للحصول عليها، جريمة."),
        ES: ("La extorsión sexual de niñas, niños y adolescentes está tipificada",
             "Coaccionar a un niño o niña con amenazas de difundir imágenes sexuales, o para "
             "obtenerlas, es delito."),
        FR: ("L'extorsion sexuelle d'enfants est incriminée",
             "Contraindre un enfant en menaçant de diffuser des images sexuelles, ou pour en "
             "obtenir, est une infraction."),
        SW: ("Ulaghai wa kingono dhidi ya watoto ni jinai",
             "Kumlazimisha mtoto kwa vitisho vya kusambaza picha za kingono, au ili kuzipata, "
             "ni jinai."),
    },
    8: {
        AR: ("الاحتفاظ بالبيانات وحفظها",
             "يجب على مزودي خدمة الإنترنت الاحتفاظ بالبيانات التي تحتاجها التحقيقات أو "
             "حفظها لمدة محددة."),
        ES: ("Conservación y preservación de datos",
             "Los proveedores de servicios de internet deben conservar o preservar, durante un "
             "plazo fijado, los datos que necesitan las investigaciones."),
        FR: ("Conservation et préservation des données",
             "Les fournisseurs d'accès à internet doivent conserver ou préserver, pendant une "
             "durée fixée, les données dont les enquêtes ont besoin."),
        SW: ("Kuhifadhi na kutunza data",
             "Watoa huduma za intaneti lazima wahifadhi au watunze data zinazohitajika na "
             "upelelezi, kwa muda uliowekwa."),
    },
}

# fmt: on


def entry(english_name: str, name: str, description: str = "", source: str = "") -> dict:
    """One language's translation as the `translations` field stores it."""
    value = {"name": name, "english": english_name, "source": source, "draft": not source}
    if description:
        value["description"] = description
    return value
