"""Word lists the recogniser needs: common words that are also place names, demonyms, organisation names and
the cue words that tell what kind of place a name is. General English and regional knowledge, not eval forms."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

import yaml

_DATA = Path(__file__).parent / "data"
_ACTOR_REGISTRY = Path(__file__).resolve().parents[2] / "data" / "actors"


def _word_list(file_name: str) -> frozenset[str]:
    """A gzipped list shipped in ``data/``, one word a line."""
    with gzip.open(_DATA / file_name, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


@cache
def english_words() -> frozenset[str]:
    """Common English words (SCOWL's lower-case entries, American and British spellings: wire copy writes "metres"
    and "defence"): a name spelled like one needs context to count."""
    return _word_list("common_words.txt.gz")


@cache
def census_given_names() -> frozenset[str]:
    """The given names of the 1990 US Census (public domain; ``data/CENSUS-NAMES-SOURCE.txt``): far more than
    ``GIVEN_NAMES``, and so only trusted where the gazetteer has no well-known place of that name."""
    return _word_list("census_given_names.txt.gz")


@cache
def actor_names() -> tuple[str, ...]:
    """One-word names of armed groups from the actor registry (``data/actors``): a group is never a place, even
    when a village shares its name ("Daesh" and Dahash, "Hazm"). Longer registry names are left out: many hold a
    real toponym ("US-led coalition", "Lebanon's Hezbollah"). Read here rather than through ``app.events`` so the
    geoparser does not depend on the stage after it; a user's added YAML file counts too."""
    names: set[str] = set()
    for path in sorted(_ACTOR_REGISTRY.glob("*.y*ml")):
        # libyaml's safe parser where PyYAML has it: the generated Phoenix file takes the pure-Python one ~0.25 s.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        document = document or {}
        for actor in document.get("actors") or []:
            names.update(str(name).lower() for name in actor.get("names") or [] if len(str(name).split()) == 1)
    return tuple(sorted(names))


# Function words and frequent news words that are never a place on their own, whatever their case.
NEVER_ALONE = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "as", "and", "or", "but", "nor",
        "not", "no", "so", "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "he", "she", "they",
        "we", "you", "i", "me", "him", "her", "them", "us", "our", "their", "his", "my", "your", "this", "that",
        "these", "those", "there", "here", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
        "all", "any", "some", "each", "every", "both", "few", "more", "most", "other", "such", "only", "own", "same",
        "than", "too", "very", "can", "will", "just", "should", "now", "also", "may", "might", "must", "shall",
        "would", "could", "said", "says", "say", "told", "tell", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "first", "second", "third", "last", "next", "new", "old", "after", "before", "during",
        "since", "until", "while", "about", "against", "between", "into", "through", "over", "under", "above", "below",
        "up", "down", "out", "off", "again", "further", "then", "once", "if", "because", "though", "although", "per",
        "via", "de", "la", "le", "el", "al", "du", "des", "der", "den", "das", "die", "von", "van", "da", "do", "dos",
        "di", "del", "lo", "los", "las", "et", "en", "sur", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "king",
        "queen", "saint", "san", "santa", "st", "mount", "lake", "river", "sea", "ocean", "bay", "gulf", "island",
        "islands", "city", "town", "village", "villages", "district", "province", "governorate", "region", "state",
        "county", "country", "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "centre", "center", "upper", "lower", "great", "little", "middle", "greater", "army", "police",
        "forces", "force", "government", "military", "news", "press", "media", "times", "post", "reuters", "agency",
        "union", "party", "council", "court", "house", "hall", "home", "school", "university", "church", "mosque",
        "street", "road", "square", "bridge", "airport", "station", "camp", "base", "port", "harbor", "harbour",
        "hospital", "market", "park", "tower", "office", "sunday", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "week", "month", "year", "day", "today", "yesterday", "tomorrow", "morning",
        "evening", "night", "time", "people", "man", "men", "woman", "women", "child", "children", "family", "war",
        "peace", "victory", "liberty", "freedom", "independence", "hope", "unity", "justice", "truth", "love", "faith",
        "life", "world", "border", "front", "line", "lines", "side", "area", "areas", "part", "parts", "zone", "zones",
        "point", "points", "way", "well", "good", "bad", "best", "long", "high", "low", "big", "small", "free",
        "black", "white", "red", "green", "blue", "gold", "silver", "golden", "royal", "national", "international",
        "global", "local", "federal", "republic", "democratic", "islamic", "arab", "sheikh", "emir", "president",
        "minister", "general", "colonel", "commander", "leader", "chief", "spokesman", "official", "officials",
        "source", "sources", "group", "groups", "fighters", "rebels", "troops", "regime", "opposition", "strike",
        "strikes", "attack", "attacks", "fire", "water", "oil", "gas", "food", "aid", "help", "support", "deal",
        "talks", "plan", "plans", "control", "power", "hill", "hills", "valley", "plain", "desert", "field", "fields",
        "farm", "farms", "mission", "operation", "operations", "shield", "spring", "branch", "dawn", "storm", "wrath",
    }
)

