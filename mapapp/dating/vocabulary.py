"""Per-language shapes of date expressions, as regular-expression sources.

These patterns only *find* candidate expressions cheaply; dateparser parses the
``core`` group of each match. Every pattern has a kind (see ``KINDS``) that tells
the resolver how to turn the parsed date into an event date, and named groups:

- ``core``: the text handed to dateparser (after ``rewrites``);
- ``last``/``last2``: a weekday said to be "last"/"dernier"/"pasado" (strictly
  before publication rather than on or before);
- ``unit``/``unit2``: the period word of "earlier this year" and friends;
- ``a``/``b``: both ends of "from 2011 to 2013";
- ``after``/``before``/``same``, or ``n`` and ``unit`` with ``later``/``earlier``:
  a date anchored on an earlier one ("the next day", "a month later");
- ``n``/``unit``/``recent`` of "over the past two weeks", "in recent days";
- ``f_<feast>`` and ``s_<season>`` name which feast or season; ``y`` its year;
  ``this``/``next`` (with ``last``) which season relative to publication.

Languages not listed here get only the numeric patterns (2015-09-17, 17.09.2015).
"""

from dataclasses import dataclass, field

KINDS = (
    "explicit",  # a calendar date, month or month-year: parsed as is
    "weekday",  # "on Thursday": the latest such day on or before publication
    "relative",  # "yesterday", "10 days ago", "last month": never after publication
    "future",  # "next week", "tomorrow": may lie after publication
    "last_month",  # "last September": the latest such month before the current one
    "year",  # "in 2011": the whole year
    "attributive_year",  # "the 2014 midterms": a year, outranked by any other date
    "since",  # "since 2011": from then to publication
    "span",  # "between 2011 and 2013"
    "this_period",  # "earlier this year": from the period's start to publication
    "anchored",  # "the next day", "a month later": relative to an earlier date
    "weekend",  # "over the weekend": the latest Saturday and Sunday
    "decade",  # "in the 1990s"
    "past_period",  # "over the past two weeks", "in recent days": up to publication
    "feast",  # "on Easter Sunday", "during Ramadan": see calendars.FEASTS
    "season",  # "last summer", "the winter of 2014"
    "day_of_month",  # "on the 11th": the latest such day
)

YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
NUMERIC = (
    ("explicit", rf"\b(?P<core>{YEAR}-[01]\d-[0-3]\d)\b", r"\d"),
    ("explicit", rf"\b(?P<core>{DAY}[./][01]?\d[./]{YEAR})\b", r"\d"),
    ("explicit", rf"\b(?P<core>[01]?\d/{DAY}/{YEAR})\b", r"\d"),
)
# Kinds whose every pattern needs a digit: skipped in passages without one.
DIGIT_KINDS = frozenset({"year", "attributive_year", "decade", "day_of_month"})


def feast_pattern(feasts: dict[str, str], before: str = r"\b", after: str = r"\b") -> tuple[str, str, str]:
    """One pattern naming each feast in a group ``f_<feast>`` (see calendars.FEASTS)."""
    names = "|".join(f"(?P<f_{key}>{source})" for key, source in feasts.items())
    source = rf"{before}(?:(?:on|at|during|over|am|an|zu|à|en|durante|في|خلال)\s+)?(?:{names}){after}"
    return "feast", source, "|".join(feasts.values())


