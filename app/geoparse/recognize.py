"""Finding place mentions: gazetteer names in context, datelines, and places the text marks as places.

What is not a place has modules of its own (``persons``, ``organisations``, ``datelines``); the text as read is
``document``; the cached questions to the gazetteer index, ``cached_index``.

Recognition never relies on capitals alone: in cased text capitalisation is evidence, in lowercased text the
gazetteer, the cue words and stricter common-word rules decide.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from itertools import compress, count, repeat
from weakref import WeakKeyDictionary

from app.gazetteer.divisions import divisions_named, is_adm2
from app.gazetteer.index import COUNTRY_ALIASES, GazetteerIndex
from app.gazetteer.names import QUALIFIERS, fold_token, normalize, romanised_alike, search_key
from app.gazetteer.records import GazetteerPlace
from app.geoparse import lexicon as lx
from app.geoparse import lowercase
from app.geoparse.cached_index import (
    AIRFIELD_CODES,
    FAMOUS_OVER_A_SURNAME,
    WORLD_FEATURES,
    country_key,
    famous_as_written,
    famous_key,
    is_notable,
    named_as_airfield,
    named_notable,
    notable_key,
)
from app.geoparse.datelines import dateline_tokens
from app.geoparse.document import Document, Span, initial, token_start, token_text
from app.geoparse.organisations import named_a_town, organisation_tokens
from app.geoparse.persons import follows_a_name, is_person_word, person_name_tokens, speaks
from app.text.tokens import Token, lost_its_commas

# "Gainesville, Va.", "Trenton, N.J.", "Horry County, SC": a US state after the comma that follows a town; "Walker
# County (Ga.) Sheriff's Office": an AP abbreviation in brackets after the name (a bare postal code in brackets is
# too often something else: "(PA)", "(CT)").
_AP_STATES = "|".join(r"\.".join(part.capitalize() for part in abbr.split(".")) for abbr in lx.US_STATE_ABBREVIATIONS)
_CA_PROVINCES = "|".join(r"\.".join(part.capitalize() for part in abbr.split("."))
                         for abbr in lx.CA_PROVINCE_ABBREVIATIONS)
_STATE_AFTER_COMMA = re.compile(
    r",[ \t]+(?:(?P<ap>" + _AP_STATES + r")\.(?![A-Za-z])|(?P<code>" + "|".join(lx.US_STATE_CODES)
    + r")(?![A-Za-z.'’])|(?P<province>" + _CA_PROVINCES + r")\.(?![A-Za-z]))|[ \t]\((?P<bracketed>" + _AP_STATES
    + r")\.\)"
)


_SEPARATOR = re.compile(r"^\s*(?:,|;|and|or|&)?\s*$")


_BREAKS_A_NAME = re.compile(r"[,;:()\[\]\"“”|/\n]")


# Never-alone words that are also the short name of a sea or gulf when capitalised mid-sentence ("in the Gulf").
_WORLD_WORDS = frozenset({"gulf"})


def _a_place_spelled(index: GazetteerIndex, doc: Document, first: int, last: int) -> bool:
    """Whether a place bears the tokens' words as written (diacritics, case and hyphens aside)."""
    written = doc.text[doc.tokens[first].start : doc.tokens[last].end]
    return _bears_as_written(doc, first, last, index.candidates(search_key(written)))


def recognise(doc: Document, index: GazetteerIndex) -> list[Span]:
    """Place spans in document order, without overlaps."""
    doc = replace(doc, keys=_without_bare_possessives(doc, index))
    dateline = dateline_tokens(doc)
    organisations = organisation_tokens(doc, lambda key: bool(index.candidates(key)),
                                        partial(_a_place_spelled, index, doc))
    people = person_name_tokens(doc, index)
    states = _states_after_a_comma(doc)
    blocked = organisations | people | _tokens_of(states)
    lowercase_uses = _lowercase_uses(doc)
    spans: list[Span] = []
    person_keys: set[str] = set()
    heads: frozenset[str] = frozenset()
    if not doc.cased:  # what capitals would have said, read from the text's structure (app/geoparse/lowercase.py)
        name_tokens, person_keys = lowercase.person_tokens(doc, index, partial(notable_key, index))
        blocked |= name_tokens
        heads = lowercase.heads_after_countries(doc)
    # Most matches are one word, and most of those are function words: this loop runs for every match, so the
    # checks that dismiss them come first and use local names.
    sentence_of, lower, tokens = doc.sentence_of, doc.lower, doc.tokens
    never_alone = lx.NEVER_ALONE
    for first, last, key in index.find(doc.keys):
        if first == last:
            if first in blocked:
                if doc.cased and first in people:
                    person_keys.add(key)
                continue
        elif sentence_of[first] != sentence_of[last] or any(
                _BREAKS_A_NAME.search(doc.gap(i)) for i in range(first + 1, last + 1)):
            continue  # "the UAE. The", "the UAE, the": a name does not run across a sentence end or a comma
        elif not blocked.isdisjoint(range(first, last + 1)):
            continue
        if dateline and first >= dateline[0] and last <= dateline[1]:
            spans.append(Span(first, last, key, "settlement", is_dateline=True))
            continue
        if not doc.cased and (key == "us" or first != last or lower[first] not in never_alone) \
                and lowercase.country_here(doc, index, first, last, key, heads):
            spans.append(Span(first, last, key, ""))
            continue
        if first == last and lower[first] in never_alone \
                and not (tokens[first].text.isupper() and country_key(index, key)) \
                and not (doc.cased and tokens[first].is_capitalized and first not in doc.sentence_starts
                         and ((lower[first] in _WORLD_WORDS and famous_key(index, key)) or named_a_town(doc, first))) \
                and not (not doc.cased and lower[first] not in _FUNCTION_WORDS and named_a_town(doc, first)):
            continue  # "the", "said", "THE": the commonest matches, dismissed before any context is read ("US" stays)
        if not doc.cased and first == last and first + 1 < len(tokens) and tokens[first + 1].text[:1].isdigit() \
                and doc.gap(first + 1) == " " and lower[first] in lx.english_words():
            continue  # "a town of about 100,000 people", "some 30km west": a quantity, lower-cased no name
        cue = _cue(doc, first, last)
        if cue in ("admin1", "admin2") and not doc.cased and first == last and lower[first] in lx.english_words() \
                and not any(c.feature_code in _SEATS_AND_DIVISIONS or is_adm2(c.feature_code)
                            for c in index.candidates(key)) \
                and not divisions_named(index, key):  # (GeoNames' "Orange County": "orange county")
            # lower-cased "the current state of the art", "the broken state of our government": an English word
            # before a division's noun is that division's name only where a division, or the seat a district is
            # named after, bears it ("rivers state", "hit district")
            cue = ""
        if first == last and not cue and is_person_word(doc, index, first, key):
            person_keys.add(key)
            continue
        if _plausible(doc, index, first, last, key, cue, lowercase_uses):
            if first == last and not cue and (doc.cased or _a_speaker_lower_cased(doc, first)) \
                    and speaks(doc, index, first, key):
                person_keys.add(key)
                continue
            spans.append(Span(_with_article(doc, first), last, key, cue))
        elif doc.cased and not cue and follows_a_name(doc, index, first):
            person_keys.add(key)
    listed = _listed_places(doc, index, blocked, _tokens_of(spans))
    # "the provinces of Homs, Idlib and Lattakia": every name of the list is a province, not only the first
    # (a list the writer forgot to punctuate, "the provinces of Homs Idlib and Lattakia", counts name by name)
    # Likewise "the towns of Rastan and Talbeesah": each name of the list is a town.
    list_cue = {i: s.cue for s in listed if s.cue in ("admin1", "settlement") and s.from_cue_only
                for i in range(s.first, s.last + 1)}
    spans = [replace(s, cue=list_cue[s.first]) if not s.cue and s.first in list_cue else s for s in spans]
    spans.extend(s for s in listed if not (s.cue == "admin1" and s.from_cue_only))
    spans.extend(states)
    spans.extend(_named_by_their_generic(doc, blocked | _tokens_of(spans)))
    spans.extend(_unknown_list_mates(doc, index, spans, blocked))
    # A name seen as the surname in "Narendra Modi" is a person everywhere in the article, unless it is a
    # famous place or the text marks it as a place, there or anywhere else in the article ("the town of
    # Zabadani", "the towns of Rastan and Talbeesah": one sense per discourse).
    person_keys -= {s.key for s in spans if s.cue and not s.is_dateline}
    spans = _without_overlaps(spans)
    spans.extend(_same_name_again(doc, index, spans, blocked))
    spans = [s for s in spans if s.key not in person_keys or s.is_dateline or s.from_cue_only
             or famous_as_written(doc, index, s, FAMOUS_OVER_A_SURNAME)]
    spans = _with_article_names_joined(doc, _with_qualifiers_joined(doc, _without_overlaps(spans)))
    spans = _initials_of_named_places(doc, index, spans, blocked)
    # (a generic joined before a name may now cover a word matched alone: "Khirbet" of "Khirbet al-Naqus" is no place
    # of its own)
    return _without_overlaps([_placed_by_demonym(doc, _with_generic_before(doc, s)) for s in spans])


