"""The article aggregate: an article, its mentions and its events, stored in one transaction.

Events are merged across articles: the same change (same place, same gaining side, dates within
``MERGE_WINDOW_DAYS``) reported again becomes one more source of the existing event; a report that contradicts
it (another gaining side) is an event of its own.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.events.model import PRECISION_RANK
from app.store.gazetteer_repo import to_records
from app.store.models import Article, EventRow, EventSource, MentionRow, Place

MERGE_WINDOW_DAYS = 3
# The hot path runs Core statements on the session's connection: the ORM layer adds ~0.05-0.1 ms a statement.
_ARTICLES = Article.__table__
# SQLite has one writer at a time; serialising our own writers avoids "database is locked" retries.
_SQLITE_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """The event an extracted change was stored as (new or merged) and how many articles now report it."""

    id: str
    source_count: int


class DuplicateArticle(Exception):
    """Another request stored the same article first; ``article_id`` is the stored one."""

    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.article_id = article_id


@dataclass(frozen=True, slots=True)
class NewMention:
    start: int
    end: int
    text: str
    geonameid: int | None
    region_geonameid: int | None
    confidence: float
    resolved_by: str
    is_dateline: bool
    alternatives: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NewEvent:
    """One extracted change, flattened for storage; ``event_json`` is its API.md form (without ``id``)."""

    place_key: str
    place_name: str
    mention_start: int
    geonameid: int | None
    region_geonameid: int | None
    lat: float | None
    lon: float | None
    geo_precision: int
    gained_side: str | None
    gained_actor: str | None
    gained_name: str | None
    lost_side: str | None
    lost_actor: str | None
    lost_name: str | None
    claimed_by: str | None
    date_start: date
    date_end: date
    date_precision: str
    date_from_text: bool
    evidence_text: str
    evidence_start: int
    evidence_end: int
    confidence: float
    event_json: dict[str, Any] = field(hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class NewArticle:
    text: str
    title: str | None
    url: str | None
    source: str | None
    published_at: datetime | None
    idempotency_key: str | None

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def dedup_key(self) -> str:
        if self.url:
            return "url:" + hashlib.sha256(normalize_url(self.url).encode("utf-8")).hexdigest()
        return "text:" + self.text_sha256


def normalize_url(url: str) -> str:
    """The same page under trivially different spellings (scheme/host case, a trailing slash, a fragment)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def find_existing(*, session: Session, article: NewArticle) -> str | None:
    """The id of an already stored copy of this article (same Idempotency-Key, url, or text)."""
    if article.idempotency_key:
        found = session.connection().execute(
            select(_ARTICLES.c.id).where(_ARTICLES.c.idempotency_key == article.idempotency_key)
        ).scalar()
        if found:
            return found
    by_content = select(_ARTICLES.c.id).where(_ARTICLES.c.dedup_key == article.dedup_key)
    return session.connection().execute(by_content).scalar()


def _lock_place_keys(session: Session, keys: set[str]) -> None:
    """PostgreSQL: serialise writers of the same place so two reports of one change never make two events.

    All of an article's locks are taken in one statement, in ascending order, so two writers never deadlock."""
    if not keys or session.get_bind().dialect.name != "postgresql":
        return
    lock_ids = sorted({int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True) for key in keys})
    session.connection().execute(
        text("SELECT pg_advisory_xact_lock(lock_id) FROM (SELECT unnest(CAST(:ids AS bigint[])) AS lock_id "
             "ORDER BY lock_id) AS ordered"),
        {"ids": lock_ids},
    )


