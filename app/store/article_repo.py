"""The article aggregate: an article, its mentions and its events, stored in one transaction.

Events are merged across articles: the same change (same place, same gaining side, dates within
``MERGE_WINDOW_DAYS``) reported again becomes one more source of the existing event; a report that contradicts
it (another gaining side) is an event of its own. A date with no start ("on or before D", basis published or
received) is compared by D: news that does not date a change reports a recent one, and matching it with every
earlier change at the place would swallow retakes.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
from psycopg.rows import dict_row
from pydantic_core import to_json
from sqlalchemy import Connection, Table, and_, bindparam, delete, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.events.model import FROM_TEXT, PRECISION_RANK, SAME_CHANGE_DAYS
from app.store.gazetteer_repo import to_records
from app.store.models import OPEN_START, Article, EventRow, EventSource, MentionRow, Place

MERGE_WINDOW_DAYS = SAME_CHANGE_DAYS
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
    """One extracted change, flattened for storage; ``event_json`` is its API.md form (without ``id``).
    ``date_start`` is ``OPEN_START`` for a date with no start; ``date_month_day`` is "MM-DD" or None."""

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
    date_basis: str
    date_month_day: str | None
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


def _lock_ids(keys: set[str]) -> list[int]:
    """PostgreSQL advisory-lock ids for place keys, in ascending order so that two writers never deadlock."""
    return sorted({int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True) for key in keys})


# Serialises writers of the same place (so two reports of one change never make two events); all of an article's
# locks in one statement, taken in ascending order.
_LOCK_SQL = ("SELECT pg_advisory_xact_lock(lock_id) FROM (SELECT unnest(CAST(%s AS bigint[])) AS lock_id "
             "ORDER BY lock_id) AS ordered")
# What deciding a merge needs to know of a stored event, and what a merge may rewrite.
_DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_from_text", "date_basis", "date_month_day")
_CANDIDATE_COLUMNS = ("id", "place_key", "gained_side", *_DATE_COLUMNS, "lost_side", "lost_actor", "lost_name",
                      "source_count")
_MERGED_COLUMNS = ("source_count", "updated_at", *_DATE_COLUMNS, "lost_side", "lost_actor", "lost_name")
_EVENTS, _MENTIONS, _SOURCES = EventRow.__table__, MentionRow.__table__, EventSource.__table__
# Stored events whose merge day (``merge_day``) lies in [low, high]: dated ones by their start, open ones by their
# end.
_CANDIDATES_SQL = (f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM {_EVENTS.name} WHERE place_key = ANY(%(keys)s) "
                   "AND ((date_start >= %(low)s AND date_start <= %(high)s) "
                   "OR (date_start = %(open)s AND date_end >= %(low)s AND date_end <= %(high)s)) FOR UPDATE")


@dataclass(frozen=True, slots=True)
class MergePlan:
    """How an article's changes land: the stored event of each (in input order), the events to create, and the
    stored events to rewrite (``_MERGED_COLUMNS`` and their ``id``)."""

    stored: list[StoredEvent]
    new_rows: list[dict[str, Any]]
    merged_rows: list[dict[str, Any]]


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
    now = datetime.now(UTC)
    article_id = str(uuid.uuid4())
    article_row = dict(
        id=article_id, url=article.url, dedup_key=article.dedup_key, text_sha256=article.text_sha256,
        idempotency_key=article.idempotency_key, title=article.title, source=article.source, text=article.text,
        published_at=article.published_at, created_at=now,
    )
    mention_rows = [
        dict(article_id=article_id, start=m.start, end=m.end, text=m.text[:400], geonameid=m.geonameid,
             region_geonameid=m.region_geonameid, confidence=m.confidence, resolved_by=m.resolved_by[:60],
             is_dateline=m.is_dateline, alternatives=list(m.alternatives))
        for m in mentions
    ]
    try:
        # A concurrent copy of the article trips a unique constraint in either writer (handled below).
        if session.get_bind().dialect.name == "postgresql":
            stored = _write_postgres(session.connection(), article_row, mention_rows, events, now)
            session.commit()  # already committed on the wire; this ends the session's transaction
        else:
            # SQLite cannot upgrade a reader to a writer safely under concurrency: start afresh under our lock,
            # since SQLite has one writer at a time anyway.
            session.rollback()
            with _SQLITE_WRITE_LOCK:
                stored = _write_portable(session.connection(), article_row, mention_rows, events, now)
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


def reports(events: list[NewEvent], stored: list[StoredEvent]) -> list[tuple[NewEvent, StoredEvent]]:
    """The article's reports of the events it was stored with: one per stored event and mention (the key of
    ``event_sources``). Two changes of one sentence ("took X in March 2016 and retook it in March 2017") that both
    merged into one stored event are one report of it, the first."""
    unique: dict[tuple[str, int], tuple[NewEvent, StoredEvent]] = {}
    for event, result in zip(events, stored, strict=True):
        unique.setdefault((result.id, event.mention_start), (event, result))
    return list(unique.values())


def _source_rows(article_id: str, events: list[NewEvent], stored: list[StoredEvent]) -> list[dict[str, Any]]:
    return [
        dict(event_id=result.id, article_id=article_id, mention_start=event.mention_start,
             evidence_text=event.evidence_text, evidence_start=event.evidence_start, evidence_end=event.evidence_end,
             claimed_by=(event.claimed_by or None) and event.claimed_by[:200], event_json=event.event_json)
        for event, result in reports(events, stored)
    ]


def merge_day(date_start: date, date_end: date) -> date:
    """The day a change is compared by when merging: its start, or the end of a date with no start."""
    return date_end if date_start == OPEN_START else date_start


def _candidate_window(events: list[NewEvent]) -> tuple[list[str], date, date]:
    """The place keys and range of merge days any stored event these changes could merge into must have."""
    window = timedelta(days=MERGE_WINDOW_DAYS)
    keys = sorted({e.place_key[:400] for e in events})
    days = [merge_day(e.date_start, e.date_end) for e in events]
    return keys, min(days) - window, max(days) + window


def _write_portable(
    connection: Connection, article_row: dict[str, Any], mention_rows: list[dict[str, Any]], events: list[NewEvent],
    now: datetime,
) -> list[StoredEvent]:
    """The writes as SQLAlchemy Core statements (the embedded SQLite backend): one cached ``executemany`` a table."""
    connection.execute(insert(_ARTICLES), [article_row])
    if mention_rows:
        connection.execute(insert(_MENTIONS), mention_rows)
    if not events:
        return []
    keys, low, high = _candidate_window(events)
    columns = [_EVENTS.c[name] for name in _CANDIDATE_COLUMNS]
    start, end = _EVENTS.c.date_start, _EVENTS.c.date_end
    candidates = [dict(row._mapping) for row in connection.execute(
        select(*columns).where(_EVENTS.c.place_key.in_(keys), or_(
            and_(start >= low, start <= high), and_(start == OPEN_START, end >= low, end <= high)))
    )]
    plan = plan_events(events, candidates, now)
    if plan.merged_rows:
        merges = [{"merged_id": row["id"], **{c: row[c] for c in _MERGED_COLUMNS}} for row in plan.merged_rows]
        connection.execute(update(_EVENTS).where(_EVENTS.c.id == bindparam("merged_id")), merges)
    if plan.new_rows:
        connection.execute(insert(_EVENTS), plan.new_rows)
    connection.execute(insert(_SOURCES), _source_rows(article_row["id"], events, plan.stored))
    return plan.stored


def _write_postgres(
    connection: Connection, article_row: dict[str, Any], mention_rows: list[dict[str, Any]], events: list[NewEvent],
    now: datetime,
) -> list[StoredEvent]:
    """The writes on the psycopg connection itself, pipelined, and COMMITted: two round trips for an article with
    events (insert, lock and read the merge candidates; then merge, insert and commit), one without.

    Each table's rows travel as one JSON array expanded by ``json_populate_recordset``, and the steps of a round
    trip are chained as data-modifying CTEs into one statement; foreign keys are checked at the end of the
    statement, when the parent rows are there. SQLAlchemy's Core costs ~0.1 ms a statement on this path."""
    driver = connection.connection.driver_connection
    with _as_sqlalchemy_errors(connection), driver.cursor() as writes, driver.cursor(row_factory=dict_row) as found:
        with driver.pipeline():
            writes.execute(*_chained([_insert_step(_ARTICLES, [article_row]), _insert_step(_MENTIONS, mention_rows)]))
            if events:
                keys, low, high = _candidate_window(events)
                writes.execute(_LOCK_SQL, [_lock_ids({e.place_key for e in events})])
                found.execute(_CANDIDATES_SQL, {"keys": keys, "low": low, "high": high, "open": OPEN_START})
            else:
                driver.commit()
        if not events:
            return []
        plan = plan_events(events, found.fetchall(), now)
        with driver.pipeline():
            writes.execute(*_chained([
                _merge_step(plan.merged_rows), _insert_step(_EVENTS, plan.new_rows),
                _insert_step(_SOURCES, _source_rows(article_row["id"], events, plan.stored)),
            ]))
            driver.commit()
    return plan.stored