def season_patterns(seasons: dict[str, str], templates: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """Season patterns: each template's ``{S}`` becomes the season group alternatives."""
    names = "|".join(f"(?P<s_{key}>{source})" for key, source in seasons.items())
    needle = "|".join(seasons.values())
    return tuple(("season", template.replace("{S}", f"(?:{names})"), needle) for template in templates)


@dataclass(frozen=True)
class Vocabulary:
    """What one language needs: patterns in priority order, reporting verbs,
    number words, rewrites that help dateparser, and period words."""

    language: str
    # (kind, pattern) or (kind, pattern, needle): a pattern with a needle runs
    # only in passages where the needle is found.
    patterns: tuple[tuple[str, ...], ...]
    # Cheap words any pattern needs at least one of: passages without them are
    # skipped before the patterns run.
    triggers: str = r"\d"
    reporting: str = r"(?!x)x"
    number_words: dict[str, int] = field(default_factory=dict)
    rewrites: tuple[tuple[str, str], ...] = ()
    units: dict[str, str] = field(default_factory=dict)
    # Words that put a following weekday in the future ("will meet on Friday").
    future_cues: str = r"(?!x)x"
    # Words opening a relative clause after a comma (", which began last year,").
    subordinate: str = r"(?!x)x"


# --- English -----------------------------------------------------------------
# Capitalised names are matched case-sensitively: "may", "march" and "sun" are words.
_WD_EN = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON_EN_FULL = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)"
)
_MON_EN = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_NUM_EN = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty)"
)
# "Trees for Tomorrow", "USA Today": capitalised inside a sentence, they are names.
_LOWER_UNLESS_FIRST = "(?:(?-i:{0})|(?:^|(?<=[\"“‘']))(?-i:{1}))"
# Nouns after a four-digit number that make it a count, not a year ("the 2000 troops").
_COUNT_NOUNS = (
    r"(?:people|persons|troops|soldiers|fighters|men|women|children|refugees|migrants|families"
    r"|homes|houses|votes|dollars|euros|pounds|km|kilometres|kilometers|miles|metres|meters|feet"
    r"|tons|tonnes|rounds|units|cases|deaths|dead|casualties|pages|words|acres|hectares|jobs"
    r"|workers|students|residents|cars|vehicles|rockets|missiles|shells)\b"
)
# Named days that are feasts or events, not the latest such weekday.
_NOT_A_WEEKDAY_EN = (
    r"(?<!Good )(?<!Black )(?<!Bloody )(?<!Easter )(?<!Ash )(?<!Super )(?<!Holy )"
    r"(?<!Palm )(?<!Cyber )(?<!Maundy )"
)

