"""Recognition rules for lowercased text, read from the structure of the text rather than from capitals.

Cased text tells a country from a word by its capital letter; a lowercased feed loses that. What the text still
shows:

- the full stops of an abbreviation ("u.s.", "u.k."): no English word is written so;
- "us" as a noun modifier ("us forces", "the us", "us-led"): the object pronoun follows a verb or a preposition
  and is not followed by the head noun of a noun phrase; which nouns those heads are, the article itself says
  (the words it puts after a demonym or a country's name: "russian forces" makes "us forces" a country's forces);
- a country's or world region's very name made of common words ("united states", "middle east", "morocco"): a
  phrase of English words that is exactly such a name is that place unless a determiner makes it a common noun
  ("a turkey", "the china");
- a person's name after a given name ("rami abdel rahman", "john bolton"): the non-dictionary words after a given
  name are a surname, and a surname seen so is a person throughout the article (one sense per discourse), as in
  cased text.

Pure functions over a :class:`~app.geoparse.recognize.Document`; ``recognize`` calls them only for lowercased text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.gazetteer.index import GazetteerIndex
from app.gazetteer.names import normalize
from app.gazetteer.records import GazetteerPlace
from app.geoparse import lexicon as lx

if TYPE_CHECKING:
    from app.geoparse.document import Document

# Heads that a country's name modifies in any news text, whatever the article says elsewhere.
_STATE_NOUNS = frozenset({
    "forces", "force", "troops", "military", "army", "navy", "air", "marines", "soldiers", "officials", "official",
    "president", "government", "administration", "embassy", "ambassador", "envoy", "secretary", "state", "department",
    "congress", "senate", "senator", "sanctions", "strikes", "airstrikes", "warplanes", "aircraft", "drones", "special",
    "allies", "ally", "intelligence", "defense", "defence", "diplomats", "diplomat", "commander", "commanders",
    "officers", "policy", "support", "withdrawal", "citizens", "citizen", "treasury", "dollar", "dollars", "economy",
    "envoys", "partners", "backing", "pullout", "presence", "bases", "base", "election", "elections", "court",
})
# Words after which a country's one-word name is a common noun ("a turkey", "the china cabinet").
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "our", "my",
                          "your", "its", "some", "any", "fine", "roast", "wild"})
_WORLD_CODES = frozenset({"CONT", "OCN", "SEA", "GULF"})
# Verbs right after a name that make it the subject of a clause "that" opens ("said that turkey has ...")
_FINITE_AFTER_SUBJECT = frozenset({"is", "was", "has", "had", "have", "will", "would", "could", "should",
                                   "can", "may", "might", "must", "did", "does", "said", "says"})
_SURNAME_LINKS = frozenset({"abdel", "abdul", "abd", "bin", "ben", "ibn", "al", "el", "de", "van", "von", "abu"})


def _same_sentence(doc: Document, a: int, b: int) -> bool:
    return 0 <= a < len(doc.tokens) and 0 <= b < len(doc.tokens) and doc.sentence_of[a] == doc.sentence_of[b]


def _heads_after_countries(doc: Document) -> frozenset[str]:
    """The words this article writes right after a demonym ("russian forces", "iranian-backed militias")."""
    lower = doc.lower
    return frozenset(lower[i + 1] for i, word in enumerate(lower[:-1])
                     if word in lx.DEMONYMS and doc.gap(i + 1) in (" ", "-") and lower[i + 1].isalpha())


def us_is_the_country(doc: Document, i: int, heads: frozenset[str] | None = None) -> bool:
    """Whether the token "us" at ``i`` is the United States: after "the", run into a hyphenated modifier
    ("us-led"), or before a head noun (one of a state's, or one this article puts after a demonym)."""
    if _same_sentence(doc, i - 1, i) and doc.lower[i - 1] == "the" and doc.gap(i) == " ":
        return True
    if not _same_sentence(doc, i, i + 1):
        return False
    gap = doc.gap(i + 1)
    if gap == "-":
        return doc.lower[i + 1].isalpha()
    if gap != " ":
        return False
    following = doc.lower[i + 1]
    if following in _STATE_NOUNS:
        return True
    if heads is None:
        heads = _heads_after_countries(doc)
    # "us officials" once the article has written "iranian officials"
    return following in heads and following not in lx.NEVER_ALONE and len(following) > 2


def _is_abbreviation(doc: Document, first: int, last: int) -> bool:
    """"u.s.", "u.k.": single letters joined by full stops."""
    return last > first and all(len(doc.lower[i]) == 1 for i in range(first, last + 1)) \
        and all(doc.gap(i) == "." for i in range(first + 1, last + 1))


def _named_country(candidates: Sequence[GazetteerPlace], written: str, several_words: bool) -> bool:
    """A country (or, for names of several words, a continent, ocean, sea or multinational region) whose own name
    is ``written``."""
    for c in candidates:
        code = c.feature_code
        wide = code in _WORLD_CODES or (code == "RGN" and not c.country_code)
        if (code.startswith("PCL") or (several_words and wide)) and written in (normalize(c.name),
                                                                               normalize(c.asciiname)):
            return True
    return False


def country_here(doc: Document, index: GazetteerIndex, first: int, last: int, key: str,
                 heads: frozenset[str] | None = None) -> bool:
    """Whether lowercased text shows by its structure that tokens ``first..last`` name a country or world region
    (the caller has already checked the text is lowercased)."""
    words = doc.lower[first : last + 1]
    if words == ["us"]:
        return us_is_the_country(doc, first, heads)
    if _is_abbreviation(doc, first, last):
        return any(c.feature_code.startswith("PCL") for c in index.candidates(key))
    if any(not w.isalpha() for w in words):
        return False
    english = lx.english_words()
    if not all(w in english or w in lx.COMMON_WORDS or w in lx.NEVER_ALONE for w in words):
        return False  # names with an uncommon word are found by the ordinary rules
    before = doc.lower[first - 1] if first > 0 else ""
    if len(words) == 1 and before in _DETERMINERS and _same_sentence(doc, first - 1, first) \
            and not (before == "that" and last + 1 < len(doc.lower) and doc.lower[last + 1] in _FINITE_AFTER_SUBJECT):
        return False  # (but "recalling that morocco was the first": "that" opens a clause whose subject it is)
    written = normalize(doc.text[doc.tokens[first].start : doc.tokens[last].end])
    return _named_country(index.candidates(key), written, len(words) > 1)


def person_tokens(doc: Document, index: GazetteerIndex,
                  notable: object) -> tuple[set[int], set[str]]:
    """Surnames after a given name in lowercased text ("rami abdel rahman", "john bolton"): their tokens, and their
    keys (a person's name throughout the article). ``notable(key)`` says whether a key names a well-known place:
    after a census given name that is no surname ("jordan" is a given name too); after one of the curated given
    names it is ("john bolton", as cased text reads "John Bolton")."""
    is_notable = notable if callable(notable) else (lambda key: False)
    english = lx.english_words()
    census = lx.census_given_names()
    blocked: set[int] = set()
    surnames: set[str] = set()
    lower = doc.lower
    n = len(lower)
    for i, word in enumerate(lower[:-1]):
        ours = word in lx.GIVEN_NAMES
        if not (ours or (word in census and word not in english)) or word in lx.NAME_PARTICLES \
                or is_notable(doc.keys[i]):  # "al rai" is a town, not Al Rai
            continue
        if doc.gap(i + 1) != " " or not _same_sentence(doc, i, i + 1):
            continue
        j = i + 1
        run: list[int] = []
        while j < n and j - i <= 3 and _same_sentence(doc, i, j) and doc.gap(j) in (" ", "-") \
                and lower[j].isalpha() and (lower[j] in _SURNAME_LINKS or lower[j] not in english) \
                and lower[j] not in lx.NEVER_ALONE and lower[j] not in lx.DEMONYMS \
                and (ours or not is_notable(doc.keys[j])):  # "john bolton", as cased text reads "John Bolton"
            run.append(j)
            j += 1
        while run and lower[run[-1]] in _SURNAME_LINKS:
            run.pop()
        if not run:
            continue
        blocked.add(i)
        blocked.update(run)
        surnames.add(doc.keys[run[-1]])
    return blocked, surnames


def heads_after_countries(doc: Document) -> frozenset[str]:
    """Public for the recogniser: computed once per lowercased document."""
    return _heads_after_countries(doc)
