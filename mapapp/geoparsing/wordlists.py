"""Small closed word classes the recogniser needs to tell places from people and organisations."""

from __future__ import annotations

# Titles and honorifics: a capitalised name right after one is a person ("President Assad").
TITLES = frozenset({
    "adm", "admiral", "agent", "ambassador", "archbishop", "attorney", "bishop", "candidate",
    "capt", "captain", "cardinal", "ceo", "chairman", "chairwoman", "chancellor", "chief",
    "cmdr", "coach", "col", "colonel", "commander", "commissioner", "constable", "councilman",
    "councilwoman", "dame", "dean", "deputy", "detective", "director", "dr", "emir", "envoy",
    "father", "founder", "gen", "general", "gov", "governor", "imam", "inspector", "judge",
    "justice", "king", "lady", "lord", "lt", "maj", "major", "manager", "marshal", "mayor",
    "minister", "miss", "mr", "mrs", "ms", "officer", "pastor", "pope", "premier", "president",
    "prince", "princess", "principal", "private", "prof", "pvt", "queen", "rabbi", "rep",
    "representative", "rev", "reverend", "secretary", "sen", "senator", "sergeant", "sgt",
    "sheik", "sheikh", "sir", "spokesman", "spokeswoman", "superintendent", "trooper", "vice",
})

# Words that, right after a place name, turn it into the name of a street, a publication,
# a company, a team or an armed group ("Dublin Road", "Washington Post", "Nusra Front").
# Public institutions ("Ohio Department of Transportation", "Gainesville Police") are left
# out on purpose: they sit in the place they are named after, so the place is on the map.
NON_PLACE_HEADS = frozenset({
    "airlines", "airways", "arena", "army", "association", "ave", "avenue", "ballet", "bank",
    "battalion", "bee", "blvd", "boulevard", "bridge", "brigade", "brigades", "cathedral",
    "center", "centre", "channel", "chronicle", "church", "circle", "club", "co", "company",
    "corp", "corporation", "courier", "court", "ct", "daily", "democrats", "dr", "drive",
    "expressway", "fc", "foundation", "freeway", "front", "gazette", "globe", "group", "hall",
    "herald", "holdings", "hotel", "inc", "journal", "lane", "league", "library", "llc", "ln",
    "ltd", "magazine", "mall", "mosque", "movement", "museum", "network", "news", "observer",
    "orchestra", "parkway", "party", "pike", "pkwy", "post", "press", "radio", "railway",
    "rangers", "rd", "record", "records", "regiment", "register", "republicans", "road",
    "sentinel", "society", "st", "stadium", "star", "street", "studios", "symphony",
    "synagogue", "telegraph", "television", "temple", "terrace", "theater", "theatre", "times",
    "trail", "tribune", "turnpike", "tv", "union", "united", "way",
})

# Words before "of <place>" that keep the place: "Province of Idlib", "Republic of Ireland",
# "University of Georgia"; any other capitalised word makes an organisation ("Echo of Moscow",
# "Bank of America") whose name only contains the place.
GEO_HEADS_BEFORE_OF = frozenset({
    "archipelago", "association", "bay", "board", "cape", "capital", "center", "central",
    "centre", "chamber", "citizens", "city", "coast", "college", "commission", "commonwealth",
    "council", "county", "court", "department", "district", "duchy", "east", "eastern",
    "emirate", "federation", "government", "governor", "governorate", "gulf", "heart",
    "institute", "island", "islands", "isle", "king", "kingdom", "lake", "league", "mayor",
    "ministry", "mount", "mountains", "municipality", "north", "northern", "office",
    "outskirts", "peninsula", "people", "port", "prefecture", "premier", "president", "prince",
    "principality", "province", "queen", "region", "republic", "river", "sea", "society",
    "south", "southern", "state", "strait", "straits", "suburbs", "sultanate", "territories",
    "territory", "town", "union", "university", "valley", "village", "west", "western",
})

# Words that put a following capitalised name in a region ("northern Syria", "Greater London").
MODIFIERS = frozenset({
    "central", "coastal", "downstate", "downtown", "east", "eastern", "greater", "inner",
    "lower", "mainland", "metro", "metropolitan", "north", "northeast", "northeastern",
    "northern", "northwest", "northwestern", "occupied", "outer", "rural", "south", "southeast",
    "southeastern", "southern", "southwest", "southwestern", "upper", "upstate", "urban",
    "west", "western",
})

# Place-type words that mark a first-level division: "province of Idlib", "Idlib province".
REGION_CUES = frozenset({
    "canton", "emirate", "governorate", "oblast", "prefecture", "province", "region", "state",
})

# Function words that often open a sentence capitalised and are never part of a name.
FUNCTION_WORDS = frozenset({
    "a", "about", "above", "according", "across", "after", "against", "all", "already", "also",
    "although", "among", "an", "and", "any", "as", "at", "because", "before", "below",
    "between", "both", "but", "by", "despite", "during", "each", "eight", "either", "even",
    "every", "few", "five", "for", "four", "from", "he", "her", "here", "his", "how", "however",
    "i", "if", "in", "into", "is", "it", "it's", "its", "just", "last", "less", "like", "many",
    "meanwhile", "more", "most", "much", "my", "near", "neither", "new", "next", "nine", "no",
    "not", "of", "old", "on", "one", "only", "or", "our", "over", "seven", "several", "she",
    "since", "six", "so", "some", "still", "such", "ten", "than", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "three", "through", "to",
    "two", "under", "unlike", "until", "we", "what", "what's", "when", "where", "which",
    "while", "who", "whom", "whose", "why", "with", "yes", "yet", "you", "your",
})

