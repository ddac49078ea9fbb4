"""Person names that are also place names ("McGregor said", "Mr. Aleppo"): the tokens recognition skips."""

from __future__ import annotations

import re

from app.gazetteer.index import GazetteerIndex
from app.gazetteer.names import normalize
from app.gazetteer.records import GazetteerPlace
from app.geoparse import lexicon as lx
from app.geoparse.cached_index import named_notable, notable_key
from app.geoparse.document import Document


def is_person_word(doc: Document, index: GazetteerIndex, i: int, key: str) -> bool:
    """A given name, a public figure's surname, or the name after Abu/Umm/Bin (a kunya or nasab): a person,
    unless the name is also a country, a first-order division or a capital."""
    word = doc.lower[i]
    person = word in lx.GIVEN_NAMES or word in lx.PERSON_SURNAMES or (
        word.endswith("s") and word[:-1] in lx.PERSON_SURNAMES)
    if not person and i > 0 and doc.lower[i - 1] in ("abu", "abou", "umm", "um", "bin", "ibn", "bint") \
            and doc.gap(i).strip() in ("", "-") and doc.sentence_of[i - 1] == doc.sentence_of[i]:
        person = not doc.cased or doc.tokens[i - 1].is_capitalized
    if not person:
        return False
    return not any(c.feature_code.startswith("PCL") or c.feature_code in ("ADM1", "PPLC", "CONT")
                   for c in index.candidates(key))


_PLACING_WORDS = lx.LOCATIVES - {"to", "and", "or"}  # "a source close to McGregor told", "Smith and Jones said"


def speaks(doc: Document, index: GazetteerIndex, i: int, key: str) -> bool:
    """"McGregor said", "..., said Mamo.": a capitalised word that speaks is a person, unless it is the very name
    of a notable place (a capital speaks for its government) or follows a locative ("people from Dewsbury said")."""
    n = len(doc.tokens)
    if i + 1 < n and doc.lower[i + 1] in lx.SPEECH_VERBS and doc.gap(i + 1) == " " \
            and (i == 0 or doc.lower[i - 1] not in _PLACING_WORDS):
        pass
    elif not (i > 0 and doc.lower[i - 1] in lx.SPEECH_VERBS and doc.gap(i) == " "
              and (i + 1 == n or doc.gap(i + 1).strip()[:1] in (".", ","))):
        return False
    return not doc.tokens[i].text.isupper() \
        and not named_notable(index, doc.lower[i], key, index.candidates(key))  # "Mamo" folds to Mamou (PPLA)


_DETERMINERS = frozenset({"another", "every", "each", "any", "some", "this", "that", "these", "those", "many",
                          "several", "most", "other", "both", "all", "no", "neither", "either", "such"})


def follows_a_name(doc: Document, index: GazetteerIndex, first: int) -> bool:
    """Whether the capitalised word before ``first`` makes it a surname ("John Kelly", "Conor McGregor"): unless that
    word is a well-known place ("Iraq Syria network"), a preposition of place in a headline ("Killed Near Jarablus")
    or the very name of a place in a country named in Arabic (writers drop the commas of village lists: "the fronts of
    Rastan Talbeesah and Harbnafsah"); a given name that only folds onto such a village ("Che Adams") is no place."""
    if first == 0 or first in doc.sentence_starts or doc.gap(first) != " ":
        return False
    before, word = doc.tokens[first - 1], doc.lower[first - 1]
    if word in _DETERMINERS:
        return False  # ("Another Afrin local said": a determiner opens a noun phrase, never a person's name)
    return before.is_capitalized and not before.text.isupper() and word not in lx.NEVER_ALONE \
        and word not in lx.DIRECTIONS and word not in lx.DEMONYMS and word not in lx.NAME_PARTICLES \
        and word not in lx.LOCATIVES \
        and not notable_key(index, doc.keys[first - 1]) \
        and not any(c.country_code in lx.ARABIC_NAMED_COUNTRIES and _named_as_written(word, c)
                    for c in index.candidates(doc.keys[first - 1]))


_ARABIC_ARTICLE = re.compile(r"^(?:a[lrsdntz]|el|ash|ath|adh|az|as)[\s-]+")


def _named_as_written(word: str, place: GazetteerPlace) -> bool:
    """Whether ``word`` (lower-cased) is the place's name as written, its Arabic article aside ("Rastan", Ar Rastan);
    a fold onto a village's name ("Che" ~ Al 'Anz) is not."""
    word = normalize(word)
    return any(word in (n, _ARABIC_ARTICLE.sub("", n)) for n in (normalize(place.name), normalize(place.asciiname)))


_ADJECTIVE_PREFIXES = frozenset({"post", "pre", "anti", "pro"})


