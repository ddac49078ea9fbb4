"""Choosing the place each mention means, as an ordered chain of named passes (after CLIFF).

Each pass adds evidence to every candidate; the pass that contributed most to the winner's lead over the
runner-up is recorded in ``Mention.resolved_by`` so a wrong answer can be explained:

- ``cue``: the words around the name (province → ADM1, district → ADM2, town → populated place,
  airport/airbase → the airfield; "X countryside" → the governorate).
- ``dateline``: a dateline names a city where the reporter was.
- ``country_focus`` / ``co_occurrence``: the countries and first-order divisions the article is about
  (a village "in the hama countryside" lies in Hama governorate).
- ``prominence``: feature importance and population.
- ``fuzzy_skeleton``: late pass for names the text marks as places but no exact key finds; penalised.
- ``list``: listed with a first-order division ("California or Washington"), a name of another division is it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from geopy.distance import great_circle

from app.gazetteer.divisions import ADM2_CODES, ESTIMATED_ADM2, divisions_named, is_adm2
from app.gazetteer.index import COUNTRY_ALIASES, GazetteerIndex
from app.gazetteer.names import (
    fold_token,
    normalize,
    qualified_name,
    romanised_alike,
    search_key,
    skeleton_of_key,
    without_article,
)
from app.gazetteer.records import GazetteerPlace
from app.geoparse.cached_index import AIRFIELD_CODES, famous_key
from app.geoparse.document import Document, Span
from app.geoparse.lexicon import (
    ARABIC_NAMED_COUNTRIES,
    DEMONYM_COUNTRIES,
    DIRECTIONS,
    FACILITY_NAME_AFTER,
    MOVEMENT_COUNTRIES,
    TOPONYM_GENERICS,
    english_words,
)
from app.geoparse.model import Mention

# Feature kind, before population: a country or a first-order division outranks most towns of its name, a
# capital or provincial seat outranks a village. Divisions get no population term (few gazetteers fill it).
_IMPORTANCE = {"PCLI": 8.0, "PCLD": 6.0, "PCLF": 6.0, "PCLS": 6.0, "PCL": 6.0, "PCLIX": 5.0, "TERR": 5.0,
               "ADM1": 5.5, "ADM2": 3.5, ESTIMATED_ADM2: 3.5, "ADM3": 1.5,
               "PPLC": 3.0, "PPLA": 2.0, "PPLG": 1.5, "PPLA2": 1.0,
               "PPLA3": 0.7, "PPLA4": 0.6, "PPL": 0.5, "PPLL": 0.0, "PPLX": 0.0, "AIRB": 0.0, "AIRP": 0.0,
               "PPLQ": -1.5, "PPLH": -1.5, "PPLW": -1.5,
               # Continents, seas and named regions (the supplementary file): fixed weights, no population.
               "CONT": 9.0, "OCN": 8.0, "SEA": 6.5, "GULF": 6.5, "STRT": 5.0, "CNL": 5.0, "CHN": 5.0, "BAY": 5.0,
               "RGN": 5.0, "RGNE": 4.0, "STM": 4.0, "MTS": 4.0, "MT": 3.5, "DSRT": 4.5, "PEN": 5.0, "PLN": 3.5,
               "PLAT": 5.0, "VAL": 3.5, "LK": 4.0, "RSV": 3.5, "DAM": 2.0, "PSTB": 2.0}
_UNPOPULATED_CODES = frozenset({"ADM1", *ADM2_CODES, "ADM3", "CONT", "OCN", "SEA", "GULF", "STRT", "CNL", "CHN", "BAY",
                                "RGN", "RGNE", "STM", "MTS", "MT", "DSRT", "PEN", "PLN", "PLAT", "VAL", "LK", "RSV",
                                "DAM", "PSTB"})
_FACILITY_CODES = frozenset({"AIRB", "AIRP", "AIRF", "AIRH", "MILB", "INSM", "DAM", "PSTB"})
_MAX_ALTERNATIVES = 5
# A place called so by its own name, over one that lists the name among its alternates.
_OWN_NAME = 1.5
_EXACT_NAME = 1.5
# place (None: unresolved), confidence, runner-ups, the pass that decided
_Decision = tuple[GazetteerPlace | None, float, tuple[GazetteerPlace, ...], str]


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article as a whole is about: shares of evidence per country and per first-order division."""

    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    # the country each name voted for and the votes its mentions cast together, to read the focus without them
    votes_of: dict[str, tuple[str, float]] = field(default_factory=dict)
    total_votes: float = 0.0
    # the first-order divisions the text names outright ("New Jersey", "Idlib province"): an exact tie between
    # namesakes in several divisions (Morris County in Kansas, New Jersey and Texas) goes to the one named
    named_admin1s: frozenset[tuple[str, str]] = frozenset()

    def about_arabic_named_countries(self) -> bool:
        """An article about Syria or Iraq spells its villages as it likes: there, folding is how names are found."""
        return any(share >= 0.15 and cc in ARABIC_NAMED_COUNTRIES for cc, share in self.countries.items())

    def share_without_own_votes(self, key: str, code: str) -> float:
        """A country's share of the votes less those the name ``key`` itself cast, always (``countries_without``
        keeps the whole shares in stories on Arabic-named countries, for ranking; whether a bare lower-cased name is
        a place at all must not rest on its own votes: "surjah" folding onto Zorya, Ukraine)."""
        share = self.countries.get(code, 0.0)
        own = self.votes_of.get(key)
        if own is None or own[0] != code or self.total_votes <= own[1]:
            return share
        return (share * self.total_votes - own[1]) / (self.total_votes - own[1])

    def countries_without(self, key: str) -> dict[str, float]:
        """The country shares had the name ``key`` cast no vote: a surname folding to a Syrian town ("Zara") or to a
        Turkish village ("Cohen", Kohan) must not be kept by the votes its own mentions cast, even in a short text.
        The shares are kept whole where the name is all the text names, and in an article about a country whose
        names are transliterated from Arabic, where a name spelled otherwise than the gazetteer's is expected (and
        a short text, under three other votes, says too little without it)."""
        own = self.votes_of.get(key)
        if own is None:
            return self.countries
        shares, rest = self.other_votes(key)
        if rest <= 0 or (rest < 3.0 and own[0] in ARABIC_NAMED_COUNTRIES):
            return self.countries
        return self.countries if max(shares, key=shares.__getitem__) in ARABIC_NAMED_COUNTRIES else shares

    def other_votes(self, key: str) -> tuple[dict[str, float], float]:
        """The country shares had the name ``key`` cast no vote, and how many votes the rest of the text cast (no
        shares where it cast none)."""
        code, own = self.votes_of.get(key, ("", 0.0))
        rest = self.total_votes - own
        if rest <= 0:
            return {}, 0.0
        return {c: (share * self.total_votes - (own if c == code else 0.0)) / rest
                for c, share in self.countries.items()}, rest


def importance(place: GazetteerPlace) -> float:
    """Prior that a name means this place, before any context: feature kind and population.

    Features of no one country (continents, oceans, world regions) get 4.5 more: the article's country focus,
    which can add up to 6 to a namesake town, never adds to them, and news calls them by short names ("the
    Atlantic") that a town bears as its exact name."""
    if place.feature_code in _UNPOPULATED_CODES:
        return _IMPORTANCE[place.feature_code] + (0.0 if place.country_code else 3.0 + _EXACT_NAME)
    return _IMPORTANCE.get(place.feature_code, 0.0) + 0.9 * math.log10(place.population + 1)