@contextmanager
def _as_sqlalchemy_errors(connection: Connection) -> Iterator[None]:
    """Driver errors raised as SQLAlchemy raises them, so that callers and the API's handlers see one kind: a unique
    violation is an ``IntegrityError``; a lost connection is invalidated (the pool's pre-ping replaces the others)
    and reported with ``connection_invalidated``."""
    try:
        yield
    except psycopg.Error as error:
        dialect = connection.dialect
        lost = dialect.is_disconnect(error, connection.connection.dbapi_connection, None)
        if lost:
            connection.invalidate(error)
        raise DBAPIError.instance(None, None, error, psycopg.Error, connection_invalidated=lost,
                                  dialect=dialect) from error


def _rows_json(rows: list[dict[str, Any]]) -> str:
    """Rows as a JSON array (dates and datetimes in ISO 8601, as PostgreSQL reads them); pydantic-core's encoder
    takes a quarter of the time ``json.dumps`` does."""
    return to_json(rows).decode()


def _insert_step(table: Table, rows: list[dict[str, Any]]) -> tuple[str, str] | None:
    if not rows:
        return None
    columns = ", ".join(f'"{name}"' for name in rows[0])
    return (f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} '
            f'FROM json_populate_recordset(NULL::"{table.name}", CAST(%s AS json))', _rows_json(rows))


def _merge_step(rows: list[dict[str, Any]]) -> tuple[str, str] | None:
    if not rows:
        return None
    assignments = ", ".join(f'"{name}" = merged."{name}"' for name in _MERGED_COLUMNS)
    return (f'UPDATE "{_EVENTS.name}" AS stored SET {assignments} '
            f'FROM json_populate_recordset(NULL::"{_EVENTS.name}", CAST(%s AS json)) AS merged '
            "WHERE stored.id = merged.id", _rows_json(rows))


def _chained(steps: list[tuple[str, str] | None]) -> tuple[str, list[str]]:
    """One statement running the steps in order: all but the last as data-modifying CTEs."""
    present = [step for step in steps if step is not None]
    *leading, (last, _) = present
    prefix = "WITH " + ", ".join(f"step{n} AS ({sql})" for n, (sql, _) in enumerate(leading)) + " " if leading else ""
    return prefix + last, [parameter for _, parameter in present]


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
                "id": target["id"], **{c: target[c] for c in _MERGED_COLUMNS if c in target},
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
    from app.store import geocoder_repo

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
    # places the fallback geocoder found (negative ids) are read back from its answers
    places.update(geocoder_repo.answers_by_place_id(session=session, geonameids=wanted))
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
