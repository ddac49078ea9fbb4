"""Persistence of the article aggregate: an article, its mentions, its reports of events, and the events.

Persistence only: the statements, one write path for both backends, all through SQLAlchemy. Which event a
report merges into is decided above, in ``app.merge``; the transaction is opened by ``app.articles``. Every write
that changes events moves the change cursor (``record_changes``), which mirrors sync from.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from app.gazetteer.records import GazetteerPlace
from app.store.gazetteer_repo import to_records
from app.store.models import (
    OPEN_START,
    Article,
    Batch,
    ChangeCursor,
    EventRow,
    EventSource,
    EventTombstone,
    MentionRow,
    Place,
)

# Core statements on the session's connection: the ORM layer adds ~0.05-0.1 ms a statement on the hot path.
_ARTICLES, _EVENTS, _MENTIONS, _SOURCES = (Article.__table__, EventRow.__table__, MentionRow.__table__,
                                           EventSource.__table__)
_TOMBSTONES, _CURSOR = EventTombstone.__table__, ChangeCursor.__table__
# SQLite has one writer at a time; serialising our own writers avoids "database is locked" retries.
_SQLITE_WRITE_LOCK = threading.Lock()
# What deciding a merge needs to know of a stored event, and what a merge may rewrite.
DATE_COLUMNS = ("date_start", "date_end", "date_precision", "date_from_text", "date_basis", "date_month_day")
CANDIDATE_COLUMNS = ("id", "place_key", "gained_side", *DATE_COLUMNS, "lost_side", "lost_actor", "lost_name",
                     "source_count")
MERGED_COLUMNS = ("source_count", "updated_at", *DATE_COLUMNS, "lost_side", "lost_actor", "lost_name")
# Serialises writers of the same place (so two reports of one change never make two events); all of an
# article's locks in one statement, taken in ascending order so that two writers never deadlock.
_LOCK_SQL = text("SELECT pg_advisory_xact_lock(lock_id) FROM (SELECT unnest(CAST(:ids AS bigint[])) AS lock_id "
                 "ORDER BY lock_id) AS ordered")

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


@contextmanager
def write_transaction(session_factory: sessionmaker[Session]) -> Iterator[Connection]:
    """One write transaction, committed when the block ends and rolled back on any error. On SQLite our writers
    queue on a process lock (SQLite has one writer at a time anyway)."""
    with session_factory() as session:
        if session.get_bind().dialect.name == "postgresql":
            with session.begin():
                yield session.connection()
        else:
            with _SQLITE_WRITE_LOCK, session.begin():
                yield session.connection()


def is_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def article_row(article: NewArticle, *, article_id: str, now: datetime, status: str,
                batch_id: str | None = None) -> dict[str, Any]:
    return dict(
        id=article_id, url=article.url, dedup_key=article.dedup_key, text_sha256=article.text_sha256,
        idempotency_key=article.idempotency_key, title=article.title, source=article.source, text=article.text,
        published_at=article.published_at, created_at=now, status=status, batch_id=batch_id,
    )


def insert_articles(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Raises ``IntegrityError`` when one of them is already stored (url, text or Idempotency-Key)."""
    if rows:
        connection.execute(insert(_ARTICLES), rows)


def insert_batch(connection: Connection, *, batch_id: str, size: int, repeated: int, now: datetime) -> None:
    connection.execute(insert(Batch.__table__), [dict(id=batch_id, size=size, repeated=repeated, created_at=now)])