_MOVEMENT_FIRST_WORDS = frozenset(name.split()[0] for name in MOVEMENT_COUNTRIES if " " in name)


def article_context(doc: Document, spans: list[Span], index: GazetteerIndex,
                    extra: list[tuple[GazetteerPlace, ...]] = (),  # type: ignore[assignment]
                    movements: bool | None = None) -> ArticleContext:
    """Votes from unambiguous names, country names and demonyms, and (``movements``: by default in cased text
    only) from the armed movements of one or two countries the text names ("isis", "the taliban")."""
    if movements is None:
        movements = doc.cased
    country_votes: Counter[str] = Counter()
    voters = [s for s in spans
              if not s.from_cue_only and not s.is_dateline and not _foreign_abbreviation(doc, s, index)]
    # "HELENA, Mont.": a name the text's own wording places in a country votes for that country's places only
    candidate_sets = [_in_country(index.candidates(s.key), s.country) for s in voters]
    candidate_sets.extend(extra)
    vote_of: dict[int, tuple[str, float] | None] = {}  # per candidate list (names recur): the vote it casts
    votes_of: dict[str, tuple[str, float]] = {}
    keys = [s.key for s in voters]
    for n, candidates in enumerate(candidate_sets):
        if not candidates:
            continue
        if id(candidates) not in vote_of:
            vote_of[id(candidates)] = _country_vote(candidates, keys[n] if n < len(keys) else "")
        vote = vote_of[id(candidates)]
        if vote is not None:
            country_votes[vote[0]] += vote[1]
            if n < len(keys):
                key = keys[n]
                votes_of[key] = (vote[0], votes_of[key][1] + vote[1] if key in votes_of else vote[1])
    words = Counter(doc.lower)  # (in the order the text first uses each word: ties between countries stay stable)
    for word, n in words.items():
        code = DEMONYM_COUNTRIES.get(word)
        if code:
            country_votes[code] += 0.5 * n
        # (in lower-cased text the focus also decides whether a word is a place at all: "darwish", "nadim" would
        # become villages of a story on IS)
        if not movements or (word not in MOVEMENT_COUNTRIES and word not in _MOVEMENT_FIRST_WORDS):
            continue
        named = Counter([word] * n) if word in MOVEMENT_COUNTRIES else Counter()
        if word in _MOVEMENT_FIRST_WORDS:  # "islamic state": its two words
            named.update(f"{a} {b}" for a, b in zip(doc.lower, doc.lower[1:], strict=False)
                         if a == word and f"{a} {b}" in MOVEMENT_COUNTRIES)
        for name, times in named.items():
            for code in MOVEMENT_COUNTRIES[name]:
                country_votes[code] += 0.5 * times / len(MOVEMENT_COUNTRIES[name])
    total = sum(country_votes.values()) or 1.0
    countries = {code: votes / total for code, votes in country_votes.items()}
    admin_votes: Counter[tuple[str, str]] = Counter()
    named_admin1s: set[tuple[str, str]] = set()
    for span, candidates in zip(voters, candidate_sets, strict=False):
        # A country's own record (admin1 "00") is no division; "X province" votes for the province only, and
        # so does the very name of a division ("New Jersey", though a Michigan town is also called so).
        focused = [c for c in candidates if countries.get(c.country_code, 0) >= 0.15 and c.admin1_code
                   and not c.feature_code.startswith("PCL") and c.admin1_code != "00"]
        written = normalize(doc.text[doc.tokens[span.first].start : doc.tokens[span.last].end])
        named = [c for c in focused if c.feature_code == "ADM1" and (span.cue == "admin1" or written in (
            normalize(c.name), normalize(c.asciiname)))]
        focused = named or focused
        admins = {(c.country_code, c.admin1_code) for c in focused}
        if len(admins) == 1 and named:
            named_admin1s.update(admins)
        if len(admins) == 1:
            admin_votes[admins.pop()] += 2.0 if span.cue == "admin1" else 1.0
    # Two votes' worth of doubt: one unambiguous name does not make the article about its division.
    total_admin = sum(admin_votes.values()) + 2.0
    return ArticleContext(countries, {key: votes / total_admin for key, votes in admin_votes.items()}, votes_of,
                          sum(country_votes.values()), frozenset(named_admin1s))


def _in_country(candidates: tuple[GazetteerPlace, ...], country: str) -> tuple[GazetteerPlace, ...]:
    if not country:
        return candidates
    return tuple(c for c in candidates if c.country_code == country) or candidates


def _foreign_abbreviation(doc: Document, span: Span, index: GazetteerIndex) -> bool:
    """An abbreviation in capitals that names no country ("BA" for an airline is also a Saudi region's code): it
    is not evidence of what the article is about, else it would vote itself into focus."""
    token = doc.tokens[span.first]
    if span.cue == "admin1" and span.country:
        return False  # "HORRY COUNTY, SC": a state's code after a town's comma, which the text itself places
    return doc.cased and span.first == span.last and len(token.text) <= 4 and token.text.isupper() \
        and not any(c.feature_code.startswith("PCL") for c in index.candidates(span.key))


_FOLDED_FACILITY_HEADS = frozenset(search_key(h) for h in FACILITY_NAME_AFTER)
_FOLDED_GENERICS = frozenset(search_key(g) for g in TOPONYM_GENERICS)  # as span keys spell them ("jabal": "gbl")
# Importance within which two namesakes are a near tie (0.5 is a population ratio of about 3.6).
_NEAR_TIE = 0.5


def _country_vote(candidates: tuple[GazetteerPlace, ...], key: str = "") -> tuple[str, float] | None:
    """The country a name's candidates point to, and how strongly (1 when they all lie in it). Between namesakes
    of nearly equal importance (``_NEAR_TIE``), the one called so by its own name leads, as in ``_rank`` ("Sirte"
    is the Libyan city, not Siirt in Turkey, which lists it as a variant); a clearly bigger place keeps the vote
    ("Palmyra" is Tadmur, which many small US towns named Palmyra do not outweigh)."""
    best = max(candidates, key=importance)
    if key:
        floor = importance(best) - _NEAR_TIE
        own = [c for c in candidates if importance(c) >= floor and key in (search_key(c.name), search_key(c.asciiname))]
        if own and best not in own:
            best = max(own, key=importance)
    if not best.country_code:
        return None  # most likely a continent, sea or multinational region: it says nothing of the country
    countries = [c for c in candidates if c.feature_code.startswith("PCL")]
    if countries:
        return max(countries, key=importance).country_code, 1.0
    codes = {c.country_code for c in candidates if c.country_code}
    if len(codes) == 1:
        return codes.pop(), 1.0
    return best.country_code, 0.3


# A possessive inside a name's written form ("Aden's airport"), which the tokens and the key already drop.
_POSSESSIVE_INSIDE = re.compile(r"['’]s(?= )")