ENGLISH = Vocabulary(
    language="en",
    triggers=(
        r"\d|day|week|month|year|ago|tonight|tomorrow|morning|afternoon|evening|night|hour|Christmas"
        r"|Easter|Eid|Ramadan|Ramazan|spring|summer|autumn|fall|winter"
        r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    ),
    patterns=(
        ("explicit", rf"\b(?:on\s+)?(?:{_WD_EN},?\s+)?(?P<core>{_MON_EN}\s+{DAY}{_ORD}(?:,?\s+{YEAR})?)\b(?![.,]?\d)"),
        ("explicit", rf"\b(?:on\s+)?(?:{_WD_EN},?\s+)?(?:the\s+)?(?P<core>{DAY}{_ORD}\s+(?:of\s+)?{_MON_EN}(?:,?\s+{YEAR})?)\b"),
        ("explicit", rf"\b(?P<core>{_MON_EN_FULL},?\s+{YEAR})\b"),
        *NUMERIC,
        ("explicit", r"\b(?:on\s+)?(?P<core>(?-i:Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)))\b"),
        ("since", rf"\b(?:ever\s+)?since\s+(?:(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+|(?:early|late|mid-?)\s*)?(?P<core>{_MON_EN}\s+{DAY}{_ORD},?\s+{YEAR}|{DAY}{_ORD}\s+{_MON_EN}\s+{YEAR}|{_MON_EN_FULL},?\s+{YEAR}|{_MON_EN}\s+{DAY}{_ORD}|{DAY}{_ORD}\s+{_MON_EN}|{YEAR}|{_MON_EN_FULL}|last\s+(?:week|month|year))\b"),
        ("span", rf"\b(?:from|between)\s+(?P<a>{_MON_EN_FULL}(?:\s+{YEAR})?|{YEAR})\s*(?:to|and|until|till|through|-|–)\s*(?P<b>{_MON_EN_FULL}(?:\s+{YEAR})?|{YEAR})\b"),
        ("span", rf"\b(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR})\b"),
        ("last_month", rf"\blast\s+(?P<core>{_MON_EN_FULL})\b"),
        ("explicit", rf"\b(?:in|until|during|by|(?:in\s+)?(?:early|late|mid-?)|earlier\s+in|(?:the\s+)?(?:start|beginning|end|middle)\s+of)\s*(?P<core>{_MON_EN_FULL})\b(?!\s+\d)"),
        ("future", rf"\b(?P<core>{_LOWER_UNLESS_FIRST.format('tomorrow', 'Tomorrow')}|next\s+(?:week|month|year|{_WD_EN}))\b"),
        ("relative", rf"\b(?P<core>(?:the\s+day\s+before\s+)?yesterday|(?:earlier\s+)?{_LOWER_UNLESS_FIRST.format('today', 'Today')}|tonight|this\s+(?:morning|afternoon|evening)|(?:late\s+)?last\s+night)\b"),
        ("relative", rf"\b(?P<core>{_NUM_EN}\s+(?:days?|weeks?|months?|years?|decades?)\s+ago)\b"),
        ("relative", r"\b(?P<core>last\s+(?:week|month|year))\b"),
        ("weekday", rf"\b(?:(?:on|late|early)\s+)?(?:(?:(?P<last>last|this\s+past)|(?P<next>this\s+coming|coming))\s+)?{_NOT_A_WEEKDAY_EN}(?P<core>{_WD_EN})(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?\b"),
        ("this_period", r"\b(?:(?:earlier|so\s+far)\s+)?this\s+(?P<unit>year|month|week)\b"),
        ("this_period", r"\b(?:earlier\s+in|since\s+the\s+(?:start|beginning)\s+of)\s+the\s+(?P<unit>year|month|week)\b"),
        ("year", rf"\b(?:in|during|throughout|by\s+the\s+end\s+of|(?:the\s+)?(?:start|beginning|end|middle|spring|summer|autumn|fall|winter)\s+of|(?:in\s+)?(?:early|late|mid-?))\s*(?P<core>{YEAR})\b(?!\s*(?:%|percent|[-–]\d))"),
        ("anchored", r"\b(?:(?P<after>the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)|(?P<before>the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier|the\s+day\s+before)|(?P<same>(?:on\s+)?(?:that|the\s+same)\s+day))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_EN})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:(?P<later>later)|(?P<earlier>earlier))\b"),
        ("anchored", r"\bthe\s+(?:(?P<later>following|next)|(?P<earlier>previous|preceding))\s+(?P<unit>week|month|year)\b"),
        ("weekend", r"\b(?:(?:over|at|during|on)\s+the|this|(?P<last>last))\s+weekend\b"),
        ("decade", r"\b(?:in\s+)?(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<core>1[89]\d0|20[0-4]0)['’]?s\b"),
        ("past_period", rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>{_NUM_EN})\s+)?(?P<unit>days?|weeks?|months?|years?|hours)\b"),
        ("past_period", r"\b(?:in|over)\s+(?P<recent>recent)\s+(?P<unit>days|weeks|months|years)\b"),
        feast_pattern({
            "good_friday": r"(?-i:Good\s+Friday)",
            "easter_monday": r"(?-i:Easter\s+Monday)",
            "palm_sunday": r"(?-i:Palm\s+Sunday)",
            "easter_sunday": r"(?-i:Easter(?:\s+Sunday)?)(?!\s+(?-i:Island|Rising|Egg|Bunny))",
            "eid_al_fitr": r"Eid(?:[\s-]+(?:al|ul|el))?[\s-]+Fitr",
            "eid_al_adha": r"Eid(?:[\s-]+(?:al|ul|el))?[\s-]+(?:Adha|Kebir)",
            # "Tariq Ramadan" is a name: the month needs a preposition or article.
            "ramadan": r"(?:(?<=\bduring\s)|(?<=\bin\s)|(?<=\bof\s)|(?<=\bfor\s)|(?<=\bthe\s))(?-i:Ramadan|Ramazan)",
        }),
        *season_patterns(
            {"spring": "spring", "summer": "summer", "autumn": "autumn|fall", "winter": "winter"},
            (
                r"\b(?:(?P<last>last)|(?P<this>this|earlier\s+this)|(?P<next>next))\s+{S}\b",
                rf"\b(?:(?:in\s+)?the\s+)?{{S}}\s+(?:of\s+)?(?P<y>{YEAR})\b",
            ),
        ),
        ("day_of_month", r"\bon\s+the\s+(?P<core>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?-i:[a-z]))"),
        ("attributive_year", rf"\b(?:the|its|their|his|her|this|that|[a-z]+['’]s)\s+(?P<core>{YEAR})\s+(?=(?-i:[a-z]))(?!{_COUNT_NOUNS})"),
    ),
    reporting=(
        r"\b(?:said|says|told|announced|reported|stated|added|claimed|confirmed|warned"
        r"|insisted|tweeted|wrote|declared|denied|acknowledged|quoted|according\s+to)\b"
    ),
    number_words={
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    },
    rewrites=(
        (r"^(?:earlier\s+today|tonight|this\s+(?:morning|afternoon|evening))$", "today"),
        (r"^late\s+last\s+night$", "last night"),
        # Holidays on fixed dates, spelt as dates for dateparser.
        (r"^Christmas\s+Eve$", "December 24"), (r"^Christmas\s+Day$", "December 25"),
        (r"^Boxing\s+Day$", "December 26"), (r"^New\s+Year['’]s\s+Eve$", "December 31"),
        (r"^New\s+Year['’]s\s+Day$", "January 1"),
    ),
    units={
        "year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
        "weeks": "week", "day": "day", "days": "day", "hours": "hour",
    },
    future_cues=(
        r"\b(?:will|shall|(?:is|are)\s+(?:due|expected|scheduled|set|going)\s+to|plans?\s+to"
        r"|to\s+be\s+held|as\s+(?:early|soon)\s+as|(?-i:may|might)(?!\s+have))\b"
    ),
    subordinate=r"(?:which|who|whose|whom)\b",
)