# Common English words that are also the names of small places: a place only with strong evidence
# (capitalised mid-sentence in cased text and not a common-word use, or a cue such as "the town of").
COMMON_WORDS = frozenset(
    {
        "able", "about", "above", "across", "act", "add", "age", "ago", "air", "all", "also", "among", "angel",
        "angels", "arm", "arms", "art", "ash", "auto", "back", "bad", "bag", "ball", "band", "bank", "bar", "base",
        "bath", "battle", "beach", "bear", "beauty", "bed", "bell", "belt", "best", "big", "bill", "bird", "bishop",
        "bit", "blue", "board", "boat", "body", "bold", "bone", "book", "boss", "boston", "bottom", "bound", "bow",
        "box", "boy", "brain", "branch", "bread", "break", "bridge", "bright", "bring", "broad", "brook", "brown",
        "buck", "buffalo", "bull", "burn", "bush", "butler", "cable", "cairn", "call", "calm", "camp", "can", "canal",
        "cap", "cape", "car", "card", "care", "carter", "case", "cash", "castle", "cat", "cause", "cedar", "centre",
        "chain", "chair", "chance", "change", "chapel", "charity", "cherry", "chester", "chicken", "church", "circle",
        "clay", "clear", "cliff", "climax", "clinton", "clock", "close", "cloud", "club", "coal", "coast", "cold",
        "college", "colon", "colony", "comfort", "common", "concord", "content", "cook", "cool", "copper", "corner",
        "cost", "cotton", "council", "count", "court", "cove", "cow", "crane", "crater", "cream", "creek", "cross",
        "crown", "cuba", "cut", "dale", "dam", "dark", "date", "dawn", "deal", "dean", "deep", "deer", "delight",
        "denmark", "desert", "devil", "diamond", "dire", "dock", "dog", "door", "double", "dover", "dragon", "dream",
        "drive", "dry", "duck", "dunn", "early", "earth", "ease", "eden", "edge", "eight", "elk", "elm", "end",
        "energy", "enterprise", "essex", "eureka", "even", "ever", "evergreen", "everest", "fair", "faith", "fall",
        "falls", "false", "fame", "farm", "fast", "father", "field", "fig", "fine", "fish", "flat", "flint",
        "florence", "flower", "fog", "ford", "forest", "fork", "fort", "fortune", "forward", "fox", "frank", "free",
        "friend", "friendship", "fruit", "fun", "gap", "garden", "gate", "gem", "gift", "girl", "glen", "globe",
        "goat", "gold", "golf", "good", "goose", "grace", "grand", "grant", "grass", "grave", "gray", "green", "grey",
        "grove", "guard", "gulf", "gun", "hall", "ham", "hand", "happy", "harbor", "hard", "harmony", "harvest",
        "haven", "hay", "head", "heart", "heath", "heaven", "hector", "hell", "help", "hermit", "hero", "hickory",
        "hill", "hills", "holly", "holy", "home", "honey", "hope", "horn", "horse", "hot", "house", "hub", "hull",
        "humble", "hunter", "ice", "idle", "inch", "independence", "industry", "iron", "island", "ivy", "jack",
        "jasper", "joy", "judge", "jump", "junction", "key", "kid", "king", "kings", "kitchen", "knight", "knob",
        "lake", "land", "lane", "large", "laurel", "lead", "leaf", "leader", "lee", "legal", "lemon", "level",
        "liberty", "light", "lime", "lincoln", "lion", "little", "live", "lodge", "lone", "long", "lost", "lot",
        "love", "low", "luck", "lucky", "lyon", "magic", "maiden", "main", "major", "mall", "man", "manor", "maple",
        "marble", "march", "mark", "market", "marsh", "mason", "match", "may", "mayor", "meadow", "media", "mercy",
        "mesa", "mile", "mill", "miller", "mine", "mint", "mission", "mobile", "model", "money", "moon", "moore",
        "more", "morgan", "moss", "mount", "mountain", "mouse", "mud", "music", "nail", "native", "neck", "needle",
        "nest", "net", "new", "nice", "night", "noble", "normal", "north", "nut", "oak", "ocean", "office", "oil",
        "old", "olive", "omega", "only", "opportunity", "orange", "orchard", "order", "orient", "oxford", "page",
        "palm", "paradise", "park", "parker", "party", "pass", "patience", "peace", "peach", "pearl", "pen", "penn",
        "pilot", "pine", "pink", "pipe", "pit", "plain", "plains", "plant", "plenty", "pleasant", "plum", "plymouth",
        "point", "pole", "police", "pond", "poplar", "port", "post", "power", "prairie", "pride", "prime", "progress",
        "prospect", "providence", "pulse", "queen", "quiet", "rain", "ranch", "range", "rapid", "rapids", "raven",
        "ready", "reading", "record", "red", "reform", "rest", "rich", "ridge", "ring", "rise", "river", "road",
        "rock", "rocky", "rome", "root", "rose", "rough", "round", "royal", "ruby", "rush", "sage", "sale", "salem",
        "salt", "sand", "savage", "school", "scott", "sea", "seal", "second", "security", "seven", "shade", "shadow",
        "sharp", "shell", "shelter", "shield", "ship", "shore", "short", "side", "silver", "sky", "slate", "smith",
        "snow", "soda", "solitude", "sound", "south", "spa", "spring", "springs", "spur", "square", "star", "state",
        "station", "steel", "stock", "stone", "storm", "strong", "success", "sugar", "summit", "sun", "sunny",
        "sunrise", "sunset", "superior", "sure", "swan", "sweet", "table", "tank", "temple", "ten", "texas", "thunder",
        "tiger", "time", "tin", "top", "torch", "tower", "town", "trade", "trail", "tree", "trinity", "triumph",
        "troy", "true", "trust", "truth", "union", "unity", "university", "usa", "valley", "van", "venus", "vernon",
        "victor", "victoria", "victory", "view", "villa", "village", "vine", "virgin", "vista", "wade", "walker",
        "wall", "war", "warren", "washington", "water", "wave", "way", "welcome", "well", "wells", "west", "white",
        "wild", "william", "wind", "winter", "wisdom", "wolf", "wood", "woods", "worth", "york", "young", "zion",
        "adam", "ada", "alma", "amber", "anna", "asia", "aurora", "bella", "carmen", "charlotte", "chelsea", "clara",
        "diana", "dolores", "eva", "irene", "iris", "isabel", "jasmine", "jordan", "julia", "laura", "lily", "lucia",
        "marina", "mary", "maya", "mercedes", "monica", "olivia", "paris", "rosa", "sofia", "stella", "susan", "vera",
        "chad", "niger", "georgia", "turkey", "guinea", "china",
    }
)
# Holidays and seasons of the church year, written with a capital ("Easter weekend"): common words, not places.
COMMON_WORDS = COMMON_WORDS | {"easter", "christmas", "halloween", "thanksgiving", "lent", "advent", "passover",
                               "hanukkah", "pentecost", "whitsun"}

