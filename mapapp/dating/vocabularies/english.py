"""English date expressions: patterns, reporting verbs, number words, rewrites."""

from mapapp.dating.vocabularies.grammar import (
    DAY,
    NUMERIC,
    YEAR,
    YEAR_WORDS,
    DatePattern,
    Vocabulary,
    feast_pattern,
    season_patterns,
)

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
# Every month name and abbreviation holds one of these, in lower case.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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
    common_words=frozenset({"the", "and", "of", "said", "with", "was", "were", "has", "have", "that"}),
    triggers=(
        r"\d|day|week|month|year|ago|tonight|tomorrow|morning|afternoon|evening|night|hour|Christmas"
        r"|Easter|Eid|Ramadan|Ramazan|spring|summer|autumn|fall|winter"
        r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    ),
    patterns=(
        DatePattern("explicit", rf"\b(?:on\s+)?(?:(?P<wd>{_WD_EN}),?\s+)?(?P<core>{_MON_EN}\s+{DAY}{_ORD}(?:,?\s+{YEAR})?)\b(?![.,]?\d)", _MONTH_WORDS),
        DatePattern("explicit", rf"\b(?:on\s+)?(?:(?P<wd>{_WD_EN}),?\s+)?(?:the\s+)?(?P<core>{DAY}{_ORD}\s+(?:of\s+)?{_MON_EN}(?:,?\s+{YEAR})?)\b", _MONTH_WORDS),
        DatePattern("explicit", rf"\b(?P<core>{_MON_EN_FULL},?\s+(?:of\s+)?{YEAR})\b", _MONTH_WORDS),
        *NUMERIC,
        DatePattern("explicit", r"\b(?:on\s+)?(?P<core>(?-i:Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)))\b", ("christmas", "boxing", "year")),
        DatePattern("since", rf"\b(?:ever\s+)?since\s+(?:(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+|(?:early|late|mid-?)\s*)?(?P<core>{_MON_EN}\s+{DAY}{_ORD},?\s+{YEAR}|{DAY}{_ORD}\s+{_MON_EN}\s+{YEAR}|{_MON_EN_FULL},?\s+(?:of\s+)?{YEAR}|{_MON_EN}\s+{DAY}{_ORD}|{DAY}{_ORD}\s+{_MON_EN}|{YEAR}|{_MON_EN_FULL}|last\s+(?:week|month|year))\b", ("since",)),
        DatePattern("span", rf"\b(?:from|between)\s+(?P<a>{_MON_EN_FULL}(?:\s+{YEAR})?|{YEAR})\s*(?:to|and|until|till|through|-|–)\s*(?P<b>{_MON_EN_FULL}(?:\s+{YEAR})?|{YEAR})\b", ("from", "between")),
        DatePattern("span", rf"\b(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR})\b", YEAR_WORDS),
        DatePattern("last_month", rf"\blast\s+(?P<core>{_MON_EN_FULL})\b", ("last",)),
        DatePattern("last_month", rf"\b(?:in\s+)?(?P<core>{_MON_EN_FULL})\s+(?:of\s+)?(?P<ly>last\s+year)\b", ("last",)),
        DatePattern("explicit", rf"\b(?:in|until|during|by|(?:in\s+)?(?:early|late|mid-?)|earlier\s+in|(?:the\s+)?(?:start|beginning|end|middle)\s+of)\s*(?P<core>{_MON_EN_FULL})\b(?!\s+\d)", _MONTH_WORDS),
        DatePattern("future", rf"\b(?P<core>{_LOWER_UNLESS_FIRST.format('tomorrow', 'Tomorrow')}|next\s+(?:week|month|year|{_WD_EN}))\b", ("tomorrow", "next")),
        DatePattern("relative", rf"\b(?P<core>(?:the\s+day\s+before\s+)?yesterday|(?:earlier\s+)?{_LOWER_UNLESS_FIRST.format('today', 'Today')}|tonight|this\s+(?:morning|afternoon|evening)|(?:late\s+)?last\s+night)\b", ("yesterday", "today", "tonight", "this", "night")),
        DatePattern("relative", rf"\b(?P<core>{_NUM_EN}\s+(?:days?|weeks?|months?|years?|decades?)\s+ago)\b", ("ago",)),
        DatePattern("relative", r"\b(?P<core>last\s+(?:week|month|year))\b", ("last",)),
        DatePattern("weekday", rf"\b(?:(?:on|late|early)\s+)?(?:(?:(?P<last>last|this\s+past)|(?P<next>this\s+coming|coming))\s+)?{_NOT_A_WEEKDAY_EN}(?P<core>{_WD_EN})(?:'s|’s)?(?:\s+(?:morning|afternoon|evening|night))?\b", _WEEKDAY_WORDS),
        DatePattern("this_period", r"\b(?:(?:earlier|so\s+far)\s+)?this\s+(?P<unit>year|month|week)\b", ("this",)),
        DatePattern("this_period", r"\b(?:earlier\s+in|since\s+the\s+(?:start|beginning)\s+of)\s+the\s+(?P<unit>year|month|week)\b", ("year", "month", "week")),
        DatePattern("year", rf"\b(?:in|during|throughout|by\s+the\s+end\s+of|(?:the\s+)?(?:start|beginning|end|middle|spring|summer|autumn|fall|winter)\s+of|(?:in\s+)?(?:early|late|mid-?))\s*(?P<core>{YEAR})\b(?!\s*(?:%|percent|[-–]\d))", YEAR_WORDS),
        DatePattern("anchored", r"\b(?:(?P<after>the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)|(?P<before>the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier|the\s+day\s+before)|(?P<same>(?:on\s+)?(?:that|the\s+same)\s+day))\b", ("day",)),
        DatePattern("anchored", rf"\b(?P<n>{_NUM_EN})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:(?P<later>later)|(?P<earlier>earlier))\b", ("later", "earlier")),
        DatePattern("anchored", r"\bthe\s+(?:(?P<later>following|next)|(?P<earlier>previous|preceding))\s+(?P<unit>week|month|year)\b", ("week", "month", "year")),
        DatePattern("weekend", r"\b(?:(?:over|at|during|on)\s+the|this|(?P<last>last))\s+weekend\b", ("weekend",)),
        DatePattern("decade", r"\b(?:in\s+)?(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<core>1[89]\d0|20[0-4]0)['’]?s\b", ("18", "19", "20")),
        DatePattern("past_period", rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>{_NUM_EN})\s+)?(?P<unit>days?|weeks?|months?|years?|hours)\b", ("past", "last", "previous")),
        DatePattern("past_period", r"\b(?:in|over)\s+(?P<recent>recent)\s+(?P<unit>days|weeks|months|years)\b", ("recent",)),
        DatePattern("past_period", r"\b(?P<recent>a\s+few|several)\s+(?P<unit>days|weeks|months|years)\s+ago\b", ("ago",)),
        feast_pattern({
            "good_friday": r"(?-i:Good\s+Friday)",
            "easter_monday": r"(?-i:Easter\s+Monday)",
            "palm_sunday": r"(?-i:Palm\s+Sunday)",
            "easter_sunday": r"(?-i:Easter(?:\s+Sunday)?)(?!\s+(?-i:Island|Rising|Egg|Bunny))",
            "eid_al_fitr": r"Eid(?:[\s-]+(?:al|ul|el))?[\s-]+Fitr",
            "eid_al_adha": r"Eid(?:[\s-]+(?:al|ul|el))?[\s-]+(?:Adha|Kebir)",
            # "Tariq Ramadan" is a name: the month needs a preposition or article.
            "ramadan": r"(?:(?<=\bduring\s)|(?<=\bin\s)|(?<=\bof\s)|(?<=\bfor\s)|(?<=\bthe\s))(?-i:Ramadan|Ramazan)",
        }, words=("good", "easter", "palm", "eid", "ramadan", "ramazan")),
        *season_patterns(
            {"spring": "spring", "summer": "summer", "autumn": "autumn|fall", "winter": "winter"},
            (
                r"\b(?:(?P<last>last)|(?P<this>this|earlier\s+this)|(?P<next>next))\s+{S}\b",
                r"\b(?P<since>(?:ever\s+)?since)\s+(?:the|(?P<last>last))\s+{S}\b",
                rf"\b(?:(?:in\s+)?the\s+)?{{S}}\s+(?:of\s+)?(?P<y>{YEAR})\b",
            ),
            words=("spring", "summer", "autumn", "fall", "winter"),
        ),
        ("day_of_month", r"\bon\s+the\s+(?P<core>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?-i:[a-z]))"),
        DatePattern("attributive_year", rf"\b(?:the|its|their|his|her|this|that|[a-z]+['’]s)\s+(?P<core>{YEAR})\s+(?=(?-i:[a-z]))(?!{_COUNT_NOUNS})", YEAR_WORDS),
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