# "SA", "S.A.", "T&T", "B.C.": capitals, each alone or joined by a dot or an ampersand
_INITIALS = re.compile(r"(?<![\w&.])[A-Z](?:\.?&?[A-Z]){1,3}\.?(?![\w&])")
_NOT_INITIALLED = frozenset({"of", "the", "and", "da", "de", "del", "des", "du", "la", "le", "el", "al"})
_initials_cache: WeakKeyDictionary[GazetteerIndex, dict[str, tuple[GazetteerPlace, ...]]] = WeakKeyDictionary()


def _initialisms(index: GazetteerIndex) -> dict[str, tuple[GazetteerPlace, ...]]:
    """The countries and first-order divisions of several words by their initials: "SA" (South Africa, Saudi
    Arabia, South Australia), "TT" and "T&T" (Trinidad and Tobago), "BC" (British Columbia)."""
    index = getattr(index, "_index", index)  # (a parse's CachedIndex wraps the index kept for the next parse)
    cached = _initials_cache.get(index)
    if cached is not None:
        return cached
    out: dict[str, list[GazetteerPlace]] = {}
    for gid in (*index.countries.values(), *index.admin1.values()):
        place = index.places[gid]
        words = place.name.replace("-", " ").split()
        letters = [w[0].upper() for w in words if w.lower() not in _NOT_INITIALLED and w[:1].isalpha()]
        if len(letters) < 2 or len(words) > 5:
            continue
        forms = {"".join(letters)}
        if len(letters) == 2 and len(words) == 3 and words[1].lower() == "and":
            forms.add(f"{letters[0]}&{letters[1]}")  # "Trinidad and Tobago": T&T
        for form in forms:
            out.setdefault(form, []).append(place)
    result = {form: tuple(places) for form, places in out.items()}
    _initials_cache[index] = result
    return result


def _initials_of_named_places(doc: Document, index: GazetteerIndex, spans: list[Span],
                              blocked: set[int]) -> list[Span]:
    """An abbreviation the article spells out: "SA" in a story that names South Africa (or South Africans), "T&T"
    where Trinidad and Tobago is named, "B.C." after British Columbia. Initials stand for the country or first-order
    division whose name the text writes in full elsewhere, when exactly one such place has those initials; an
    abbreviation whose place the text never names is left to the other rules ("SA" alone may be Saudi Arabia)."""
    if not doc.cased:
        return spans
    at = {(s.first, s.last): n for n, s in enumerate(spans)}
    taken = _tokens_of(spans) | blocked
    starts: list[int] = []
    found = list(spans)
    named: dict[str, GazetteerPlace | None] = {}
    initialisms = _initialisms(index)
    at_word: dict[str, list[int]] = {}  # the positions of each lower-cased word, built on first need
    for match in _INITIALS.finditer(doc.text):
        written = match.group().replace(".", "")
        if written not in named:
            if not at_word:
                for i, word in enumerate(doc.lower):
                    at_word.setdefault(word, []).append(i)
            places = {p.geonameid: p for p in initialisms.get(written, ()) if _writes(doc, at_word, p.name)}
            named[written] = next(iter(places.values())) if len(places) == 1 else None
        place = named[written]
        if place is None:
            continue
        starts = starts or list(map(token_start, doc.tokens))
        first = bisect_left(starts, match.start())
        last = bisect_left(starts, match.end()) - 1
        if first >= len(starts) or starts[first] != match.start() or last < first or _runs_on(doc, last):
            continue  # (before a capitalised word it starts a name: "NJ Advance Media")
        key = search_key(place.name)
        if (first, last) in at:  # found as the name of something else ("SA": Sé, a town in Macau)
            n = at[(first, last)]
            if not found[n].cue and not found[n].is_dateline and place not in index.candidates(found[n].key):
                found[n] = replace(found[n], key=key)
        elif not any(i in taken for i in range(first, last + 1)):
            found.append(Span(first, last, key, ""))
    return sorted(found, key=lambda s: s.first)


def _writes(doc: Document, at_word: dict[str, list[int]], name: str) -> bool:
    """Whether the text writes ``name`` word for word ("South Africa", "South Africans": a word may run on), read
    from the positions of its first word, not by scanning the text again for every name."""
    words = [w for w in re.split(r"[^\w]+", name.lower()) if w]
    if not words:
        return False
    n = len(doc.lower)
    for i in at_word.get(words[0], ()):
        if i + len(words) <= n and all(doc.lower[i + k] == w or (k == len(words) - 1 and doc.lower[i + k].startswith(w))
                                       for k, w in enumerate(words[1:], 1)):
            return True
    return False


def _with_qualifiers_joined(doc: Document, spans: list[Span]) -> list[Span]:
    """A qualifier right after a name joins it: the mention covers "al-Nashwa al-Sharqi" and is resolved by the name
    it qualifies (the eastern quarter of al-Nashwa lies in al-Nashwa); after a capitalised word the gazetteer does not
    know ("Surjah Kabira") it is part of that unknown name, no place of its own."""
    out: list[Span] = []
    for span in spans:
        if span.key in QUALIFIERS and not span.cue and span.first > 0 and doc.gap(span.first).strip() in ("", "-"):
            before = span.first - 1
            if out and out[-1].last == before:
                out[-1] = replace(out[-1], last=span.last)
                continue
            if doc.tokens[before].text[:1].isupper() and doc.lower[before] not in lx.NAME_PARTICLES:
                continue
        out.append(span)
    return out


def _with_article_names_joined(doc: Document, spans: list[Span]) -> list[Span]:
    """An Arabic name continues past a space with its article ("Daraa al-Balad", "Seif al-Dawla", "Talat al-Bureij",
    "Abu Bakr al-Baghdadi"): a place matched at "al-Balad" right after a capitalised name word is no place of its
    own (Balad in Iraq) but the end of the longer name, which the gazetteer does not know whole (else it would have
    been matched whole). After a place mention the two are one mention, resolved by the whole name, which leaves it
    unresolved: its first word alone is as often a namesake abroad (Seif in Iraq, Talat in Thailand) as the town it
    lies in; after any other name word (a person's, a group's), none. A generic or particle before it ("Tal
    al-Zaatar", "Deir al-Zour") is ``_with_generic_before``'s; an English word before it ("Yesterday al-Bab", "In
    al-Bab") ends no name, nor does a people's word. Cased text, and lower-cased where the word before is no English
    word ("ruweiset al-jaoureh"); not in a text that lost its commas (FA-KES's: "targeted terrorists in Bosra al-Sham
    Atman al-Hrak and al-Yadouda" is a list of four villages, which nothing tells from one name followed by another)."""
    if not (punctuated_cased(doc) or (not doc.cased and not lost_its_commas(doc.text, _COMMA_FREE_LENGTH))):
        return spans
    out: list[Span] = []
    for span in spans:
        before = span.first - 1
        if span.is_dateline or before < 0 or doc.lower[span.first] not in _ARABIC_ARTICLES \
                or doc.gap(span.first + 1) != "-" or doc.gap(span.first) != " " \
                or doc.sentence_of[before] != doc.sentence_of[span.first]:
            out.append(span)
            continue
        word = doc.lower[before]
        if (doc.cased and not doc.tokens[before].is_capitalized) or word in lx.NAME_PARTICLES \
                or word in lx.TOPONYM_GENERICS or word in lx.english_words() or word in lx.DEMONYMS:
            out.append(span)
            continue
        if out and out[-1].last == before and not out[-1].is_dateline:
            whole = out[-1].first
            out[-1] = replace(out[-1], last=span.last, key=" ".join(doc.keys[whole : span.last + 1]),
                              cue=out[-1].cue or span.cue, from_cue_only=True)
    return out


def _names_a_facility(doc: Document, index: GazetteerIndex, start: int, end: int) -> bool:
    """Whether the name words ``start..end`` before a word for a building name the building itself: not words of
    English alone ("the Wastewater Treatment Plant"), nor a sentence's first English word, nor a name the gazetteer
    knows as written or a famous place's name opening it, which says where the building is ("a Damascus hospital",
    "Mosul University", "Florida Atlantic University")."""
    english = lx.english_words()
    lower = doc.lower
    if (doc.cased and start in doc.sentence_starts and lower[start] in english) \
            or all(lower[k] in english for k in range(start, end + 1)):
        return False
    if _bears_as_written(doc, start, end, index.candidates(" ".join(doc.keys[start : end + 1]))):
        return False
    return not any(famous_as_written(doc, index, Span(start, k, " ".join(doc.keys[start : k + 1])))
                   for k in range(start, end))


# English prose of 300 characters without a comma is rare; a headline or one short sentence may have none.
_COMMA_FREE_LENGTH = 300