# In lowercased text these words are places only with a cue (the case cannot tell "hope" from "Hope").
# Countries and the most famous cities among them are kept apart: in news "turkey" and "jordan" are places.
AMBIGUOUS_COUNTRY_WORDS = frozenset({"chad", "niger", "georgia", "turkey", "guinea", "china", "jordan", "paris",
                                     "washington", "victoria", "boston", "texas", "cuba", "denmark", "rome",
                                     "essex", "oxford", "york", "lincoln", "florence", "asia", "usa"})

# The one list of demonyms, with the country each names ("a British soldier born in Manchester" is about the
# English city). The resolver votes with it, the extractor reads "Turkish-led forces" with it, and the recogniser
# never takes one of its words for a place.
DEMONYM_COUNTRIES: dict[str, str] = {
    "syrian": "SY", "syrians": "SY", "iraqi": "IQ", "iraqis": "IQ", "turkish": "TR", "lebanese": "LB",
    "jordanian": "JO", "iranian": "IR", "israeli": "IL", "egyptian": "EG", "libyan": "LY",
    "yemeni": "YE", "afghan": "AF", "russian": "RU", "ukrainian": "UA", "saudi": "SA",
    "british": "GB", "briton": "GB", "britons": "GB", "scottish": "GB", "welsh": "GB",
    "american": "US", "americans": "US", "canadian": "CA", "canadians": "CA", "australian": "AU",
    "australians": "AU", "irish": "IE", "french": "FR", "german": "DE", "germans": "DE",
    "italian": "IT", "spanish": "ES", "dutch": "NL", "belgian": "BE", "swiss": "CH", "austrian": "AT",
    "polish": "PL", "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI",
    "greek": "GR", "portuguese": "PT", "czech": "CZ", "hungarian": "HU", "romanian": "RO",
    "chinese": "CN", "japanese": "JP", "indian": "IN", "pakistani": "PK", "bangladeshi": "BD",
    "filipino": "PH", "indonesian": "ID", "malaysian": "MY", "vietnamese": "VN", "thai": "TH",
    "mexican": "MX", "brazilian": "BR", "argentine": "AR", "colombian": "CO", "venezuelan": "VE",
    "cuban": "CU", "nigerian": "NG", "kenyan": "KE", "ethiopian": "ET", "somali": "SO",
    "sudanese": "SD", "ghanaian": "GH", "ugandan": "UG", "zimbabwean": "ZW", "moroccan": "MA",
    "algerian": "DZ", "tunisian": "TN", "qatari": "QA", "emirati": "AE", "kuwaiti": "KW",
    "palestinian": "PS", "armenian": "AM", "azerbaijani": "AZ", "kazakh": "KZ", "maltese": "MT",
    "slovak": "SK", "serbian": "RS", "croatian": "HR", "bulgarian": "BG",
    # the states of the wars this service maps beyond the Middle East, and their neighbours
    "mozambican": "MZ", "malian": "ML", "burmese": "MM", "nigerien": "NE", "burkinabe": "BF", "chadian": "TD",
    "eritrean": "ER", "rwandan": "RW", "burundian": "BI", "cameroonian": "CM", "tanzanian": "TZ", "zambian": "ZM",
    "angolan": "AO", "senegalese": "SN", "ivorian": "CI", "liberian": "LR", "mauritanian": "MR", "djiboutian": "DJ",
    "nepalese": "NP", "bosnian": "BA", "kosovar": "XK", "albanian": "AL", "belarusian": "BY", "moldovan": "MD",
    "lithuanian": "LT", "latvian": "LV", "estonian": "EE", "haitian": "HT", "peruvian": "PE", "salvadoran": "SV",
    "guatemalan": "GT", "honduran": "HN", "nicaraguan": "NI", "cambodian": "KH", "taiwanese": "TW",
    # a movement of one country, named like its people: a story on the Houthis is a story on Yemen
    "houthi": "YE", "houthis": "YE",
}

