"""The Luxembourg Guidelines' terms to avoid and to use with care in Spanish, French and
Arabic, with the agreed alternatives.

Each term names what of it was found published (`source`); a term whose phrase or
alternative is the development team's translation is a `draft`, to be reviewed by a native
speaker. The Guidelines were adapted to Spanish ("Orientaciones terminológicas para la
protección de niñas, niños y adolescentes contra la explotación y el abuso sexuales",
ECPAT/Interagency Working Group, July 2016) and French ("Guide de terminologie"), but
only their title pages and foreword could be read; the terms below come from the sources
named on each. No Arabic or Swahili version was found: the Arabic terms are all drafts,
and Swahili has none yet.

The English terms get their source too (the Guidelines themselves).
"""

from django.db import migrations

GUIDELINES_EN = (
    "Terminology Guidelines for the Protection of Children from Sexual Exploitation and "
    "Sexual Abuse (Luxembourg Guidelines), Interagency Working Group, 2016"
)
INTERPOL_ES = (
    "INTERPOL, «Terminología apropiada» (interpol.int/es), citing the Orientaciones "
    "terminológicas (Luxembourg Guidelines in Spanish, 2016)"
)
LANZAROTE_ES = (
    "Council of Europe Lanzarote Committee (2022), as reported in Spanish: «material de abuso "
    "sexual infantil» in place of «pornografía infantil»"
)
ORIENTACIONES_FOREWORD = (
    "Orientaciones terminológicas (ECPAT, 2016), foreword: «prostitución infantil» and "
    "«pornografía infantil» are increasingly criticised and replaced; grooming, sexting and "
    "streaming are new terms"
)
MPT_ES = (
    "Ministerio Público Tutelar de la Ciudad de Buenos Aires (2024): «explotación sexual de "
    "niñas, niños y adolescentes» in place of «prostitución infantil»"
)
THE_CODE_ES = (
    "The Code (ECPAT), «La explotación sexual de niñas, niños y adolescentes en los viajes y "
    "el turismo», citing the Luxembourg Guidelines"
)
UNICEF_UY = (
    "UNICEF Uruguay, «Niñas y niños explotados sexualmente, ¿denuncias o naturalizas?»: "
    "¿cliente o explotador?"
)
INTERPOL_FR = (
    "INTERPOL, « Terminologie adéquate » (interpol.int/fr): « pédopornographie » and "
    "« pornographie infantile » are to be avoided; the alternative is ours"
)
ECPAT_BE = (
    "ECPAT Belgique, analysis of the Guide de terminologie: « pédophile », « prostitution "
    "enfantine » and « pornographie enfantine » are criticised; the alternative is ours"
)

CONSENT_ES = (
    "Una niña, un niño o un adolescente no puede consentirlo; el término traslada la culpa "
    "a la víctima"
)
CONSENT_FR = "Un enfant ne peut pas y consentir ; le terme rejette la faute sur l'enfant"
CONSENT_AR = "لا يمكن للطفل أن يوافق على ذلك؛ والمصطلح يلقي اللوم على الطفل"