def punctuated_cased(doc: Document) -> bool:
    """Cased text that kept its commas: there a name run on after another is one longer name, not the next item of
    a list that lost its commas (FA-KES's)."""
    return doc.cased and not lost_its_commas(doc.text, _COMMA_FREE_LENGTH)


# The Arabic article and its assimilated spellings before a sun letter ("Deir ez-Zor", "Abu ad-Duhur", "Tal as-Samman")
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ath", "adh", "ed", "er", "es",
                              "ez", "esh", "et", "en", "eth", "edh"})


def _a_speaker_lower_cased(doc: Document, i: int) -> bool:
    """Lower-cased, a word that speaks ("ricardo said", "said kotey") is a person where what comes before it could
    open a name: the sentence's start or punctuation, a title, a speech verb, or a word no English word spells (a
    given name: "adnan afrin said"); not after an English word ("the authority governing afrin said": the place
    speaks for its government there)."""
    if i == 0 or i in doc.sentence_starts or doc.gap(i).strip():
        return True
    before = doc.lower[i - 1]
    return before in lx.TITLES or before in lx.SPEECH_VERBS or before not in lx.english_words()


def _with_generic_before(doc: Document, span: Span) -> Span:
    """"the Jebel Moya area", "Tal Rifaat": a capitalised place-name generic (Jebel, Tal, Kafr, Ain ...) right before a
    name is part of it (lower-cased, one that is no English word): the gazetteer's "Moya" (a Spanish town) is not what
    the text names. The whole is kept as a name the text vouches for, resolved (or not) as such."""
    i = span.first - 1
    if i < 0 or span.is_dateline or doc.lower[i] not in lx.TOPONYM_GENERICS \
            or doc.gap(span.first).strip() not in ("", "-") or doc.sentence_of[i] != doc.sentence_of[span.first]:
        return span
    if not (doc.tokens[i].is_capitalized if doc.cased else doc.lower[i] not in lx.english_words()):
        return span  # (lower-cased, a generic no English word spells: "qasr hulwan", not "tell hamdan")
    key = " ".join(doc.keys[i : span.last + 1])
    return replace(span, first=i, key=key, from_cue_only=True)


_NOUNS_AFTER_A_DEMONYM = lx.SETTLEMENT_BEFORE | {"province", "provincial", "port", "border"}


def _placed_by_demonym(doc: Document, span: Span) -> Span:
    """"the northern Iraqi town of Tal Afar", "the Syrian city Raqqa": the text says which country the place is in
    (a Syrian Tall 'Afar is not meant)."""
    if span.country or span.is_dateline:
        return span
    before = doc.lower[max(0, span.first - 4) : span.first]
    if before and before[-1] == "of":
        before = before[:-1]
    if len(before) < 2 or before[-1] not in _NOUNS_AFTER_A_DEMONYM:
        return span
    code = lx.DEMONYM_COUNTRIES.get(before[-2]) or (
        lx.DEMONYM_COUNTRIES.get(before[-3]) if len(before) > 2 and before[-2] in _NOUNS_AFTER_A_DEMONYM else None)
    return replace(span, country=code) if code else span


def _same_name_again(doc: Document, index: GazetteerIndex, spans: list[Span], blocked: set[int]) -> list[Span]:
    """One sense per discourse, for recognition: a name the article has used as a place (with a cue, or found
    where it stands alone) is a place at its other occurrences too ("the town of Markada ... took Markada")."""
    seeds: dict[tuple[str, ...], Span] = {}
    for span in spans:
        if span.is_dateline:
            continue
        words = tuple(doc.keys[span.first : span.last + 1])
        if len("".join(words)) < 4 or all(w in lx.NEVER_ALONE for w in doc.lower[span.first : span.last + 1]):
            continue
        seeds.setdefault(words, span)
    if not seeds:
        return []
    taken = _tokens_of(spans)
    english = lx.english_words()
    found = []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in seeds:
        by_first.setdefault(words[0], []).append(words)
    for i in compress(count(), map(by_first.__contains__, doc.keys)):
        for words in by_first[doc.keys[i]]:
            last = i + len(words) - 1
            if tuple(doc.keys[i : last + 1]) != words or any(k in taken or k in blocked for k in range(i, last + 1)):
                continue
            lower = doc.lower[i : last + 1]
            if doc.cased:
                if not all(doc.tokens[k].is_capitalized or doc.lower[k] in lx.NAME_PARTICLES
                           for k in range(i, last + 1)):
                    continue
            elif all(w in english or w in lx.COMMON_WORDS or w in lx.NEVER_ALONE for w in lower):
                continue
            seed = seeds[words]
            cue = seed.cue if seed.cue == "settlement" else ""
            found.append(Span(i, last, seed.key, cue, from_cue_only=seed.from_cue_only))
            taken.update(range(i, last + 1))
    return found


def _without_bare_possessives(doc: Document, index: GazetteerIndex) -> list[str]:
    """Keys with "Syrias" read as "Syria": scraped text often loses the possessive's apostrophe."""
    keys = list(doc.keys)
    by_key = index.by_key
    words = [token.text for token in doc.tokens]
    for i in compress(count(), map(str.endswith, words, repeat(("s", "S")))):
        word = words[i]
        if len(word) > 4 and keys[i] not in by_key:
            shorter = fold_token(word[:-1])
            if notable_key(index, shorter):
                keys[i] = shorter
    return keys


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Longest first; a name marked by the text beats a shorter gazetteer name inside it."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.last - s.first), s.from_cue_only, s.first)):
        tokens = range(span.first, span.last + 1)
        if not any(i in taken for i in tokens):
            chosen.append(span)
            taken.update(tokens)
    return sorted(chosen, key=lambda s: s.first)


def _with_article(doc: Document, first: int) -> int:
    """Include a leading article that the index key dropped ("al-Bab" → al-Bab, not Bab)."""
    if first > 0 and doc.keys[first - 1] == "al" and doc.sentence_of[first - 1] == doc.sentence_of[first]:
        gap = doc.gap(first)
        # "al-Bab", "el Bab"; but "known as Fatah" is English "as", not the assimilated article.
        if doc.lower[first - 1] in _ENGLISH_LOOKALIKES and gap != "-":
            return first
        if gap in ("-", " ", "") and (not doc.cased or doc.tokens[first].is_capitalized):
            return first - 1
    return first


def _lowercase_uses(doc: Document) -> frozenset[str]:
    """Keys written in lower case somewhere in cased text: those words are common words here."""
    if not doc.cased:
        return frozenset()
    return frozenset(compress(doc.keys, map(str.islower, map(initial, map(token_text, doc.tokens)))))


def _cue(doc: Document, first: int, last: int) -> str:
    """What the words around a name say it is."""
    lower = doc.lower
    after = lower[last + 1] if last + 1 < len(lower) else ""
    after2 = lower[last + 2] if last + 2 < len(lower) else ""
    before = lower[first - 1] if first > 0 else ""
    if before == "al" and first > 1:
        before = lower[first - 2]
        first -= 1
    before_of = lower[first - 2] if first > 1 and before == "of" else ""
    if before_of in ("the",) and first > 2:
        before_of = lower[first - 3]
    if after in lx.SETTLEMENT_AFTER and first == last and (
            lower[first] in lx.TOWN_MODIFIERS or (not doc.cased and lower[first] in lx.english_words())):
        # lower-cased "the latter city", "the border town", "the capital city": a word that describes or points to a
        # town before "city" or "town" is no name ("garden city", "the Old City" are); and lower-cased, any English
        # word there describes the town ("a key dam town", "an oil town"), with no capital to say it names one
        after = after2 = ""
    if not doc.cased and first == last and (after in lx.ADMIN1_AFTER or after in lx.ADMIN2_AFTER) \
            and lower[first] in lx.english_words() and (before in ("a", "an") or _compound_tail(doc, first)):
        # lower-cased "a key district", "the oil-rich province": an English word after an indefinite article, or
        # ending a compound of English words, describes the division (but "hit district", "the afar region" name one)
        after = after2 = ""
    if (after in lx.FACILITY_AFTER and after not in ("air", "base")) or (
        after in lx.FACILITY_MODIFIERS and after2 in lx.FACILITY_AFTER
    ) or (after == "air" and after2 == "base") or before_of in lx.FACILITY_BEFORE_OF:
        return "facility"
    if after in lx.ADMIN1_AFTER or before in lx.ADMIN1_BEFORE or before_of in lx.ADMIN1_BEFORE_OF:
        return "admin1"
    if after in lx.ADMIN2_AFTER or before_of in lx.ADMIN2_BEFORE_OF:
        return "admin2"
    if before_of in lx.SETTLEMENT_BEFORE_OF and not doc.cased and first == last and _plural_common(lower[first]):
        before_of = ""  # lower-cased "clearing the ancient city of mines": what the city is cleared of, no name
    if after in lx.SETTLEMENT_AFTER or before_of in lx.SETTLEMENT_BEFORE_OF:
        return "settlement"
    if doc.cased and before in lx.SETTLEMENT_BEFORE and doc.tokens[first].is_capitalized \
            and not doc.tokens[first - 1].is_capitalized:  # "Capital FM", "District Judge Liam": one longer name
        return "settlement"
    if not doc.cased and before == "capital" and lower[first] not in lx.english_words():
        return "settlement"  # lower-cased "the ukrainian capital kiev": the city, not its province
    return ""