def person_name_tokens(doc: Document, index: GazetteerIndex) -> set[int]:
    """Tokens of person names: the capitalised (or, in lowercased text, non-dictionary) words after a title or a
    given name, and in cased text the given name itself ("Mary Pitman", "Paul Metcalfe": a given name that some
    division also bears), unless it is part of a longer place name ("St. Louis", "Ben Tre")."""
    blocked: set[int] = set()

    def starts_a_place(i: int) -> bool:  # "the neighbourhoods of Sheikh Saeed", "in St Athan"
        return doc.lower[i] in lx.PLACE_TITLES and i > 0 and (
            doc.lower[i - 1] in lx.LOCATIVES or doc.lower[i - 1] in lx.SETTLEMENT_BEFORE_OF)

    if not doc.cased:
        english = lx.english_words()
        for i, word in enumerate(doc.lower[:-1]):
            if (word in lx.TITLES or word in lx.ROLES_BEFORE_A_NAME) and not starts_a_place(i):
                j = i + 1
                while j < len(doc.lower) and j - i <= 3 and (doc.lower[j] not in english or doc.keys[j] == "al"):
                    if doc.gap(j).strip() not in ("", "-"):
                        break
                    blocked.add(j)
                    j += 1
        return blocked
    census, english = lx.census_given_names(), lx.english_words()

    def given_name(i: int) -> bool:
        """A given name: one of ours, or a census one ("Gino", "Roshunda") that is no English word ("Long Island",
        "Will"), no name particle ("Al Rai", "Le Bernardin"), not the very name of a well-known place ("Israel
        Defense Forces", "Chad Basin" are places; one it only folds onto does not count: "Darin" ~ Darien, "Paula"
        ~ Pula), stands before no word that is a well-known place's very name ("Daria Zhuk": Zhuk only folds like
        Duhok) and begins no place's own two-word name ("Santa Barbara officials")."""
        word = doc.lower[i]
        if word in census and word not in english and word not in _SURNAME_PARTICLES \
                and word not in lx.NAME_PARTICLES and _before_a_surname(i) \
                and not any(c.feature_code.startswith("PCL") for c in index.candidates(doc.keys[i])):
            return True  # "Victoria Rowell", "Kobe Bryant": a city's name before a word that is only a surname
        return word in lx.GIVEN_NAMES or (
            word in census and word not in english and word not in lx.NAME_PARTICLES
            and word not in _SURNAME_PARTICLES and doc.gap(i + 1) == " "
            and not named_notable(index, doc.lower[i], doc.keys[i], index.candidates(doc.keys[i]))
            and not named_notable(index, doc.lower[i + 1], doc.keys[i + 1], index.candidates(doc.keys[i + 1]))
            and f"{doc.keys[i]} {doc.keys[i + 1]}" not in index.by_key)

    n = len(doc.tokens)

    def _before_a_surname(i: int) -> bool:
        """The next word is a surname and nothing else: capitalised (not in capitals), no English word, no word
        that ends place or organisation names, and no notable place's very name."""
        j = i + 1
        if j >= n or doc.gap(j) != " " or doc.sentence_of[j] != doc.sentence_of[i]:
            return False
        word, token = doc.lower[j], doc.tokens[j]
        return token.is_capitalized and not token.text.isupper() and word not in english \
            and word not in lx.PLACE_NOUNS and word not in lx.ORG_HEADS and word not in lx.DEMONYMS \
            and word not in lx.NAME_PARTICLES and word not in census and word not in lx.TITLES \
            and word not in _STREET_ABBREVIATIONS \
            and f"{doc.keys[i]} {doc.keys[j]}" not in index.by_key \
            and not named_notable(index, word, doc.keys[j], index.candidates(doc.keys[j]))

    def name_goes_on(j: int) -> bool:  # "Kock" or "de Kock" in "Mike de Kock", "van Beethoven" in "Ludwig van ..."
        return doc.tokens[j].is_capitalized or (doc.lower[j] in _SURNAME_PARTICLES and j + 1 < n
                                                and doc.tokens[j + 1].is_capitalized and doc.gap(j + 1) == " ")

    for i, word in enumerate(doc.lower[:-1]):
        if not doc.tokens[i].is_capitalized or not name_goes_on(i + 1):
            continue
        if i > 0 and doc.gap(i) == "-" and doc.lower[i - 1] in _ADJECTIVE_PREFIXES:
            continue  # "a post-Saddam Iraq", "anti-Assad rebels": the name makes an adjective, opening no other name
        given = given_name(i)
        if (word in lx.TITLES or given) and not starts_a_place(i) \
                and not (given and doc.lower[i + 1] in lx.PLACE_NOUNS):  # "Beverly Hills"
            if given and doc.gap(i + 1) in (" ", "-") and not doc.tokens[i + 1].text.isupper() \
                    and f"{doc.keys[i]} {doc.keys[i + 1]}" not in index.by_key \
                    and (i == 0 or f"{doc.keys[i - 1]} {doc.keys[i]}" not in index.by_key):  # "St. Louis Police"
                blocked.add(i)
            j = i + 1
            while j < n and j - i <= 4 and (name_goes_on(j) or doc.keys[j] == "al"):
                gap = doc.gap(j).strip()
                # a full stop continues a name only after an initial or the title ("John F. Kennedy", "Capt. Davis")
                # a full stop continues a name only after an initial or a title ("John F. Kennedy", "Capt. Davis"), not
                # after a given name ("By Nate Raymond. BOSTON (Reuters)")
                after_title = j - 1 == i and word in lx.TITLES and word != "st"  # "St. Louis" is a place
                if gap not in ("", "-", ".") or (gap == "." and len(doc.tokens[j - 1].text) > 1 and not after_title):
                    break
                blocked.add(j)
                j += 1
    return blocked


_SURNAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "dos",
                                "das", "ter", "ten"})
_STREET_ABBREVIATIONS = frozenset({"st", "ave", "av", "rd", "blvd", "dr", "ln", "pl", "sq", "hwy", "pkwy", "ct"})