# Armed movements rooted in one war's countries, by the word (or two) news names them with: a story on the Taliban is a
# story on Afghanistan, one on IS on Syria and Iraq (each country a share of a demonym's vote). The registry of
# armed actors is the events stage's; these few only tell the geoparser where a short text is.
MOVEMENT_COUNTRIES: dict[str, tuple[str, ...]] = {
    "taliban": ("AF",), "isis": ("SY", "IQ"), "isil": ("SY", "IQ"), "daesh": ("SY", "IQ"),
    "islamic state": ("SY", "IQ"),
    "shabaab": ("SO",), "peshmerga": ("IQ",),
    # armed movements of one country each, as the wars the service maps name them
    "hamas": ("PS",), "aqap": ("YE",), "boko haram": ("NG",), "m23": ("CD",), "tplf": ("ET",),
    "janjaweed": ("SD",), "farc": ("CO",), "fsa": ("SY",), "sdf": ("SY",), "ypg": ("SY",), "nusra": ("SY",),
    "hts": ("SY",), "hayat tahrir": ("SY",), "ahrar": ("SY",), "tiger forces": ("SY",), "arakan army": ("MM",),
    "saa": ("SY",), "ypj": ("SY",), "shabab": ("SO",), "pmf": ("IQ",), "hashd": ("IQ",),
    # Hezbollah fights at home and in Syria
    "hezbollah": ("LB", "SY"), "hizbollah": ("LB", "SY"),
    # Sudan's paramilitary, Libya's two camps and their commander, the Sahel's jihadist alliances
    "rsf": ("SD",), "rapid support forces": ("SD",), "gna": ("LY",), "lna": ("LY",), "haftar": ("LY",),
    "jnim": ("ML", "BF"), "iswap": ("NG",),
}

# Never a place alone either, though no vote for a country: peoples, faiths, movements, directions, and the
# demonyms the resolver does not vote with (yet: adding one to DEMONYM_COUNTRIES makes it a vote).
_GROUP_WORDS = frozenset({
    "afghans", "african", "africans", "alawite", "alawites", "arab", "arabic", "arabs", "assyrian", "baathist",
    "bahraini", "bedouin", "catholic", "chechen", "chilean", "christian", "christians", "circassian", "druze",
    "eastern", "egyptians", "english", "european", "europeans", "georgian", "indians", "iranians",
    "islamist", "islamists", "ismaili", "ismailis", "israelis", "jew", "jewish", "jews", "jihadi", "jihadis",
    "jihadist", "jihadists", "jordanians", "korean", "koreans", "kurd", "kurdish", "kurds", "libyans", "mujahideen",
    "muslim", "muslims", "northern", "omani", "orthodox", "pakistanis", "palestinians", "pashtun", "persian",
    "protestant", "qataris", "russians", "salafi", "salafist", "salafists", "saudis", "shia", "shiite", "shiites",
    "southern", "sunni", "sunnis", "tajik", "takfiri", "takfiris", "tatar", "tatars", "turk", "turkmen", "turks",
    "uighur", "ukrainians", "uyghur", "uzbek", "wahhabi", "western", "yazidi", "yazidis",
})

DEMONYMS = frozenset(DEMONYM_COUNTRIES) | _GROUP_WORDS