# Verbs that attribute a quotation: a name right before one is a speaker ("Hartl said").
SPEECH_VERBS = frozenset({
    "added", "argued", "asked", "commented", "explained", "insisted", "noted", "replied",
    "said", "says", "stated", "told", "warned", "wrote",
})

# Months and weekdays, with their abbreviations.
MONTHS_AND_DAYS = frozenset({
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "friday", "jan",
    "january", "jul", "july", "jun", "june", "mar", "march", "may", "monday", "nov", "november",
    "oct", "october", "saturday", "sep", "sept", "september", "sunday", "thursday", "tuesday",
    "wednesday",
})

# Names that are in the gazetteer but in news nearly always mean an institution, a group
# or a brand ("Hamas" is an alternate spelling of Hamm, Toyota makes cars).
NOT_PLACES = frozenset({
    "capitol hill", "downing street", "elysee", "foggy bottom", "kremlin", "pentagon",
    "quai dorsay", "scotland yard", "wall street", "white house", "whitehall",
    "fatah", "hamas", "hezbollah", "hizbollah", "ismaili", "taliban", "toyota",
    "red crescent", "red cross",
})

# Lower-case words after a place name that make the pair the name of a disease or strain
# ("Marburg virus", "Lassa fever", "Spanish flu"): the story is not about the place.
NAMED_AFTER_PLACES = frozenset({
    "disease", "ebolavirus", "encephalitis", "fever", "flu", "haemorrhagic", "hemorrhagic",
    "influenza", "strain", "syndrome", "virus", "viruses",
})

# Lower-case words allowed inside a multiword name ("Bosnia and Herzegovina", "Deir al-Zour").
CONNECTORS = frozenset({
    "ad", "al", "and", "ar", "as", "ash", "au", "aux", "az", "bin", "da", "de", "del", "della",
    "der", "des", "di", "du", "ed", "el", "en", "er", "es", "et", "ez", "ibn", "la", "las",
    "le", "los", "of", "on", "sur", "the", "upon", "van", "von", "y",
})

# Ordinary English words that are also the own names of sizeable towns, and so are missing
# from the gazetteer's common words (which leave out large places' names): "Nice words from
# officials", "Bath time". Capitalised mid-sentence they still name the town.
ORDINARY_WORDS_THAT_ARE_TOWNS = frozenset({"bath", "nice"})

# Capitalised words that head a name after a place word: institutions and events named after
# the place, not the place ("Kharkiv Polytechnic Institute", "Kabul University", "Cannes
# Lions", "Lagos State University"). Kept apart from NON_PLACE_HEADS only to say why.
INSTITUTION_HEADS = frozenset({
    "academy", "airlines", "college", "festival", "lions", "polytechnic", "university",
})

# Club names that put a word before the city they play in: "Shakhtar Donetsk", "Inter Milan",
# "Dynamo Kyiv", "Real Madrid". The city is then the club's, not a place in the story.
CLUB_PREFIXES = frozenset({
    "ajax", "atletico", "benfica", "dinamo", "dynamo", "inter", "lokomotiv",
    "olympiacos", "olympique", "partizan", "real", "shakhtar", "spartak", "sporting", "zenit",
    "zorya",
})

# Lower-case words after a place name that make it the name of a river: "the Dnipro river" is
# not the city of Dnipro. (Reservoirs and dams named after a town sit by it: not listed.)
FEATURE_WORDS_AFTER_NAME = frozenset({"river"})

# Lower-case words after a name that make it a building's name when the name carries an
# Arabic article ("the al-Thawra hospital", "al-Aqsa mosque"): a facility, not a town.
FACILITY_WORDS = frozenset({"hospital", "mosque", "prison", "school", "stadium", "university"})

# Hyphenated suffixes that turn a country name into an adjective: "Saudi-led coalition",
# "Iranian-backed militias", "US-brokered truce". Read as a demonym: not a place on the map.
ADJECTIVE_SUFFIXES = frozenset({"backed", "brokered", "funded", "led", "sponsored", "supported"})

# World regions, continents, seas and oceans (gazetteer names). A point cannot stand for them
# (a marker in the middle of the Black Sea or of Africa tells a reader nothing): see
# recognizer.is_world_area, which tells the map to leave them off.
WORLD_AREAS = frozenset({
    "Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica",
    "European Union", "Middle East", "Persian Gulf", "Balkans", "Caucasus", "Sahel",
    "Horn of Africa", "Maghreb", "Levant", "Scandinavia", "Latin America", "Central America",
    "Caribbean", "South Asia", "Southeast Asia", "East Asia", "Central Asia",
    "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Central Africa", "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe",
    "Southern Europe", "Eastern Mediterranean", "Western Asia", "Melanesia", "Polynesia",
    "Baltic Sea", "Arabian Peninsula", "Red Sea", "Mediterranean", "Black Sea", "Caspian Sea",
    "Aegean Sea", "Atlantic Ocean", "Pacific Ocean", "Indian Ocean", "Arctic",
    "Korean Peninsula", "Gulf of Aden", "Gulf of Mexico", "Strait of Hormuz", "Americas",
})
