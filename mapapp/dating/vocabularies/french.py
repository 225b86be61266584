"""French date expressions: patterns, reporting verbs, number words, rewrites."""

from mapapp.dating.vocabularies.grammar import (
    DAY,
    NUMERIC,
    YEAR,
    Vocabulary,
    feast_pattern,
    season_patterns,
)

_WD_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MON_FR = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre"
    r"|octobre|novembre|décembre|decembre)"
)
_NUM_FR = (
    r"(?:\d{1,3}|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze"
    r"|vingt|trente)"
)
_APOS = r"['’]"

FRENCH = Vocabulary(
    language="fr",
    common_words=frozenset({"le", "les", "des", "et", "est", "une", "du", "dans", "au", "qui"}),
    triggers=rf"\d|{_WD_FR}|hier|aujourd|demain|semaine|mois|\bans?\b|année|jour|lendemain|veille|week|heures|noël|sylvestre"
    rf"|pâques|vendredi|rameaux|aïd|ramadan|printemps|été|automne|hiver|{_MON_FR}",
    patterns=(
        ("explicit", rf"\b(?:le\s+)?(?:(?P<wd>{_WD_FR})\s+)?(?P<core>(?:1er|{DAY})\s+{_MON_FR}(?:\s+{YEAR})?)\b"),
        ("explicit", rf"\b(?P<core>{_MON_FR}\s+{YEAR})\b"),
        *NUMERIC,
        ("explicit", rf"\b(?P<core>la\s+veille\s+de\s+Noël|le\s+réveillon\s+de\s+Noël|le\s+jour\s+de\s+Noël|la\s+Saint-Sylvestre|le\s+jour\s+de\s+l{_APOS}An)\b"),
        ("since", rf"\bdepuis\s+(?:(?:le|la\s+fin\s+de|le\s+début\s+de|début|fin|mi-)\s*)?(?P<core>(?:1er|{DAY})\s+{_MON_FR}\s+{YEAR}|{_MON_FR}\s+{YEAR}|(?:1er|{DAY})\s+{_MON_FR}|{YEAR}|{_MON_FR})\b"),
        ("span", rf"\b(?:de|entre)\s+(?P<a>{_MON_FR}(?:\s+{YEAR})?|{YEAR})\s+(?:à|et)\s+(?P<b>{_MON_FR}(?:\s+{YEAR})?|{YEAR})\b"),
        ("explicit", rf"\b(?:en|début|fin|mi-)\s*(?P<core>{_MON_FR})\b(?!\s*\d)"),
        ("future", rf"\b(?P<core>demain|la\s+semaine\s+prochaine|le\s+mois\s+prochain|l{_APOS}année\s+prochaine)\b"),
        ("relative", rf"\b(?P<core>avant-hier|hier|aujourd{_APOS}hui)\b"),
        ("relative", rf"\b(?P<core>il\s+y\s+a\s+{_NUM_FR}\s+(?:jours?|semaines?|mois|ans?|années?))\b"),
        ("relative", rf"\b(?P<core>(?:la\s+semaine|le\s+mois|l{_APOS}année|l{_APOS}an)\s+(?:derni(?:er|ère)|pass(?:é|ée)))\b"),
        ("weekday", rf"\b(?:(?:le|ce|dès)\s+)?(?P<core>{_WD_FR})(?:\s+(?:(?P<last>dernier|passé)|(?P<next>prochain)))?(?:\s+(?:soir|matin|après-midi|midi))?\b"),
        ("this_period", r"\b(?:(?:plus\s+tôt|au\s+début\s+de|en\s+début\s+de|depuis\s+le\s+début\s+de)\s+)?(?:cette\s+(?P<unit>année|semaine)|ce\s+(?P<unit2>mois)(?:-ci)?)\b"),
        ("this_period", rf"\ben\s+début\s+d{_APOS}(?P<unit>année)\b"),
        ("this_period", rf"\bdepuis\s+le\s+début\s+(?:de\s+l{_APOS}(?P<unit>année)|du\s+(?P<unit2>mois))\b"),
        ("year", rf"\b(?:en|au\s+cours\s+de\s+l{_APOS}année|courant|début|fin|mi-|l{_APOS}été|l{_APOS}hiver|au\s+printemps|à\s+l{_APOS}automne)\s*(?P<core>{YEAR})\b"),
        ("anchored", r"\b(?:(?P<after>le\s+lendemain)|(?P<before>la\s+veille)|(?P<same>le\s+même\s+jour|ce\s+jour-là))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_FR})\s+(?P<unit>jours?|semaines?|mois|ans?|années?)\s+(?:(?P<later>plus\s+tard)|(?P<earlier>plus\s+tôt|auparavant))\b"),
        ("weekend", r"\b(?:ce|le)\s+week-end(?:\s+(?P<last>dernier))?\b"),
        ("decade", r"\b(?:dans\s+)?les\s+années\s+(?P<core>1[89]\d0|20[0-4]0)\b"),
        ("past_period", rf"\b(?:au\s+cours\s+des|ces|depuis\s+les?)\s+(?:(?P<n>{_NUM_FR})\s+)?(?:derniers|dernières)\s+(?P<unit>jours|semaines|mois|années|ans|heures)\b"),
        ("past_period", r"\bil\s+y\s+a\s+(?P<recent>quelques|plusieurs)\s+(?P<unit>jours|semaines|mois|années|ans)\b"),
        feast_pattern({
            "good_friday": r"Vendredi\s+saint", "easter_monday": r"lundi\s+de\s+Pâques",
            "palm_sunday": r"dimanche\s+des\s+Rameaux", "easter_sunday": r"(?:dimanche\s+de\s+)?Pâques",
            "eid_al_fitr": rf"(?:l{_APOS})?Aïd\s+(?:el|al)[\s-]*Fitr",
            "eid_al_adha": rf"(?:l{_APOS})?Aïd\s+(?:el|al)[\s-]*(?:Adha|Kébir|Kebir)",
            "ramadan": r"(?:le\s+)?ramadan",
        }),
        *season_patterns(
            {"spring": "printemps", "summer": "été", "autumn": "automne", "winter": "hiver"},
            (
                r"\b(?:ce|cet)\s+(?P<this>){S}\b",
                rf"\b(?:l{_APOS}|le\s+){{S}}\s+(?:(?P<last>dernier)|(?P<next>prochain))\b",
                rf"\b(?:à\s+l{_APOS}|l{_APOS}|en\s+|au\s+)?{{S}}\s+(?P<y>{YEAR})\b",
            ),
        ),
    ),
    reporting=(
        r"\b(?:a|ont|avait|avaient)\s+(?:déclaré|dit|affirmé|annoncé|indiqué|précisé|estimé"
        r"|souligné|rapporté|assuré|confirmé|averti)\b|\b(?:selon|déclare|affirme|annonce|indique)\b"
    ),
    number_words={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
        "quinze": 15, "vingt": 20, "trente": 30,
    },
    rewrites=(
        (r"’", "'"),
        # dateparser knows "dernier/dernière" but not "passé(e)" nor "l'an dernier".
        (r"^l'an\s+(?:dernier|passé)$", "l'année dernière"),
        (r"^(?:la\s+veille|le\s+réveillon)\s+de\s+Noël$", "24 décembre"),
        (r"^le\s+jour\s+de\s+Noël$", "25 décembre"), (r"^la\s+Saint-Sylvestre$", "31 décembre"),
        (r"^le\s+jour\s+de\s+l'An$", "1 janvier"),
        (r"\s+passée$", " dernière"),
        (r"\s+passé$", " dernier"),
    ),
    units={
        "année": "year", "années": "year", "an": "year", "ans": "year", "mois": "month",
        "semaine": "week", "semaines": "week", "jour": "day", "jours": "day", "heures": "hour",
    },
    future_cues=r"\b(?:va|vont|doit|doivent|sera|seront|devrait|devraient)\b",
    subordinate=r"(?:qui|dont|lequel|laquelle|lesquels)\b",
)
