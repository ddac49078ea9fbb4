"""Finding place mentions: gazetteer names in context, datelines, and places the text marks as places.

Recognition never relies on capitals alone: in cased text capitalisation is evidence, in lowercased text the
gazetteer, the cue words and stricter common-word rules decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.gazetteer.index import GazetteerIndex, fold_tokens
from app.gazetteer.names import fold_token
from app.gazetteer.records import GazetteerPlace
from app.geoparse import lexicon as lx
from app.text.tokens import Token, is_lowercased, sentence_spans, tokenize

# "AMMAN (Reuters) -", "BEIRUT, Lebanon (AP) —", "MOSCOW, March 3 (Sputnik) -", "BAGHDAD —", "amman ( reuters ) -"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z'.\- ]{2,40}?|[a-z][a-z'.\- ]{2,40}?)"
    r"(?:,[ \t]*[A-Za-z0-9 .]{2,30}?)?[ \t]*(?:\([ \t]*[A-Za-z.\- ]{2,30}[ \t]*\)[ \t]*)?[-–—:][ \t]"
)
_SEPARATOR = re.compile(r"^\s*(?:,|;|and|or|&)?\s*$")


_FAMOUS_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR", "ADM1", "PPLC", "PPLA"})


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised place name: tokens ``first..last``, its key and what the text says about it."""

    first: int
    last: int
    key: str
    cue: str = ""  # admin1 | admin2 | settlement | facility | ""
    is_dateline: bool = False
    from_cue_only: bool = False  # marked as a place by the text, not (exactly) found in the gazetteer


@dataclass(frozen=True, slots=True)
class Document:
    """The text cut into what recognition and resolution look at."""

    text: str
    tokens: list[Token]
    keys: list[str]
    lower: list[str]
    cased: bool
    sentence_of: list[int]
    sentence_starts: frozenset[int]
    title_case_sentences: frozenset[int]

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.text[self.tokens[i - 1].end : self.tokens[i].start] if i > 0 else ""


def read_document(text: str) -> Document:
    tokens = tokenize(text)
    spans = sentence_spans(text)
    sentence_of = []
    starts = set()
    sentence = 0
    previous = -1
    for i, token in enumerate(tokens):
        while sentence < len(spans) - 1 and token.start >= spans[sentence][1]:
            sentence += 1
        if sentence != previous:
            starts.add(i)
            previous = sentence
        sentence_of.append(sentence)
    cased = not is_lowercased(text)
    title_case = set()
    if cased:
        counts: dict[int, list[int]] = {}
        for i, token in enumerate(tokens):
            if token.text[:1].isalpha():
                tally = counts.setdefault(sentence_of[i], [0, 0])
                tally[0] += 1
                tally[1] += token.is_capitalized
        title_case = {s for s, (n, caps) in counts.items() if n >= 3 and caps / n > 0.6}
    return Document(text, tokens, fold_tokens(tokens), [t.text.lower() for t in tokens], cased, sentence_of,
                    frozenset(starts), frozenset(title_case))


def recognise(doc: Document, index: GazetteerIndex) -> list[Span]:
    """Place spans in document order, without overlaps."""
    dateline = _dateline_tokens(doc)
    blocked = _organisation_tokens(doc) | _person_name_tokens(doc)
    lowercase_uses = _lowercase_uses(doc)
    spans: list[Span] = []
    person_keys: set[str] = set()
    for match in index.find(_without_bare_possessives(doc, index)):
        first, last = match.first, match.last
        if any(i in blocked for i in range(first, last + 1)):
            if doc.cased and first == last:
                person_keys.add(match.key)
            continue
        if dateline and first >= dateline[0] and last <= dateline[1]:
            spans.append(Span(first, last, match.key, "settlement", is_dateline=True))
            continue
        if first == last and doc.lower[first] in lx.NEVER_ALONE and not doc.tokens[first].text.isupper():
            continue  # "the", "said": the commonest matches, dismissed before any context is read
        cue = _cue(doc, first, last)
        if _plausible(doc, index, first, last, match.key, cue, lowercase_uses):
            spans.append(Span(_with_article(doc, first), last, match.key, cue))
        elif doc.cased and not cue and _follows_a_name(doc, index, first):
            person_keys.add(match.key)
    # A name seen as the surname in "Narendra Modi" is a person everywhere in the article, unless it is a
    # famous place.
    spans = [s for s in spans if s.key not in person_keys or s.cue or s.is_dateline
             or any(c.feature_code in _FAMOUS_CODES for c in index.candidates(s.key))]
    spans.extend(_listed_places(doc, index, blocked))
    return _without_overlaps(spans)