def store_article(
    *,
    session: Session,
    article: NewArticle,
    mentions: list[NewMention],
    events: list[NewEvent],
) -> tuple[str, list[StoredEvent]]:
    """Store everything in one transaction and commit it; returns the article id and, for each input event, the
    stored one. The session may already be in a transaction that only read (``find_existing``): on PostgreSQL the
    writes join it, which saves a connection checkout per article.

    Raises ``DuplicateArticle`` when a concurrent request stored the same article first.
    """
    postgres = session.get_bind().dialect.name == "postgresql"
    if not postgres:
        # SQLite cannot upgrade a reader to a writer safely under concurrency: start afresh under our lock.
        session.rollback()
    lock = nullcontext() if postgres else _SQLITE_WRITE_LOCK
    with lock:
        try:
            # The ingestion hot path: Core statements, and on PostgreSQL two inserts for all the rows.
            # A concurrent copy of the article trips a unique constraint here (handled below).
            now = datetime.now(UTC)
            article_id = str(uuid.uuid4())
            connection = session.connection()
            article_row = dict(
                id=article_id, url=article.url, dedup_key=article.dedup_key, text_sha256=article.text_sha256,
                idempotency_key=article.idempotency_key, title=article.title, source=article.source,
                text=article.text, published_at=article.published_at, created_at=now,
            )
            _insert_batches(connection, [(_ARTICLES, [article_row]), (MentionRow.__table__, [
                dict(article_id=article_id, start=m.start, end=m.end, text=m.text[:400], geonameid=m.geonameid,
                     region_geonameid=m.region_geonameid, confidence=m.confidence, resolved_by=m.resolved_by[:60],
                     is_dateline=m.is_dateline, alternatives=list(m.alternatives))
                for m in mentions
            ])])
            stored, new_events = _add_or_merge_events(session, events, now) if events else ([], [])
            _insert_batches(connection, [(EventRow.__table__, new_events), (EventSource.__table__, [
                dict(event_id=result.id, article_id=article_id, mention_start=event.mention_start,
                     evidence_text=event.evidence_text, evidence_start=event.evidence_start,
                     evidence_end=event.evidence_end, claimed_by=(event.claimed_by or None) and event.claimed_by[:200],
                     event_json=event.event_json)
                for event, result in zip(events, stored, strict=True)
            ])])
            session.commit()
            return article_id, stored
        except IntegrityError:
            # A concurrent request won the race on url/text/Idempotency-Key: answer with its article.
            session.rollback()
            existing = find_existing(session=session, article=article)
            session.rollback()
            if existing:
                raise DuplicateArticle(existing) from None
            raise
        except BaseException:
            session.rollback()
            raise


def _insert_batches(connection: Connection, batches: list[tuple[Table, list[dict[str, Any]]]]) -> None:
    """Insert new rows into several tables, parents before children. PostgreSQL: all of them in ONE statement
    (each table's rows as a JSON array expanded by ``json_populate_recordset``, chained with data-modifying
    CTEs), so an article costs a round trip instead of one per table; foreign keys are checked at the end of the
    statement, when the parent rows are there. SQLite: one cached ``executemany`` per table."""
    batches = [(table, rows) for table, rows in batches if rows]
    if not batches:
        return
    if connection.dialect.name != "postgresql":
        for table, rows in batches:
            connection.execute(insert(table), rows)
        return
    parts: list[str] = []
    params: dict[str, str] = {}
    for number, (table, rows) in enumerate(batches):
        columns = ", ".join(f'"{name}"' for name in rows[0])
        params[f"rows{number}"] = json.dumps(rows, default=_json_value, ensure_ascii=False)
        parts.append(f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} '
                     f'FROM json_populate_recordset(NULL::"{table.name}", CAST(:rows{number} AS json))')
    *parents, last = parts
    prefix = "WITH " + ", ".join(f"inserted{n} AS ({part})" for n, part in enumerate(parents)) + " " if parents else ""
    connection.execute(text(prefix + last), params)