def resolve(doc: Document, index: GazetteerIndex, spans: list[Span], context: ArticleContext) -> list[Mention]:
    """One ``Mention`` per span, each with its chosen place, confidence, runner-ups and the deciding pass.

    One sense per discourse: a name the article once marks as a town ("the town of Markada") means that town
    at its bare mentions too, and every mention of a name with the same cue resolves alike (ranked once).
    """
    mentions: list[Mention] = []
    kept: list[Span] = []  # the span of each mention
    resolved_admin1: dict[int, GazetteerPlace] = {}
    settled = {s.key for s in spans if s.cue == "settlement" and not s.is_dateline}
    provinces = {s.key for s in spans if s.cue == "admin1" and (_called_a_province(doc, s) or s.country)} - settled
    decided: dict[tuple[str, str, str, bool, bool, _Container | None, _Container | None, str, bool],
                  _Decision] = {}  # key or acronym
    containers, areas = _containers(doc, index, spans)
    for n, span in enumerate(spans):
        original = span
        start, end = doc.tokens[span.first].start, doc.tokens[span.last].end
        surface = doc.text[start:end]
        inherited = not span.cue and not span.is_dateline and (span.key in settled or (
            span.key in provinces and (span.first == 0 or doc.lower[span.first - 1] not in _NEAR_A_POINT)
            and not _placed_by_next(doc, spans, n)))
        if inherited:
            span = replace(span, cue="settlement" if span.key in settled else "admin1")
        container = containers.get(n)
        if span.last == span.first and len(surface) <= 4 and surface.isupper() and surface.isalpha() \
                and not span.cue and doc.cased:
            span = replace(span, cue="acronym")
        village = span.cue == "settlement" and _called_a_village(doc, original)
        # ("Aden's airport" is Aden airport as written: the tokens and the key already drop the possessive)
        named = _POSSESSIVE_INSIDE.sub("", surface) if span.last > span.first else surface
        signature = (span.key if span.cue != "acronym" else surface, normalize(named), span.cue, span.is_dateline,
                     span.from_cue_only, container, areas.get(n), span.country, village)
        if signature not in decided:
            decided[signature] = _decide(index, span, context, container, areas.get(n), named, village)
        best, confidence, alternatives, resolved_by = decided[signature]
        if best is None and span.cue == "acronym":
            continue  # an abbreviation of no place ("CEO", "SEEK")
        kept.append(original)
        if inherited and best is not None:
            resolved_by = "one_sense_per_discourse"
        if best is None:
            mentions.append(Mention(surface, start, end, None, 0.5, region=None, resolved_by="unresolved",
                                    is_dateline=span.is_dateline))
            continue
        mention = Mention(surface, start, end, best, confidence, alternatives=alternatives,
                          resolved_by=resolved_by, is_dateline=span.is_dateline)
        if best.feature_code == "ADM1":
            resolved_admin1[span.first] = best
        mentions.append(mention)
    _provinces_holding_places(doc, index, mentions, kept, resolved_admin1)
    _divisions_listed_with_divisions(doc, mentions, kept, resolved_admin1)
    mentions = _weak_far_from_anchors(mentions)
    return [_with_region(doc, index, m, kept[i], resolved_admin1, context) for i, m in enumerate(mentions)]


# A name matched by its consonants only is a guess; the towns the passage around it names firmly are where it lies.
# Measured on dev and GeoWebNews: right guesses lay 0-24 km from the nearest such town, wrong ones 138-1095 km.
_PASSAGE_CHARS = 600
_WEAK_GUESS_KM = 100.0


def _weak_far_from_anchors(mentions: list[Mention]) -> list[Mention]:
    """A ``fuzzy_skeleton`` place farther than ``_WEAK_GUESS_KM`` from every populated place resolved by its exact
    name within ``_PASSAGE_CHARS`` around it ("Jobar" ~ Yabrūd, 158 km from the Damascus the passage names) is
    another place the gazetteer lacks: it stays unresolved, the guess kept as an alternative. Without such an
    anchor the guess stands (the governorate check of ``_with_region`` still applies)."""
    anchors = [m for m in mentions if m.place is not None and m.place.feature_class == "P"
               and m.resolved_by != "fuzzy_skeleton"]
    # "the cities of Palmyra and Quaryatayn in the Homs province": a guess inside a governorate the passage names
    # lies where the text puts it, however far the passage's towns are
    provinces = [(m.start, m.place.country_code, m.place.admin1_code) for m in mentions
                 if m.place is not None and m.place.feature_code == "ADM1" and m.place.admin1_code]
    out = []
    for mention in mentions:
        if mention.place is not None and mention.resolved_by == "fuzzy_skeleton" and not any(
                abs(at - mention.start) <= _PASSAGE_CHARS and (cc, a1) == (mention.place.country_code,
                                                                   mention.place.admin1_code)
                for at, cc, a1 in provinces):
            near = [a for a in anchors if abs(a.start - mention.start) <= _PASSAGE_CHARS]
            if near and min(_km(mention.place, a.place) for a in near) > _WEAK_GUESS_KM:  # type: ignore[arg-type]
                mention = replace(mention, place=None, confidence=0.5, resolved_by="unresolved",
                                  alternatives=(mention.place, *mention.alternatives)[:_MAX_ALTERNATIVES])
        out.append(mention)
    return out


_VILLAGE_WORDS = frozenset({"village", "villages", "town", "towns", "hamlet", "hamlets"})
# "the village of al-Sabha": a village is no provincial seat or city of 50,000 abroad (Sabha in Libya), whatever its
# prominence; the penalty outweighs what population adds to a namesake city.
_CITY_CALLED_A_VILLAGE = 6.0


def _called_a_village(doc: Document, span: Span) -> bool:
    """"the village of X", "the villages of X and Y", "X village", "the village X" (a town may be a city)."""
    before = doc.lower[max(0, span.first - 2) : span.first]
    after = doc.lower[span.last + 1] if span.last + 1 < len(doc.lower) else ""
    words = ("village", "villages", "hamlet", "hamlets")
    return after in ("village", "hamlet") or (bool(before) and before[-1] in words) \
        or (len(before) == 2 and before[0] in words and before[1] == "of")  # not "villages around Raqqa"


def _a_city(place: GazetteerPlace) -> bool:
    return place.feature_class == "P" and (
        place.feature_code in ("PPLC", "PPLA", "PPLA2") or place.population >= 50_000)


_PROVINCE_WORDS = frozenset({"province", "provinces", "governorate", "governorates", "region", "state", "oblast",
                             "prefecture", "emirate"})


# "near Aleppo", "around Aleppo", "east Aleppo": words that place something by a city, not by its province.
_NEAR_A_POINT = frozenset({"near", "around", "outside", "east", "west", "north", "south", "downtown"})


def _called_a_province(doc: Document, span: Span) -> bool:
    """"Idlib province", "the province of Idlib": the text names the division itself, so the article's bare
    "Idlib" means it too unless it also calls the name a city; "the Aleppo countryside" and "rural Damascus" name
    the land around a city, whose bare name stays the city."""
    after = doc.lower[span.last + 1] if span.last + 1 < len(doc.lower) else ""
    before = doc.lower[span.first - 2 : span.first]
    return after in _PROVINCE_WORDS or (len(before) == 2 and before[1] == "of" and before[0] in _PROVINCE_WORDS)


def _provinces_holding_places(doc: Document, index: GazetteerIndex, mentions: list[Mention], spans: list[Span],
                              resolved_admin1: dict[int, GazetteerPlace]) -> None:
    """"Hardatnin village in Aleppo", "Tal Antar in Deraa": a village or town placed "in" a name that is both a
    provincial seat and its province lies in the province, not in the city; so the name means the province
    (a neighbourhood "in Aleppo" stays in the city: only villages and towns, or places resolved well outside
    the city, count)."""
    for n in range(1, len(mentions)):
        span, before = spans[n], spans[n - 1]
        seat = mentions[n].place
        between = doc.lower[before.last + 1 : span.first - 1]  # "Hardatnin village in Aleppo"
        if span.cue or seat is None or seat.feature_code not in ("PPLA", "PPLC") or len(between) > 1 \
                or any(w not in _VILLAGE_WORDS for w in between) or doc.lower[span.first - 1] != "in" \
                or doc.sentence_of[before.last] != doc.sentence_of[span.first]:
            continue
        province = index.admin1_of(seat)
        if province is None:
            continue
        inner = mentions[n - 1].place
        marked = any(w in _VILLAGE_WORDS for w in doc.lower[max(0, before.first - 3) : span.first])
        if inner is None:
            if not marked:
                continue
        elif inner.feature_class != "P" or inner.country_code != seat.country_code \
                or inner.admin1_code != seat.admin1_code or inner.geonameid == seat.geonameid \
                or (not marked and _km(inner, seat) < 15.0):
            continue
        mentions[n] = replace(mentions[n], place=province, alternatives=(seat, *mentions[n].alternatives[:4]),
                              resolved_by="containment")
        resolved_admin1[span.first] = province


