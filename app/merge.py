"""Merge policy: which stored event a newly extracted change belongs to. Pure (no I/O), above the store.

Events are merged across articles: the same change (same place, same gaining side, dates within
``MERGE_WINDOW_DAYS``) reported again becomes one more source of the existing event; a report that contradicts
it (another gaining side) is an event of its own. A date with no start ("on or before D", basis published or
received) is compared by D: news that does not date a change reports a recent one, and matching it with every
earlier change at the place would swallow retakes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.events.model import FROM_TEXT, PRECISION_RANK, SAME_CHANGE_DAYS
from app.store.article_repo import MERGED_COLUMNS, NewEvent, StoredEvent
from app.store.models import OPEN_START

MERGE_WINDOW_DAYS = SAME_CHANGE_DAYS


@dataclass(frozen=True, slots=True)
class MergePlan:
    """How an article's changes land: the stored event of each (in input order), the events to create, and the
    stored events to rewrite (``MERGED_COLUMNS`` and their ``id``)."""

    stored: list[StoredEvent]
    new_rows: list[dict[str, Any]]
    merged_rows: list[dict[str, Any]]


def merge_day(date_start: date, date_end: date) -> date:
    """The day a change is compared by when merging: its start, or the end of a date with no start."""
    return date_end if date_start == OPEN_START else date_start


def candidate_window(events: list[NewEvent]) -> tuple[list[str], date, date]:
    """The place keys and range of merge days any stored event these changes could merge into must have."""
    window = timedelta(days=MERGE_WINDOW_DAYS)
    keys = sorted({e.place_key[:400] for e in events})
    days = [merge_day(e.date_start, e.date_end) for e in events]
    return keys, min(days) - window, max(days) + window


def reports(events: list[NewEvent], stored: list[StoredEvent]) -> list[tuple[NewEvent, StoredEvent]]:
    """The article's reports of the events it was stored with: one per stored event and mention (the key of
    ``event_sources``). Two changes of one sentence ("took X in March 2016 and retook it in March 2017") that both
    merged into one stored event are one report of it, the first."""
    unique: dict[tuple[str, int], tuple[NewEvent, StoredEvent]] = {}
    for event, result in zip(events, stored, strict=True):
        unique.setdefault((result.id, event.mention_start), (event, result))
    return list(unique.values())


def source_rows(article_id: str, events: list[NewEvent], stored: list[StoredEvent]) -> list[dict[str, Any]]:
    """The ``event_sources`` rows of an article's reports."""
    return [
        dict(event_id=result.id, article_id=article_id, mention_start=event.mention_start,
             evidence_text=event.evidence_text, evidence_start=event.evidence_start, evidence_end=event.evidence_end,
             claimed_by=(event.claimed_by or None) and event.claimed_by[:200], event_json=event.event_json)
        for event, result in reports(events, stored)
    ]


def plan_events(events: list[NewEvent], candidates: list[dict[str, Any]], now: datetime) -> MergePlan:
    """The stored event each change belongs to, created or merged: the earliest (by merge day, then id) stored event
    at the same place with the same gaining side whose merge day is within ``MERGE_WINDOW_DAYS``. An article counts
    once per event however many of its sentences report the change. Pure: the caller reads the candidates (locked,
    on PostgreSQL) and writes the plan."""
    window = timedelta(days=MERGE_WINDOW_DAYS)
    candidates = list(candidates)
    merged: dict[str, dict[str, Any]] = {}
    created: set[str] = set()
    new_rows: list[dict[str, Any]] = []
    stored: list[StoredEvent] = []
    for event in events:
        key = event.place_key[:400]
        day = merge_day(event.date_start, event.date_end)
        matching = [c for c in candidates if c["place_key"] == key and c["gained_side"] == event.gained_side
                    and abs(merge_day(c["date_start"], c["date_end"]) - day) <= window]
        target = min(matching, key=lambda c: (merge_day(c["date_start"], c["date_end"]), c["id"]), default=None)
        if target is None:
            row = _new_event_row(event, now)
            new_rows.append(row)
            candidates.append({**row, "place_key": key})
            created.add(row["id"])
            stored.append(StoredEvent(id=row["id"], source_count=1))
            continue
        if target["id"] not in created and target["id"] not in merged:
            merged[target["id"]] = {
                "id": target["id"], **{c: target[c] for c in MERGED_COLUMNS if c in target},
                "source_count": target["source_count"] + 1, "updated_at": now, **_refined_fields(target, event),
            }
        count = 1 if target["id"] in created else merged[target["id"]]["source_count"]
        stored.append(StoredEvent(id=target["id"], source_count=count))
    return MergePlan(stored=stored, new_rows=new_rows, merged_rows=list(merged.values()))


def _new_event_row(event: NewEvent, now: datetime) -> dict[str, Any]:
    return dict(
        id=str(uuid.uuid4()), geonameid=event.geonameid, place_name=event.place_name[:400],
        place_key=event.place_key[:400], region_geonameid=event.region_geonameid, lat=event.lat, lon=event.lon,
        geo_precision=event.geo_precision, gained_side=event.gained_side, gained_actor=event.gained_actor,
        gained_name=(event.gained_name or None) and event.gained_name[:200], lost_side=event.lost_side,
        lost_actor=event.lost_actor, lost_name=(event.lost_name or None) and event.lost_name[:200],
        claimed_by=(event.claimed_by or None) and event.claimed_by[:200], **_date_fields(event),
        evidence_text=event.evidence_text, confidence=event.confidence, source_count=1, created_at=now,
        updated_at=now,
    )


def _date_fields(event: NewEvent) -> dict[str, Any]:
    return dict(date_start=event.date_start, date_end=event.date_end, date_precision=event.date_precision,
                date_from_text=event.date_basis in FROM_TEXT, date_basis=event.date_basis,
                date_month_day=event.date_month_day)


# What a date rests on, best first: the text, then the publication day, then the day it was received.
_BASIS_RANK = {"text": 0, "text_relative": 0, "published": 1, "received": 2}


def _better_date(event: NewEvent, target: dict[str, Any]) -> bool:
    """Whether a report's date says more than the stored event's: a better basis, or a finer date from the text."""
    mine, theirs = _BASIS_RANK.get(event.date_basis, 3), _BASIS_RANK.get(target["date_basis"], 3)
    if mine != theirs:
        return mine < theirs
    return mine == 0 and PRECISION_RANK.get(event.date_precision, 9) < PRECISION_RANK.get(target["date_precision"], 9)


def _refined_fields(target: dict[str, Any], event: NewEvent) -> dict[str, Any]:
    """A later report may know more: a date from the text (or a finer one), the losing side."""
    values: dict[str, Any] = {}
    if _better_date(event, target):
        values.update(_date_fields(event))
    if target["lost_side"] is None and event.lost_side is not None:
        values.update(lost_side=event.lost_side, lost_actor=event.lost_actor,
                      lost_name=(event.lost_name or None) and event.lost_name[:200])
    return values