def _json_value(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def _merge_candidates(session: Session, events: list[NewEvent]) -> list[dict[str, Any]]:
    """Every stored event any of these changes could merge into, in one query (locked on PostgreSQL, where the
    advisory locks already keep other writers of these places out)."""
    window = timedelta(days=MERGE_WINDOW_DAYS)
    columns = EventRow.__table__.c
    statement = (
        select(columns.id, columns.place_key, columns.gained_side, columns.date_start, columns.source_count,
               columns.date_from_text, columns.date_precision, columns.lost_side)
        .where(
            columns.place_key.in_(sorted({e.place_key[:400] for e in events})),
            columns.date_start >= min(e.date_start for e in events) - window,
            columns.date_start <= max(e.date_start for e in events) + window,
        )
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update()
    return [dict(row._mapping) for row in session.connection().execute(statement)]


def _add_or_merge_events(
    session: Session, events: list[NewEvent], now: datetime
) -> tuple[list[StoredEvent], list[dict[str, Any]]]:
    """The stored event each change belongs to, created or merged: the earliest (by date, then id) stored event at
    the same place with the same gaining side within ``MERGE_WINDOW_DAYS``. An article counts once per event
    however many of its sentences report the change. Merges are written here; the new events are returned as
    rows for the caller to insert with the article's sources."""
    _lock_place_keys(session, {e.place_key for e in events})
    candidates = _merge_candidates(session, events)
    window = timedelta(days=MERGE_WINDOW_DAYS)
    counted: dict[str, int] = {}
    new_rows: list[dict[str, Any]] = []
    stored: list[StoredEvent] = []
    for event in events:
        key = event.place_key[:400]
        matching = [c for c in candidates if c["place_key"] == key and c["gained_side"] == event.gained_side
                    and abs(c["date_start"] - event.date_start) <= window]
        target = min(matching, key=lambda c: (c["date_start"], c["id"]), default=None)
        if target is None:
            row = _new_event_row(event, now)
            new_rows.append(row)
            candidates.append({**row, "place_key": key})
            counted[row["id"]] = 1
            stored.append(StoredEvent(id=row["id"], source_count=1))
            continue
        if target["id"] not in counted:
            counted[target["id"]] = target["source_count"] + 1
            session.connection().execute(
                update(EventRow.__table__).where(EventRow.__table__.c.id == target["id"])
                .values(source_count=EventRow.__table__.c.source_count + 1, updated_at=now,
                        **_refined_fields(target, event))
            )
        stored.append(StoredEvent(id=target["id"], source_count=counted[target["id"]]))
    return stored, new_rows


def _new_event_row(event: NewEvent, now: datetime) -> dict[str, Any]:
    return dict(
        id=str(uuid.uuid4()), geonameid=event.geonameid, place_name=event.place_name[:400],
        place_key=event.place_key[:400], region_geonameid=event.region_geonameid, lat=event.lat, lon=event.lon,
        geo_precision=event.geo_precision, gained_side=event.gained_side, gained_actor=event.gained_actor,
        gained_name=(event.gained_name or None) and event.gained_name[:200], lost_side=event.lost_side,
        lost_actor=event.lost_actor, lost_name=(event.lost_name or None) and event.lost_name[:200],
        claimed_by=(event.claimed_by or None) and event.claimed_by[:200], date_start=event.date_start,
        date_end=event.date_end, date_precision=event.date_precision, date_from_text=event.date_from_text,
        evidence_text=event.evidence_text, confidence=event.confidence, source_count=1, created_at=now,
        updated_at=now,
    )


def _refined_fields(target: dict[str, Any], event: NewEvent) -> dict[str, Any]:
    """A later report may know more: a finer date, the losing side, a claimant the first report lacked."""
    values: dict[str, Any] = {}
    if event.date_from_text and (
        not target["date_from_text"]
        or PRECISION_RANK.get(event.date_precision, 9) < PRECISION_RANK.get(target["date_precision"], 9)
    ):
        values.update(date_start=event.date_start, date_end=event.date_end, date_precision=event.date_precision,
                      date_from_text=True)
    if target["lost_side"] is None and event.lost_side is not None:
        values.update(lost_side=event.lost_side, lost_actor=event.lost_actor,
                      lost_name=(event.lost_name or None) and event.lost_name[:200])
    return values


def delete_article(*, session: Session, article_id: str) -> None:
    """Remove an article; events left with no source go too (used by tests and maintenance)."""
    event_ids = session.scalars(select(EventSource.event_id).where(EventSource.article_id == article_id)).all()
    session.execute(delete(Article).where(Article.id == article_id))
    for event_id in set(event_ids):
        remaining = session.scalar(select(EventSource.article_id).where(EventSource.event_id == event_id).limit(1))
        if remaining is None:
            session.execute(delete(EventRow).where(EventRow.id == event_id))


def article_view(*, session: Session, article_id: str) -> dict[str, Any] | None:
    """The stored article with its mentions (places re-read from the gazetteer) and its events."""
    from app.geoparse.serialize import place_to_dict

    article = session.get(Article, article_id)
    if article is None:
        return None
    mentions = session.scalars(
        select(MentionRow).where(MentionRow.article_id == article_id).order_by(MentionRow.start, MentionRow.id)
    ).all()
    wanted = {m.geonameid for m in mentions if m.geonameid} | {a for m in mentions for a in (m.alternatives or [])}
    wanted |= {m.region_geonameid for m in mentions if m.region_geonameid}
    places = {p.geonameid: p for p in to_records(
        session, list(session.scalars(select(Place).where(Place.geonameid.in_(wanted))))
    )} if wanted else {}
    sources = session.execute(
        select(EventSource, EventRow)
        .join(EventRow, EventRow.id == EventSource.event_id)
        .where(EventSource.article_id == article_id)
        .order_by(EventSource.evidence_start, EventSource.mention_start)
    ).all()
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "created_at": article.created_at.isoformat(),
        "text": article.text,
        "places": [
            {
                "text": m.text, "start": m.start, "end": m.end,
                "place": place_to_dict(places[m.geonameid]) if m.geonameid in places else None,
                "confidence": m.confidence,
                "alternatives": [place_to_dict(places[a]) for a in (m.alternatives or []) if a in places],
                "region": place_to_dict(places[m.region_geonameid]) if m.region_geonameid in places else None,
                "resolved_by": m.resolved_by,
                "is_dateline": m.is_dateline,
            }
            for m in mentions
        ],
        "events": [
            {"id": event.id, **source.event_json, "source_count": event.source_count}
            for source, event in sources
        ],
    }
