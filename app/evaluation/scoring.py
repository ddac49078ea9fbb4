"""Scores exactly as shared/eval/README.md defines them, per article; ``Counts`` add up over a corpus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from geopy.distance import geodesic

from app.geoparse.model import Mention


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the WGS84 ellipsoid (geopy's geodesic): the 161 km and 10 km thresholds are judged on it."""
    return geodesic((lat1, lon1), (lat2, lon2)).km


@dataclass(frozen=True, slots=True)
class Counts:
    """Raw counts; every figure is a ratio of two of them, so corpora add up exactly."""

    predicted: int = 0
    predicted_correct: int = 0  # predicted mentions overlapping a gold span
    gold: int = 0
    gold_found: int = 0
    gold_with_coords: int = 0
    found_with_coords: int = 0
    correct_161: int = 0
    correct_10: int = 0
    events_predicted: int = 0
    events_gold: int = 0
    events_matched: int = 0
    events_dated: int = 0  # matched events whose gold has a date
    events_date_agree: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _place_correct(mention: Mention, gold: Mapping[str, Any], km: float) -> bool:
    place = mention.place
    if place is None:
        return False
    if gold.get("geonameid") is not None and place.geonameid == gold["geonameid"]:
        return True
    return distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= km


# GeoWebNews types that API.md says are not mentions: demonyms ("French") and places inside organisation names
# ("Washington Post"). Figures "over the contract" leave them out.
NOT_IN_CONTRACT = frozenset({"Non_Literal_Modifier", "Embedded_Non_Lit"})


def score_toponyms(gold_article: Mapping[str, Any], mentions: Sequence[Mention], *,
                   kinds: frozenset[str] | None = None, exclude_kinds: frozenset[str] = frozenset()) -> Counts:
    """Mention precision/recall by span overlap; accuracy at 161/10 km over gold toponyms with coordinates.

    ``kinds`` keeps only gold toponyms of those kinds (recall and accuracy per kind; precision is then not
    meaningful). ``exclude_kinds`` scores as if those gold toponyms did not exist: predictions on them count
    neither as right nor as wrong.
    """
    gold = gold_article.get("toponyms", [])
    if exclude_kinds:
        excluded = [g for g in gold if g.get("kind") in exclude_kinds]
        gold = [g for g in gold if g.get("kind") not in exclude_kinds]
        mentions = [m for m in mentions
                    if any(_overlaps(m.start, m.end, g["start"], g["end"]) for g in gold)
                    or not any(_overlaps(m.start, m.end, g["start"], g["end"]) for g in excluded)]
    if kinds is not None:
        gold = [g for g in gold if g.get("kind") in kinds]
    predicted_correct = sum(
        1 for m in mentions if any(_overlaps(m.start, m.end, g["start"], g["end"]) for g in gold)
    )
    found = with_coords = found_coords = c161 = c10 = 0
    for g in gold:
        overlapping = [m for m in mentions if _overlaps(m.start, m.end, g["start"], g["end"])]
        has_coords = g.get("lat") is not None and g.get("lon") is not None
        with_coords += has_coords
        if not overlapping:
            continue
        found += 1
        if has_coords:
            found_coords += 1
            best = max(overlapping, key=lambda m: min(m.end, g["end"]) - max(m.start, g["start"]))
            c161 += _place_correct(best, g, 161.0)
            c10 += _place_correct(best, g, 10.0)
    return Counts(predicted=len(mentions), predicted_correct=predicted_correct, gold=len(gold), gold_found=found,
                  gold_with_coords=with_coords, found_with_coords=found_coords, correct_161=c161, correct_10=c10)


