"""German date expressions: patterns, reporting verbs, number words, rewrites."""

from mapapp.dating.vocabularies.grammar import (
    DAY,
    NUMERIC,
    YEAR,
    Vocabulary,
    feast_pattern,
    season_patterns,
)

_WD_DE = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_MON_DE = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)"
)
# Nouns after a four-digit number that make it a count ("schon 2000 Menschen").
_COUNT_NOUNS_DE = (
    r"(?:Menschen|Personen|Soldaten|Kämpfer|Flüchtlinge|Kinder|Frauen|Männer|Familien|Häuser"
    r"|Euro|Dollar|Kilometer|Meter|Tonnen|Tote|Toten|Opfer|Stimmen|Fälle|Einwohner|Mitarbeiter)\b"
)
_NUM_DE = (
    r"(?:\d{1,3}|einem|einer|einen|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
    r"|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig)"
)

GERMAN = Vocabulary(
    language="de",
    common_words=frozenset({"der", "die", "und", "das", "nicht", "mit", "sich", "ist", "wurde", "auf"}),
    triggers=(
        rf"\d|tag|woche|monat|jahr|gestern|heute|mittwoch|sonnabend|stunden|heiligabend|silvester|{_MON_DE}"
        r"|oster|karfreitag|zuckerfest|fastenbrechen|opferfest|ramadan|frühling|sommer|herbst|winter"
    ),
    patterns=(
        ("explicit", rf"\b(?:am\s+)?(?:(?P<wd>{_WD_DE}),?\s+(?:de[nm]\s+)?)?(?P<core>{DAY}\.\s*{_MON_DE}(?:\s+{YEAR})?)(?!\w)"),
        ("explicit", rf"\b(?P<core>{_MON_DE}\s+{YEAR})\b"),
        *NUMERIC,
        ("explicit", r"\b(?:an\s+|am\s+)?(?P<core>Heiligabend|Silvester|Neujahr|Neujahrstag)\b"),
        ("since", rf"\bseit\s+(?:(?:dem|Anfang|Ende|Mitte)\s+)?(?P<core>{DAY}\.\s*{_MON_DE}\s+{YEAR}|{_MON_DE}\s+{YEAR}|{DAY}\.\s*{_MON_DE}|{YEAR}|{_MON_DE})(?!\w)"),
        ("span", rf"\b(?:von|zwischen)\s+(?P<a>{_MON_DE}(?:\s+{YEAR})?|{YEAR})\s+(?:bis|und)\s+(?P<b>{_MON_DE}(?:\s+{YEAR})?|{YEAR})\b"),
        ("explicit", rf"\b(?:im|Anfang|Ende|Mitte)\s+(?P<core>{_MON_DE})\b(?!\s*\d)"),
        ("future", r"\b(?P<core>(?:in\s+der\s+)?nächste[nrs]?\s+(?:Woche|Monat|Jahr))\b"),
        ("relative", r"\b(?P<core>vorgestern|gestern|heute)\b"),
        ("relative", rf"\b(?P<core>vor\s+{_NUM_DE}\s+(?:Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?))\b"),
        ("relative", r"\b(?P<core>(?:im\s+|in\s+der\s+)?(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)\s+(?:Woche|Monat|Jahr)|Vorjahr|Vormonat|Vorwoche)\b"),
        ("weekday", rf"\b(?:(?:am|vom)\s+)?(?:(?:(?P<last>letzten|vergangenen|vorigen)|(?P<next>nächsten|kommenden))\s+)?(?P<core>{_WD_DE})(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?\b"),
        ("this_period", r"\b(?:(?:Anfang|früher\s+in|zu\s+Beginn|seit\s+Beginn)\s+)?(?:dieses|diesen|dieser|in\s+diesem|in\s+dieser|diese)\s+(?P<unit>Jahr(?:es)?|Monat(?:s)?|Woche)\b"),
        ("this_period", r"\b(?:Anfang|Beginn)\s+(?:des|der)\s+(?P<unit>Jahres|Monats|Woche)\b(?!\s+\d)"),
        ("year", rf"\b(?:im\s+Jahr(?:e)?|in|während|Anfang|Ende|Mitte|im\s+(?:Sommer|Winter|Frühjahr|Herbst))\s+(?P<core>{YEAR})\b"),
        # German puts bare years in front ("2011 begann der Krieg") or after an
        # adverb ("bereits 2011").
        ("year", rf"\b(?:bereits|schon|erst|noch)\s+(?P<core>{YEAR})\b(?!\s*(?:%|Prozent|{_COUNT_NOUNS_DE}))"),
        ("year", rf"^(?P<core>{YEAR})\b(?=\s*,|\s+(?-i:[a-zäöü]))"),
        ("anchored", r"\b(?:(?P<after>am\s+(?:nächsten|folgenden)\s+Tag|einen\s+Tag\s+später|tags\s+darauf)|(?P<before>am\s+Vortag|einen\s+Tag\s+(?:zuvor|vorher))|(?P<same>am\s+(?:selben|gleichen)\s+Tag))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_DE})\s+(?P<unit>Tage?|Wochen?|Monate?|Jahre?)\s+(?:(?P<later>später|danach)|(?P<earlier>zuvor|vorher|früher))\b"),
        ("weekend", r"\b(?:am|übers|über\s+das)\s+(?:(?P<last>vergangenen|letzten)\s+)?Wochenende\b"),
        ("decade", r"\b(?:in\s+den\s+)?(?P<core>1[89]\d0|20[0-4]0)er(?:\s+Jahren?)?\b"),
        ("past_period", rf"\b(?:in|während)\s+den\s+(?:vergangenen|letzten)\s+(?:(?P<n>{_NUM_DE})\s+)?(?P<unit>Tagen|Wochen|Monaten|Jahren|Stunden)\b"),
        ("past_period", r"\bvor\s+(?P<recent>wenigen|einigen|ein\s+paar)\s+(?P<unit>Tagen|Wochen|Monaten|Jahren)\b"),
        feast_pattern({
            "good_friday": r"Karfreitag", "easter_monday": r"Ostermontag", "palm_sunday": r"Palmsonntag",
            "easter_sunday": r"Ostersonntag|Ostern", "eid_al_fitr": r"Zuckerfest|Fest\s+des\s+Fastenbrechens",
            "eid_al_adha": r"Opferfest", "ramadan": r"(?:Fastenmonat(?:s)?\s+)?Ramadan",
        }),
        *season_patterns(
            {"spring": "Frühling|Frühjahr", "summer": "Sommer", "autumn": "Herbst", "winter": "Winter"},
            (
                r"\b(?:(?:im\s+)?(?P<last>letzten|vergangenen|vorigen)|(?P<this>diesen|in\s+diesem)|(?P<next>nächsten|kommenden))\s+{S}\b",
                rf"\b(?:im\s+)?{{S}}\s+(?P<y>{YEAR})\b",
            ),
        ),
    ),
    reporting=(
        r"\b(?:sagte|sagten|sagt|erklärte|erklärten|teilte|teilten|berichtete|berichteten"
        r"|betonte|kündigte|bestätigte|warnte|hieß\s+es|laut|zufolge|meldete)\b"
    ),
    number_words={
        "ein": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
        "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
        "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30,
    },
    rewrites=(
        # dateparser knows "letzte Woche", "letzten Monat", "letztes Jahr" only.
        (r"^(?:in\s+der\s+|im\s+)?(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)\s+Woche$|^Vorwoche$", "letzte Woche"),
        (r"^(?:in\s+der\s+|im\s+)?(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)\s+Monat$|^Vormonat$", "letzten Monat"),
        (r"^(?:in\s+der\s+|im\s+)?(?:letzte[nrsm]?|vergangene[nrsm]?|vorige[nrsm]?)\s+Jahr$|^Vorjahr$", "letztes Jahr"),
        (r"^(?:in\s+der\s+)?nächste[nrs]?\s+", "nächste "),
        (r"^Heiligabend$", "24. Dezember"), (r"^Silvester$", "31. Dezember"),
        (r"^Neujahr(?:stag)?$", "1. Januar"),
        (r"^nächste Monat$", "nächsten Monat"),
        (r"^nächste Jahr$", "nächstes Jahr"),
    ),
    units={
        "jahr": "year", "jahres": "year", "jahre": "year", "jahren": "year", "monat": "month",
        "monats": "month", "monate": "month", "monaten": "month", "woche": "week", "wochen": "week",
        "tag": "day", "tage": "day", "tagen": "day", "stunden": "hour",
    },
    future_cues=r"\b(?:wird|werden|soll|sollen)\b",
    subordinate=r"(?:der|die|das|welche[rs]?)\b",
)