def _without_bare_possessives(doc: Document, index: GazetteerIndex) -> list[str]:
    """Keys with "Syrias" read as "Syria": scraped text often loses the possessive's apostrophe."""
    keys = list(doc.keys)
    for i, token in enumerate(doc.tokens):
        word = token.text
        if len(word) > 4 and word[-1] in "sS" and keys[i] not in index.by_key:
            shorter = fold_token(word[:-1])
            if any(is_notable(c) for c in index.candidates(shorter)):
                keys[i] = shorter
    return keys


def _follows_a_name(doc: Document, index: GazetteerIndex, first: int) -> bool:
    """Whether the capitalised word before ``first`` makes it a surname ("John Kelly", "Narendra Modi")."""
    if first == 0 or first in doc.sentence_starts or doc.gap(first) != " ":
        return False
    before, word = doc.tokens[first - 1], doc.lower[first - 1]
    return before.is_capitalized and not before.text.isupper() and word not in lx.NEVER_ALONE \
        and word not in lx.DIRECTIONS and word not in lx.DEMONYMS and word not in lx.NAME_PARTICLES \
        and doc.keys[first - 1] not in index.by_key


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
        if gap in ("-", " ", "") and (not doc.cased or doc.tokens[first].is_capitalized):
            return first - 1
    return first


def _dateline_tokens(doc: Document) -> tuple[int, int] | None:
    match = _DATELINE.match(doc.text, 0)
    if match is None:
        first_line_end = doc.text.find("\n")
        match = _DATELINE.search(doc.text, max(first_line_end, 0), max(first_line_end, 0) + 200)
        if match is None or first_line_end < 0 or len(doc.text[:first_line_end].split()) > 25:
            return None
    start, end = match.span("city")
    inside = [i for i, t in enumerate(doc.tokens) if t.start >= start and t.end <= end]
    if not inside or len(inside) > 4 or any(doc.lower[i] in lx.NEVER_ALONE for i in inside):
        return None
    return inside[0], inside[-1]


_ORG_KEYS: dict[str, list[tuple[str, ...]]] = {}
for _name in lx.ORGANISATIONS:
    _keys = tuple(fold_token(w) for w in _name.split())
    _ORG_KEYS.setdefault(_keys[0], []).append(_keys)


def _organisation_tokens(doc: Document) -> set[int]:
    """Tokens inside organisation, group and operation names ("Free Syrian Army", "Hama Media Center")."""
    blocked: set[int] = set()
    keys = doc.keys
    for i, key in enumerate(keys):
        for org in _ORG_KEYS.get(key, ()):
            if tuple(keys[i : i + len(org)]) == org:
                blocked.update(range(i, i + len(org)))
    for i, word in enumerate(doc.lower):
        if word in lx.ORG_HEADS and i > 0:
            # Walk back over the capitalised words that precede an organisation head ("Raqqa Military Council").
            if doc.cased and doc.tokens[i].is_capitalized and doc.sentence_of[i] not in doc.title_case_sentences:
                j = i - 1
                while j >= 0 and doc.tokens[j].is_capitalized and doc.gap(j + 1).strip() in ("", "-") and i - j <= 4:
                    if j in doc.sentence_starts and doc.lower[j] in lx.NEVER_ALONE:
                        break
                    blocked.add(j)
                    j -= 1
            elif not doc.cased and word in ("media", "council", "observatory", "brigade", "brigades", "battalion",
                                            "battalions", "legion", "movement", "committee", "coordination"):
                blocked.add(i - 1)
    return blocked


def _person_name_tokens(doc: Document) -> set[int]:
    """Tokens of person names: the capitalised (or, in lowercased text, non-dictionary) words after a title."""
    blocked: set[int] = set()
    if not doc.cased:
        english = lx.english_words()
        for i, word in enumerate(doc.lower[:-1]):
            if word in lx.TITLES:
                j = i + 1
                while j < len(doc.lower) and j - i <= 3 and (doc.lower[j] not in english or doc.keys[j] == "al"):
                    if doc.gap(j).strip() not in ("", "-"):
                        break
                    blocked.add(j)
                    j += 1
        return blocked
    for i, word in enumerate(doc.lower[:-1]):
        if (word in lx.TITLES or word in lx.GIVEN_NAMES) and doc.tokens[i].is_capitalized \
                and doc.tokens[i + 1].is_capitalized:
            j = i + 1
            while j < len(doc.tokens) and (doc.tokens[j].is_capitalized or doc.keys[j] == "al") and j - i <= 4:
                if doc.gap(j).strip() not in ("", "-", "."):
                    break
                blocked.add(j)
                j += 1
    return blocked