def _event_place_matches(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    mention = predicted.get("place") or {}
    place = mention.get("place") or {}
    if gold.get("geonameid") is not None and place.get("geonameid") == gold["geonameid"]:
        return True
    if gold.get("lat") is not None and gold.get("lon") is not None:
        if place.get("lat") is None or place.get("lon") is None:
            return False
        return distance_km(place["lat"], place["lon"], gold["lat"], gold["lon"]) <= 10.0
    start, end = mention.get("start"), mention.get("end")
    return start is not None and end is not None and _overlaps(start, end, gold["place_start"], gold["place_end"])


def scored_day(predicted: Mapping[str, Any]) -> str | None:
    """The day a predicted date is scored by: its start, or for a date known only as on or before a day (no start)
    that day: the gold sets date a change the text does not date by the article's publication."""
    found = predicted.get("date") or {}
    return found.get("start") or found.get("end")


def _date_agrees(gold_date: str, predicted: Mapping[str, Any]) -> bool:
    day = scored_day(predicted)
    return isinstance(day, str) and day[: len(gold_date)] == gold_date


def event_matches(gold_article: Mapping[str, Any],
                  predicted_events: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one matching of predicted to gold events (same place, same gaining side): (gold, predicted) pairs."""
    gold_events = gold_article.get("events") or []
    unused = list(range(len(predicted_events)))
    pairs = []
    for g, gold in enumerate(gold_events):
        for k in unused:
            predicted = predicted_events[k]
            side = (predicted.get("gained_by") or {}).get("side") or "unknown"
            if side == (gold.get("gained_side") or "unknown") and _event_place_matches(gold, predicted):
                unused.remove(k)
                pairs.append((g, k))
                break
    return pairs


def score_events(gold_article: Mapping[str, Any], predicted_events: Sequence[Mapping[str, Any]]) -> Counts:
    """Precision/recall counts over :func:`event_matches`, and date agreement over the matched gold dates."""
    gold_events = gold_article.get("events") or []
    matched = dated = agree = 0
    for g, k in event_matches(gold_article, predicted_events):
        matched += 1
        gold = gold_events[g]
        if gold.get("date"):
            dated += 1
            agree += _date_agrees(gold["date"], predicted_events[k])
    return Counts(events_predicted=len(predicted_events), events_gold=len(gold_events), events_matched=matched,
                  events_dated=dated, events_date_agree=agree)


# Why a gold event was missed, or a predicted one is spurious: the stage of the pipeline that lost it, read from
# the outputs alone (so a held-out set can be told apart by stage without anyone reading its errors).
MISSED_WRONG_SIDE = "missed: an event there, another gaining side"
MISSED_NO_EVENT = "missed: the place found, no event of its own"
MISSED_RESOLVED_ELSEWHERE = "missed: the name found, resolved elsewhere or not at all"
MISSED_NOT_FOUND = "missed: the name not found"
SPURIOUS_WRONG_SIDE = "spurious: a change there, another gaining side"
SPURIOUS_REPEAT = "spurious: a second event for one change"
SPURIOUS_NO_CHANGE = "spurious: no change there"
ERROR_KINDS = (MISSED_WRONG_SIDE, MISSED_NO_EVENT, MISSED_RESOLVED_ELSEWHERE, MISSED_NOT_FOUND,
               SPURIOUS_WRONG_SIDE, SPURIOUS_REPEAT, SPURIOUS_NO_CHANGE)


def _gained_side(predicted: Mapping[str, Any]) -> str:
    return (predicted.get("gained_by") or {}).get("side") or "unknown"


def _as_event_place(mention: Mention) -> dict[str, Any]:
    """A mention in the shape of a predicted event's place, to ask whether it is where a gold event is."""
    place = mention.place
    where = {"geonameid": place.geonameid, "lat": place.lat, "lon": place.lon} if place is not None else {}
    return {"place": {"start": mention.start, "end": mention.end, "place": where}}


def event_error_kinds(gold_article: Mapping[str, Any], mentions: Sequence[Mention],
                      predicted_events: Sequence[Mapping[str, Any]]) -> Counter[str]:
    """Each missed gold event and each spurious predicted one, by the stage that lost it (``ERROR_KINDS``).

    A side read wrongly counts twice, as a miss and as a spurious event, as it does in precision and recall."""
    gold_events = gold_article.get("events") or []
    pairs = event_matches(gold_article, predicted_events)
    matched_gold, matched_predicted = {g for g, _ in pairs}, {k for _, k in pairs}
    kinds: Counter[str] = Counter()
    for g, gold in enumerate(gold_events):
        if g in matched_gold:
            continue
        # (an event with the gold's side there that another gold event took: a place within 10 km of another, its
        # own event missing)
        if any(_event_place_matches(gold, e) and _gained_side(e) != (gold.get("gained_side") or "unknown")
               for e in predicted_events):
            kinds[MISSED_WRONG_SIDE] += 1
            continue
        # The mention at the gold's span decides; another one only where the span holds none (a district of a city
        # the article names is within 10 km of the city, but "Homs" found is not "Khaldiyeh" found)
        at_span = [m for m in mentions if _overlaps(m.start, m.end, gold["place_start"], gold["place_end"])]
        if any(_event_place_matches(gold, _as_event_place(m)) for m in at_span or mentions):
            kinds[MISSED_NO_EVENT] += 1
        elif at_span:
            kinds[MISSED_RESOLVED_ELSEWHERE] += 1
        else:
            kinds[MISSED_NOT_FOUND] += 1
    for k, predicted in enumerate(predicted_events):
        if k in matched_predicted:
            continue
        there = [gold for gold in gold_events if _event_place_matches(gold, predicted)]
        if not there:
            kinds[SPURIOUS_NO_CHANGE] += 1
        elif any((gold.get("gained_side") or "unknown") == _gained_side(predicted) for gold in there):
            kinds[SPURIOUS_REPEAT] += 1
        else:
            kinds[SPURIOUS_WRONG_SIDE] += 1
    return kinds