def _plural_common(word: str) -> bool:
    """An English plural noun ("mines", "ruins"): no town's name, where no capital says otherwise."""
    english = lx.english_words()
    return word.endswith("s") and word in english and word[:-1] in english


def _compound_tail(doc: Document, i: int) -> bool:
    """Whether token ``i`` ends a hyphenated compound that opens with an English word ("oil-rich", "rebel-held"),
    not a name's article ("al-bab", "deir ez-zor")."""
    return i > 0 and doc.gap(i) == "-" and doc.lower[i - 1] in lx.english_words() \
        and doc.lower[i - 1] not in lx.NAME_PARTICLES


_WIDE_CODES = frozenset({"ADM1", "TERR", "CONT", "OCN", "SEA", "GULF"})


def loose_stranger(doc: Document, span: Span, candidates: Sequence[GazetteerPlace],
                   countries: Callable[[], dict[str, float]]) -> bool:
    """Whether a capitalised name reaches the gazetteer only through transliteration folding ("Rozen" → Rūdān,
    "Mamo" → Mamou) to places outside the countries the article is about: in cased text that is a surname or a
    brand far more often than a place. Arabic names (with al-, Tal, Abu ...) vary in spelling by nature: kept."""
    words = doc.lower[span.first : span.last + 1]
    if any(w in lx.NAME_PARTICLES for w in words) or (span.first > 0 and doc.lower[span.first - 1] in lx.NAME_PARTICLES
                                                       and doc.gap(span.first) in (" ", "-")):
        return False
    if any(c.feature_code.startswith("PCL") or c.feature_code in _WIDE_CODES or not c.country_code for c in candidates):
        return False  # "Britain", "U.S.": countries, divisions and world features go by many names
    surface = normalize(doc.text[doc.tokens[span.first].start : doc.tokens[span.last].end])
    forms = {surface, surface.removesuffix(" city")}  # "Quebec City" is Québec
    if any(normalize(c.name) in forms or normalize(c.asciiname) in forms for c in candidates):
        return False
    if any(romanised_alike(c.country_code, c.asciiname, forms) for c in candidates):
        return False  # "Pervomaiske" is GeoNames' Pervomayske in the other romanisation, not a fold of some other name
    shares = countries()  # the article's focus, read only when the name's form leaves the question open
    focus = max((shares.get(c.country_code, 0.0) for c in candidates), default=0.0)
    return focus < (0.15 if any(is_notable(c) for c in candidates) else 0.3)


# Lower-case generic words a place's name may end with in cased text.
_SETTLEMENT_WORDS = frozenset({"village", "villages", "town", "towns", "city", "cities"})
_GENERIC_ENDS = lx.SETTLEMENT_AFTER | lx.ADMIN1_AFTER | lx.ADMIN2_AFTER | lx.FACILITY_AFTER | lx.NAMED_FEATURE_AFTER \
    | lx.PLACE_NOUNS | frozenset((  # noqa: SIM905 (a word list reads better as words)
        "desert mountains plains territories territory sea ocean gulf strait peninsula coast basin delta "
        "oasis canal rivers lakes ridge pass gap range forest marshes field fields oilfield complex compound "
        "hospital school university factory plant station prison barracks academy stadium market mosque church "
        "quarter area suburb suburbs municipality commune parish borough metropolitan capital kingdom republic"
    ).split())
# Words that follow "the town of" without being its name, even in lower-cased text ("the town of the same name").
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "by", "for", "with", "from",
                             "its", "his", "her", "their", "our", "this", "that", "these", "those", "which", "what",
                             "some", "all", "both", "each", "no", "one", "two", "three", "four", "five", "several"})


def _bears_as_written(doc: Document, first: int, last: int, candidates: Sequence[GazetteerPlace]) -> bool:
    """Whether a place bears the tokens' words as written among its names (from an article "the" on, or with a
    generic word after the name: "The Hague", "Kuwait city")."""
    written = normalize(doc.text[doc.tokens[first].start : doc.tokens[last].end])
    return any(written == normalize(name) for c in candidates for name in (c.name, c.asciiname, *c.alternate_names))


def _plausible(doc: Document, index: GazetteerIndex, first: int, last: int, key: str, cue: str,
               lowercase_uses: frozenset[str]) -> bool:
    """Whether a gazetteer name at these tokens is used as a place here."""
    words = doc.lower[first : last + 1]
    tokens = doc.tokens[first : last + 1]
    head = tokens[0]  # the first word that is not an article
    if doc.cased:
        if len(tokens) > 1 and tokens[0].text in _ENGLISH_LOOKALIKES and doc.gap(first + 1) != "-":
            return False  # "as Assad fled": the English word, not the assimilated article ("as-Suwayda")
        if len(tokens) > 1:
            head = next((t for t in tokens if fold_token(t.text) != "al"), head)
        if (not head.is_capitalized or len(key) < 2) and not _compass_named(doc, index, first, last, key):
            return False  # in cased text a place name is capitalised (checked first: half the matches are not)
        end_word = tokens[-1].text
        if len(tokens) == 2 and end_word in _SETTLEMENT_WORDS and words[0] in lx.DEMONYM_COUNTRIES:
            return False  # "a Ukrainian village", "the Syrian town": a people's word before one describes a place
        if len(tokens) > 1 and end_word.isalpha() and end_word.islower() and end_word not in _GENERIC_ENDS:
            # nor does it end in a lower-case word other than a generic one ("surrendered Deraa to government
            # forces" is no "Dare Tû", "El Salvador made" no Argentine town; "Aden airport", "Euphrates river",
            # "Vyzhnytsya raion" end in a generic word)
            return False
        if len(tokens) > 1 and end_word in ("city", "town") \
                and not _bears_as_written(doc, first, last, index.candidates(key)):
            # "Kherson city", "Raqqa city": the city of the name before the word, not a place the whole folds onto
            # ("Carson City"); a place so called as written stays ("Kuwait city")
            return False
    if len(words) == 1 and (words[0] in lx.DEMONYMS or _is_contraction(words[0])):
        return False
    acronym = doc.cased and len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) > 1
    if not acronym and all(w in lx.NEVER_ALONE or w in lx.NAME_PARTICLES for w in words) \
            and not (len(words) == 1 and first not in doc.sentence_starts and named_a_town(doc, first)
                     and (doc.cased or words[0] not in _FUNCTION_WORDS)) \
            and not (len(words) > 1 and notable_key(index, key) and (not doc.cased or tokens[0].is_capitalized)) \
            and not (len(words) == 1 and words[0] in lx.NAME_PARTICLES and _with_article(doc, first) < first) \
            and not (len(words) == 1 and words[0] in _WORLD_WORDS and doc.cased and first > 0
                     and doc.lower[first - 1] == "the"):
        return False  # but "the Middle East", and a particle with the article: "al-Bab" (the Gate), "al-Tal"
    candidates = index.candidates(key)
    if cue != "facility" and candidates and all(c.feature_code in AIRFIELD_CODES for c in candidates) \
            and not named_as_airfield(normalize(doc.text[tokens[0].start : tokens[-1].end]), candidates, doc.cased):
        # A name only airfields bear, with no word after it that says airport: a place only when its own words say
        # airport ("Kabul Airport") or, in cased text, it is an airfield's own name spelled as written ("Mitiga");
        # not as a fold ("Beatles" is no Bettles Airport, Alaska) nor bare in lower-cased text, where it is as
        # likely a person ("al maktoum").
        return False
    if words[0] == "the" and (not famous_key(index, key) or not _bears_as_written(doc, first, last, candidates)):
        # "The UN": a stray alternate name beginning with the article; "The UAE" folds like Tahoua, a provincial
        # seat in Niger, but only names spelled with the article ("The Hague", "The Gambia") begin with it
        return False
    notable = notable_key(index, key)
    english = lx.english_words()
    common = all(w in lx.NEVER_ALONE or w in lx.COMMON_WORDS or w in english for w in words)
    if common and notable and not cue:
        # A common word counts only as the very name of a notable place ("Turkey", "Nice"), not as a
        # transliteration fold of another ("Bureau" is not Burao).
        notable = named_notable(index, " ".join(words), key, candidates)
    if doc.cased:
        return _plausible_cased(doc, index, first, last, key, cue, tokens, head, words, common, notable,
                                lowercase_uses)
    if len(words) > 1 and words[-1] in _FUNCTION_WORDS:
        # nor, lower-cased, does a name end in a function word ("surrendered deraa to the regime" is no "Dare Tû": the
        # lower-cased twin of the cased rule above)
        return False
    if first == last and first > 0 and doc.gap(first) == "-" and doc.lower[first - 1] in lx.DEMONYMS:
        return False  # "a kurdish-run district", "syrian-held": a people's word and a participle, no place after it
    if first == last and first > 0 and doc.gap(first) == " " and doc.lower[first - 1] in PLACE_TAKING \
            and doc.sentence_of[first - 1] == doc.sentence_of[first] and words[0] not in _MOTION_PARTICLES:
        return True  # "iraqi forces retook hit": what only places are taken as is a place, however short or English
    size = len("".join(words))  # the written length: folding shortens "Iowa" to "iua"
    if _with_article(doc, first) < first:
        size += 2  # "al-bab": the article belongs to the name
    if size <= 3 and not (notable and len(words) > 1):
        # (but a country's short form that no English word spells: "in the uk", "the uae")
        return (bool(cue) and size == 3) or (len(words) == 1 and not common and words[0] in _COUNTRY_SHORT_FORMS)
    if common:
        return bool(cue) or (notable and words[0] in lx.AMBIGUOUS_COUNTRY_WORDS) or _famous_of_common_words(
            doc, index, first, last, key)
    # a word with an English ending ("-ing", "-ly") needs a cue, unless a country, division or capital bears it as its
    # own name ("beijing", "italy")
    return not (_looks_english(words[-1]) and not cue) or famous_as_written(doc, index, Span(first, last, key, ""))