_LIST_GAPS = frozenset({",", "and", "or", "/"})


def _divisions_listed_with_divisions(doc: Document, mentions: list[Mention], spans: list[Span],
                                     resolved_admin1: dict[int, GazetteerPlace]) -> None:
    """"western states such as California or Washington": a name listed with a first-order division, and the very
    name of a division of the same country, is that division, not the city its bare name means elsewhere."""
    for n in range(len(mentions)):
        place = mentions[n].place
        if place is None or place.feature_code == "ADM1" or spans[n].cue:
            continue
        written = normalize(mentions[n].text)
        division = next((a for a in mentions[n].alternatives if a.feature_code == "ADM1"
                         and written in (normalize(a.name), normalize(a.asciiname))), None)
        if division is None or _placed_by_next(doc, spans, n):
            continue  # "Washington, D.C.": a town placed in the division after its comma
        for m in (n - 1, n + 1):
            if not 0 <= m < len(mentions):
                continue
            other = mentions[m].place
            first, second = (spans[m], spans[n]) if m < n else (spans[n], spans[m])
            between = doc.text[doc.tokens[first.last].end : doc.tokens[second.first].start].replace(",", " , ").split()
            if other is not None and other.feature_code == "ADM1" and other.country_code == division.country_code \
                    and between and all(w.lower() in _LIST_GAPS for w in between) \
                    and doc.sentence_of[first.last] == doc.sentence_of[second.first]:
                mentions[n] = replace(mentions[n], place=division,
                                      alternatives=(place, *(a for a in mentions[n].alternatives if a != division)),
                                      resolved_by="list")
                resolved_admin1[spans[n].first] = division
                break


def _placed_by_next(doc: Document, spans: list[Span], n: int) -> bool:
    """"Washington, D.C.", "Paris, Texas": a comma and a capitalised word after the name place it."""
    after = spans[n].last + 1
    return after < len(doc.tokens) and doc.gap(after).strip() == "," and doc.tokens[after].is_capitalized \
        and doc.sentence_of[after] == doc.sentence_of[spans[n].last]


_AIRFIELD_WORD = re.compile(r"\s+(?:international\s+)?(?:airport|airbase|air\s+base|airfield)$")
_CITY_AIRPORT_KM = 40.0


def _airports_of_the_city(index: GazetteerIndex, airfields: list[GazetteerPlace],
                          written: str) -> list[GazetteerPlace]:
    """"Aden airport", "Donetsk airport": a city's name before the word is the airport serving that city (a large town
    of that name with the airfield within ``_CITY_AIRPORT_KM``), not an airfield abroad whose own name folds the same
    ("El Eden Airport", Colombia); else the airfields as they were."""
    named = _AIRFIELD_WORD.sub("", written)
    if named == written or not named:
        return airfields
    towns = [c for c in index.candidates(search_key(named)) if c.feature_class == "P" and c.population >= 50_000]
    served = [a for a in airfields if any(_km(a, t) <= _CITY_AIRPORT_KM for t in towns)]
    return served or airfields


def _km(a: GazetteerPlace, b: GazetteerPlace) -> float:
    """Great-circle distance between two places (geopy): thresholds of 15 to 100 km need no ellipsoid, and it
    costs a tenth of ``geodesic``."""
    return great_circle((a.lat, a.lon), (b.lat, b.lon)).km


class _Container(NamedTuple):
    """Where the text places a name: a country, or a first-order division ("" for none), and for "the northern
    countryside of X" that side of the division's point."""

    country: str
    admin1: str
    side: str = ""
    lat: float = 0.0
    lon: float = 0.0
    part_of: bool = False  # an appositive says the name is a part of a city there: no place elsewhere is it


# "X, a (south-western) neighbourhood of Y", "X, a town in northern Y": an appositive that places a name in a city,
# a division or a country.
_PART_NOUNS = frozenset({"neighbourhood", "neighborhood", "district", "suburb", "quarter"})
_SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "hamlet", "settlement"})


def _part_apposed(doc: Document, first: int, end: int) -> bool:
    """Whether the tokens ``first`` to ``end`` (the next name) read ", a [words] neighbourhood of" or ", a [words]
    town in [the] [northern]"."""
    words = doc.lower[first:end]
    if not (3 <= len(words) <= 7 and doc.gap(first).strip() == "," and words[0] in ("a", "an")):
        return False
    if words[-1] == "of" and words[-2] in _PART_NOUNS:
        return True
    inside = words.index("in") if "in" in words else -1
    rest = [w for w in words[inside + 1 :] if w != "the"]
    return inside >= 2 and words[inside - 1] in _SETTLEMENT_NOUNS | _PART_NOUNS \
        and all(w in DIRECTIONS for w in rest)


def _containers(doc: Document, index: GazetteerIndex,
                spans: list[Span]) -> tuple[dict[int, _Container], dict[int, _Container]]:
    """"Parkland, Florida", "Gainesville, Va.", "Mayadin, Syria": the division or country a name is placed in by
    the name after its comma, as (country, admin1) with admin1 "" for a country; and the spans that name such an
    area, with the area they name (there "Washington" is the state, not the capital; "Florida" the US state that
    holds a Parkland, not Uruguay's department).

    One sense per discourse: the bare mentions of a name placed so once ("Parkland, Florida ... the Parkland
    students") are placed there too, when the article places it in one area only."""
    out: dict[int, _Container] = {}
    areas_at: dict[int, _Container] = {}
    for n in range(len(spans) - 1):
        span, after = spans[n], spans[n + 1]
        if after.first != span.last + 1 or doc.gap(after.first).strip() != ",":
            continue
        divisions = [c for c in index.candidates(after.key)
                     if c.feature_code == "ADM1" or c.feature_code.startswith("PCL")]
        if not divisions or any(c.feature_code == "ADM1" or c.feature_code.startswith("PCL")
                            for c in index.candidates(span.key)):
            continue  # "Utah, Colorado and Idaho" is a list of states, not a town in a state
        towns = index.candidates(span.key)
        held = [a for a in divisions if _holds(a, towns)]
        if towns and not held:
            continue  # "Miami, West Palm Beach, New York, and Detroit": no West Palm Beach in New York, a list
        # the division that holds a place of that name ("Parkland, Florida": the US state, not Uruguay's)
        area = max(held or divisions, key=importance)
        out[n] = _Container(area.country_code, "" if area.feature_code.startswith("PCL") else area.admin1_code)
        areas_at[n + 1] = out[n]
    for n in range(len(spans) - 1):
        span, after = spans[n], spans[n + 1]
        gap = doc.lower[span.last + 1 : after.first]
        if n in out or after.cue != "admin1" or doc.sentence_of[span.last] != doc.sentence_of[after.first] \
                or not _placed_in_province(gap):
            continue
        # "the town of Bakwa in Farah province", "Tal Malah in the northern countryside of Hama": the province that
        # holds a place of that name (a province without one says nothing: the gazetteer may lack the village)
        provinces = [a for a in index.candidates(after.key) if a.feature_code == "ADM1"]
        side = next((_SIDES[w] for w in gap if w in _SIDES), "")
        m = n
        while True:  # and each name listed before it ("the villages of A, B and C in Hama countryside")
            held = [a for a in provinces if _holds(a, index.candidates(spans[m].key))]
            if held:
                area = max(held, key=importance)
                out[m] = _Container(area.country_code, area.admin1_code, side, area.lat, area.lon)
            if m == 0 or m - 1 in out or doc.sentence_of[spans[m - 1].last] != doc.sentence_of[spans[m].first] \
                    or not all(w in _LIST_GAPS for w in doc.lower[spans[m - 1].last + 1 : spans[m].first]):
                break
            m -= 1
    for n in range(len(spans) - 1):
        span, after = spans[n], spans[n + 1]
        if n in out or doc.sentence_of[span.last] != doc.sentence_of[after.first] \
                or not _part_apposed(doc, span.last + 1, after.first):
            continue
        # "Salaheddin, a south-western neighbourhood of Aleppo", "Palma, a town in northern Mozambique": the name lies
        # where the place holding it lies
        cities = [c for c in index.candidates(after.key)
                  if c.feature_class == "P" or c.feature_code == "ADM1" or c.feature_code.startswith("PCL")]
        if cities:
            city = max(cities, key=importance)
            out[n] = _Container(city.country_code, city.admin1_code, part_of=True)
    placed: dict[str, set[_Container]] = {}
    for n, container in out.items():
        placed.setdefault(spans[n].key, set()).add(container)
    for n, span in enumerate(spans):
        where = placed.get(span.key)
        if n not in out and n not in areas_at and where is not None and len(where) == 1 and not span.cue:
            out[n] = next(iter(where))
    return out, areas_at