# language, phrase, kind, replacement, reason, other spellings, source, draft
TERMS = [
    # --- Spanish ---------------------------------------------------------------------
    (
        "es",
        "pornografía infantil",
        "avoid",
        "material de abuso sexual infantil",
        "El material registra el abuso sexual de una niña, un niño o un adolescente; "
        "«pornografía» sugiere consentimiento y legitimidad. Se acepta citar el título "
        "oficial de una ley",
        "porno infantil\npornografía de menores\npornografía con menores\n"
        "material pornográfico infantil",
        f"{INTERPOL_ES}; {LANZAROTE_ES}",
        False,
    ),
    (
        "es",
        "prostitución infantil",
        "avoid",
        "explotación sexual de niñas, niños y adolescentes",
        CONSENT_ES,
        "prostitución de menores\nprostitución de niños\nprostitución de niñas",
        f"{ORIENTACIONES_FOREWORD}; {MPT_ES}",
        False,
    ),
    (
        "es",
        "niño prostituto",
        "avoid",
        "niña, niño o adolescente explotado en la prostitución",
        CONSENT_ES,
        "niño prostituido\nmenor prostituido",
        "",
        True,
    ),
    (
        "es",
        "turismo sexual infantil",
        "avoid",
        "explotación sexual de niñas, niños y adolescentes en los viajes y el turismo",
        "Presenta el abuso como una forma de turismo; quienes lo cometen son delincuentes, "
        "no turistas",
        "turismo sexual con niños\nturismo sexual con menores\nturismo sexual de menores\n"
        "turista sexual",
        THE_CODE_ES,
        False,
    ),
    (
        "es",
        "turismo sexual infantil por cámara web",
        "avoid",
        "transmisión en directo de abusos sexuales de niñas, niños y adolescentes",
        "El abuso se transmite en directo; «turismo» oculta lo que es",
        "turismo sexual infantil por webcam",
        "",
        True,
    ),
    (
        "es",
        "sextorsión",
        "avoid",
        "extorsión sexual de niñas, niños y adolescentes",
        "Un acrónimo coloquial que trivializa el delito",
        "",
        "",
        True,
    ),
    (
        "es",
        "pedófilo",
        "avoid",
        "agresor sexual de niñas, niños y adolescentes",
        "Es un diagnóstico clínico, no una categoría jurídica: no todo agresor lo es",
        "",
        "",
        True,
    ),
    (
        "es",
        "cliente",
        "care",
        "explotador / agresor",
        "Nunca para quien explota sexualmente a una niña, un niño o un adolescente; "
        "correcto para los usuarios de un servicio",
        "",
        UNICEF_UY,
        False,
    ),
    (
        "es",
        "autogenerado",
        "care",
        "",
        "Entre comillas: la niña, el niño o el adolescente no tiene la culpa del contenido "
        "producido bajo coacción",
        "",
        "",
        True,
    ),
    (
        "es",
        "sexting",
        "care",
        "",
        "Solo entre pares y con consentimiento; si no, hable de difusión no consentida de "
        "imágenes sexuales",
        "sexteo",
        ORIENTACIONES_FOREWORD,
        True,
    ),
    (
        "es",
        "grooming",
        "care",
        "",
        "Aceptable: defínalo la primera vez (captación de niñas, niños y adolescentes con "
        "fines sexuales)",
        "",
        ORIENTACIONES_FOREWORD,
        True,
    ),
    # --- French ----------------------------------------------------------------------
    (
        "fr",
        "pédopornographie",
        "avoid",
        "matériel d'abus sexuels sur enfants",
        "Le matériel enregistre l'abus sexuel d'un enfant ; « pornographie » suggère le "
        "consentement et la légitimité. Citer le titre officiel d'une loi est accepté",
        "pornographie infantile\npornographie enfantine\npornographie juvénile\n"
        "porno infantile\npédopornographique",
        INTERPOL_FR,
        True,
    ),
    (
        "fr",
        "prostitution enfantine",
        "avoid",
        "exploitation sexuelle d'enfants à des fins de prostitution",
        CONSENT_FR,
        "prostitution infantile\nprostitution des enfants\nprostitution des mineurs\n"
        "prostitution de mineurs",
        ECPAT_BE,
        True,
    ),
    (
        "fr",
        "enfant prostitué",
        "avoid",
        "enfant exploité à des fins de prostitution",
        CONSENT_FR,
        "mineur prostitué",
        "",
        True,
    ),
    (
        "fr",
        "tourisme sexuel impliquant des enfants",
        "avoid",
        "exploitation sexuelle des enfants dans le contexte des voyages et du tourisme",
        "Il présente l'abus comme une forme de tourisme",
        "tourisme sexuel infantile\ntourisme pédophile\ntourisme sexuel pédophile",
        "",
        True,
    ),
    (
        "fr",
        "tourisme sexuel par webcam",
        "avoid",
        "diffusion en direct d'abus sexuels sur enfants",
        "L'abus est diffusé en direct ; « tourisme » cache ce qu'il est",
        "",
        "",
        True,
    ),
    (
        "fr",
        "sextorsion",
        "avoid",
        "extorsion sexuelle d'enfants",
        "Un mot-valise familier qui banalise l'infraction",
        "",
        "",
        True,
    ),
    (
        "fr",
        "pédophile",
        "avoid",
        "auteur d'infractions sexuelles sur enfants",
        "Un diagnostic clinique, pas une catégorie juridique : tous les auteurs ne le sont pas",
        "",
        ECPAT_BE,
        True,
    ),
    (
        "fr",
        "client",
        "care",
        "auteur / exploiteur",
        "Jamais pour qui exploite sexuellement un enfant ; correct pour les usagers d'un service",
        "",
        "",
        True,
    ),
    (
        "fr",
        "autoproduit",
        "care",
        "",
        "Entre guillemets : un enfant n'est pas responsable d'un contenu produit sous la "
        "contrainte",
        "autogénéré",
        "",
        True,
    ),
    (
        "fr",
        "sexting",
        "care",
        "",
        "Seulement entre pairs consentants ; sinon, parlez de diffusion non consentie "
        "d'images sexuelles",
        "sextage",
        "",
        True,
    ),
    (
        "fr",
        "grooming",
        "care",
        "",
        "Acceptable : définissez-le la première fois (sollicitation d'enfants à des fins "
        "sexuelles)",
        "pédopiégeage",
        "",
        True,
    ),
    # --- Arabic (no published translation found: all drafts) -------------------------
    (
        "ar",
        "المواد الإباحية للأطفال",
        "avoid",
        "مواد الاعتداء الجنسي على الأطفال",
        "هذه المواد توثّق الاعتداء الجنسي على طفل؛ وكلمة «إباحية» توحي بالرضا والمشروعية. "
        "ويُقبل اقتباس العنوان الرسمي لقانون",
        "إباحية الأطفال\nالصور الإباحية للأطفال\nالمواد الإباحية المتعلقة بالأطفال\n"
        "استغلال الأطفال في المواد الإباحية",
        "",
        True,
    ),
    (
        "ar",
        "بغاء الأطفال",
        "avoid",
        "الاستغلال الجنسي للأطفال في البغاء",
        CONSENT_AR,
        "دعارة الأطفال",
        "",
        True,
    ),
    (
        "ar",
        "الأطفال العاملون في البغاء",
        "avoid",
        "الأطفال المستغَلّون في البغاء",
        CONSENT_AR,
        "الأطفال العاملين في البغاء",
        "",
        True,
    ),
    (
        "ar",
        "السياحة الجنسية المتعلقة بالأطفال",
        "avoid",
        "الاستغلال الجنسي للأطفال في سياق السفر والسياحة",
        "يصوّر الاعتداء كأنه نوع من السياحة",
        "السياحة الجنسية للأطفال\nسياحة الجنس مع الأطفال",
        "",
        True,
    ),
    (
        "ar",
        "مشتهي الأطفال",
        "avoid",
        "مرتكب جرائم جنسية ضد الأطفال",
        "تشخيص سريري وليس تصنيفًا قانونيًا: ليس كل جانٍ كذلك",
        "بيدوفيلي\nبيدوفيل",
        "",
        True,
    ),
    (
        "ar",
        "زبون",
        "care",
        "الجاني / المستغِل",
        "لا يُستخدم أبدًا لمن يستغل طفلًا جنسيًا؛ ولا بأس به لمستخدمي خدمة",
        "زبائن",
        "",
        True,
    ),
    (
        "ar",
        "ذاتي الإنتاج",
        "care",
        "",
        "يوضع بين علامتي تنصيص: الطفل لا يُلام على محتوى أُنتج تحت الإكراه",
        "المنتج ذاتيًا",
        "",
        True,
    ),
    (
        "ar",
        "استدراج الأطفال",
        "care",
        "",
        "مقبول: عرّفه عند أول استخدام (استمالة الطفل لأغراض جنسية)",
        "",
        "",
        True,
    ),
]


def load(apps, schema_editor):
    Term = apps.get_model("terminology", "Term")
    for language, phrase, kind, replacement, reason, variants, source, draft in TERMS:
        # Only where missing: a superuser's edit of a term is never overwritten.
        Term.objects.get_or_create(
            language=language,
            phrase=phrase,
            defaults={
                "kind": kind,
                "replacement": replacement,
                "reason": reason,
                "variants": variants,
                "source": source,
                "draft": draft,
                "active": True,
            },
        )
    Term.objects.filter(language="en", source="").update(source=GUIDELINES_EN)


def unload(apps, schema_editor):
    Term = apps.get_model("terminology", "Term")
    for language, phrase, *_rest in TERMS:
        Term.objects.filter(language=language, phrase=phrase).delete()
    Term.objects.filter(language="en", source=GUIDELINES_EN).update(source="")


class Migration(migrations.Migration):
    dependencies = [("terminology", "0003_term_source_and_draft")]

    operations = [migrations.RunPython(load, unload)]