_COMPASS_WORDS = frozenset({"east", "west", "north", "south", "eastern", "western", "northern", "southern"})


def _compass_named(doc: Document, index: GazetteerIndex, first: int, last: int, key: str) -> bool:
    """ "eastern Ghouta", "east Jerusalem": a lower-case compass word before a capitalised name is part of it where a
    place bears the whole as its own name (Eastern Ghouta, East Jerusalem); "eastern Aleppo" stays a part of Aleppo,
    which no gazetteer entry is called."""
    tokens = doc.tokens[first : last + 1]
    if len(tokens) < 2 or doc.lower[first] not in _COMPASS_WORDS or not all(t.is_capitalized for t in tokens[1:]):
        return False
    written = normalize(doc.text[tokens[0].start : tokens[-1].end])
    return any(written in (normalize(c.name), normalize(c.asciiname)) for c in index.candidates(key))


def _famous_of_common_words(doc: Document, index: GazetteerIndex, first: int, last: int, key: str) -> bool:
    """"the west bank", "the red sea", "little rock" in lower-cased text: several common words that are the very name
    of a country, first-order division, capital or sea; not a part of something ("the west bank of the river") nor a
    direction ("the north-east", a Botswanan district)."""
    after = doc.lower[last + 1] if last + 1 < len(doc.lower) else ""
    compass = all(w in lx.DIRECTIONS or not w.isalpha() for w in doc.lower[first : last + 1])  # "north-east"
    return last > first and after != "of" and not compass \
        and famous_as_written(doc, index, Span(first, last, key, ""))


_CONTRACTION = re.compile(r"(?:i|you|he|she|it|we|they|that|there|who|what)['’](?:ve|ll|d|re|m|s)|\w+n['’]t")


def _is_contraction(word: str) -> bool:
    """"I've", "He'll", "We'd", "don't": a pronoun or verb run together with its auxiliary, never a place (folding
    drops the apostrophe, so "I've" would be read as a place called Iva)."""
    return ("'" in word or "’" in word) and _CONTRACTION.fullmatch(word) is not None


# Verbs only places are the object of (the events' syntax._PLACE_ONLY_VERBS, as written, past and gerund).
PLACE_TAKING = frozenset({"retook", "recaptured", "liberated", "overran", "stormed", "regained", "reclaimed",
                          "retaking", "recapturing", "liberating", "overrunning", "storming", "regaining",
                          "reclaiming"})
_LIST_ITEMS_BACK = 6  # how many names of a list the look-back for its verb crosses
# What may follow "stormed" that is no object ("stormed across the border", "stormed out")
_MOTION_PARTICLES = frozenset({"across", "into", "through", "out", "back", "over", "up", "down", "past", "towards",
                               "toward", "in", "on", "onto", "off", "ahead", "forward", "again", "along", "around"})


def _object_of_place_taking(doc: Document, first: int) -> bool:
    """The name right after a verb only places take, or a later name of the list it takes ("retook Timbuktu and Gao",
    "recaptured Ramadi, Haditha and Hit"): capitalised names joined by commas or "and", a few at most."""
    i = first
    for _ in range(_LIST_ITEMS_BACK):
        before = i - 1
        if before < 0 or doc.sentence_of[before] != doc.sentence_of[first]:
            return False
        if doc.gap(i) == " " and doc.lower[before] in PLACE_TAKING:
            return True
        if doc.gap(i) == " " and doc.lower[before] in ("and", "or") and before > 0 \
                and doc.gap(before).strip() in ("", ","):
            before -= 1  # ("Raqqa and Hit", "Raqqa, and Hit")
        elif doc.gap(i).strip() != ",":
            return False
        k = before
        while k >= 0 and before - k < 4 and doc.tokens[k].is_capitalized and doc.sentence_of[k] == doc.sentence_of[i] \
                and (k == before or doc.gap(k + 1) in (" ", "-")):
            k -= 1
        if k == before:
            return False  # no capitalised name before the separator
        i = k + 1
    return False


def _plausible_cased(doc: Document, index: GazetteerIndex, first: int, last: int, key: str, cue: str,
                     tokens: Sequence[Token], head: Token,
                     words: list[str], common: bool, notable: bool, lowercase_uses: frozenset[str]) -> bool:
    """``_plausible`` for cased text, where ``head`` (the first word that is not an article) is capitalised."""
    # "Iraqi forces retook Hit", "the army recaptured Bir": the object of a verb only places take is one, whatever
    # English word it spells (a sentence's first word, or a headline's, is capitalised anyway)
    taken = first > 0 and _object_of_place_taking(doc, first) and doc.sentence_of[first] not in doc.title_case_sentences
    if len(words[0]) <= 3 and len(words) == 1 and not head.text.isupper() and not cue and not taken \
            and _with_article(doc, first) == first:
        return False  # a short word is rarely a place, but "al-Bab", "Al Rai" and "the town of Hit" are
    if len(words) == 1 and _ACRONYM_PLURAL.fullmatch(head.text):
        return False  # "IEDs", "APCs", "NGOs": an acronym's plural ("IEDs" folds like Eads, Colorado)
    if len(words) == 1 and head.text.isupper() and len(head.text) > 1 and not cue:
        # An acronym (AP, NATO, CNN) is a place only as a country or division abbreviation, or a famous name.
        places = index.candidates(key)
        if len(head.text) <= 3:
            return any(p.feature_code.startswith("PCL") or p.feature_code == "ADM1" for p in places)
        if common:  # a headline word in capitals ("MARINE", "REALLY"): only as the very name of a notable place
            return named_notable(index, words[0], key, places)
        return notable_key(index, key)
    title_case = doc.sentence_of[first] in doc.title_case_sentences
    sentence_start = first in doc.sentence_starts
    if common or key in lowercase_uses:
        if cue or taken:
            return True
        if len(words) > 1 and words[-1] in lx.ADMIN2_AFTER and all(t.is_capitalized for t in tokens):
            return True  # "Collier County": a division's name carries its own cue (Collier, a common word)
        if len(words) == 1 and words[0] in _WORLD_WORDS and first > 0 and doc.lower[first - 1] == "the" \
                and first not in doc.sentence_starts and not _runs_on(doc, last) and famous_key(index, key):
            return True  # "in the Gulf": the capitalised generic with the article is the sea news calls so
        if all(t.is_capitalized or w in lx.NAME_PARTICLES for t, w in zip(tokens, words, strict=True)) \
                and _placed_by_its_division(doc, index, last, index.candidates(key)):
            return True
        if sentence_start or title_case:
            # A capitalised country name opens sentences all the time ("Turkey has asked..."); "Hope" does not.
            # A name of several words all capitalised ("New York said") is a name wherever it stands.
            if len(words) > 1 and notable and all(t.is_capitalized or w in lx.NAME_PARTICLES
                                                  for t, w in zip(tokens, words, strict=True)):
                return True
            return any(c.feature_code.startswith("PCL") or c.feature_code in WORLD_FEATURES
                       for c in index.candidates(key))
        if len(words) > 1 and all(t.is_capitalized for t in tokens) and first > 0 \
                and doc.lower[first - 1] in _BEFORE_A_TOWN and doc.gap(first) == " " \
                and not _runs_on(doc, last):
            # "in Red Oak", "near New Quay": capitalised common words that a town bears as its very name, right
            # after a preposition of place, are that town ("at the White House" keeps its article: no town; "in
            # Old Town Manassas" runs on into a longer name)
            written = " ".join(words)
            return notable or any(c.feature_class == "P" and written in (normalize(c.name), normalize(c.asciiname))
                                  for c in index.candidates(key))
        return notable
    if title_case:
        # A sentence of capitalised words ("Notre Dame coach Muffet McGraw said") says little by its capitals, but
        # a small place's name right after a capitalised word that names no place is still a surname.
        return notable or len(words) > 1 or not follows_a_name(doc, index, first)
    return _stands_alone(doc, index, first, last)