_SIDES = {"northern": "n", "southern": "s", "eastern": "e", "western": "w", "northeastern": "ne",
          "northwestern": "nw", "southeastern": "se", "southwestern": "sw"}
_PROVINCE_OF = frozenset({"countryside", "province", "governorate", "region", "of", "rural"})


def _placed_in_province(gap: list[str]) -> bool:
    """The words between a name and a province's that place it there: "in", "in the (northern) countryside of"."""
    if not gap or gap[0] != "in" or len(gap) > 5:
        return False
    rest = gap[2:] if gap[1:2] == ["the"] else gap[1:]
    if rest[:1] and rest[0] in DIRECTIONS:
        rest = rest[1:]
    return not rest or (rest[-1] == "of" and all(w in _PROVINCE_OF for w in rest))


def _holds(area: GazetteerPlace, places: tuple[GazetteerPlace, ...]) -> bool:
    whole_country = area.feature_code.startswith("PCL")
    return any(p.country_code == area.country_code and (whole_country or p.admin1_code == area.admin1_code)
               for p in places)


def _decide(index: GazetteerIndex, span: Span, context: ArticleContext,
            container: _Container | None = None, area: _Container | None = None,
            surface: str = "", village: bool = False) -> _Decision:
    """The place a span means, its confidence, the runner-ups and the pass that decided."""
    if span.cue == "road":
        return None, 0.5, (), "unresolved"  # a road named after a place is not that place
    candidates, fuzzy = _candidates(index, span, context)
    if not candidates and span.from_cue_only and span.key.rsplit(" ", 1)[-1] in _FOLDED_FACILITY_HEADS:
        candidates = _town_it_is_named_after(index, span, context, surface)
    words = span.key.split()
    if (not candidates or fuzzy) and span.from_cue_only and len(words) > 1 and words[0] in _FOLDED_GENERICS:
        # "Jabal al Rahmaliya": the hill is named after the village the gazetteer knows, when that village lies in a
        # country the article is about ("the Jebel Moya area" in Sudan is no Spanish Moya)
        inner = without_article(" ".join(words[1:]))  # the index's keys drop the article
        named_after = _towns_in_focus(index, inner, context)
        if named_after:
            candidates, fuzzy = named_after, False
    if fuzzy and span.cue != "facility":
        candidates = [c for c in candidates if _fuzzy_fits(surface, span.key, c)]
        fuzzy = bool(candidates)
    if span.cue == "acronym":
        candidates = _acronym_candidates(candidates, surface, context)
    if span.country:
        # "the Mozambican town of Palma": the text says which country; a namesake elsewhere (Palma de Mallorca) is
        # not what it means when the slice lacks the town
        candidates = [c for c in candidates if c.country_code == span.country]
    written = normalize(surface)
    if not fuzzy and span.cue != "acronym" and candidates:
        strangers = [c for c in candidates if _folded_stranger(c, written, span.key, context)]
        if strangers:
            candidates = [c for c in candidates if c not in strangers]
            if not candidates:
                # ("al-Zobdani" folds onto a Polish village only): a variant spelling of a town of the article's
                # country may still be meant, as for any name whose namesakes all lie out of focus below
                candidates = _variants_in_focus(index, span, context, surface)
                fuzzy = bool(candidates)
                if not candidates:
                    return None, 0.5, (), "unresolved"
    if candidates and all(c.feature_code in AIRFIELD_CODES for c in candidates):
        candidates = _airports_of_the_city(index, candidates, written)
    if not fuzzy and span.cue in ("", "settlement") and not context.about_arabic_named_countries():
        candidates = _spelled_as_written(candidates, written, context)
    if span.cue != "acronym" and not fuzzy and famous_key(index, span.key):  # memoised: most keys name no country
        candidates = _without_folded_countries(candidates, written, surface)
    if area is not None:
        # "Tacoma, Washington": the name after the comma is the division or country, the one holding the town
        divisions = [c for c in candidates if c.feature_code == "ADM1" or c.feature_code.startswith("PCL")]
        candidates = [c for c in divisions if c.country_code == area[0] and (
            c.feature_code.startswith("PCL") or c.admin1_code == area[1])] or divisions or candidates
    if container is not None and container.part_of:
        # "Salaheddin, a neighbourhood of Aleppo": the text puts the part in its city's country; a namesake elsewhere
        # (Iraq's Salah ad Din province) is another place, and the gazetteer may lack the neighbourhood
        candidates = [c for c in candidates if c.country_code == container.country]
    if not candidates:
        return None, 0.5, (), "unresolved"
    ranked = _rank(candidates, span, context, fuzzy, container, written, village)
    if not fuzzy and _out_of_focus(candidates, context):
        # Every exact namesake lies in a country the article is not about ("al-Zobdani" is no Polish village):
        # a variant spelling of a place in the article's country may be meant; it must win by a margin.
        variants = _variants_in_focus(index, span, context, surface)
        if variants:
            best_variant = _rank(variants, span, context, True, container, written)[0]
            if best_variant[1] - 3.0 > ranked[0][1]:
                ranked, fuzzy = [best_variant, *ranked], True
    if not fuzzy and _only_far_villages(candidates, span.key, context):
        return None, 0.5, (), "unresolved"  # (and no variant in the article's country won: the place it lacks)
    if ranked[0][0].feature_code in (*ADM2_CODES, "ADM3") and span.cue not in ("admin1", "admin2"):
        # A district named after its seat ("Tell Abyad District" and the town of Tell Abyad): with no word that
        # says district, the name is the town's (the eval README: "otherwise the populated place").
        division = ranked[0][0]
        seat = next((r for r in ranked[1:4] if r[0].feature_class == "P" and r[0].country_code == division.country_code
                     and _km(r[0], division) <= 40.0), None)
        if seat is not None:
            ranked = [seat, *(r for r in ranked if r is not seat)]
    best, best_score, passes = ranked[0]
    if len(ranked) > 1:
        _runner, runner_score, runner_passes = ranked[1]
        margin = best_score - runner_score
        confidence = 1.0 / (1.0 + math.exp(-margin))
        resolved_by = max(passes, key=lambda name: passes[name] - runner_passes[name])
    else:
        confidence = 0.95
        resolved_by = "single_candidate"
    if fuzzy:
        confidence *= 0.6
        resolved_by = "fuzzy_skeleton"
    return best, round(confidence, 3), tuple(place for place, _, _ in ranked[1 : 1 + _MAX_ALTERNATIVES]), resolved_by


