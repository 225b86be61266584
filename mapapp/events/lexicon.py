"""The words the event classifier reads (mapapp/events/classify.py), in one place.

Triggers are lower-case word patterns (regular expressions matched on whole words)
that report an event of one type, each with a weight: how surely the word alone says
that something happened. Cues are the words around a place name that say whether the
event happened there ("in", "near", "shelled X") or whether the place is only named
(a government speaking, an origin, a nationality, a meeting venue)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Trigger:
    pattern: str  # a regular expression over lower-case text, matched on word boundaries
    event_type: str
    weight: float


def _triggers(event_type: str, weight: float, *patterns: str) -> list[Trigger]:
    return [Trigger(pattern=p, event_type=event_type, weight=weight) for p in patterns]


BATTLES = "battles"
EXPLOSIONS = "explosions_remote_violence"
CIVILIANS = "violence_against_civilians"
PROTESTS = "protests"
RIOTS = "riots"
STRATEGIC = "strategic_developments"
OTHER = "other"

TRIGGERS: list[Trigger] = [
    *_triggers(BATTLES, 2.2,
               r"clash(?:es|ed|ing)?", r"fight(?:ing|s)?", r"fought", r"gun ?battles?",
               r"battl(?:e|es|ed|ing)", r"firefights?", r"skirmish(?:es|ed)?",
               r"ambush(?:es|ed)?", r"exchanged? (?:of )?fire", r"exchanges? of fire",
               r"gunfights?", r"street fighting", r"counter-?offensives?", r"offensives?",
               r"assaults?", r"stormed", r"storming", r"repell?(?:ed|s|ing)?",
               r"repulsed", r"besieg(?:ed|ing)", r"overr(?:an|un)", r"push(?:ed)? back",
               r"advanc(?:ed|es|ing)", r"attack(?:ed|s|ing)? (?:an? |the )?(?:army|military|police|"
               r"checkpoint|base|outpost|position|patrol|garrison|barracks|convoy)s?",
               r"engaged", r"heavy fighting", r"combat"),
    *_triggers(BATTLES, 1.8,
               r"attack(?:s|ed|ing)?", r"attackers", r"raged", r"gunfire", r"shootout",
               r"raid(?:ed|s)?", r"exchang\w* (?:[\w-]+ ){0,3}fire", r"assailants",
               r"gun battle", r"fighters were killed", r"soldiers were killed"),
    *_triggers(EXPLOSIONS, 2.6,
               r"(?:air|drone|missile|rocket|artillery) ?strikes?", r"airstrikes?",
               r"air raids?", r"bomb(?:s|ed|ing|ings)?", r"bombard(?:ed|ment|ments|ing)",
               r"shell(?:s|ed|ing)", r"missiles?", r"rockets?", r"mortars?",
               r"artillery", r"drones?", r"explosions?", r"explod(?:ed|es|ing)", r"blasts?",
               r"ieds?", r"improvised explosive", r"roadside bombs?", r"car bombs?",
               r"landmines?", r"mines?", r"grenades?", r"detonat(?:ed|ion|ing)",
               r"suicide (?:bomber|attack|bombing)s?", r"struck", r"strikes? (?:on|hit)",
               r"hit by", r"barrages?", r"pounded", r"projectiles?", r"strike", r"strikes",
               r"glide bombs?", r"cluster munitions?", r"shells fell",
               r"opened fire on (?:the )?(?:town|city|village)"),
    *_triggers(CIVILIANS, 2.4,
               r"massacr(?:e|es|ed)", r"execut(?:ed|ion|ions|ing)", r"abduct(?:ed|ion|ions|ing)",
               r"kidnapp?(?:ed|ing|ings)?", r"kidnaps?", r"hostages?", r"rap(?:ed|e)",
               r"sexual violence", r"gunmen", r"murder(?:ed|s)?", r"beheaded",
               r"lynch(?:ed|ing)", r"tortur(?:ed|e)", r"burned alive", r"slaughter(?:ed)?",
               r"killed (?:\w+ )?(?:civilians|villagers|worshippers|farmers|herders|students|"
               r"passengers|residents|women|children)", r"looted and burned",
               r"razed", r"raided (?:the )?(?:village|camp|market|church|mosque)",
               r"(?:opened fire|fired|shooting|shot) (?:on|at) (?:\w+ ){0,2}(?:civilians|villagers|"
               r"worshippers|protesters|demonstrators|crowds?|residents|people|men|women)",
               r"shot dead", r"stabbed", r"killed (?:\w+ ){0,4}(?:civilians|villagers|residents|"
               r"farmers|herders|worshippers|passengers|gatherers|miners|displaced)",
               r"attack(?:s|ed)? (?:on )?civilians", r"shooting (?:men|villagers|residents)",
               r"attack(?:s|ed|ing)? (?:\w+ ){0,4}(?:civilians|villagers|homes|residents|worshippers|tourists)",
               r"abducting", r"settlers", r"(?:went|go|goes|going) on a rampage", r"rampag(?:ed|ing)",
               r"(?:troops|soldiers|police|forces|guards) opened fire",
               r"(?:among them|including) (?:\w+ ){0,2}(?:women|children|infants|babies)"),
    # People killed, by whom unsaid: violence against civilians unless a battle is told.
    *_triggers(CIVILIANS, 1.8, r"killed (?:\w+ ){0,4}people"),
    *_triggers(PROTESTS, 2.6,
               r"protest(?:s|ed|ing|ers|er)?", r"demonstrat(?:ion|ions|ors|ed|ing)",
               r"rall(?:y|ies|ied)", r"march(?:ed|es|ers)?", r"sit-ins?", r"vigils?",
               r"strik(?:ing) workers", r"general strike", r"hunger strike", r"walkouts?",
               r"took to the streets", r"marching", r"chant(?:ed|ing)", r"petition",
               r"crowds? (?:\w+ ){0,2}gathered", r"gathered", r"filled the (?:square|streets)",
               r"placards", r"slogans"),
    *_triggers(RIOTS, 2.6,
               r"riot(?:s|ed|ing|ers)?", r"mobs?", r"stone-throwing",
               r"threw (?:stones|rocks|petrol bombs|molotov)", r"petrol bombs?",
               r"molotov cocktails?", r"unrest", r"barricades?",
               r"(?:protesters|demonstrators|crowds?|youths|young men|students|rioters) (?:\w+ ){0,3}"
               r"(?:set fire|burned|torched|stormed|threw|stoned|looted|fought|clashed|attacked)"),
    # Acts that armed men commit too: a riot only with a crowd (RIOT_SIGNS, choose_type).
    *_triggers(RIOTS, 1.8,
               r"loot(?:ed|ing|ers)?", r"torch(?:ed|ing)", r"set (?:\w+ )?(?:on )?fire", r"set ablaze",
               r"stones?", r"vandali[sz]ed"),
    *_triggers(STRATEGIC, 2.0,
               r"captur(?:ed|e|es|ing)", r"seiz(?:ed|e|es|ing)", r"took (?:full )?control",
               r"tak(?:en|es|ing) control", r"recaptur(?:ed|e)", r"retook", r"retak(?:en|e)",
               r"liberat(?:ed|ion)", r"withdr(?:ew|awn|awal|aws)", r"pull(?:ed)? out",
               r"retreat(?:ed|s)?", r"deploy(?:ed|ment|ments|s)", r"reinforcements?",
               r"ceasefire", r"cease-fire", r"truce", r"agreements?", r"accord", r"deal",
               r"signed", r"arrest(?:ed|s)?", r"detain(?:ed|s)?",
               r"handed over", r"hand(?:ing)? over", r"prisoner (?:exchange|swap)s?",
               r"curfew", r"checkpoints?", r"established (?:a )?(?:base|headquarters)",
               r"entered", r"fell to", r"under (?:the )?control of", r"surrender(?:ed)?",
               r"abandon(?:ed)?", r"evacuat(?:ed|ion)", r"state of emergency",
               r"troops? (?:arrived|moved|massed|massing)", r"convoys? of (?:troops|tanks)",
               r"air ?drop(?:ped)?", r"blockade", r"closed the (?:border|crossing)",
               r"reopened", r"exchange of prisoners", r"released", r"defected",
               r"moved into", r"took over", r"taking over", r"arrived in", r"pulled back",
               r"redeploy\w*", r"handover", r"fallen under", r"escorted", r"control of",
               r"opened an? (?:office|headquarters|base|administration)", r"spread to"),
    *_triggers(OTHER, 1.6,
               r"flood(?:s|ed|ing)?", r"earthquake", r"famine", r"cholera", r"outbreak",
               r"displaced", r"fled", r"refugees", r"aid (?:convoy|delivery|deliveries)",
               r"humanitarian", r"power cuts?", r"blackout", r"fire broke out",
               r"collapsed", r"shortages?", r"hunger", r"aid trucks?", r"crossed into",
               r"capsized", r"shipwrecks?", r"sank", r"dams? burst", r"mass (?:graves?|burials?)", r"exhum\w+",
               r"new arrivals", r"received thousands"),
]

# Violence words that make a protest a riot when both appear.
# (Police firing tear gas at a peaceful march does not make it a riot.)
RIOT_SIGNS = re.compile(
    r"\b(?:riot\w*|loot\w*|torch\w*|set (?:\w+ )?(?:on )?fire|ablaze|stones?|rocks|stone-throwing|"
    r"petrol bombs?|molotov|clash\w* with (?:police|security)|vandali[sz]ed|burn(?:ed|ing|t)|"
    r"stormed|storm|attacked|fought|clash(?:es|ed))\b"
)
# Fighting denied: a change of control without a battle.
NO_FIGHT = re.compile(r"\b(?:without (?:a |any )?(?:fight|fighting|resistance|a shot)|no (?:fighting|resistance)|"
                      r"unopposed|peacefully)\b")
# Crowds: with violence, a riot rather than a battle.
CROWD = re.compile(r"\b(?:protest\w*|demonstrat\w*|crowds?|mobs?|riot\w*|youths|students|supporters|angry)\b")

# Words that put the event at the place named right after them: "in Izium".
LOCATIVE_BEFORE = frozenset(
    "in at near outside around inside on onto into across through within along over off".split()
)
# "the outskirts of X", "the town of X", "north of X": still the place's event.
LOCATIVE_NOUNS_OF = frozenset(
    """outskirts edge edges centre center heart streets village town city district
    suburb suburbs province region area areas countryside outside parts part vicinity
    port residents people inhabitants camp neighbourhood neighborhood market witnesses""".split()
)
# A verb or noun whose object is the place: "shelled Kharkiv", "the attack on Kherson".
OBJECT_VERBS = re.compile(
    r"\b(?:shelled|bombed|bombarded|struck|hit|hitting|pounded|targeted|targeting|stormed|"
    r"captured|seized|recaptured|retook|liberated|besieged|encircled|overran|attacked|raided|"
    r"entered|shelling|bombing|attack on|attacks on|strike on|strikes on|assault on|"
    r"offensive on|raid on|march on|siege of|fall of|capture of|bombardment of|shelling of|"
    r"control of|battle for|fight for|fighting for|battle of|clashes in|recapture of|"
    r"withdrawal from|withdrew from|retreated from|pulled out of|pulled back from|advance on|push on|"
    r"rocked|rocks|shook|killed in|wounded in)\s+(?:the\s+)?(?:\w+\s+)?$"
)
# After the place: "Kyiv said", "Moscow denied", "Sudan's army", "Tehran-backed".
SPEECH_AFTER = re.compile(
    r"^\s*(?:and \w+(?: \w+)?\s+)?(?:'s|\u2019s|has|had|have|also|on \w+day|later|then|,)?\s*"
    r"(?:said|says|say|announced|announces|claimed|claims|denied|denies|accused|accuses|"
    r"warned|warns|condemned|condemns|called|calls|urged|urges|told|stated|insisted|"
    r"vowed|vows|threatened|threatens|blamed|blames|demanded|demands|rejected|rejects|"
    r"welcomed|welcomes|responded|responds|pledged|pledges|promised|promises|"
    r"confirmed|confirms|reported|reports|described|dismissed|dismisses|sent|sends|"
    r"supplied|supplies|backs|backed|supports|supported|wants|hopes|believes|"
    r"argued|argues|insists|agreed|agrees|proposed|offered|offers|imposed|imposes|asked|asks|"
    r"did not|does not|has not|had not|gave no|gave|recalled|launched|fired|"
    r"sanctioned|expelled|summoned|recalled|announcing|is|was|will|would|has been)\b"
)
ACTOR_AFTER = re.compile(
    r"^\s*(?:'s|\u2019s)?\s*(?:-based|-backed|-led|-aligned|-allied|-made|-supplied)?\s*"
    r"(?:government|ministry|foreign|defence|defense|interior|president|prime|leader|leaders|"
    r"leadership|officials?|authorities|spokes(?:man|woman|person)|embassy|envoy|ambassador|"
    r"delegation|army|military|forces|troops|soldiers|navy|air force|regime|parliament|"
    r"cabinet|administration|allies|backers|negotiators|diplomats?|mission|"
    r"national|nationals|citizens|team|club|fans|support|backing|allies|proxies|"
    r"military chief|commander)\b"
)
HYPHEN_ACTOR = re.compile(r"^-(?:based|backed|led|aligned|allied|made|supplied|born)\b")
# Before the place: an origin or destination, not where things happened.
NOT_HERE_BEFORE = re.compile(
    r"\b(?:from|(?<!spread )(?<!spreading )(?<!deployed )(?<!redeployed )(?<!sent )(?<!advanced )to|"
    r"of the government of|envoy to|ambassador to|visit to|trip to|"
    r"travelled to|traveled to|flew to|returned to|relations with|talks with|ties with|"
    r"backed by|supported by|supplied by|allies of|citizens? of|nationals? of|"
    r"like|unlike|as in|compared with|compared to|than|accused|accusing|blamed|urged|asked|"
    r"called on|solidarity with|with|fled|fled towards|towards|toward|(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west) of|"
    r"hospitals? in|taken to|evacuated to|moved to)\s+(?:the\s+)?$"
)
# A venue of talk, not of violence: "talks in Geneva", "told reporters in Kyiv".
MEETING_BEFORE = re.compile(
    r"\b(?:talks|summit|meeting|meetings|met|conference|negotiations|speaking|spoke|"
    r"told reporters|told journalists|news conference|press conference|briefing|"
    r"said|says|statement|interview|visit|visiting|visited|hosted|gathering of leaders|"
    r"hospital|hospitals|morgue|"
    r"headquartered|based|lives|living|born|studied|exile)\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:funerals?|burials?|memorials?|prayers)\s+(?:were|was)\s+held\s+(?:in|at)\s+(?:the\s+)?$"
    r"|\b(?:authorities|officials|ministry|government|partners|civil society|governor|"
    r"spokes(?:man|woman|person))\s+(?:in|at)\s+(?:the\s+)?$"
)
# The event is not (yet) real: future, conditional, fears, denials.
IRREALIS = re.compile(
    r"(?<!\d )(?<!in )\bmay\b(?! \d)|"
    r"\b(?:will|would|could not|could|might|plans? to|planning to|planned|threaten(?:s|ed)? to|"
    r"vow(?:s|ed)? to|intends? to|fears? (?:of|that)|risk of|warn(?:s|ed)? of|"
    r"feared(?! (?:dead|killed|drowned|missing))|"  # "feared dead": the deaths are real, the toll unsure
    r"warned that|prepar(?:e|es|ing) (?:to|for)|if|unless|possible|potential|next week|"
    r"next weekend|announced for|called for|planned for|tomorrow|not affected|unaffected|"
    r"no (?:fighting|clashes|shelling|attacks?|casualties) (?:was|were)? ?reported|denied)\b"
)
# Time words that set the event in the past of a history lesson: "in 2014", "during the war of".
HISTORY = re.compile(r"\b(?:in (?:\w+ )?(?:19|20)\d\d|since (?:19|20)\d\d|years ago|decades ago|anniversary|"
                     r"remembered|commemorat\w+|memorial)\b")
# "X in Y province", "X, Y": Y says where X lies.
CONTAINER_LINK = re.compile(r"\s+in\s+(?:the\s+)?|\s+(?:village|town|area|district|camp),?\s+(?:in|of)\s+(?:the\s+)?")
AREA_WORD = re.compile(r"\s+(?:province|state|region|territory|governorate|oblast|county|district|"
                       r"prefecture|department|municipality|locality)\b")
# A wide area, not a town's district: "Masala, Beni territory" (but "Chai, Macomia district").
WIDE_AREA_WORD = re.compile(r"\s+(?:province|state|region|territory|governorate|oblast|county|prefecture)\b")
# "compared the push to the battle for Bakhmut": a place recalled, not reported.
COMPARISON = re.compile(r"\b(?:compar\w+|reminiscent|likened|recalls?|recalling|echo(?:es|ing|ed)?)\b")
# Between two names, the words that put the first inside the second: "the Saltivka
# district of Kharkiv", "Mugunga on the western edge of Goma", "Mawasi near Khan Yunis",
# "the Qala-e-Bakhtiar area on the southern edge of Kabul",
# "Paletwa township in Chin state", "Tibu and other towns of Catatumbo".
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_EDGE = rf"on\s+the\s+(?:(?:{_DIRECTION}|\w+ern)\s+)?(?:edge|edges|outskirts|fringes?)\s+of"
_AREA = (r"(?:district|locality|neighbourhood|neighborhood|area|camp|suburb|village|town|township|site|sites|"
         r"quarter|market|airport|base|refugee camp|displacement camp)")
HOST_LINK = re.compile(
    rf"(?:,\s*|\s*\(\s*|\s+(?:in|near|(?:just\s+)?{_DIRECTION}\s+of|{_EDGE})\s+(?:the\s+)?|"
    rf"\s+{_AREA}(?:,?\s+(?:of|in|near|outside|(?:just\s+)?{_DIRECTION}\s+of|{_EDGE})\s+(?:the\s+)?|,\s*)|"
    r"\s+and\s+other\s+(?:towns|villages|areas|districts|parts)\s+(?:of|in)\s+(?:the\s+)?)",
    re.IGNORECASE,
)
# Between two names, the words that put the second inside the first: "Tulkarem's Nur Shams camp".
OWNER_LINK = re.compile(r"['\u2019]s\s+(?:the\s+)?", re.IGNORECASE)
# Between two names of one place: "Tadmur, the ancient city also known as Palmyra".
ALIAS_LINK = re.compile(r",?\s*(?:\(\s*)?(?:(?:the|a)\s+(?:[\w-]+\s+){0,3})?(?:also|once|formerly)?\s*"
                        r"(?:known\s+as|called|named)\s+", re.IGNORECASE)
# Between two names of a list: "Sanaa, Hodeidah and Saada".
LIST_LINK = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