_BEFORE_A_TOWN = frozenset({"in", "near", "at", "from", "outside"})
# Forms of the Arabic article that are also English words, written in lower case and apart from the name.
_ENGLISH_LOOKALIKES = frozenset({"as", "at", "an", "ad", "en", "es", "et", "ed"})
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _placed_by_its_division(doc: Document, index: GazetteerIndex, last: int,
                            candidates: Sequence[GazetteerPlace]) -> bool:
    """"Bowling Green, Kentucky", "Garden City, Kansas": capitalised common words followed by a comma and the name of a
    first-order division or country that holds a place of that name are that place, wherever they stand."""
    after = last + 1
    if after >= len(doc.tokens) or doc.gap(after).strip() != "," or not doc.tokens[after].is_capitalized:
        return False
    for width in (1, 2, 3):
        end = after + width - 1
        if end >= len(doc.tokens) or (width > 1 and doc.gap(end) != " ") or not doc.tokens[end].is_capitalized:
            return False
        written = " ".join(doc.lower[after : end + 1])
        for area in index.candidates(" ".join(doc.keys[after : end + 1])):
            if (area.feature_code == "ADM1" or area.feature_code.startswith("PCL")) \
                    and written in (normalize(area.name), normalize(area.asciiname)) \
                    and any(c.feature_class == "P" and c.country_code == area.country_code
                            and (area.feature_code != "ADM1" or c.admin1_code == area.admin1_code)
                            for c in candidates):
                return True
    return False


def _runs_on(doc: Document, last: int) -> bool:
    """Whether a capitalised word follows the name in the same sentence with only a space between."""
    return last + 1 < len(doc.tokens) and doc.gap(last + 1) == " " and doc.tokens[last + 1].is_capitalized \
        and doc.sentence_of[last + 1] == doc.sentence_of[last]
_CUE_WORDS = lx.ADMIN1_AFTER | lx.ADMIN2_AFTER | lx.SETTLEMENT_AFTER | lx.FACILITY_AFTER | lx.FACILITY_MODIFIERS


def _stands_alone(doc: Document, index: GazetteerIndex, first: int, last: int) -> bool:
    """A capitalised name run together with other capitalised words is part of a longer name ("Paris Hilton"),
    unless those words are places themselves ("Iraq Syria recruitment network") or a preposition of place before
    the name places it ("at Windsor Castle")."""

    def is_place(i: int) -> bool:
        """A notable place by its very name, alone or with the next word ("Maiduguri Borno State"), or by any
        spelling in a country named in Arabic, whose names vary; "Villa" only folds onto notable places ("Aston
        Villa")."""
        candidates = index.candidates(doc.keys[i])
        if named_notable(index, doc.lower[i], doc.keys[i], candidates) or any(
                c.country_code in lx.ARABIC_NAMED_COUNTRIES and is_notable(c) for c in candidates):
            return True
        if i + 1 >= len(doc.tokens) or doc.gap(i + 1) != " ":
            return False
        key = f"{doc.keys[i]} {doc.keys[i + 1]}"
        return named_notable(index, f"{doc.lower[i]} {doc.lower[i + 1]}", key, index.candidates(key))

    english = lx.english_words()
    # A famous place (country, division, capital) next to a capitalised common word is still the place: a
    # headline or tag line ("Syria Crisis", "Related Lebanon charges ...").
    key = " ".join(doc.keys[first : last + 1])
    famous = famous_key(index, key)
    # (after the name, only a famous place called so as written: "Mega Millions" only folds like Mecca)
    famous_as_named = famous and named_notable(index, " ".join(doc.lower[first : last + 1]), key,
                                               index.candidates(key))

    if first > 0 and first not in doc.sentence_starts and doc.gap(first) == " ":
        before = doc.tokens[first - 1]
        word = doc.lower[first - 1]
        if before.is_capitalized and word not in lx.NEVER_ALONE and word not in lx.DEMONYMS \
                and word not in lx.DIRECTIONS and word not in lx.NAME_PARTICLES and word not in lx.ADMIN1_BEFORE \
                and not is_place(first - 1) and not (famous and word in english) \
                and word not in lx.LOCATIVES and word not in lx.LIST_BREAKS \
                and word not in lx.PERSON_SURNAMES and word.rstrip("s") not in lx.PERSON_SURNAMES:
            return False
    if last + 1 < len(doc.tokens) and doc.gap(last + 1) == " " and doc.sentence_of[last + 1] == doc.sentence_of[last]:
        after = doc.tokens[last + 1]
        word = doc.lower[last + 1]
        placed = first > 0 and doc.lower[first - 1] in _BEFORE_A_TOWN  # "at Sullivan Goss": the text places it
        if after.is_capitalized and word not in lx.NEVER_ALONE and word not in _CUE_WORDS \
                and word not in lx.DEMONYMS and not after.text.isupper() and not placed \
                and not (famous_as_named and word in english) and not is_place(last + 1):  # "Syria Civil Defence"
            return False
    return True


_ENGLISH_SUFFIXES = ("ing", "ed", "ly", "tion", "sion", "ness", "ment", "ies", "ous", "ful", "less", "ity", "ers")


# The short forms of countries' names the index knows them by (app.gazetteer.index.COUNTRY_ALIASES), lower-cased
_COUNTRY_SHORT_FORMS = frozenset(alias.lower() for aliases in COUNTRY_ALIASES.values() for alias in aliases
                                 if alias.isalpha() and alias.isupper())


_SEATS_AND_DIVISIONS = frozenset({"ADM1", "PPLA", "PPLA2", "PPLA3", "PPLC"})


def _looks_english(word: str) -> bool:
    return len(word) > 4 and word.endswith(_ENGLISH_SUFFIXES)


# The words that every branch of ``_listed_places`` starts from (one token in forty is one of them, so the
# others are skipped without a look): a new branch must add its words here.
_LISTED_CUES = (lx.SETTLEMENT_BEFORE_OF | lx.FACILITY_BEFORE_OF | lx.ADMIN2_BEFORE_OF
                | {"districts", "provinces", "governorates"} | lx.FACILITY_AFTER | lx.SETTLEMENT_AFTER
                | lx.NAMED_FEATURE_AFTER | lx.NUMBERED_SITES | lx.FACILITY_NAME_AFTER | lx.SETTLEMENTS_AFTER)


_LIST_REACH = 200  # characters after a list's cue read for a comma that says the list is punctuated