def _spelled_as_written(candidates: list[GazetteerPlace], written: str,
                        context: ArticleContext | None = None) -> list[GazetteerPlace]:
    """The places that bear the name as the text spells it, when some do: the transliteration folds ("ee" ~ "i",
    "w" ~ "u") are for names written from Arabic; elsewhere "Wana" is the Pakistani town so called, not Vienna
    (an alternate name that folds alike), and "Makeen" no Romanian "Macin".

    The index keeps a place's own names only, not its alternates, so an exonym looks like a fold: "Kiev" and
    "Odessa" are GeoNames' alternates of Kyiv and Odesa, whose provinces still bear the old names. So a division
    bearing the name does not make the others go, and a place in a country the article is about stays."""
    form = _unabbreviated(written)
    exact = [c for c in candidates if _bears(c, form)]
    if not any(c.feature_class != "A" or c.feature_code.startswith("PCL") for c in exact) \
            or len(exact) == len(candidates):
        return candidates
    focus = context.countries if context is not None else {}
    return [c for c in candidates if c in exact or focus.get(c.country_code, 0.0) >= 0.3]


def _bears_as_written(place: GazetteerPlace, form: str) -> bool:
    """``_bears``, and for a Cyrillic name also in the other romanisation ("Pervomaiske" is GeoNames' Pervomayske as
    Ukraine's own system writes it, no fold of it)."""
    return _bears(place, form) or romanised_alike(place.country_code, place.asciiname, (form,))


def _bears(place: GazetteerPlace, form: str) -> bool:
    """Whether the place is called ``form`` by one of its names (a country or world feature always is: they are
    reached by abbreviations and short names too); its own name is tried before the alternates."""
    if place.feature_code.startswith("PCL") or not place.country_code:
        return True
    if _unabbreviated(normalize(place.name).removesuffix(" city")) == form:
        return True
    return any(_unabbreviated(normalize(name).removesuffix(" city")) == form
               for name in (place.asciiname, *place.alternate_names))


_TITLE_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=200_000)
def _unabbreviated(name: str) -> str:
    """"st paul" and "saint paul", "mt vernon" and "mount vernon": one name however its title word is written."""
    words = name.replace("-", " ").split()
    return " ".join(_TITLE_ABBREVIATIONS.get(word, word) for word in words)


def _without_folded_countries(candidates: list[GazetteerPlace], written: str,
                              surface: str) -> list[GazetteerPlace]:
    """"Iowa" folds like one of Iraq's alternate names, but a US state bears it as its very name: a country
    reached by a name that a notable place (a division, a provincial seat or capital, a city of 100k) bears as
    its own is not what the text means."""
    folded = [c for c in candidates if c.feature_code.startswith("PCL")
              and written not in (normalize(c.name), normalize(c.asciiname)) and not _abbreviates(surface, c)]
    if not folded or not any((c.feature_code in ("ADM1", "PPLA", "PPLC") or c.population >= 100_000)
                             and written in (normalize(c.name), normalize(c.asciiname)) for c in candidates):
        return candidates
    return [c for c in candidates if c not in folded]


def _fuzzy_fits(surface: str, key: str, place: GazetteerPlace) -> bool:
    """Whether a village the gazetteer spells otherwise may be meant by a name only its consonants match: a
    transliteration keeps the number of words ("Qustul Maaf", Qasţal Ma‘āf) and is no English word in capitals
    ("Mayor", "COUNTY"); else the mention keeps only its region."""
    words = surface.split()
    if surface.isupper() or all(w.lower().strip(".,'’") in english_words() for w in words):
        return False
    if (place.feature_code in ("PPLC", "PPLA") or place.population >= 100_000) \
            and not _frames(surface) & (_frames(place.name) | _frames(place.asciiname)):
        # a city misspelled is its own name misspelled ("Damscus", "Alswaidaa"), not one of the old or foreign names
        # it also bears: "Turkmen Bareh" is no Aleppo (Beroea)
        return False
    # (the article is no word of the name: "al-Masasneh", Maşāşinah)
    return len(search_key(place.name).split()) == len(without_article(key).split())


def _frames(name: str) -> set[str]:
    """The consonant frames of a name, with and without an article written into it ("Alswaidaa", As-Suwayda), and
    without the one-letter link of a Persian compound ("Mazar-i-Sharif", Mazār-e Sharīf)."""
    key = " ".join(w for w in without_article(search_key(name)).split() if len(w) > 1)
    keys = {key, key[2:]} if key.startswith(("al", "el")) and len(key) > 5 else {key}
    return {skeleton_of_key(k) for k in keys}


def _acronym_candidates(candidates: list[GazetteerPlace], surface: str,
                        context: ArticleContext) -> list[GazetteerPlace]:
    """"UAE", "US", "DRC": an all-capital abbreviation names a country by one of its abbreviations, or a place
    known by it in a country the article is about ("BC", "NSW"; but "BA" in a story on an airline is no Saudi
    region); a place whose own name is that short word ("Wa", "Sé") is not what it means."""
    countries = [c for c in candidates if c.feature_code.startswith("PCL") and _abbreviates(surface, c)]
    if countries:
        return countries
    word = surface.lower()
    own = [c for c in candidates if word in (c.name.lower(), c.asciiname.lower())]
    if len(word) > 2 and any(_major(c) for c in own):
        return candidates  # a name written in capitals ("IRAQ", "OHIO"), not an abbreviation
    # a country only by its own abbreviations ("WA" folds like "UAE" but is not the Emirates)
    return [c for c in candidates if c not in own and _major(c) and not c.feature_code.startswith("PCL")
            and context.countries.get(c.country_code, 0.0) >= 0.1]


def _abbreviates(surface: str, country: GazetteerPlace) -> bool:
    initials = "".join(w[0] for w in country.name.split() if w.lower() not in ("of", "the", "and")).upper()
    return surface == initials or surface in COUNTRY_ALIASES.get(country.country_code, ())


def _major(place: GazetteerPlace) -> bool:
    return place.feature_code.startswith("PCL") or place.feature_code == "ADM1" or place.population >= 1_000_000


def _variants_in_focus(index: GazetteerIndex, span: Span, context: ArticleContext,
                       surface: str) -> list[GazetteerPlace]:
    """Towns of a country the article is about whose consonants the name shares and whose spelling it fits."""
    return [c for c in index.skeleton_candidates(span.key)
            if c.feature_class == "P" and context.countries.get(c.country_code, 0.0) >= 0.3
            and _fuzzy_fits(surface, span.key, c)]