# Organisation, group and operation names that contain a place name: never mentions.
ORGANISATIONS = (
    "islamic state of iraq and the levant", "islamic state of iraq and syria", "islamic state in iraq and syria",
    "islamic state in iraq and the levant", "islamic state of iraq and al sham", "islamic state of iraq",
    "islamic state in iraq", "al qaeda", "al qaida", "al qaeda in iraq", "al qaeda in syria", "hayat tahrir al sham",
    "tahrir al sham", "hay at tahrir al sham", "jabhat fateh al sham", "jabhat fatah al sham", "ahrar al sham",
    "jaish al sham",
    "faylaq al sham", "sham legion", "jabhat al nusra", "free syrian army", "syrian observatory for human rights",
    "syrian national army", "syrian democratic forces", "syrian arab army", "syrian national coalition",
    "syrian national council", "syrian arab news agency", "syrian civil defence", "syrian civil defense",
    "syrian american medical society", "iraqi security forces", "iraqi kurdistan", "kurdistan regional government",
    "kurdistan workers party", "kurdistan democratic party", "patriotic union of kurdistan",
    "euphrates shield", "euphrates volcano", "olive branch", "peace spring", "operation euphrates shield",
    "wrath of euphrates", "jaish al izza", "jaish al islam", "nour al din al zenki", "army of conquest",
    "jaish al fatah", "southern front", "popular mobilisation forces", "popular mobilization forces",
    "lebanese army", "lebanese hezbollah", "turkish army", "russian defence ministry", "russian defense ministry",
    "united nations", "european union", "arab league", "gulf cooperation council", "human rights watch",
    "amnesty international", "new york times", "washington post", "wall street journal", "los angeles times",
    "financial times", "jerusalem post", "times of israel", "al jazeera", "al arabiya", "sky news arabia",
    "middle east eye", "agence france presse", "france presse", "associated press", "kurdish red crescent",
    "syrian arab red crescent", "free idlib army", "idlib free police", "jund al aqsa", "liwa al quds",
    "quds force", "damascus university", "aleppo university", "turkestan islamic party", "nato", "sana",
    "red crescent", "harakat hazm", "hazm movement", "ahrar", "islamic state", "el nino", "la nina",
    "notre dame", "faylaq al rahman", "failaq al rahman", "filaq al rahman", "fatah al sham", "fateh al sham",
    "fath al sham", "al araby al jadeed", "araby al jadeed", "al manar", "hawar news", "firat news", "sada al balad",
    "thomson reuters", "russia today", "voice of america", "radio free europe", "al mayadeen", "asharq al awsat",
    "gulf news", "gulf times", "jaish al mujahideen", "jaish al ezzah", "jaish al tawhid", "liwa al tawhid",
    "ahrar al sharqiya", "sultan murad", "hamza division", "al nusra", "nusra front", "al nusra front",
)

# Surnames of public figures that are also (small) place names: a person, not a place, unless the text says so.
PERSON_SURNAMES = frozenset(
    {
        "assad", "assads", "gaddafi", "gaddafis", "qaddafi", "kadhafi", "erdogan", "erdogans", "putin", "putins",
        "arafat", "hariri", "nasrallah", "maliki", "abadi", "sadr", "barzani", "talabani", "baghdadi", "zarqawi",
        "khamenei", "rouhani", "netanyahu", "mubarak", "morsi", "sisi", "kerry", "lavrov", "mattis", "tillerson",
        "pompeo", "macron", "merkel", "obama", "trump", "bush", "biden", "hollande", "sarkozy", "cameron", "blair",
        "mistura", "annan", "brahimi", "guterres", "jubeir", "zarif", "soleimani", "suleimani", "haftar",
        "hafter", "jolani", "julani", "abboud", "shishakli", "tlass", "makhlouf", "mamlouk",
    }
)


