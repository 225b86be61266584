"""Small closed word classes the recogniser needs to tell places from people and organisations."""

from __future__ import annotations

# Titles and honorifics: a capitalised name right after one is a person ("President Assad").
TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "vice", "premier", "chancellor", "minister", "secretary", "gen", "general", "lt", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "imam", "rabbi", "rev", "reverend", "father", "pope", "bishop", "archbishop", "cardinal", "pastor", "coach", "officer", "deputy", "detective", "chief", "inspector", "agent", "ambassador", "envoy", "spokesman", "spokeswoman", "candidate", "attorney", "councilman", "councilwoman", "commissioner", "superintendent", "principal", "dean", "chairman", "chairwoman", "ceo", "founder", "director", "manager", "trooper", "constable", "marshal", "pvt", "private"])

# Words that, right after a place name, turn it into the name of a street, a publication,
# a company, a team or an armed group ("Dublin Road", "Washington Post", "Nusra Front").
# Public institutions ("Ohio Department of Transportation", "Gainesville Police") are left
# out on purpose: they sit in the place they are named after, so the place is on the map.
NON_PLACE_HEADS = frozenset(["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "dr", "lane", "ln", "highway", "hwy", "freeway", "parkway", "pkwy", "way", "court", "ct", "terrace", "circle", "trail", "pike", "turnpike", "expressway", "bridge", "church", "cathedral", "mosque", "temple", "synagogue", "museum", "library", "stadium", "arena", "center", "centre", "hall", "hotel", "mall", "theater", "theatre", "post", "times", "herald", "journal", "tribune", "news", "daily", "gazette", "observer", "magazine", "press", "telegraph", "chronicle", "courier", "register", "sentinel", "star", "record", "bee", "globe", "company", "co", "corp", "corporation", "inc", "ltd", "llc", "group", "holdings", "bank", "airlines", "airways", "railway", "party", "front", "army", "brigade", "brigades", "battalion", "regiment", "movement", "club", "fc", "rangers", "united", "democrats", "republicans", "association", "society", "foundation", "union", "league", "network", "channel", "radio", "tv", "television", "studios", "records", "orchestra", "ballet", "symphony"])

# Words after "X of": "Province of Idlib", "Republic of Ireland" are places; "Echo of
# Moscow" or "Bank of America" are organisations.
GEO_HEADS_BEFORE_OF = frozenset(["province", "state", "city", "town", "village", "republic", "kingdom", "emirate", "sultanate", "principality", "county", "district", "region", "governorate", "prefecture", "municipality", "territory", "territories", "island", "islands", "isle", "gulf", "bay", "sea", "strait", "straits", "port", "lake", "mount", "mountains", "coast", "capital", "people", "citizens", "government", "governor", "mayor", "president", "king", "queen", "prince", "premier", "outskirts", "suburbs", "center", "centre", "heart", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "duchy", "commonwealth", "federation", "union", "archipelago", "peninsula", "cape", "river", "valley"])

# Words that put a following capitalised name in a region ("northern Syria", "Greater London").
MODIFIERS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "metro", "metropolitan", "downtown", "upstate", "downstate", "rural", "urban", "coastal", "inner", "outer", "occupied", "mainland"])

# Place-type words that mark a first-level division: "province of Idlib", "Idlib province".
REGION_CUES = frozenset(["province", "governorate", "state", "region", "oblast", "prefecture", "emirate", "canton"])

# Function words that often open a sentence capitalised and are never part of a name.
FUNCTION_WORDS = frozenset(["the", "a", "an", "in", "on", "at", "to", "from", "of", "for", "by", "with", "and", "or", "but", "if", "as", "is", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "when", "where", "while", "after", "before", "during", "since", "until", "about", "above", "below", "under", "over", "between", "into", "through", "against", "among", "across", "near", "not", "no", "yes", "all", "any", "some", "many", "most", "much", "more", "less", "few", "several", "each", "every", "both", "either", "neither", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "then", "than", "so", "such", "also", "just", "only", "even", "still", "yet", "already", "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "because", "though", "although", "however", "meanwhile", "according", "despite", "last", "next", "new", "old", "like", "unlike", "what's", "it's"])

MONTHS_AND_DAYS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])

# Names that are in the gazetteer but in news nearly always mean an institution.
NOT_PLACES = frozenset({"white house", "pentagon", "kremlin", "capitol hill", "wall street", "downing street",
                        "elysee", "quai dorsay", "foggy bottom", "scotland yard", "whitehall"})

# Lower-case words after a place name that make the pair the name of a disease or strain
# ("Marburg virus", "Lassa fever", "Spanish flu"): the story is not about the place.
NAMED_AFTER_PLACES = frozenset(["virus", "viruses", "fever", "flu", "influenza", "disease", "syndrome", "encephalitis", "strain"])