def _listed_places(doc: Document, index: GazetteerIndex, blocked: set[int], found: set[int]) -> list[Span]:
    """Names the text marks as places: "the villages of X, Y and Z", "the town of X", "the district of X",
    "X military airport", "X village", "the Nisr mountain", "Castello Road", "Base 46"."""
    spans: list[Span] = []
    lower = doc.lower
    n = len(lower)
    for i in compress(count(), map(_LISTED_CUES.__contains__, lower)):
        word = lower[i]
        followed_by_of = i + 1 < n and lower[i + 1] == "of"
        if word in lx.SETTLEMENT_BEFORE_OF or (followed_by_of and (
                word in lx.FACILITY_BEFORE_OF or word in lx.ADMIN2_BEFORE_OF or word == "districts"
                or word in ("provinces", "governorates"))):
            cue = "facility" if word in lx.FACILITY_BEFORE_OF else "admin1" if word in (
                "provinces", "governorates") else "settlement"
            j = i + 1
            if j < n and lower[j] == "of":
                j += 1
            elif word.endswith("s") and j < n and lower[j] in ("are", "were", "include", "included", "including") \
                    and doc.gap(j).strip() in ("", ":"):
                j += 1  # "the liberated neighbourhoods are X, Y and Z"
            elif not doc.cased or word not in lx.SETTLEMENT_BEFORE or j >= n or doc.gap(j) != " " \
                    or doc.sentence_of[j] != doc.sentence_of[i] \
                    or (lower[j] in lx.TITLES and lower[j] not in lx.PLACE_TITLES):  # "the City Mayor"
                j = n  # "the village Hardatnin" (cased text, singular noun, same sentence) only
            # (a list its writer punctuated, "the villages of Taza Khurmatu, Bashir and Mala Hamza", has its items
            # whole: only a list with no comma in reach may have lost the commas between two names)
            start = doc.tokens[i].start
            punctuated = "," in doc.text[start : start + _LIST_REACH]
            while j < n:
                run_end = _name_run(doc, j)
                item_end = run_end if punctuated else _known_first(doc, index, j, run_end)[0]
                if item_end < j:
                    break
                if not any(k in blocked for k in range(j, item_end + 1)):
                    spans.append(Span(j, item_end, " ".join(doc.keys[j : item_end + 1]), cue, from_cue_only=True))
                k = item_end + 1
                if k <= run_end and lower[k] not in lx.english_words() and lower[k] not in lx.DEMONYMS:
                    j = k  # (the rest of a run of names that lost their commas; not "Aleppo Nearly 30 terrorists")
                elif k < n and lower[k] in ("and", "or") and _SEPARATOR.match(doc.gap(k)):
                    j = k + 1
                elif k < n and doc.gap(k) == " " and (_starts_a_name(doc, k) or _known_next(doc, index, j, k)):
                    j = k  # (the next name of a list without commas)
                elif k < n and doc.gap(k).strip() == ",":
                    j = k + 1 if lower[k] in ("and", "or") else k
                else:
                    break
        elif word in lx.FACILITY_AFTER and word not in ("air", "base") and i > 0:
            end = i - 1
            if lower[end] in lx.FACILITY_MODIFIERS:
                end -= 1
            start = _name_before(doc, end)
            if start <= end:
                spans.append(Span(start, end, " ".join(doc.keys[start : end + 1]), "facility", from_cue_only=True))
        if (word in lx.SETTLEMENT_AFTER or word in lx.NAMED_FEATURE_AFTER) and i > 0 and word != "camp":
            # "Salahin neighbourhood", "Baghaydin village", "the Nisr mountain", "Castello Road"
            named_street = word in ("road", "highway", "street", "square", "avenue", "bridge")
            if named_street and not (doc.cased and doc.tokens[i].is_capitalized):
                continue
            start = _name_before(doc, i - 1)
            if start > i - 1 or any(k in blocked for k in range(start, i)):
                continue
            if doc.cased and start in doc.sentence_starts and lower[start] in lx.english_words():
                continue
            key = " ".join(doc.keys[start:i])
            if named_street:
                spans.append(Span(start, i, key, "road", from_cue_only=True))
            elif word in lx.SETTLEMENT_AFTER:
                spans.append(Span(start, i - 1, key, "settlement", from_cue_only=True))
            else:
                spans.append(Span(start, i, key, "", from_cue_only=True))
        elif word == "camp" and i > 1 and lower[i - 1] == "refugee":
            # "the Handarat Refugee Camp", "Yarmouk refugee camp": the camp the name and the two words call so, a town
            # of its own (a bare "X camp" may be an armed group's: only the refugees' word marks one here); a name
            # already found stays as it was
            start = _name_before(doc, i - 2)
            if start <= i - 2 and blocked.isdisjoint(range(start, i - 1)) and found.isdisjoint(range(start, i - 1)) \
                    and not (doc.cased and start in doc.sentence_starts and lower[start] in lx.english_words()):
                key = " ".join([*doc.keys[start : i - 1], doc.keys[i]])  # (the gazetteer's "Yarmouk Camp")
                spans.append(Span(start, i, key, "settlement", from_cue_only=True))
        elif word in lx.SETTLEMENTS_AFTER and i > 0:
            spans.extend(_names_before_a_plural(doc, i, blocked | found))
        elif word in lx.FACILITY_NAME_AFTER and i > 0:
            end = i - 1
            if word.startswith("field") and lower[end] in ("oil", "gas"):
                end -= 1  # "the Omar oil field"
            elif doc.cased:
                # "the Jaili oil refinery", "the Tishreen power plant": lower-case words of kind before the building
                while end > i - 3 and end > 0 and lower[end] in lx.FACILITY_KIND_WORDS \
                        and not doc.tokens[end].is_capitalized and doc.gap(end) == " ":
                    end -= 1
            start = _name_before(doc, end)
            if start <= end and not any(k in blocked for k in range(start, i + 1)) \
                    and _names_a_facility(doc, index, start, end):
                spans.append(Span(start, i, " ".join(doc.keys[start : i + 1]), "", from_cue_only=True))
        elif word in lx.NUMBERED_SITES and i + 1 < n and doc.tokens[i + 1].text.isdigit() \
                and doc.gap(i + 1) == " " and (not doc.cased or doc.tokens[i].is_capitalized):
            # "Base 46"; "Regiment 111", "Division 17" when the text around calls it a base
            near = lower[max(0, i - 6) : i + 8]
            if word in ("base", "airbase") or "base" in near or "barracks" in near:
                spans.append(Span(i, i + 1, f"{doc.keys[i]} {doc.keys[i + 1]}", "road", from_cue_only=True))
    return [s for s in spans if s.key.strip("_ ")]


def _tokens_of(spans: list[Span]) -> set[int]:
    """The tokens the spans cover."""
    return {i for s in spans for i in range(s.first, s.last + 1)}


def _names_before_a_plural(doc: Document, i: int, taken: set[int]) -> list[Span]:
    """The names of a list that a plural settlement noun closes ("the Zahraa and Akramiya neighbourhoods", "Masmakeh,
    Sinaa and Qusour areas") that the gazetteer lacks: each is a settlement, found unresolved (a name already found
    stays as it was). One name before the plural is no list ("the Aleppo villages" are villages near Aleppo),
    so at least two, joined by "and" or commas, within the sentence."""
    names: list[tuple[int, int]] = []
    end = i - 1
    while len(names) < _LIST_ITEMS_BACK:
        start = _name_before(doc, end)
        if start > end or doc.sentence_of[start] != doc.sentence_of[i]:
            break
        names.append((start, end))
        joint = start - 1
        if joint > 0 and doc.lower[joint] in ("and", "or") and doc.gap(joint).strip() in ("", ","):
            end = joint - 1
        elif joint >= 0 and doc.gap(start).strip() == ",":
            end = joint if doc.lower[joint] not in ("and", "or") else joint - 1
        else:
            break
    if len(names) < 2:
        return []
    return [Span(first, last, " ".join(doc.keys[first : last + 1]), "settlement", from_cue_only=True)
            for first, last in reversed(names) if taken.isdisjoint(range(first, last + 1))]


# Words after which a list is what a force took: "captured X, Y and Z", "took control of X, Y and Z" (not
# "including": "news outlets including Dozhd, RTVI and RBC" lists anything).
_TAKING_BEFORE_A_LIST = PLACE_TAKING | frozenset({
    "captured", "seized", "took", "entered", "capturing", "seizing", "taking", "entering"})
_CONTROL_BEFORE_A_LIST = frozenset({("control", "of"), ("control", "over"), ("took", "over"), ("won", "back")})
_LIST_OPENERS = _TAKING_BEFORE_A_LIST | {second for _, second in _CONTROL_BEFORE_A_LIST}


def _list_item_after(doc: Document, k: int) -> int | None:
    """Where the next item of a list starts after token ``k - 1`` (", Y", " and Y", ", and Y"), else None."""
    n = len(doc.tokens)
    if k < n and doc.lower[k] in ("and", "or") and doc.gap(k).strip() in ("", ","):
        return k + 1 if k + 1 < n and doc.gap(k + 1) == " " else None
    return k if k < n and doc.gap(k).strip() == "," else None


def _unknown_list_mates(doc: Document, index: GazetteerIndex, spans: list[Span], blocked: set[int]) -> list[Span]:
    """"took control of Hayat Tower, Shayr Al-Nimr, Majbal Abu Ali and Naourah": in a punctuated list of what a
    force took, a capitalised name beside a town the gazetteer knows is a place too (a list holds one kind of thing),
    found unresolved where the gazetteer lacks it. Only a list right after a verb of taking, or "control of", and
    with a populated place among its items."""
    if not doc.cased or not punctuated_cased(doc):
        return []
    at = {i: s for s in spans for i in range(s.first, s.last + 1)}
    out: list[Span] = []
    for k in compress(count(), map(_LIST_OPENERS.__contains__, doc.lower)):
        if doc.lower[k] not in _TAKING_BEFORE_A_LIST and (k == 0 or (doc.lower[k - 1], doc.lower[k])
                                                           not in _CONTROL_BEFORE_A_LIST):
            continue
        j = k + 1
        if j < len(doc.tokens) and doc.lower[j] == "the":
            j += 1
        items: list[tuple[int, int, bool]] = []
        while j is not None and j < len(doc.tokens) and len(items) < _LIST_ITEMS_BACK \
                and doc.sentence_of[j] == doc.sentence_of[k] and doc.tokens[j].is_capitalized:
            if j in at:
                span = at[j]
                items.append((span.first, span.last, True))
                end = span.last
            else:
                end = _name_run(doc, j)
                if end < j or j in blocked:
                    break
                items.append((j, end, False))
            j = _list_item_after(doc, end + 1)
        if len(items) < 2 or not any(
                known and any(c.feature_class == "P" for c in index.candidates(at[first].key))
                for first, _, known in items):
            continue
        out.extend(Span(first, last, " ".join(doc.keys[first : last + 1]), "settlement", from_cue_only=True)
                   for first, last, known in items
                   if not known and blocked.isdisjoint(range(first, last + 1))
                   and not all(doc.lower[i] in lx.english_words() for i in range(first, last + 1)))
    return out