# Common given names (English and Arabic): a capitalised name after one of them is a person's surname.
GIVEN_NAMES = frozenset(
    {
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
        "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
        "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
        "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel",
        "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose",
        "adam", "nathan", "henry", "peter", "zachary", "douglas", "harold", "kyle", "noah", "carl", "arthur", "gerald",
        "roger", "keith", "jeremy", "terry", "lawrence", "sean", "christian", "albert", "joe", "ethan", "jesse",
        "willie", "billy", "bryan", "bruce", "ralph", "roy", "alan", "wayne", "eugene", "juan", "gabriel", "louis",
        "russell", "randy", "vincent", "philip", "bobby", "johnny", "bradley", "mike", "tom", "jim", "bob", "bill",
        "steve", "tony", "chris", "dan", "ben", "sam", "nick", "alex", "rex", "boris", "vladimir", "sergei", "sergey",
        "dmitry", "emmanuel", "angela", "theresa", "hillary", "nancy", "mary", "patricia", "jennifer", "linda",
        "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "lisa", "betty", "margaret", "sandra", "ashley",
        "kimberly", "emily", "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca",
        "sharon", "laura", "cynthia", "kathleen", "amy", "anna", "brenda", "pamela", "emma", "nicole", "helen",
        "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather",
        "diane", "ruth", "julie", "olivia", "joyce", "kelly", "lauren", "christina", "joan", "evelyn", "judith",
        "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "frances",
        "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris",
        "marilyn", "danielle", "beverly", "isabella", "diana", "natalie", "brittany", "kayla", "alexis", "lori",
        "mohammed", "muhammad", "mohamed", "mohammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "husain",
        "hussain", "omar", "umar", "osama", "usama", "khalid", "khaled", "abdullah", "abdallah", "ibrahim", "mustafa",
        "mostafa", "mahmoud", "mahmud", "youssef", "yusuf", "yousef", "hamza", "bashar", "hafez", "maher", "rami",
        "samir", "sami", "tariq", "tarek", "walid", "waleed", "ziad", "zaid", "fadi", "nabil", "karim", "kareem",
        "faisal", "fahd", "salman", "saud", "abdul", "abdel", "abd", "jamal", "jamil", "adnan", "anas", "amer", "amir",
        "ammar", "bilal", "haitham", "hisham", "imad", "ismail", "issa", "jihad", "kamal", "majid", "mansour",
        "marwan", "nasser", "nizar", "qasim", "qassem", "riad", "riyad", "saad", "saleh", "salah", "salim", "selim",
        "shadi", "suleiman", "sulaiman", "talal", "wael", "yasser", "yasin", "yassin", "zuhair", "fatima", "aisha",
        "mariam", "maryam", "layla", "leila", "nour", "noor", "zeinab", "rania", "hala", "huda", "recep", "tayyip",
        "ahmet", "mehmet", "mevlut", "binali", "hulusi", "kemal", "haider", "hayder", "nouri", "nuri", "moqtada",
        "qasem", "qassim", "yahya", "sahar", "hussam", "hossam", "mohannad", "muhannad", "osman", "othman",
        "hamid", "hamed", "rashid", "rasheed", "wissam", "bassam", "basel", "bassel", "firas", "feras", "ayman",
        "ayham", "louay", "luay", "raed", "rasha", "dima", "lina", "reem", "yara", "saddam", "muammar",
    }
)

# Nouns that close an organisation name after a place in cased text: "Hama Media Center", "Raqqa Military Council".
ORG_HEADS = frozenset(
    {
        "center", "centre", "council", "councils", "committee", "committees", "observatory", "front", "brigade",
        "brigades", "battalion", "battalions", "division", "regiment", "legion", "army", "forces", "force", "movement",
        "party", "coalition", "network", "agency", "office", "directorate", "commission", "authority", "corps",
        "gathering", "union", "alliance", "organisation", "organization", "association", "foundation", "institute",
        "society", "news", "media", "times", "post", "herald", "tribune", "gazette", "journal", "radio", "tv",
        "television", "channel", "company", "bank", "group", "league", "club", "fc", "operations",
    }
)

# Verbs of speech: a small place's name right before one ("McGregor said") is a person, as is one right after
# and closing the clause ("..., said Mamo."); "Moscow said" is a capital, notable, and stays.
SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds", "tweeted", "tweets", "wrote", "writes",
                          "explained", "explains", "stated", "replied", "noted", "insisted", "admitted", "recalled",
                          "stressed", "argued", "claimed", "warned", "acknowledged", "testified", "posted"})

# Titles before a name: "President Assad", not a place, but the word after them is a person.
TITLES = frozenset(
    {
        "president", "prime", "minister", "mr", "mrs", "ms", "dr", "sir", "general", "gen", "col", "colonel", "lt",
        "capt", "captain", "maj", "major", "sgt", "sheikh", "king", "queen", "prince", "princess", "emir", "imam",
        "pope", "senator", "sen", "rep", "governor", "gov", "mayor", "judge", "ambassador", "secretary", "chancellor",
        "professor", "prof", "commander", "brigadier", "lord", "lady", "saint", "st", "archbishop", "bishop",
    }
)
# Roles news puts before a name as it does a title ("rebel leader abu abdelrahman salqeen", "activist mamun abu omar"):
# read so in lower-cased text only, where no capital tells the name (a title-case headline capitalises everything
# after "Spokesman")
ROLES_BEFORE_A_NAME = frozenset({"leader", "activist", "spokesman", "spokeswoman", "spokesperson"})

# Titles that also begin place names (Sheikh Maqsoud, St Louis): after a locative word they start a place.
PLACE_TITLES = frozenset({"sheikh", "shaykh", "saint", "st", "sidi", "imam", "king", "prince", "queen"})
LOCATIVES = frozenset({"in", "at", "of", "from", "to", "near", "into", "toward", "towards", "around", "outside",
                       "and", "or", "inside", "across", "through", "via", "reached", "entered", "captured",
                       "seized", "took", "retook", "recaptured", "liberated", "stormed", "shelled", "besieged"})

