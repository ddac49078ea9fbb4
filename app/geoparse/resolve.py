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
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from app.gazetteer.index import GazetteerIndex
from app.gazetteer.names import bulk_search_key
from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention
from app.geoparse.recognize import Document, Span

# Feature kind, before population: a country or a first-order division outranks most towns of its name, a
# capital or provincial seat outranks a village. Divisions get no population term (few gazetteers fill it).
_IMPORTANCE = {"PCLI": 8.0, "PCLD": 6.0, "PCLF": 6.0, "PCLS": 6.0, "PCL": 6.0, "PCLIX": 5.0, "TERR": 5.0,
               "ADM1": 6.5, "ADM2": 3.5, "ADM3": 1.5, "PPLC": 3.0, "PPLA": 2.0, "PPLG": 1.5, "PPLA2": 1.0,
               "PPLA3": 0.7, "PPLA4": 0.6, "PPL": 0.5, "PPLL": 0.0, "PPLX": 0.0, "AIRB": 0.0, "AIRP": 0.0,
               "PPLQ": -1.5, "PPLH": -1.5, "PPLW": -1.5}
_UNPOPULATED_CODES = frozenset({"ADM1", "ADM2", "ADM3"})
_FACILITY_CODES = frozenset({"AIRB", "AIRP", "AIRF", "AIRH", "MILB", "INSM"})
_DEMONYM_COUNTRIES = {"syrian": "SY", "syrians": "SY", "iraqi": "IQ", "iraqis": "IQ", "turkish": "TR", "lebanese": "LB",
                      "jordanian": "JO", "iranian": "IR", "israeli": "IL", "egyptian": "EG", "libyan": "LY",
                      "yemeni": "YE", "afghan": "AF", "russian": "RU", "ukrainian": "UA", "saudi": "SA"}
_MAX_ALTERNATIVES = 5


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article as a whole is about: shares of evidence per country and per first-order division."""

    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]


def importance(place: GazetteerPlace) -> float:
    """Prior that a name means this place, before any context: feature kind and population."""
    if place.feature_code in _UNPOPULATED_CODES:
        return _IMPORTANCE[place.feature_code]
    return _IMPORTANCE.get(place.feature_code, 0.0) + 0.9 * math.log10(place.population + 1)


def article_context(doc: Document, spans: list[Span], index: GazetteerIndex,
                    extra: list[tuple[GazetteerPlace, ...]] = ()) -> ArticleContext:  # type: ignore[assignment]
    """Votes from unambiguous names, country names and demonyms."""
    country_votes: Counter[str] = Counter()
    candidate_sets = [index.candidates(s.key) for s in spans if not s.from_cue_only and not s.is_dateline]
    candidate_sets.extend(extra)
    for candidates in candidate_sets:
        if not candidates:
            continue
        countries = [c for c in candidates if c.feature_code.startswith("PCL")]
        if countries:
            country_votes[max(countries, key=importance).country_code] += 1.0
            continue
        codes = {c.country_code for c in candidates}
        if len(codes) == 1:
            country_votes[codes.pop()] += 1.0
        else:
            best = max(candidates, key=importance)
            country_votes[best.country_code] += 0.3
    for word in doc.lower:
        code = _DEMONYM_COUNTRIES.get(word)
        if code:
            country_votes[code] += 0.5
    total = sum(country_votes.values()) or 1.0
    countries = {code: votes / total for code, votes in country_votes.items()}
    admin_votes: Counter[tuple[str, str]] = Counter()
    for span, candidates in zip(spans, candidate_sets, strict=False):
        focused = [c for c in candidates if countries.get(c.country_code, 0) >= 0.15 and c.admin1_code]
        admins = {(c.country_code, c.admin1_code) for c in focused}
        if len(admins) == 1:
            admin_votes[admins.pop()] += 2.0 if span.cue == "admin1" else 1.0
    total_admin = sum(admin_votes.values()) or 1.0
    return ArticleContext(countries, {key: votes / total_admin for key, votes in admin_votes.items()})


def resolve(doc: Document, index: GazetteerIndex, spans: list[Span], context: ArticleContext) -> list[Mention]:
    """One ``Mention`` per span, each with its chosen place, confidence, runner-ups and the deciding pass."""
    mentions: list[Mention] = []
    resolved_admin1: dict[int, GazetteerPlace] = {}
    for span in spans:
        candidates, fuzzy = _candidates(index, span, context)
        start, end = doc.tokens[span.first].start, doc.tokens[span.last].end
        surface = doc.text[start:end]
        if not candidates:
            mentions.append(Mention(surface, start, end, None, 0.5, region=None, resolved_by="unresolved",
                                    is_dateline=span.is_dateline))
            continue
        ranked = _rank(candidates, span, context, fuzzy)
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
        mention = Mention(surface, start, end, best, round(confidence, 3),
                          alternatives=tuple(place for place, _, _ in ranked[1 : 1 + _MAX_ALTERNATIVES]),
                          resolved_by=resolved_by, is_dateline=span.is_dateline)
        if best.feature_code == "ADM1":
            resolved_admin1[span.first] = best
        mentions.append(mention)
    return [_with_region(doc, index, m, spans[i], resolved_admin1, context) for i, m in enumerate(mentions)]


def _candidates(index: GazetteerIndex, span: Span, context: ArticleContext) -> tuple[list[GazetteerPlace], bool]:
    candidates = list(index.candidates(span.key))
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
    fuzzy = [c for c in index.skeleton_candidates(span.key)
             if not context.countries or context.countries.get(c.country_code, 0) >= 0.15]
    if span.cue == "facility":
        facilities = [c for c in fuzzy if c.feature_code in _FACILITY_CODES]
        if facilities:
            return facilities, True
        if candidates:
            return candidates, False
    fuzzy = [c for c in fuzzy if c.feature_class == "P" or c.feature_code in _FACILITY_CODES]
    return fuzzy, bool(fuzzy)


def _rank(candidates: list[GazetteerPlace], span: Span, context: ArticleContext,
          fuzzy: bool) -> list[tuple[GazetteerPlace, float, dict[str, float]]]:
    ranked = []
    for place in candidates:
        passes = {
            "cue": _cue_evidence(place, span),
            "dateline": _dateline_evidence(place) if span.is_dateline else 0.0,
            "country_focus": 6.0 * context.countries.get(place.country_code, 0.0),
            "co_occurrence": 3.0 * context.admin1s.get((place.country_code, place.admin1_code), 0.0)
            if place.admin1_code else 0.0,
            # A place's own name beats a stray alternate name of another (county names listed on towns).
            "prominence": importance(place) + (1.5 if span.key in (bulk_search_key(place.name),
                                                                    bulk_search_key(place.asciiname)) else 0.0),
        }
        ranked.append((place, sum(passes.values()), passes))
    ranked.sort(key=lambda item: (-item[1], item[0].geonameid))
    return ranked


def _cue_evidence(place: GazetteerPlace, span: Span) -> float:
    code = place.feature_code
    if span.cue == "admin1":
        return 10.0 if code == "ADM1" else 0.0
    if span.cue == "admin2":
        return 10.0 if code == "ADM2" else 0.0
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
    from dataclasses import replace

    if mention.place is not None:
        region = index.admin1_of(mention.place) if not mention.place.feature_code.startswith("PCL") else None
        return replace(mention, region=region) if region is not None and region != mention.place else mention
    sentence = doc.sentence_of[span.first]
    same_sentence = [(abs(i - span.first), p) for i, p in resolved_admin1.items() if doc.sentence_of[i] == sentence]
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