# --- German ------------------------------------------------------------------
_WD_DE = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_MON_DE = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember)"
)
_NUM_DE = (
    r"(?:\d{1,3}|einem|einer|einen|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
    r"|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig)"
)

GERMAN = Vocabulary(
    language="de",
    triggers=(
        rf"\d|tag|woche|monat|jahr|gestern|heute|mittwoch|sonnabend|stunden|heiligabend|silvester|{_MON_DE}"
        r"|oster|karfreitag|zuckerfest|fastenbrechen|opferfest|ramadan|frühling|sommer|herbst|winter"
    ),
    patterns=(
        ("explicit", rf"\b(?:am\s+)?(?:{_WD_DE},?\s+(?:de[nm]\s+)?)?(?P<core>{DAY}\.\s*{_MON_DE}(?:\s+{YEAR})?)(?!\w)"),
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
        ("anchored", r"\b(?:(?P<after>am\s+(?:nächsten|folgenden)\s+Tag|einen\s+Tag\s+später|tags\s+darauf)|(?P<before>am\s+Vortag|einen\s+Tag\s+(?:zuvor|vorher))|(?P<same>am\s+(?:selben|gleichen)\s+Tag))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_DE})\s+(?P<unit>Tage?|Wochen?|Monate?|Jahre?)\s+(?:(?P<later>später|danach)|(?P<earlier>zuvor|vorher|früher))\b"),
        ("weekend", r"\b(?:am|übers|über\s+das)\s+(?:(?P<last>vergangenen|letzten)\s+)?Wochenende\b"),
        ("decade", r"\b(?:in\s+den\s+)?(?P<core>1[89]\d0|20[0-4]0)er(?:\s+Jahren?)?\b"),
        ("past_period", rf"\b(?:in|während)\s+den\s+(?:vergangenen|letzten)\s+(?:(?P<n>{_NUM_DE})\s+)?(?P<unit>Tagen|Wochen|Monaten|Jahren|Stunden)\b"),
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

# --- French ------------------------------------------------------------------
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
    triggers=rf"\d|{_WD_FR}|hier|aujourd|demain|semaine|mois|\bans?\b|année|jour|lendemain|veille|week|heures|noël|sylvestre"
    rf"|pâques|vendredi|rameaux|aïd|ramadan|printemps|été|automne|hiver|{_MON_FR}",
    patterns=(
        ("explicit", rf"\b(?:le\s+)?(?:{_WD_FR}\s+)?(?P<core>(?:1er|{DAY})\s+{_MON_FR}(?:\s+{YEAR})?)\b"),
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
        ("year", rf"\b(?:en|au\s+cours\s+de\s+l{_APOS}année|courant|début|fin|mi-|l{_APOS}été|l{_APOS}hiver|au\s+printemps|à\s+l{_APOS}automne)\s*(?P<core>{YEAR})\b"),
        ("anchored", r"\b(?:(?P<after>le\s+lendemain)|(?P<before>la\s+veille)|(?P<same>le\s+même\s+jour|ce\s+jour-là))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_FR})\s+(?P<unit>jours?|semaines?|mois|ans?|années?)\s+(?:(?P<later>plus\s+tard)|(?P<earlier>plus\s+tôt|auparavant))\b"),
        ("weekend", r"\b(?:ce|le)\s+week-end(?:\s+(?P<last>dernier))?\b"),
        ("decade", r"\b(?:dans\s+)?les\s+années\s+(?P<core>1[89]\d0|20[0-4]0)\b"),
        ("past_period", rf"\b(?:au\s+cours\s+des|ces|depuis\s+les?)\s+(?:(?P<n>{_NUM_FR})\s+)?(?:derniers|dernières)\s+(?P<unit>jours|semaines|mois|années|ans|heures)\b"),
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

# --- Spanish -----------------------------------------------------------------
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
    triggers=rf"\d|{_WD_ES}|ayer|antier|hoy|mañana|semana|\bmes|año|día|víspera|horas|nochebuena|nochevieja"
    rf"|pascua|viernes|ramos|eid|ramad|primavera|verano|otoño|invierno|{_MON_ES}",
    patterns=(
        ("explicit", rf"\b(?:(?:el\s+)?{_WD_ES},?\s+)?(?:el\s+)?(?P<core>{DAY}\s+de\s+{_MON_ES}(?:\s+(?:de|del)\s+{YEAR})?)\b"),
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
        ("this_period", r"\ben\s+lo\s+que\s+va\s+del\s+(?P<unit>año|mes)\b"),
        ("year", rf"\b(?:en(?:\s+el\s+año)?|durante|a\s+(?:principios|finales|mediados)\s+de(?:l)?|el\s+(?:verano|invierno|otoño)\s+de|la\s+primavera\s+de)\s+(?P<core>{YEAR})\b"),
        ("anchored", r"\b(?:(?P<after>al\s+día\s+siguiente|un\s+día\s+después)|(?P<before>el\s+día\s+anterior|la\s+víspera)|(?P<same>(?:ese|el)\s+mismo\s+día|ese\s+día))\b"),
        ("anchored", rf"\b(?P<n>{_NUM_ES})\s+(?P<unit>días?|semanas?|mes(?:es)?|años?)\s+(?:(?P<later>después|más\s+tarde)|(?P<earlier>antes))\b"),
        ("weekend", r"\b(?:el|este)\s+fin\s+de\s+semana(?:\s+(?P<last>pasado))?\b"),
        ("decade", r"\b(?:en\s+)?(?:los\s+años|la\s+década\s+de(?:\s+los)?)\s+(?P<core>1[89]\d0|20[0-4]0)\b"),
        ("past_period", rf"\b(?:en|durante)\s+(?:los|las)\s+(?:últimos|últimas)\s+(?:(?P<n>{_NUM_ES})\s+)?(?P<unit>días|semanas|meses|años|horas)\b"),
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

# --- Arabic ------------------------------------------------------------------
# Arabic glues "and"/"in" to words, so the patterns use (?<!\w) rather than \b.
_WD_AR = r"(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)"
_MON_AR = (
    r"(?:يناير|كانون\s+الثاني|فبراير|شباط|مارس|آذار|أبريل|إبريل|ابريل|نيسان|مايو|أيار"
    r"|يونيو|حزيران|يوليو|تموز|أغسطس|آب|سبتمبر|أيلول|أكتوبر|تشرين\s+الأول|نوفمبر"
    r"|تشرين\s+الثاني|ديسمبر|كانون\s+الأول)"
)
_NUM_AR = (
    r"(?:\d{1,3}|واحد|ثلاثة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|ثلاث|أربع|خمس|ست"
    r"|سبع|ثماني|تسع|عشر)"
)
_UNIT_AR = (
    r"(?:أيام|يومًا|يوما|يومين|يوم|أسابيع|أسبوعًا|أسبوعا|أسبوعين|أسبوع|أشهر|شهرًا|شهرا"
    r"|شهرين|شهر|سنوات|سنتين|سنة|أعوام|عامًا|عاما|عامين|عام)"
)

ARABIC = Vocabulary(
    language="ar",
    triggers=(
        rf"\d|{_WD_AR}|{_MON_AR}|{_UNIT_AR}|أمس|البارحة|الأسبوع|الشهر|العام|السنة|غد"
        r"|الأيام|الأسابيع|الأشهر|السنوات|الساعات|عيد|رمضان|الجمعة|الربيع|الصيف|الخريف|الشتاء"
    ),
    patterns=(
        ("explicit", rf"(?<!\w)(?:يوم\s+)?(?:{_WD_AR}\s+)?(?P<core>{DAY}\s+(?:من\s+)?{_MON_AR}(?:\s+(?:عام\s+|سنة\s+)?{YEAR})?)(?!\w)"),
        ("explicit", rf"(?<!\w)(?P<core>{_MON_AR}\s+(?:عام\s+|سنة\s+)?{YEAR})(?!\w)"),
        *NUMERIC,
        ("since", rf"(?<!\w)منذ\s+(?:(?:عام|العام|سنة|مطلع|بداية|أواخر|منتصف)\s+)?(?P<core>{DAY}\s+{_MON_AR}\s+(?:عام\s+)?{YEAR}|{_MON_AR}\s+(?:عام\s+)?{YEAR}|{YEAR})(?!\w)"),
        ("span", rf"(?<!\w)(?:من|بين)\s+(?:عام\s+)?(?P<a>{YEAR})\s+(?:إلى|حتى|و)\s*(?:عام\s+)?(?P<b>{YEAR})(?!\w)"),
        feast_pattern({
            "good_friday": r"الجمعة\s+العظيمة", "easter_sunday": r"عيد\s+الفصح",
            "eid_al_fitr": r"عيد\s+الفطر", "eid_al_adha": r"عيد\s+الأضحى|العيد\s+الكبير",
            "ramadan": r"(?:شهر\s+)?رمضان",
        }, before=r"(?<!\w)", after=r"(?!\w)"),
        *season_patterns(
            {"spring": "الربيع", "summer": "الصيف", "autumn": "الخريف", "winter": "الشتاء"},
            (
                r"(?<!\w){S}\s+(?:(?P<last>الماضي)|(?P<next>المقبل|القادم))(?!\w)",
                r"(?<!\w)هذا\s+(?P<this>){S}(?!\w)",
            ),
        ),
        ("explicit", rf"(?<!\w)(?:في|خلال|مطلع|أواخر|منتصف)\s+(?:شهر\s+)?(?P<core>{_MON_AR})(?!\w)(?!\s+(?:عام\s+)?\d)"),
        ("explicit", r"(?<!\w)(?P<core>(?:ليلة|يوم)\s+(?:عيد\s+الميلاد|رأس\s+السنة))(?!\w)"),
        ("relative", r"(?<!\w)(?P<core>أول\s+(?:من\s+)?أمس|أمس|الأمس|البارحة|اليوم)(?!\w)"),
        ("future", r"(?<!\w)(?P<core>غدا|غدًا|(?:الأسبوع|الشهر|العام)\s+(?:المقبل|القادم))(?!\w)"),
        ("weekend", r"(?<!\w)(?:عطلة\s+)?نهاية\s+الأسبوع(?:\s+(?P<last>الماضي|الماضية))?(?!\w)"),
        ("past_period", r"(?<!\w)(?:خلال|في)\s+(?P<unit>الأيام|الأسابيع|الأشهر|السنوات|الساعات)\s+(?:القليلة\s+)?(?:الماضية|الأخيرة)(?!\w)"),
        ("relative", rf"(?<!\w)(?P<core>(?:قبل|منذ)\s+(?:{_NUM_AR}\s+)?{_UNIT_AR})(?!\w)(?!\s*\d)"),
        ("relative", r"(?<!\w)(?P<core>(?:الأسبوع|الشهر|العام|السنة)\s+(?:الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة))(?!\w)"),
        ("weekday", rf"(?<!\w)و?(?:(?:يوم|في|مساء|صباح|ليلة|فجر)\s+)?(?:يوم\s+)?(?P<core>{_WD_AR})(?:\s+(?:(?P<last>الماضي|الفائت)|(?P<next>المقبل|المقبلة|القادم|القادمة)))?(?!\w)"),
        ("this_period", r"(?<!\w)(?:(?:في\s+وقت\s+سابق\s+(?:من\s+)?|منذ\s+(?:بداية|مطلع)\s+|في\s+(?:بداية|مطلع)\s+))?(?:هذا\s+(?P<unit>العام|الشهر|الأسبوع)|(?P<unit2>العام|الشهر|الأسبوع)\s+(?:الحالي|الجاري))(?!\w)"),
        ("year", rf"(?<!\w)(?:(?:في|خلال)\s+)?(?:عام|العام|سنة)\s+(?P<core>{YEAR})(?!\w)"),
        ("year", rf"(?<!\w)في\s+(?P<core>{YEAR})(?!\w)"),
        ("anchored", r"(?<!\w)(?:(?P<after>في\s+اليوم\s+التالي|بعد\s+يوم)|(?P<before>في\s+اليوم\s+السابق)|(?P<same>في\s+اليوم\s+نفسه|في\s+نفس\s+اليوم|في\s+ذلك\s+اليوم))(?!\w)"),
    ),
    reporting=(
        r"(?<!\w)(?:و|ف)?(?:قال|قالت|قالوا|أعلن|أعلنت|صرح|صرّح|ذكر|ذكرت|أفاد|أفادت|أكد|أكدت"
        r"|أوضح|أوضحت|أضاف|أضافت|بحسب|حسب|وفق|وفقا|وفقًا)(?!\w)"
    ),
    number_words={
        "واحد": 1, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
        "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9,
        "تسعة": 9, "عشر": 10, "عشرة": 10,
    },
    rewrites=(
        # "منذ" before a duration means "ago"; dateparser reads it only as "قبل".
        (r"^منذ\s+", "قبل "),
        (r"^البارحة$", "أمس"),
        (r"^ليلة\s+عيد\s+الميلاد$", "24 ديسمبر"), (r"^يوم\s+عيد\s+الميلاد$", "25 ديسمبر"),
        (r"^ليلة\s+رأس\s+السنة$", "31 ديسمبر"), (r"^يوم\s+رأس\s+السنة$", "1 يناير"),
        (r"^أول\s+(?:من\s+)?أمس$", "قبل 2 أيام"),
        (r"^(الأسبوع|الشهر)\s+المقبل$", r"\1 القادم"),
        (r"^العام\s+(?:المقبل|القادم)$", "السنة القادمة"),
        (r"^(?:العام|السنة)\s+(?:الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة)$", "السنة الماضية"),
        (r"^(الأسبوع|الشهر)\s+(?:الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة)$", r"\1 الماضي"),
        # Duals carry their number; dateparser wants it spelt out.
        (r"يومين$", "2 أيام"), (r"أسبوعين$", "2 أسابيع"), (r"شهرين$", "2 أشهر"),
        (r"(?:سنتين|عامين)$", "2 سنوات"),
        (r"(يوم|أسبوع|شهر|عام|سنة)[اًا]*$", r"\1"),
        (r"^قبل\s+(يوم|أسبوع|شهر|عام|سنة)$", r"قبل 1 \1"),
        (r"\s+من\s+", " "), (r"\s+(?:عام|سنة)\s+", " "),
        # The Levantine month names are unknown to dateparser.
        (r"كانون\s+الثاني", "يناير"), (r"شباط", "فبراير"), (r"آذار", "مارس"),
        (r"نيسان", "أبريل"), (r"أيار", "مايو"), (r"حزيران", "يونيو"), (r"تموز", "يوليو"),
        (r"(?<!\w)آب(?!\w)", "أغسطس"), (r"أيلول", "سبتمبر"), (r"تشرين\s+الأول", "أكتوبر"),
        (r"تشرين\s+الثاني", "نوفمبر"), (r"كانون\s+الأول", "ديسمبر"),
    ),
    units={
        "العام": "year", "الشهر": "month", "الأسبوع": "week", "الأيام": "day", "الأسابيع": "week",
        "الأشهر": "month", "السنوات": "year", "الساعات": "hour",
    },
    future_cues=r"(?<!\w)(?:سوف|من\s+المقرر|من\s+المتوقع)(?!\w)",
    subordinate=r"(?:الذي|التي|الذين|اللذين|اللتين)(?!\w)",
)

NUMERIC_ONLY = Vocabulary(language="", patterns=NUMERIC)

VOCABULARIES: dict[str, Vocabulary] = {
    v.language: v for v in (ENGLISH, GERMAN, FRENCH, SPANISH, ARABIC)
}


def vocabulary_for(language: str | None) -> Vocabulary:
    """The vocabulary of ``language``, or the numeric-only one if unsupported."""
    return VOCABULARIES.get((language or "").lower()[:2], NUMERIC_ONLY)