# Generic words that end place names: after a given name they make a place, not a person ("Beverly Hills").
PLACE_NOUNS = frozenset({"hills", "heights", "springs", "falls", "beach", "city", "park", "valley", "creek", "lake",
                         "island", "islands", "bay", "harbor", "harbour", "county", "township", "village", "town",
                         "port", "point"})

# Cue words that tell the kind of place a name is.
ADMIN1_AFTER = frozenset({"province", "provinces", "governorate", "governorates", "countryside", "region",
                          "state", "oblast", "prefecture", "emirate", "muhafazat"})
ADMIN1_BEFORE_OF = frozenset({"province", "governorate", "countryside", "region", "state", "provinces",
                              "governorates"})
ADMIN1_BEFORE = frozenset({"rural"})
ADMIN2_AFTER = frozenset({"district", "districts", "county", "subdistrict", "sub", "raion", "rayon"})
ADMIN2_BEFORE_OF = frozenset({"district", "county", "raion", "rayon"})
SETTLEMENT_BEFORE_OF = frozenset({"town", "towns", "city", "cities", "village", "villages", "hamlet", "hamlets",
                                  "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "suburb",
                                  "suburbs", "settlement", "settlements", "municipality", "area", "areas",
                                  "outskirts", "port", "ports"})  # "the Red Sea port of Mocha": the port town
# "the village Hardatnin": a singular noun right before a capitalised name (cased text only).
SETTLEMENT_BEFORE = frozenset({"town", "city", "village", "neighbourhood", "neighborhood", "district", "suburb",
                               "capital"})  # "the Ukrainian capital Kiev": the city, not its province
SETTLEMENT_AFTER = frozenset({"city", "town", "village", "neighbourhood", "neighborhood", "camp"})
# "the Zahraa and Akramiya neighbourhoods", "Harbiyat and Anbaj villages": a plural after a list names each item.
SETTLEMENTS_AFTER = frozenset({"cities", "towns", "villages", "neighbourhoods", "neighborhoods", "suburbs", "areas"})
# Words that describe or point to a town before "city", "town", "village" ("the latter city", "the border town"): never
# a name there, whatever place folds like them (Latehar, India).
TOWN_MODIFIERS = frozenset({
    "latter", "former", "same", "other", "another", "next", "whole", "entire", "holy", "ancient", "historic", "capital",
    "border", "coastal", "desert", "frontline", "front-line", "nearby", "neighbouring", "neighboring", "besieged",
    "embattled", "strategic", "key", "provincial", "industrial", "small", "large", "big", "major", "main", "largest",
    "biggest", "rebel", "rebel-held", "government-held", "regime-held", "northern", "southern", "eastern", "western",
    "central", "home", "first", "second", "third", "last"})
FACILITY_AFTER = frozenset({"airport", "airbase", "airfield", "air", "base", "airstrip"})
# After a name the text marks as a place but the gazetteer may lack: "the Nisr mountain", "Castello Road".
NAMED_FEATURE_AFTER = frozenset({"mountain", "mount", "hill", "hills", "dam", "crossing", "bridge", "road", "highway",
                                 "street", "square", "avenue", "plain", "valley", "lake", "river"})
# After a name the gazetteer lacks, a building or works the text names ("the Badiyah Cement Factory", "the Omar oil
# field", "Jazal Mountains"): a facility, a place of its own (after a name it knows, "a Damascus hospital", "Mosul
# University", the name says where the building is).
FACILITY_NAME_AFTER = frozenset({"hospital", "prison", "university", "factory", "plant", "station", "refinery",
                                 "oilfield", "field", "fields", "mosque", "school", "academy", "barracks", "farm",
                                 "farms", "silos", "quarry", "tower", "stadium", "junction", "roundabout",
                                 "checkpoint", "mountains", "complex"})
# Lower-case words between a facility's name and the word for the building that say what kind it is ("the Jaili oil
# refinery", "the Tishreen power plant", "the Lafarge cement factory"): the name is the capitalised word before them.
FACILITY_KIND_WORDS = frozenset({"oil", "gas", "power", "cement", "sugar", "steel", "water", "thermal", "hydroelectric",
                                 "fertiliser", "fertilizer", "phosphate", "military", "industrial", "police"})
# Military sites named by a number ("Base 46", "Regiment 111" when the text calls it a base).
NUMBERED_SITES = frozenset({"base", "regiment", "brigade", "division", "battalion", "airbase"})
# News agencies: never a dateline city ("AP - U.S. troops ...").
AGENCIES = frozenset({"ap", "afp", "upi", "reuters", "dpa", "ansa", "xinhua", "tass", "sana", "ria", "ina", "efe",
                      "bbc", "cnn", "ani", "pti", "irna", "ap photo", "anadolu"})