def _lowercase_uses(doc: Document) -> frozenset[str]:
    """Keys written in lower case somewhere in cased text: those words are common words here."""
    if not doc.cased:
        return frozenset()
    return frozenset(doc.keys[i] for i, t in enumerate(doc.tokens) if t.text[:1].islower())


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
    if (after in lx.FACILITY_AFTER and after not in ("air", "base")) or (
        after in lx.FACILITY_MODIFIERS and after2 in lx.FACILITY_AFTER
    ) or (after == "air" and after2 == "base") or before_of in lx.FACILITY_BEFORE_OF:
        return "facility"
    if after in lx.ADMIN1_AFTER or before in lx.ADMIN1_BEFORE or before_of in lx.ADMIN1_BEFORE_OF:
        return "admin1"
    if after in lx.ADMIN2_AFTER or before_of in lx.ADMIN2_BEFORE_OF:
        return "admin2"
    if after in lx.SETTLEMENT_AFTER or before_of in lx.SETTLEMENT_BEFORE_OF:
        return "settlement"
    if doc.cased and before in lx.SETTLEMENT_BEFORE and doc.tokens[first].is_capitalized:
        return "settlement"
    return ""


def is_notable(place: GazetteerPlace) -> bool:
    """A country, first-order division, capital or city of 100k: worth matching even without context."""
    code = place.feature_code
    return code.startswith("PCL") or code in ("ADM1", "PPLC", "PPLA", "TERR") or place.population >= 100_000


def _plausible(doc: Document, index: GazetteerIndex, first: int, last: int, key: str, cue: str,
               lowercase_uses: frozenset[str]) -> bool:
    """Whether a gazetteer name at these tokens is used as a place here."""
    words = doc.lower[first : last + 1]
    tokens = doc.tokens[first : last + 1]
    if any(w in lx.DEMONYMS for w in words) and len(words) == 1:
        return False
    acronym = doc.cased and len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) > 1
    if not acronym and all(w in lx.NEVER_ALONE or w in lx.NAME_PARTICLES for w in words):
        return False
    candidates = index.candidates(key)
    notable = any(is_notable(c) for c in candidates)
    english = lx.english_words()
    common = all(w in lx.NEVER_ALONE or w in lx.COMMON_WORDS or w in english for w in words)
    if doc.cased:
        return _plausible_cased(doc, index, first, last, key, cue, tokens, words, common, notable, lowercase_uses)
    if len(key) <= 3 and not (notable and len(words) > 1):
        return bool(cue) and len(key) == 3
    if common:
        return bool(cue) or (notable and words[0] in lx.AMBIGUOUS_COUNTRY_WORDS)
    return not (_looks_english(words[-1]) and not cue)


def _plausible_cased(doc: Document, index: GazetteerIndex, first: int, last: int, key: str, cue: str,
                     tokens: Sequence[Token],
                     words: list[str], common: bool, notable: bool, lowercase_uses: frozenset[str]) -> bool:
    head = next((t for t in tokens if fold_token(t.text) != "al"), tokens[0])
    if not head.is_capitalized or len(key) < 2:
        return False
    if len(key) <= 3 and len(words) == 1 and not head.text.isupper():
        return False
    if len(words) == 1 and head.text.isupper() and len(head.text) > 1 and not cue:
        # An acronym (AP, NATO, CNN) is a place only as a country or division abbreviation, or a famous name.
        places = index.candidates(key)
        if len(head.text) <= 3:
            return any(p.feature_code.startswith("PCL") or p.feature_code == "ADM1" for p in places)
        return any(is_notable(p) for p in places)
    title_case = doc.sentence_of[first] in doc.title_case_sentences
    sentence_start = first in doc.sentence_starts
    if common or key in lowercase_uses:
        if cue:
            return True
        if sentence_start or title_case:
            # A capitalised country name opens sentences all the time ("Turkey has asked..."); "Hope" does not.
            return any(c.feature_code.startswith("PCL") for c in index.candidates(key))
        return notable
    return title_case or _stands_alone(doc, index, first, last)


