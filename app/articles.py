"""Submitting and (re-)analysing articles: the service level above the store.

The transactions are drawn here: a short session for the duplicate check, the analysis with no connection held
(a slow analysis never pins a pooled connection), then one write transaction. The merge policy is
``app.merge``; the store (``app.store.article_repo``) only persists. On PostgreSQL with the queue, an accepted
article and its analysis job are written together and a worker analyses it (``analyse_stored``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app import merge
from app.gazetteer.names import normalize
from app.geoparse.model import Mention
from app.geoparse.serialize import mention_to_dict, place_to_dict
from app.observability import ARTICLES, EVENTS, JOB_LATENCY, MENTIONS, PIPELINE_FAILURES, pipeline_stage
from app.store import article_repo
from app.store.article_repo import NewArticle, NewEvent, NewMention, StoredEvent
from app.store.models import OPEN_START


@dataclass(frozen=True, slots=True)
class Submission:
    article_id: str
    created: bool
    body: dict[str, Any]


def place_key(mention: Mention) -> str:
    """What identifies "the same place" across articles: its geonameid, else its name within its region."""
    if mention.place is not None:
        return f"g:{mention.place.geonameid}"
    region = mention.region.geonameid if mention.region else ""
    return f"n:{normalize(mention.text)}:{region}"


def flatten_mention(mention: Mention) -> NewMention:
    return NewMention(
        start=mention.start, end=mention.end, text=mention.text,
        geonameid=mention.place.geonameid if mention.place else None,
        region_geonameid=mention.region.geonameid if mention.region else None,
        confidence=mention.confidence, resolved_by=mention.resolved_by, is_dateline=mention.is_dateline,
        alternatives=tuple(p.geonameid for p in mention.alternatives),
    )


def flatten_event(change: Any, received: date) -> NewEvent:
    """A ``ControlChange`` as a row: coordinates from the place, else from its region (geo_precision 3); a date
    that neither the text nor the publication gives is on or before ``received``."""
    from app.events import event_to_dict
    from app.events.dates import bounded_by_receipt

    change = replace(change, date=bounded_by_receipt(change.date, received))
    mention: Mention = change.place
    located = mention.place or mention.region
    event_json = event_to_dict(change, mention_to_dict)
    found = change.date
    month_day = f"{found.month_day[0]:02d}-{found.month_day[1]:02d}" if found.month_day else None
    return NewEvent(
        place_key=place_key(mention), place_name=mention.place.name if mention.place else mention.text,
        mention_start=mention.start,
        geonameid=mention.place.geonameid if mention.place else None,
        region_geonameid=mention.region.geonameid if mention.region else None,
        lat=located.lat if located else None, lon=located.lon if located else None,
        geo_precision=change.geo_precision,
        gained_side=change.gained_by.side.value if change.gained_by else None,
        gained_actor=change.gained_by.actor if change.gained_by else None,
        gained_name=change.gained_by.name if change.gained_by else None,
        lost_side=change.lost_by.side.value if change.lost_by else None,
        lost_actor=change.lost_by.actor if change.lost_by else None,
        lost_name=change.lost_by.name if change.lost_by else None,
        claimed_by=change.claimed_by, date_start=found.start or OPEN_START, date_end=found.end,
        date_precision=found.precision, date_basis=found.basis, date_month_day=month_day,
        evidence_text=change.evidence_text, evidence_start=change.evidence_start,
        evidence_end=change.evidence_end, confidence=change.confidence, event_json=event_json,
    )


def analyse_text(*, session_factory: sessionmaker[Session], analyser: Any, geocoder: Any, text: str,
                 published_at: datetime | None, title: str | None) -> tuple[list[Mention], list[NewEvent]]:
    """The analysis, flattened for storage; it holds no database connection (the fallback geocoder takes one
    briefly for its answers)."""
    with pipeline_stage("analyse"):
        analysis = analyser.analyse(text, published_at=published_at, title=title)
    if geocoder is not None:
        from app.geocoding import locate_unresolved

        with pipeline_stage("geocode"):
            mentions, changes = locate_unresolved(session_factory=session_factory, geocoder=geocoder,
                                                  mentions=analysis.mentions, events=analysis.events)
        analysis = replace(analysis, mentions=mentions, events=changes)
    received = datetime.now(UTC).date()
    events: list[NewEvent] = []
    seen: set[tuple[str, str | None, int, date]] = set()
    for change in analysis.events:
        flat = flatten_event(change, received)
        identity = (flat.place_key, flat.gained_side, flat.mention_start, flat.date_start)
        if identity not in seen:
            seen.add(identity)
            events.append(flat)
    return analysis.mentions, events


def store_analysis(connection: Connection, *, article_id: str, mentions: list[Mention], events: list[NewEvent],
                   now: datetime, replacing: bool) -> list[StoredEvent]:
    """Write an article's analysis in the caller's transaction: with ``replacing``, its earlier mentions and
    reports go first (events recounted, those left with no source deleted); then each change merges into the
    stored event it belongs to or makes a new one; the change cursor stamps what changed."""
    old_keys = article_repo.reported_place_keys(connection, article_id) if replacing else set()
    article_repo.lock_places(connection, old_keys | {e.place_key for e in events})
    changed, deleted = (article_repo.remove_analysis(connection, article_id, now) if replacing
                        else (set(), set()))
    plan = merge.MergePlan(stored=[], new_rows=[], merged_rows=[])
    if events:
        keys, low, high = merge.candidate_window(events)
        plan = merge.plan_events(events, article_repo.merge_candidates(connection, keys, low, high), now)
    article_repo.write_analysis(
        connection, mentions=article_repo.mention_rows(article_id, [flatten_mention(m) for m in mentions]),
        merged=plan.merged_rows, new=plan.new_rows, sources=merge.source_rows(article_id, events, plan.stored))
    changed |= {row["id"] for row in plan.new_rows} | {row["id"] for row in plan.merged_rows}
    article_repo.record_changes(connection, changed=changed, deleted=deleted, now=now)
    return plan.stored


def _find_existing(session_factory: sessionmaker[Session], article: NewArticle) -> str | None:
    with session_factory() as session:
        return article_repo.find_existing(session=session, article=article)


def submit_article(
    *, session_factory: sessionmaker[Session], analyser: Any, article: NewArticle, geocoder: Any = None,
    batch_id: str | None = None,
) -> Submission:
    """Store a new article analysed inline (201) or answer with the copy already stored (200); never stores it
    twice."""
    existing = _find_existing(session_factory, article)
    if existing:
        return _repeated(session_factory, existing)
    mentions, events = analyse_text(session_factory=session_factory, analyser=analyser, geocoder=geocoder,
                                    text=article.text, published_at=article.published_at, title=article.title)
    now = datetime.now(UTC)
    article_id = str(uuid.uuid4())
    row = {**article_repo.article_row(article, article_id=article_id, now=now, status="done", batch_id=batch_id),
           "pipeline_version": analyser.version, "analysed_at": now}
    try:
        with article_repo.write_transaction(session_factory) as connection:
            article_repo.insert_articles(connection, [row])
            stored = store_analysis(connection, article_id=article_id, mentions=mentions, events=events, now=now,
                                    replacing=False)
    except IntegrityError:
        # A concurrent request won the race on url/text/Idempotency-Key: answer with its article.
        existing = _find_existing(session_factory, article)
        if existing:
            return _repeated(session_factory, existing)
        PIPELINE_FAILURES.labels("store").inc()
        raise
    except Exception:
        PIPELINE_FAILURES.labels("store").inc()
        raise
    ARTICLES.labels("stored").inc()
    MENTIONS.inc(len(mentions))
    EVENTS.inc(len(events))
    # Answered from what was just stored, in the order GET /v1/articles/{id} lists it, without reading it back.
    # One entry per report, as the article's sources are stored.
    ordered = sorted(merge.reports(events, stored), key=lambda pair: (pair[0].evidence_start, pair[0].mention_start))
    body = {
        "id": article_id,
        "places": [mention_to_dict(m) for m in mentions],
        "events": [{"id": s.id, **e.event_json, "source_count": s.source_count} for e, s in ordered],
    }
    return Submission(article_id, True, body)


def _repeated(session_factory: sessionmaker[Session], article_id: str) -> Submission:
    ARTICLES.labels("repeated").inc()
    with session_factory() as session:
        return Submission(article_id, False, article_view(session=session, article_id=article_id) or {})


def accept_article(*, session_factory: sessionmaker[Session], queue: Any, article: NewArticle) -> Submission:
    """Store the article as pending with its analysis job, in one transaction (202), or answer with the copy
    already stored (200)."""
    existing = _find_existing(session_factory, article)
    if existing:
        return _repeated(session_factory, existing)
    now = datetime.now(UTC)
    article_id = str(uuid.uuid4())
    try:
        with article_repo.write_transaction(session_factory) as connection:
            article_repo.insert_articles(
                connection, [article_repo.article_row(article, article_id=article_id, now=now, status="pending")])
            queue.defer(connection, [article_id])
    except IntegrityError:
        existing = _find_existing(session_factory, article)
        if existing:
            return _repeated(session_factory, existing)
        raise
    ARTICLES.labels("accepted").inc()
    return Submission(article_id, True, {"id": article_id, "status": "pending"})


@dataclass(frozen=True, slots=True)
class BatchAccepted:
    batch_id: str
    accepted: int
    repeated: int


def accept_batch(*, session_factory: sessionmaker[Session], queue: Any, articles: list[NewArticle]) -> BatchAccepted:
    """Store up to ``batch_max_articles`` new articles as pending with their jobs, in one transaction; articles
    already stored (or repeated within the batch) are counted as repeated and not stored again."""
    batch_id = str(uuid.uuid4())
    for _ in range(3):  # a concurrent writer may store one of them between the check and the insert
        keys: set[str] = set()
        fresh: list[NewArticle] = []
        with session_factory() as session:
            for article in articles:
                identity = {article.dedup_key} | ({"idem:" + article.idempotency_key}
                                                  if article.idempotency_key else set())
                if identity & keys or article_repo.find_existing(session=session, article=article):
                    continue
                keys |= identity
                fresh.append(article)
        now = datetime.now(UTC)
        rows = [article_repo.article_row(a, article_id=str(uuid.uuid4()), now=now, status="pending",
                                         batch_id=batch_id) for a in fresh]
        try:
            with article_repo.write_transaction(session_factory) as connection:
                article_repo.insert_batch(connection, batch_id=batch_id, size=len(articles),
                                          repeated=len(articles) - len(rows), now=now)
                article_repo.insert_articles(connection, rows)
                if queue is not None:
                    queue.defer(connection, [row["id"] for row in rows])
        except IntegrityError:
            continue
        ARTICLES.labels("accepted").inc(len(rows))
        ARTICLES.labels("repeated").inc(len(articles) - len(rows))
        return BatchAccepted(batch_id, len(rows), len(articles) - len(rows))
    raise RuntimeError("the batch kept colliding with concurrent writers of the same articles")


class TextTooLong(ValueError):
    """A stored article longer than the analysis cap."""


def analyse_stored(*, session_factory: sessionmaker[Session], analyser: Any, geocoder: Any, article_id: str,
                   attempt: int = 1, final: bool = True, force: bool = False,
                   max_chars: int | None = None) -> str:
    """Analyse a stored article with this process's pipeline and replace its analysis, once per pipeline version:
    a retry after a crash (or a second job for the article) finds the version stored and changes nothing. On the
    ``final`` try a failure marks the article failed with its reason; the exception is re-raised so that the
    queue records it (and retries while tries are left). ``force`` analyses it even on the current version (the
    result is the same analysis, stored once). Returns what happened: stored, current or missing."""
    with session_factory() as session:
        found = article_repo.article_text(session, article_id)
    if found is None:
        return "missing"
    if not force and found["pipeline_version"] == analyser.version and found["status"] == "done":
        return "current"
    try:
        if max_chars is not None and len(found["text"]) > max_chars:
            # Stored by other means (a direct load, an older service): analysis is capped as at the API.
            raise TextTooLong(f"the text has {len(found['text']):,} characters; at most {max_chars:,} are analysed")
        mentions, events = analyse_text(session_factory=session_factory, analyser=analyser, geocoder=geocoder,
                                        text=found["text"], published_at=found["published_at"],
                                        title=found["title"])
    except Exception as error:
        PIPELINE_FAILURES.labels("analyse").inc()
        _record_failure(session_factory, article_id, error, attempt=attempt, final=final)
        raise
    now = datetime.now(UTC)
    try:
        with article_repo.write_transaction(session_factory) as connection:
            locked = article_repo.lock_article(connection, article_id)
            if locked is None:
                return "missing"
            if not force and locked["pipeline_version"] == analyser.version and locked["status"] == "done":
                return "current"
            store_analysis(connection, article_id=article_id, mentions=mentions, events=events, now=now,
                           replacing=True)
            article_repo.finish_article(connection, article_id, status="done", now=now, version=analyser.version,
                                        attempts=attempt)
    except Exception as error:
        PIPELINE_FAILURES.labels("store").inc()
        _record_failure(session_factory, article_id, error, attempt=attempt, final=final)
        raise
    created = found["created_at"]
    JOB_LATENCY.observe(max(0.0, (now - (created if created.tzinfo else created.replace(tzinfo=UTC)))
                            .total_seconds()))
    ARTICLES.labels("analysed").inc()
    return "stored"


def _record_failure(session_factory: sessionmaker[Session], article_id: str, error: Exception, *, attempt: int,
                    final: bool) -> None:
    reason = f"{type(error).__name__}: {error}"[:500]
    with article_repo.write_transaction(session_factory) as connection:
        article_repo.finish_article(connection, article_id, status="failed" if final else "pending",
                                    now=datetime.now(UTC), reason=reason, attempts=attempt)


def article_view(*, session: Session, article_id: str) -> dict[str, Any] | None:
    """The stored article as ``GET /v1/articles/{id}`` answers it: its mentions (places re-read from the
    gazetteer), its events, and the state of its analysis."""
    record = article_repo.load_article(session=session, article_id=article_id)
    if record is None:
        return None
    article, places = record.article, record.places
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "created_at": article.created_at.isoformat(),
        "text": article.text,
        "status": article.status,
        "failure_reason": article.failure_reason if article.status == "failed" else None,
        "pipeline_version": article.pipeline_version,
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
            for m in record.mentions
        ],
        "events": [
            {"id": event.id, **source.event_json, "source_count": event.source_count}
            for source, event in record.sources
        ],
    }