def _folded_stranger(place: GazetteerPlace, written: str, key: str, context: ArticleContext) -> bool:
    """A place the name reaches only through the index's transliteration folds, in a country whose names do not
    reach English through Arabic and that the article is not about: "Kuweries" is no Zürich, "Madajin" no Medellín,
    "Saddam" no Sedam in an article on Iraq. The folds are for Arabic spellings (``app.geoparse.spelling``); a
    place elsewhere is written as one of its own names, and a name abroad that only folds onto it is another place
    the gazetteer lacks, or no place."""
    if place.country_code in ARABIC_NAMED_COUNTRIES or not place.country_code or place.feature_code.startswith(
            ("PCL", "ADM1", "TERR", "CONT")):
        return False
    if context.share_without_own_votes(key, place.country_code) >= 0.1:
        return False
    return not _bears_as_written(place, _unabbreviated(written.removesuffix(" city")))  # ("Quebec City": Québec)


def _only_far_villages(candidates: list[GazetteerPlace], key: str, context: ArticleContext) -> bool:
    """Whether every namesake is a village of a country nothing else in a firmly focused article names: "the town of
    El Baraf" in a story on Somalia is no Iraqi village, "the Al-Watiya air base" in one on Libya none either, and
    "Castello road" in one on Aleppo no Italian village. The gazetteer holds few villages outside the Middle East, and
    the one it lacks is meant, not a namesake abroad; a town (a seat, or 20,000 people) may be written about
    from abroad ("Myawaddy, opposite the Thai town of Mae Sot")."""
    shares, rest = context.other_votes(key)
    if rest < 2.0:  # (two votes besides the name's own: "turkey-backed militants ... the town of dabiq" is no focus)
        return False
    top = max(shares.items(), key=lambda item: item[1])
    return top[1] >= 0.5 and all(
        c.feature_class == "P" and c.feature_code not in _SEATS and c.population < 20_000 and c.country_code
        and c.country_code != top[0] and shares.get(c.country_code, 0.0) < 0.05 for c in candidates)


_SEATS = frozenset({"PPLA", "PPLA2", "PPLC", "PPLG"})


def _out_of_focus(candidates: list[GazetteerPlace], context: ArticleContext) -> bool:
    """Whether no candidate is famous or in a country with half the votes of the article's main country (the
    candidates' own votes included, which is why half and not a fixed share)."""
    top = max(context.countries.values(), default=0.0)
    return top >= 0.3 and not any(
        context.countries.get(c.country_code, 0.0) >= top / 2 or c.feature_code.startswith("PCL")
        or c.feature_code in ("ADM1", "PPLC") or c.population >= 100_000 or not c.country_code for c in candidates)


def _town_it_is_named_after(index: GazetteerIndex, span: Span, context: ArticleContext,
                            surface: str) -> list[GazetteerPlace]:
    """"Kendale Lakes Elementary School", "the Handarat Refugee Camp": a building or works the gazetteer lacks lies in
    the town its name begins with, when a town of a country the article is about is called so as written (a
    namesake abroad that only folds alike, the Omani Badiyah of "the Badiyah Cement Factory" in a Syrian story, is
    no such town)."""
    written = normalize(surface)
    bare = _article_dropped(written)
    words = without_article(span.key).split()[:-1]  # (the index's keys drop the article)
    for n in range(len(words), 0, -1):
        # (the article as either spells it: "the Al-Zarah Thermal Station" is named after Az Zarah)
        towns = [c for c in _towns_in_focus(index, " ".join(words[:n]), context)
                 if any(written.startswith(normalize(name) + " ") or bare.startswith(_article_dropped(normalize(name))
                                                                                      + " ")
                        for name in (c.name, c.asciiname, *c.alternate_names))]
        if towns:
            return towns
    return []


def _article_dropped(name: str) -> str:
    """A normalised name without its leading Arabic article, however it is written ("al zarah", "az zarah": "zarah")."""
    first, _, rest = name.partition(" ")
    return rest if rest and fold_token(first) == "al" else name


def _towns_in_focus(index: GazetteerIndex, key: str, context: ArticleContext) -> list[GazetteerPlace]:
    """The populated places called ``key`` in a country the article is about: where a name the gazetteer lacks is
    read through a part of it ("Jabal al Rahmaliya" named after a village, "al-Nashwa al-Sharqi" in al-Nashwa)."""
    return [c for c in index.candidates(key)
            if c.feature_class == "P" and context.countries.get(c.country_code, 0.0) >= 0.3]


def _candidates(index: GazetteerIndex, span: Span, context: ArticleContext) -> tuple[list[GazetteerPlace], bool]:
    candidates = list(index.candidates(span.key))
    if not candidates:
        # "the al-Nashwa al-Sharqi neighbourhood": a name the gazetteer lacks with its qualifier lies in the place it
        # qualifies (eastern al-Nashwa is in al-Nashwa)
        head = qualified_name(span.key)
        if head:
            candidates = _towns_in_focus(index, head, context)
    if span.cue == "admin2" and not any(is_adm2(c.feature_code) for c in candidates):
        candidates.extend(divisions_named(index, span.key))  # "Zvenihorodka raion": GeoNames' "Zvenihorodka Raion"
    if span.cue == "admin1":
        # "X countryside" / "X province" where the gazetteer spells the governorate differently: the
        # governorate around the city called X.
        known = {c.geonameid for c in candidates}
        for place in list(candidates):
            if place.feature_class == "P" and place.feature_code in ("PPLA", "PPLC"):
                admin1 = index.admin1_of(place)
                if admin1 is not None and admin1.geonameid not in known:
                    candidates.append(admin1)
                    known.add(admin1.geonameid)
    if candidates and not (span.cue == "facility" and not any(c.feature_code in _FACILITY_CODES for c in candidates)):
        return candidates, False
    if not span.from_cue_only and span.cue != "facility":
        return candidates, False
    # (a loose spelling's guess needs a country the article is about: with none, "the town of Paletwa" is no
    # Turkish Polatlı but a town the gazetteer lacks)
    fuzzy = [c for c in index.skeleton_candidates(span.key) if context.countries.get(c.country_code, 0) >= 0.15]
    if span.cue == "facility":
        facilities = [c for c in fuzzy if c.feature_code in _FACILITY_CODES]
        if facilities:
            return facilities, True
        if candidates:
            return candidates, False
    fuzzy = [c for c in fuzzy if c.feature_class == "P" or c.feature_code in _FACILITY_CODES]
    return fuzzy, bool(fuzzy)


