"""Submitting an article: analyse it (no database), flatten the result, store it once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.gazetteer.names import normalize
from app.geoparse.model import Mention
from app.geoparse.serialize import mention_to_dict
from app.observability import ARTICLES, EVENTS, MENTIONS, PIPELINE_FAILURES, pipeline_stage
from app.store import article_repo
from app.store.article_repo import DuplicateArticle, NewArticle, NewEvent, NewMention
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


def submit_article(
    *, session_factory: sessionmaker[Session], analyser: Any, article: NewArticle, geocoder: Any = None
) -> Submission:
    """Store a new article (201) or answer with the copy already stored (200); never stores it twice.

    One session serves the whole request: the duplicate check, then (after the analysis, which needs no
    database) the writes."""
    with session_factory() as session:
        existing = article_repo.find_existing(session=session, article=article)
        if existing:
            ARTICLES.labels("repeated").inc()
            return Submission(existing, False, article_repo.article_view(session=session, article_id=existing) or {})
        with pipeline_stage("analyse"):
            analysis = analyser.analyse(article.text, published_at=article.published_at, title=article.title)
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
        try:
            article_id, stored = article_repo.store_article(
                session=session, article=article,
                mentions=[flatten_mention(m) for m in analysis.mentions], events=events,
            )
        except DuplicateArticle as duplicate:
            ARTICLES.labels("repeated").inc()
            body = article_repo.article_view(session=session, article_id=duplicate.article_id) or {}
            return Submission(duplicate.article_id, False, body)
        except Exception:
            PIPELINE_FAILURES.labels("store").inc()
            raise
    ARTICLES.labels("stored").inc()
    MENTIONS.inc(len(analysis.mentions))
    EVENTS.inc(len(events))
    # Answered from what was just stored, in the order GET /v1/articles/{id} lists it, without reading it back.
    # One entry per report, as the article's sources are stored.
    ordered = sorted(
        article_repo.reports(events, stored), key=lambda pair: (pair[0].evidence_start, pair[0].mention_start)
    )
    body = {
        "id": article_id,
        "places": [mention_to_dict(m) for m in analysis.mentions],
        "events": [{"id": s.id, **e.event_json, "source_count": s.source_count} for e, s in ordered],
    }
    return Submission(article_id, True, body)
