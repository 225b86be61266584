"""Spanish date expressions: patterns, reporting verbs, number words, rewrites."""

from mapapp.dating.vocabularies.grammar import (
    DAY,
    NUMERIC,
    YEAR,
    Vocabulary,
    feast_pattern,
    season_patterns,
)

_WD_ES = r"(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)"
_MON_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
    r"|octubre|noviembre|diciembre)"
)
_NUM_ES = (
    r"(?:\d{1,3}|una?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce"
    r"|quince|veinte|treinta)"
)

SPANISH = Vocabulary(
    language="es",
    common_words=frozenset({"el", "los", "las", "y", "que", "del", "una", "por", "con", "fue"}),
    triggers=rf"\d|{_WD_ES}|ayer|antier|hoy|mañana|semana|\bmes|año|día|víspera|horas|nochebuena|nochevieja"
    rf"|pascua|viernes|ramos|eid|ramad|primavera|verano|otoño|invierno|{_MON_ES}",
    patterns=(
        ("explicit", rf"\b(?:(?:el\s+)?(?P<wd>{_WD_ES}),?\s+)?(?:el\s+)?(?P<core>{DAY}\s+de\s+{_MON_ES}(?:\s+(?:de|del)\s+{YEAR})?)\b"),
        ("explicit", rf"\b(?P<core>{_MON_ES}\s+(?:de|del)\s+{YEAR})\b"),
        *NUMERIC,
        ("explicit", r"\b(?:en\s+)?(?P<core>Nochebuena|Nochevieja|el\s+día\s+de\s+Navidad|el\s+día\s+de\s+Año\s+Nuevo)\b"),
        ("since", rf"\bdesde\s+(?:(?:el|principios\s+de|finales\s+de|mediados\s+de)\s+)?(?P<core>{DAY}\s+de\s+{_MON_ES}\s+(?:de|del)\s+{YEAR}|{_MON_ES}\s+(?:de|del)\s+{YEAR}|{DAY}\s+de\s+{_MON_ES}|{YEAR}|{_MON_ES})\b"),
        ("span", rf"\b(?:de|entre|desde)\s+(?P<a>{_MON_ES}(?:\s+de\s+{YEAR})?|{YEAR})\s+(?:a|y|hasta)\s+(?P<b>{_MON_ES}(?:\s+de\s+{YEAR})?|{YEAR})\b"),
        ("explicit", rf"\b(?:en|a\s+principios\s+de|a\s+finales\s+de|a\s+mediados\s+de)\s+(?P<core>{_MON_ES})\b(?!\s+(?:de|del)\s+\d)"),
        ("future", r"\b(?P<core>(?:la\s+)?próxima\s+semana|el\s+próximo\s+(?:mes|año))\b"),
        ("relative", r"\b(?P<core>anteayer|antier|ayer|hoy|esta\s+mañana)\b"),
        ("relative", rf"\b(?P<core>hace\s+{_NUM_ES}\s+(?:días?|semanas?|mes(?:es)?|años?))\b"),
        ("relative", r"\b(?P<core>(?:la\s+semana|el\s+mes|el\s+año)\s+(?:pasad[oa]|anterior))\b"),
        ("weekday", rf"\b(?:(?:el|este)\s+)?(?:(?:(?P<last>pasado)|(?P<next>próximo))\s+)?(?P<core>{_WD_ES})(?:\s+(?:(?P<last2>pasado)|(?P<next2>próximo)))?(?:\s+por\s+la\s+(?:mañana|tarde|noche))?\b"),
        ("this_period", r"\b(?:(?:a\s+principios\s+de|a\s+comienzos\s+de|en\s+lo\s+que\s+va\s+de|más\s+temprano|antes)\s+)?(?:este\s+(?P<unit>año|mes)|esta\s+(?P<unit2>semana))\b"),
        ("this_period", r"\ben\s+lo\s+que\s+va\s+del?\s+(?P<unit>año|mes)\b"),
        ("year", rf"\b(?:en(?:\s+el\s+año)?|durante|a\s+(?:principios|finales|mediados)\s+de(?:l)?|el\s+(?:verano|invierno|otoño)\s+de|la\s+primavera\s+de)\s+(?P<core>{YEAR})\b"),
        ("anchored", r"\b(?:(?P<after>al\s+día\s+siguiente|un\s+día\s+después)|(?P<before>el\s+día\s+anterior|la\s+víspera)|(?P<same>(?:ese|el)\s+mismo\s+día|ese\s+día))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_ES})\s+(?P<unit>días?|semanas?|mes(?:es)?|años?)\s+(?:(?P<later>después|más\s+tarde)|(?P<earlier>antes))\b"),
        ("weekend", r"\b(?:el|este)\s+fin\s+de\s+semana(?:\s+(?P<last>pasado))?\b"),
        ("decade", r"\b(?:en\s+)?(?:los\s+años|la\s+década\s+de(?:\s+los)?)\s+(?P<core>1[89]\d0|20[0-4]0)\b"),
        ("past_period", rf"\b(?:en|durante)\s+(?:los|las)\s+(?:últimos|últimas)\s+(?:(?P<n>{_NUM_ES})\s+)?(?P<unit>días|semanas|meses|años|horas)\b"),
        ("past_period", r"\bhace\s+(?P<recent>unos|unas|algunos|algunas|varios|varias)\s+(?P<unit>días|semanas|meses|años)\b"),
        feast_pattern({
            "good_friday": r"Viernes\s+Santo", "easter_monday": r"Lunes\s+de\s+Pascua",
            "palm_sunday": r"Domingo\s+de\s+Ramos", "easter_sunday": r"Domingo\s+de\s+(?:Resurrección|Pascua)|Pascua",
            "eid_al_fitr": r"(?:el\s+)?Eid\s+al[\s-]Fitr|fiesta\s+del\s+fin\s+del\s+Ramadán",
            "eid_al_adha": r"(?:el\s+)?Eid\s+al[\s-]Adha|fiesta\s+del\s+(?:Cordero|sacrificio)",
            "ramadan": r"(?:el\s+)?Ramad[áa]n",
        }),
        *season_patterns(
            {"spring": "primavera", "summer": "verano", "autumn": "otoño", "winter": "invierno"},
            (
                r"\b(?:este|esta)\s+(?P<this>){S}\b",
                r"\b(?:el|la)\s+{S}\s+(?:(?P<last>pasad[oa])|(?P<next>próxim[oa]))\b",
                rf"\b(?:en\s+)?(?:el\s+|la\s+)?{{S}}\s+de(?:l)?\s+(?P<y>{YEAR})\b",
            ),
        ),
        ("day_of_month", r"\bel\s+día\s+(?P<core>[12]?\d|3[01])\b(?!\s+de\s)"),
    ),
    reporting=(
        r"\b(?:dijo|dijeron|afirmó|afirmaron|declaró|declararon|anunció|anunciaron|informó"
        r"|informaron|señaló|aseguró|indicó|explicó|advirtió|según|confirmó)\b"
    ),
    number_words={
        "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
        "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
        "quince": 15, "veinte": 20, "treinta": 30,
    },
    rewrites=(
        (r"^esta\s+mañana$", "hoy"),
        (r"^Nochebuena$", "24 de diciembre"), (r"^el\s+día\s+de\s+Navidad$", "25 de diciembre"),
        (r"^Nochevieja$", "31 de diciembre"), (r"^el\s+día\s+de\s+Año\s+Nuevo$", "1 de enero"),
        (r"^la\s+semana\s+anterior$", "la semana pasada"),
        (r"\s+anterior$", " pasado"),
        (r"^(?:la\s+)?próxima\s+semana$", "la próxima semana"),
    ),
    units={
        "año": "year", "años": "year", "mes": "month", "meses": "month", "semana": "week",
        "semanas": "week", "día": "day", "días": "day", "horas": "hour",
    },
    # Spanish future tense ends in -rá/-rán ("viajará", "se reunirán").
    future_cues=r"\b(?:va\s+a|van\s+a|está\s+previst[oa]|\w+rán?)\b",
    subordinate=r"(?:que|quien|quienes|el\s+cual|la\s+cual)\b",
)