def lock_article(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """The article's state, its row locked until the transaction ends (PostgreSQL): one writer an article."""
    query = select(_ARTICLES.c.id, _ARTICLES.c.status, _ARTICLES.c.pipeline_version, _ARTICLES.c.attempts).where(
        _ARTICLES.c.id == article_id)
    if is_postgres(connection):
        query = query.with_for_update()
    row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def reported_place_keys(connection: Connection, article_id: str) -> set[str]:
    """The place keys of the events an article reports now (to lock them before its reports are replaced)."""
    return set(connection.execute(
        select(_EVENTS.c.place_key).join(_SOURCES, _SOURCES.c.event_id == _EVENTS.c.id)
        .where(_SOURCES.c.article_id == article_id)
    ).scalars())


def lock_places(connection: Connection, keys: set[str]) -> None:
    """PostgreSQL advisory locks on the places, held to the end of the transaction (SQLite: its write lock)."""
    if keys and is_postgres(connection):
        ids = sorted({int.from_bytes(hashlib.sha256(k[:400].encode()).digest()[:8], "big", signed=True)
                      for k in keys})
        connection.execute(_LOCK_SQL, {"ids": ids})


def merge_candidates(connection: Connection, keys: list[str], low: date, high: date) -> list[dict[str, Any]]:
    """Stored events at the places whose merge day (a dated one's start, an open one's end) lies in [low, high],
    locked for update on PostgreSQL."""
    start, end = _EVENTS.c.date_start, _EVENTS.c.date_end
    query = select(*(_EVENTS.c[name] for name in CANDIDATE_COLUMNS)).where(_EVENTS.c.place_key.in_(keys), or_(
        and_(start >= low, start <= high), and_(start == OPEN_START, end >= low, end <= high)))
    if is_postgres(connection):
        query = query.with_for_update()
    return [dict(row._mapping) for row in connection.execute(query)]


def remove_analysis(connection: Connection, article_id: str, now: datetime) -> tuple[set[str], set[str]]:
    """Drop an article's mentions and reports; the events it reported are recounted and those left with no
    source are deleted. Returns (events changed, events deleted). The caller holds the places' locks."""
    event_ids = set(connection.execute(
        select(_SOURCES.c.event_id).where(_SOURCES.c.article_id == article_id)).scalars())
    connection.execute(delete(_SOURCES).where(_SOURCES.c.article_id == article_id))
    connection.execute(delete(_MENTIONS).where(_MENTIONS.c.article_id == article_id))
    if not event_ids:
        return set(), set()
    sources = (select(func.count(func.distinct(_SOURCES.c.article_id)))
               .where(_SOURCES.c.event_id == _EVENTS.c.id).scalar_subquery())
    connection.execute(update(_EVENTS).where(_EVENTS.c.id.in_(event_ids)).values(source_count=sources,
                                                                                   updated_at=now))
    gone = set(connection.execute(
        select(_EVENTS.c.id).where(_EVENTS.c.id.in_(event_ids), _EVENTS.c.source_count == 0)).scalars())
    if gone:
        connection.execute(delete(_EVENTS).where(_EVENTS.c.id.in_(gone)))
    return event_ids - gone, gone


def mention_rows(article_id: str, mentions: list[NewMention]) -> list[dict[str, Any]]:
    return [
        dict(article_id=article_id, start=m.start, end=m.end, text=m.text[:400], geonameid=m.geonameid,
             region_geonameid=m.region_geonameid, confidence=m.confidence, resolved_by=m.resolved_by[:60],
             is_dateline=m.is_dateline, alternatives=list(m.alternatives))
        for m in mentions
    ]


def write_analysis(connection: Connection, *, mentions: list[dict[str, Any]], merged: list[dict[str, Any]],
                   new: list[dict[str, Any]], sources: list[dict[str, Any]]) -> None:
    """The one write path of an analysis (both backends): one ``executemany`` a table."""
    if mentions:
        connection.execute(insert(_MENTIONS), mentions)
    if merged:
        rows = [{"merged_id": row["id"], **{c: row[c] for c in MERGED_COLUMNS}} for row in merged]
        connection.execute(update(_EVENTS).where(_EVENTS.c.id == bindparam("merged_id")), rows)
    if new:
        connection.execute(insert(_EVENTS), new)
    if sources:
        connection.execute(insert(_SOURCES), sources)


def finish_article(connection: Connection, article_id: str, *, status: str, now: datetime,
                   version: str | None = None, reason: str | None = None, attempts: int | None = None) -> None:
    values: dict[str, Any] = dict(status=status, failure_reason=reason, analysed_at=now)
    if version is not None:
        values["pipeline_version"] = version
    if attempts is not None:
        values["attempts"] = attempts
    connection.execute(update(_ARTICLES).where(_ARTICLES.c.id == article_id).values(**values))


def record_changes(connection: Connection, *, changed: set[str], deleted: set[str], now: datetime) -> int | None:
    """Stamp changed events and tombstones of deleted ones with the next value of the change cursor. The cursor
    row stays locked until commit, so cursor order is commit order: a mirror reading past value N never misses a
    change stamped N or less. Called last, to keep that lock short."""
    if not changed and not deleted:
        return None
    value = connection.execute(
        update(_CURSOR).where(_CURSOR.c.id == 1).values(value=_CURSOR.c.value + 1).returning(_CURSOR.c.value)
    ).scalar_one()
    if changed:
        connection.execute(update(_EVENTS).where(_EVENTS.c.id.in_(changed)).values(change_seq=value))
    if deleted:
        connection.execute(insert(_TOMBSTONES), [dict(event_id=e, change_seq=value, deleted_at=now)
                                                 for e in sorted(deleted)])
    return value


def versions_to_reanalyse(session: Session, *, version: str, since: datetime | None, source: str | None,
                          everything: bool) -> list[str]:
    """Ids of stored articles (oldest first) whose analysis is not of ``version`` (every one with ``everything``),
    optionally received since a time or from one source."""
    query = select(_ARTICLES.c.id).order_by(_ARTICLES.c.created_at, _ARTICLES.c.id)
    if not everything:
        query = query.where(or_(_ARTICLES.c.pipeline_version.is_(None), _ARTICLES.c.pipeline_version != version))
    if since is not None:
        query = query.where(_ARTICLES.c.created_at >= since)
    if source is not None:
        query = query.where(_ARTICLES.c.source == source)
    return list(session.execute(query).scalars())


def article_text(session: Session, article_id: str) -> dict[str, Any] | None:
    """What an analysis of a stored article reads."""
    columns = ("id", "text", "title", "published_at", "created_at", "status", "pipeline_version")
    row = session.execute(select(*(_ARTICLES.c[c] for c in columns)).where(_ARTICLES.c.id == article_id)).first()
    return dict(row._mapping) if row else None


def batch_counts(session: Session, batch_id: str) -> dict[str, Any] | None:
    batch = session.get(Batch, batch_id)
    if batch is None:
        return None
    counts = dict(session.execute(select(_ARTICLES.c.status, func.count()).where(_ARTICLES.c.batch_id == batch_id)
                                  .group_by(_ARTICLES.c.status)).all())
    return {"id": batch.id, "size": batch.size, "repeated": batch.repeated, "created_at": batch.created_at,
            "counts": counts}


def status_counts(session: Session) -> dict[str, int]:
    return dict(session.execute(select(_ARTICLES.c.status, func.count()).group_by(_ARTICLES.c.status)).all())


def failure_counts(session: Session) -> dict[str, int]:
    """Failed articles by reason (the exception's name, before the colon)."""
    reasons = session.execute(select(_ARTICLES.c.failure_reason).where(_ARTICLES.c.status == "failed")).scalars()
    counts: dict[str, int] = {}
    for reason in reasons:
        key = (reason or "unknown").split(":", 1)[0][:60]
        counts[key] = counts.get(key, 0) + 1
    return counts


def recent_latency(session: Session, *, minutes: int) -> dict[float, float]:
    """Median and 95th percentile of acceptance-to-analysis seconds of the articles analysed in the last minutes."""
    since = datetime.now(UTC) - timedelta(minutes=minutes)
    rows = session.execute(select(_ARTICLES.c.created_at, _ARTICLES.c.analysed_at).where(
        _ARTICLES.c.analysed_at >= since, _ARTICLES.c.status == "done")).all()
    waits = sorted(max(0.0, (_aware(done) - _aware(created)).total_seconds()) for created, done in rows)
    if not waits:
        return {}
    return {q: waits[min(len(waits) - 1, int(q * len(waits)))] for q in (0.5, 0.95)}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article as rows: the article, its mentions, the places they name, its reports with their events."""

    article: Article
    mentions: list[MentionRow]
    places: dict[int, GazetteerPlace]
    sources: list[tuple[EventSource, EventRow]]


def load_article(*, session: Session, article_id: str) -> ArticleRecord | None:
    from app.store import geocoder_repo

    article = session.get(Article, article_id)
    if article is None:
        return None
    mentions = list(session.scalars(
        select(MentionRow).where(MentionRow.article_id == article_id).order_by(MentionRow.start, MentionRow.id)
    ).all())
    wanted = {m.geonameid for m in mentions if m.geonameid} | {a for m in mentions for a in (m.alternatives or [])}
    wanted |= {m.region_geonameid for m in mentions if m.region_geonameid}
    places = {p.geonameid: p for p in to_records(
        session, list(session.scalars(select(Place).where(Place.geonameid.in_(wanted))))
    )} if wanted else {}
    # places the fallback geocoder found (negative ids) are read back from its answers
    places.update(geocoder_repo.answers_by_place_id(session=session, geonameids=wanted))
    sources = [(s, e) for s, e in session.execute(
        select(EventSource, EventRow)
        .join(EventRow, EventRow.id == EventSource.event_id)
        .where(EventSource.article_id == article_id)
        .order_by(EventSource.evidence_start, EventSource.mention_start)
    ).all()]
    return ArticleRecord(article, mentions, places, sources)