FACILITY_BEFORE_OF = frozenset({"airport", "airbase", "airfield"})
# Words allowed between the name and a facility word: "Abu al-Duhur military airport".
FACILITY_MODIFIERS = frozenset({"military", "international", "civilian", "air"})
DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
        "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest", "central",
    }
)
# Tokens that end a name in a list of unknown places ("the villages of X, Y and Z were seized").
LIST_BREAKS = NEVER_ALONE | frozenset(
    {
        "seized", "captured", "taken", "retaken", "recaptured", "liberated", "stormed", "fell", "held", "controlled",
        "besieged", "shelled", "bombed", "hit", "near", "nearby", "outside", "inside", "around", "across", "toward",
        "towards", "were", "was", "had", "have", "has", "amid", "under",
    }
)
NAME_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ed", "er", "es", "ez", "et",
                            "abu", "abou", "um", "umm", "bin", "ibn", "bani", "beni", "bab", "tal", "tell", "tel",
                            "deir", "dayr", "kafr", "kfar", "ain", "ayn", "jabal", "jebel", "bir", "wadi", "khan",
                            "qasr", "ras", "sheikh", "shaykh", "beit", "bayt", "mazraat", "marj", "de", "la"})

# The generic first words of Arabic and Levantine place names (hill, village, monastery, spring, mountain, well,
# valley, palace, head, house, meadow, ruin, bridge, farm): a name that opens with one is a place, not a person.
TOPONYM_GENERICS = frozenset({"tal", "tell", "tel", "tall", "deir", "dayr", "kafr", "kfar", "ain", "ayn", "ein",
                              "jabal", "jebel", "jbel", "bir", "wadi", "qasr", "ras", "beit", "bayt", "mazraat", "marj",
                              "khirbet", "khirbat", "jisr", "maarat", "maarrat", "qaryat", "mount", "mt"})

# The Arabic generic words a place name starts with ("Tal Malah", "Kafr Nabuda", "Beit Zaifa"): written capitalised
# right after another capitalised name word, one starts a name of its own, as in the lists FA-KES's texts lost their
# commas from ("the villages of Beit Khadour Beit Zaifa Tel alKhadar", "took Kafr Nabuda Tal Malah and Zalin").
NAME_START_GENERICS = (TOPONYM_GENERICS - {"mount", "mt"}) | {"umm", "kharbet", "kherbet", "kharbat"}
# Arabic adjectives of size, direction and age that go on a place's name as its last word ("Sukkariyat Saghira",
# "Nashwa Sharqi", "Deir Hafer Jadida"): never a name of their own.
NAME_ADJECTIVES = frozenset({
    "saghir", "saghira", "saghirah", "kabir", "kabira", "kabirah", "sharqi", "sharqiya", "sharqiyah", "gharbi",
    "gharbiya", "gharbiyah", "shamali", "shamaliya", "janubi", "janubiya", "tahtani", "tahtaniya", "fawqani",
    "fawqaniya", "fouqani", "jadid", "jadida", "jadidah", "qadim", "qadima", "wusta", "kubra", "sughra",
})
# ("Umm Sahrij", "Kharbet Tarmana": Umm opens as many names of villages as Tal does; Kharbet is Khirbet as Syrian state
# media spell it)

# Countries whose place names reach English by transliteration from Arabic, each writer spelling them his way.
ARABIC_NAMED_COUNTRIES = frozenset({"SY", "IQ", "LB", "JO", "PS", "SA", "YE", "EG", "LY", "SD", "TN", "DZ", "MA",
                                    "KW", "QA", "AE", "BH", "OM", "MR", "SO"})

# AP-style abbreviations of US states, as news writes them after a town ("Gainesville, Va."): the state's name.
US_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
    "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois", "ind": "Indiana",
    "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri", "mont": "Montana",
    "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania",
    "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wis": "Wisconsin",
    "wyo": "Wyoming", "n.h": "New Hampshire", "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York",
    "n.c": "North Carolina", "n.d": "North Dakota", "r.i": "Rhode Island", "s.c": "South Carolina",
    "s.d": "South Dakota", "w.va": "West Virginia",
}
# The Canadian Press abbreviations of Canada's provinces, as news writes them after a town ("Moncton, N.B.").
CA_PROVINCE_ABBREVIATIONS = {
    "alta": "Alberta", "b.c": "British Columbia", "man": "Manitoba", "n.b": "New Brunswick",
    "n.l": "Newfoundland and Labrador", "nfld": "Newfoundland and Labrador", "n.s": "Nova Scotia", "ont": "Ontario",
    "p.e.i": "Prince Edward Island", "que": "Quebec", "sask": "Saskatchewan",
}
# Postal codes of US states, as news writes them after a town ("Horry County, SC"); those that are also English
# words in capitals ("IN", "OR", "ME", "OK", "HI", "OH", "ID") are left out.
US_STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "IL": "Illinois", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