def _rank(candidates: list[GazetteerPlace], span: Span, context: ArticleContext, fuzzy: bool,
          container: _Container | None = None,
          written: str = "", village: bool = False) -> list[tuple[GazetteerPlace, float, dict[str, float]]]:
    ranked = []
    # "Idlib", "New York": without a province/state cue a division that shares its name with a city inside it
    # means the city (the annotation convention, and what news means by a bare city name).
    seats = {(c.country_code, c.admin1_code) for c in candidates
             if c.feature_class == "P" and (c.feature_code in ("PPLA", "PPLC") or c.population >= 50_000)}
    # a name's own vote does not carry its own namesakes; a name the text names alone has no focus to rank by
    shares = context.countries_without(span.key) \
        if context.total_votes > context.votes_of.get(span.key, ("", 0.0))[1] else {}
    # "London" in an article about the US: a national capital called so outweighs the focus that small towns of
    # the article's country draw from it (London, Ohio); a notable namesake ("Kingston", Ontario) keeps it.
    # ("Sloviansk", Ukraine's own romanisation of GeoNames' Slovyansk, is its name as written, not Nikopol's old one)
    as_written = {c.geonameid for c in candidates if written in _written_names(c)
                  or romanised_alike(c.country_code, c.asciiname, (written,))}  # (each tested once)
    capital = any(c.feature_code == "PPLC" and c.geonameid in as_written for c in candidates)
    # "Manchester", "Birmingham" in a story on a British soldier or club that also names the US: a city of 100,000
    # called so by its own name, in a country the article names too, outweighs the focus that namesakes a fifth of
    # its size or less draw from another country (English town names recur across the US); where its country
    # has no share ("Newport" in an Irish story) the focus stands.
    cities = [c for c in candidates if c.feature_class == "P" and c.population >= _NOTABLE_CITY
              and c.geonameid in as_written and shares.get(c.country_code, 0.0) > 0.0]
    city = max(cities, key=lambda c: c.population) if cities else None
    # "Kherson" beside "Russian troops": a provincial capital or a city of 100,000 called exactly so is what the
    # writer spelled; a far smaller place not called so, that only folds onto the name (Karsun, Russia), is a
    # misspelling's guess and borrows no focus to outrank it (Saint Petersburg, Russia, which is no smaller, does;
    # a division keeps its own: "the district of Balkh")
    spelled = max((c.population for c in candidates if c.feature_class == "P" and c.geonameid in as_written
                   and (c.feature_code in ("PPLC", "PPLA") or c.population >= _NOTABLE_CITY)), default=None)
    for place in candidates:
        focus = shares.get(place.country_code, 0.0)
        if spelled is not None and place.feature_class == "P" and place.geonameid not in as_written \
                and place.population * _DWARFED <= spelled:
            focus = 0.0
        if capital and place.feature_class == "P" and place.feature_code not in ("PPLC", "PPLA") \
                and place.population < 100_000:
            focus /= 2
        if city is not None and place.feature_class == "P" and place.feature_code not in ("PPLC", "PPLA") \
                and place.country_code != city.country_code and place.population * _DWARFED <= city.population:
            focus = 0.0
        seat_penalty = -2.5 if (place.feature_code == "ADM1" and span.cue != "admin1"
                                and (place.country_code, place.admin1_code) in seats) else 0.0
        exact = place.geonameid in as_written
        own_key = span.key in (search_key(place.name), search_key(place.asciiname)) \
            or (exact and not place.country_code)  # "the Atlantic": an ocean's short name is its own
        if place.feature_code in AIRFIELD_CODES and span.cue != "facility":
            # an airfield called by a town's name (an airport in France called "Abbeville") is not what the bare
            # name means: only the words "airport", "air base" make it its own
            own_key = exact = False
        passes = {
            "cue": _cue_evidence(place, span) - (_CITY_CALLED_A_VILLAGE if village and _a_city(place) else 0.0),
            "container": _container_evidence(place, container),
            "dateline": _dateline_evidence(place) if span.is_dateline else 0.0,
            "country_focus": 6.0 * focus,
            "co_occurrence": 3.0 * context.admin1s.get((place.country_code, place.admin1_code), 0.0)
            if place.admin1_code else 0.0,
            # A place's own name beats a stray alternate name of another (county names listed on towns), and
            # more so when spelled exactly as written ("Riverdale" is not Glendale, once called so).
            "prominence": importance(place) + seat_penalty + (_OWN_NAME if own_key else 0.0)
            + (_EXACT_NAME if exact else 0.0),
        }
        ranked.append((place, sum(passes.values()), passes))
    named = context.named_admin1s
    ranked.sort(key=lambda item: (-item[1], (item[0].country_code, item[0].admin1_code) not in named,
                                  item[0].geonameid))
    return ranked


_NOTABLE_CITY = 100_000  # population of a city whose name its small namesakes abroad borrow
_DWARFED = 5  # how many times bigger that city is than a namesake whose country focus it cancels

_GENERIC_TAILS = (" ocean", " sea", " river")


def _written_names(place: GazetteerPlace) -> tuple[str, ...]:
    """How a text writes the place's own name: "the Atlantic", "the Caspian" name an ocean or a sea without the
    generic word (a town called Atlantic is so called only in full)."""
    names = (normalize(place.name), normalize(place.asciiname))
    if place.country_code and place.feature_code not in ("STM", "SEA"):
        return names
    return names + tuple(n.removesuffix(tail) for n in names for tail in _GENERIC_TAILS if n.endswith(tail))


def _container_evidence(place: GazetteerPlace, container: _Container | None) -> float:
    if container is None or place.feature_code.startswith("PCL"):
        return 0.0
    if place.country_code != container.country:
        return -2.0
    if container.admin1 and place.admin1_code != container.admin1:
        return 0.0
    return 6.0 + (_SIDE_EVIDENCE if container.side and _on_side(place, container) else 0.0)


_SIDE_EVIDENCE = 3.0


def _on_side(place: GazetteerPlace, container: _Container) -> bool:
    """Whether the place lies on the side of its division's point that "the northern countryside of X" names."""
    return all({"n": place.lat > container.lat, "s": place.lat < container.lat,
                "e": place.lon > container.lon, "w": place.lon < container.lon}[c] for c in container.side)


def _cue_evidence(place: GazetteerPlace, span: Span) -> float:
    code = place.feature_code
    if span.cue == "admin1":
        return 10.0 if code == "ADM1" else 0.0
    if span.cue == "admin2":
        return 10.0 if is_adm2(code) else 0.0
    if span.cue == "facility":
        return 10.0 if code in _FACILITY_CODES else 0.0
    if span.cue == "settlement":
        return 3.0 if place.feature_class == "P" else -3.0 if code.startswith(("PCL", "ADM")) else 0.0
    return 0.0


def _dateline_evidence(place: GazetteerPlace) -> float:
    return 3.0 + 0.5 * math.log10(place.population + 1) if place.feature_class == "P" else -3.0


def _with_region(doc: Document, index: GazetteerIndex, mention: Mention, span: Span,
                 resolved_admin1: dict[int, GazetteerPlace], context: ArticleContext) -> Mention:
    """Attach the enclosing area: the place's governorate, else the governorate the sentence names, else the
    article's main governorate or country."""
    sentence = doc.sentence_of[span.first]
    same_sentence = [(abs(i - span.first), p) for i, p in resolved_admin1.items() if doc.sentence_of[i] == sentence]
    if mention.place is not None and mention.resolved_by == "fuzzy_skeleton" and same_sentence:
        # A name matched by its consonants only ("bilil" ~ Al Bahlūlīyah) outside the governorate its own sentence
        # names ("... were seized in the northeastern hama countryside") is another village the gazetteer lacks:
        # keep the governorate, offer the guess as an alternative.
        # (a sentence may name several: "in the Hama and Latakia countryside"; the guess may lie in any of them)
        named = min(same_sentence, key=lambda item: item[0])[1]
        if all((mention.place.country_code, mention.place.admin1_code) != (p.country_code, p.admin1_code)
               for _, p in same_sentence):
            return replace(mention, place=None, confidence=0.5, region=named, resolved_by="unresolved",
                           alternatives=(mention.place, *mention.alternatives)[:_MAX_ALTERNATIVES])
    if mention.place is not None:
        region = index.admin1_of(mention.place) if not mention.place.feature_code.startswith("PCL") else None
        return replace(mention, region=region) if region is not None and region != mention.place else mention
    region: GazetteerPlace | None = None
    if same_sentence:
        region = min(same_sentence, key=lambda item: item[0])[1]
    elif context.admin1s:
        (country, admin1), _ = max(context.admin1s.items(), key=lambda item: item[1])
        gid = index.admin1.get((country, admin1))
        region = index.places[gid] if gid is not None else None
    if region is None and context.countries:
        region = index.country(max(context.countries.items(), key=lambda item: item[1])[0])
    return replace(mention, region=region)