# Generic words that also open a person's name ("Umm Yusuf", a mother's by-name): no place by their form alone.
_KUNYA_GENERICS = frozenset({"umm"})


def _named_by_their_generic(doc: Document, taken: set[int]) -> list[Span]:
    """"have entered Tal Bizam", "the hilltop of Tal al-Eis", "air strikes on Tel Minis": in cased text, a name that
    opens with an Arabic toponym's generic word (hill, village, monastery, spring, valley) and goes on in capitals is
    a place by its very form, found unresolved where the gazetteer lacks it (hills and valleys it mostly does)."""
    spans = []
    english = lx.english_words()
    for k in compress(count(), map(lx.NAME_START_GENERICS.__contains__, doc.lower)):
        if k in taken or doc.lower[k] in _KUNYA_GENERICS or (
                not doc.tokens[k].is_capitalized if doc.cased else doc.lower[k] in english):
            continue  # (lower-cased, a generic that is an English word opens no name: "tell kelly")
        end = _name_run(doc, k)
        # (lower-cased, the words after the generic must be no English words: "tal bizam", not "ras said")
        if end <= k or not taken.isdisjoint(range(k, end + 1)) \
                or not any((doc.tokens[j].is_capitalized if doc.cased else doc.lower[j] not in english)
                           and doc.lower[j] not in lx.NAME_PARTICLES for j in range(k + 1, end + 1)):
            continue
        spans.append(Span(k, end, " ".join(doc.keys[k : end + 1]), "", from_cue_only=True))
        taken |= set(range(k, end + 1))
    return spans


def _states_after_a_comma(doc: Document) -> list[Span]:
    """"Gainesville, Va.", "ALLENDALE, N.J. --", "Horry County, SC", "Moncton, N.B.": the US state or Canadian
    province, resolved by its full name, in cased text after the comma that follows a capitalised name (a closed
    list: the AP's and the Canadian Press's abbreviations, the US postal codes)."""
    if not doc.cased:
        return []
    spans = []
    starts: list[int] = []
    for match in _STATE_AFTER_COMMA.finditer(doc.text):
        kind = next(k for k in ("ap", "code", "province", "bracketed") if match.group(k))
        starts = starts or list(map(token_start, doc.tokens))
        first = bisect_left(starts, match.start(kind))
        last = bisect_left(starts, match.end(kind)) - 1
        if first == 0 or first >= len(starts) or starts[first] != match.start(kind) \
                or doc.tokens[first - 1].end != match.start() or not doc.tokens[first - 1].is_capitalized:
            continue
        written = match.group(kind)
        if kind == "province":
            spans.append(Span(first, last, fold_token(lx.CA_PROVINCE_ABBREVIATIONS[written.lower()]), "admin1",
                              country="CA"))
            continue
        state = lx.US_STATE_CODES[written] if kind == "code" else lx.US_STATE_ABBREVIATIONS[written.lower()]
        spans.append(Span(first, last, fold_token(state), "admin1", country="US"))
    return spans


def _name_before(doc: Document, end: int) -> int:
    """First token of the name (up to four words) that ends at token ``end``; ``end + 1`` if there is none."""
    if end < 0 or not _name_word(doc, end):
        return end + 1
    start = end
    while start - 1 >= 0 and end - start < 3 and _name_word(doc, start - 1) and doc.gap(start).strip() in _NAME_GAPS \
            and doc.sentence_of[start - 1] == doc.sentence_of[end]:
        start -= 1
    while start < end and doc.lower[start] in lx.NAME_PARTICLES and doc.lower[start] not in ("al", "el", "abu", "um",
                                                                                            "umm", "tal", "tell",
                                                                                            "deir", "kafr", "ain",
                                                                                            "jabal", "jebel", "bab"):
        start += 1
    if all(doc.lower[k] in lx.NAME_PARTICLES for k in range(start, end + 1)):
        return end + 1  # "at an airbase": particles alone ("an", "al", "as") name nothing
    return start if _name_word(doc, start) else end + 1


# What may stand between two words of one name: nothing, a hyphen, and the mark for the Arabic ayn after the article's
# hyphen ("Tal Al-‘Eiss", as Al-Masdar writes it).
_NAME_GAPS = ("", "-", "-‘", "‘", "-ʿ", "ʿ")
_AYN_HAMZA = str.maketrans("", "", "’‘ʿʾ")


def _name_word(doc: Document, i: int) -> bool:
    word = doc.lower[i]
    if word in lx.NAME_PARTICLES:
        return True
    # ("Tal Sheikh Sa’eed", "Qal’at": the ayn or hamza marked inside a name's word, not a possessive)
    if word in lx.LIST_BREAKS or word in lx.DEMONYMS or not (word.isalpha() or (
            word[:1].isalpha() and word[-1:].isalpha() and word.translate(_AYN_HAMZA).isalpha())):
        return False
    if doc.cased:
        return doc.tokens[i].is_capitalized
    return word not in lx.english_words()


def _starts_a_name(doc: Document, k: int) -> bool:
    """Whether token ``k`` is an Arabic generic that opens a new name after the name word before it
    (``lexicon.NAME_START_GENERICS``): capitalised both in cased text; lower-cased, after a word that is neither a
    particle nor a generic itself ("tal hamra kafr mousa" is two villages, "mazraat beit jinn" one)."""
    if k == 0 or doc.lower[k] not in lx.NAME_START_GENERICS or doc.lower[k - 1] in lx.NAME_PARTICLES \
            or k + 1 >= len(doc.tokens) or doc.gap(k + 1) not in (" ", "-"):
        return False
    if doc.cased:
        return doc.tokens[k].is_capitalized and doc.tokens[k - 1].is_capitalized
    return doc.lower[k - 1] not in lx.NAME_START_GENERICS and doc.gap(k) == " " and _name_word(doc, k - 1)


def _known_first(doc: Document, index: GazetteerIndex, j: int, end: int) -> tuple[int, bool]:
    """"the villages of Kafr Nabuda Hamamiyat and Latamneh": in a list that lost its commas, a run of name words the
    gazetteer does not know whole, made of a name it knows and more name words, ends after the known name. The end,
    and whether the gazetteer knows the name that ends there."""
    if end < j:
        return end, False
    whole = _is_key(doc, index, j, end)
    if end == j or whole:
        return end, whole
    known_prefix = None
    for m in range(end - 1, j - 1, -1):
        if all(w in lx.TOPONYM_GENERICS or w in lx.NAME_PARTICLES for w in doc.lower[j : m + 1]):
            break  # "Tal Al-Majda": a generic word ("Tal", "Kafr") is no name by itself
        if _is_key(doc, index, j, m):
            if _is_key(doc, index, m + 1, end):
                return m, True
            if known_prefix is None:
                known_prefix = m  # (the longest)
    if known_prefix is not None and doc.lower[known_prefix + 1] not in lx.NAME_PARTICLES \
            and lx.NAME_ADJECTIVES.isdisjoint(doc.lower[known_prefix + 1 : end + 1]):
        # "the villages of Kafr Nabuda Zumbala and Qarbuniya": a name the gazetteer knows, then name words it does not
        # know that neither an article nor an adjective ("Saghira", "Sharqi") ties to it, is a name and the next; or
        # the sentence going on, where an English word follows ("the city of Aleppo Nearly 200 people")
        return known_prefix, True
    return end, False


def _is_key(doc: Document, index: GazetteerIndex, first: int, last: int) -> bool:
    return " ".join(doc.keys[first : last + 1]) in index.by_key


def _known_next(doc: Document, index: GazetteerIndex, j: int, k: int) -> bool:
    """Whether the name words at ``k`` go on a list without commas begun at ``j``: a name the gazetteer knows, in
    the same sentence, neither a demonym nor an English word (not "the town of Morek Russian jets struck")."""
    if not _name_word(doc, k) or doc.lower[k] in lx.DEMONYMS or doc.lower[k] in lx.english_words() \
            or doc.sentence_of[k] != doc.sentence_of[j]:
        return False  # (nor "the city of Aleppo Nearly 200 people": an English word)
    return _known_first(doc, index, k, _name_run(doc, k))[1]


def _name_run(doc: Document, j: int) -> int:
    """Last token of a name starting at ``j`` (at most four words, none a sentence break); ``j - 1`` if none."""
    end = j - 1
    k = j
    while k < len(doc.tokens) and k - j < 4 and _name_word(doc, k):
        if k > j and (doc.gap(k).strip() not in _NAME_GAPS or doc.sentence_of[k] != doc.sentence_of[j]):
            break
        if k > j and doc.keys[k] != fold_token(doc.tokens[k].text):
            break  # "the city of Aleppo Syrias largest": a possessive that lost its apostrophe starts a new phrase
        if k > j and _starts_a_name(doc, k):
            break  # "the villages of Beit Khadour Beit Zaifa": a list that lost its commas
        end = k
        k += 1
    while end >= j and doc.lower[end] in lx.NAME_PARTICLES and doc.lower[end] not in ("bab",):
        end -= 1
    return end