def _stands_alone(doc: Document, index: GazetteerIndex, first: int, last: int) -> bool:
    """A capitalised name run together with other capitalised words is part of a longer name ("Paris Hilton"),
    unless those words are places themselves ("Iraq Syria recruitment network")."""

    def is_place(i: int) -> bool:
        return any(is_notable(c) for c in index.candidates(doc.keys[i]))

    if first > 0 and first not in doc.sentence_starts and doc.gap(first) == " ":
        before = doc.tokens[first - 1]
        word = doc.lower[first - 1]
        if before.is_capitalized and word not in lx.NEVER_ALONE and word not in lx.DEMONYMS \
                and word not in lx.DIRECTIONS and word not in lx.NAME_PARTICLES and word not in lx.ADMIN1_BEFORE \
                and not is_place(first - 1):
            return False
    if last + 1 < len(doc.tokens) and doc.gap(last + 1) == " " and doc.sentence_of[last + 1] == doc.sentence_of[last]:
        after = doc.tokens[last + 1]
        word = doc.lower[last + 1]
        cue_words = lx.ADMIN1_AFTER | lx.ADMIN2_AFTER | lx.SETTLEMENT_AFTER | lx.FACILITY_AFTER | lx.FACILITY_MODIFIERS
        if after.is_capitalized and word not in lx.NEVER_ALONE and word not in cue_words \
                and word not in lx.DEMONYMS and not after.text.isupper() and not is_place(last + 1):
            return False
    return True


_ENGLISH_SUFFIXES = ("ing", "ed", "ly", "tion", "sion", "ness", "ment", "ies", "ous", "ful", "less", "ity", "ers")


def _looks_english(word: str) -> bool:
    return len(word) > 4 and word.endswith(_ENGLISH_SUFFIXES)


def _listed_places(doc: Document, index: GazetteerIndex, blocked: set[int]) -> list[Span]:
    """Names the text marks as places: "the villages of X, Y and Z", "the town of X", "X military airport"."""
    spans: list[Span] = []
    lower = doc.lower
    n = len(lower)
    for i, word in enumerate(lower):
        followed_by_of = i + 1 < n and lower[i + 1] == "of"
        if word in lx.SETTLEMENT_BEFORE_OF or (word in lx.FACILITY_BEFORE_OF and followed_by_of):
            cue = "facility" if word in lx.FACILITY_BEFORE_OF else "settlement"
            j = i + 1
            if j < n and lower[j] == "of":
                j += 1
            elif not doc.cased or word in ("area", "areas", "outskirts"):
                continue
            while j < n:
                item_end = _name_run(doc, j)
                if item_end < j:
                    break
                if not any(k in blocked for k in range(j, item_end + 1)):
                    spans.append(Span(j, item_end, " ".join(doc.keys[j : item_end + 1]), cue, from_cue_only=True))
                k = item_end + 1
                if k < n and lower[k] in ("and", "or") and _SEPARATOR.match(doc.gap(k)):
                    j = k + 1
                elif k < n and doc.gap(k).strip() == ",":
                    j = k + 1 if lower[k] in ("and", "or") else k
                else:
                    break
        elif word in lx.FACILITY_AFTER and word not in ("air", "base") and i > 0:
            end = i - 1
            if lower[end] in lx.FACILITY_MODIFIERS:
                end -= 1
            start = end
            while start - 1 >= 0 and end - start < 3 and _name_word(doc, start - 1) and doc.gap(start).strip() in (
                "", "-"
            ):
                start -= 1
            if end >= 0 and _name_word(doc, end) and _name_word(doc, start):
                spans.append(Span(start, end, " ".join(doc.keys[start : end + 1]), "facility", from_cue_only=True))
    return [s for s in spans if s.key.strip("_ ")]


def _name_word(doc: Document, i: int) -> bool:
    word = doc.lower[i]
    if word in lx.NAME_PARTICLES:
        return True
    if word in lx.LIST_BREAKS or word in lx.DEMONYMS or not word.isalpha():
        return False
    if doc.cased:
        return doc.tokens[i].is_capitalized
    return word not in lx.english_words()


def _name_run(doc: Document, j: int) -> int:
    """Last token of a name starting at ``j`` (at most four words, none a sentence break); ``j - 1`` if none."""
    end = j - 1
    k = j
    while k < len(doc.tokens) and k - j < 4 and _name_word(doc, k):
        if k > j and (doc.gap(k).strip() not in ("", "-") or doc.sentence_of[k] != doc.sentence_of[j]):
            break
        end = k
        k += 1
    while end >= j and doc.lower[end] in lx.NAME_PARTICLES and doc.lower[end] not in ("bab",):
        end -= 1
    return end
