"""Tables for the whole contract: gazetteer, articles, mentions, events and their sources.

Geometry columns exist only on PostGIS, where they are generated from ``lat``/``lon`` (or the GeoJSON text)
so that every write is the same on both backends; the embedded SQLite backend filters on indexed lon/lat.
They are therefore not mapped here: spatial SQL lives in ``store/spatial_*.py``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# ``events.date_start`` of a date with no start ("on or before date_end": basis published or received). A real,
# earliest date rather than NULL, so that the overlap test ``date_start <= b AND date_end >= a`` treats it as open
# and the (date_start, id) index and keyset pages keep working unchanged; it sorts after every dated event
# newest-first. Readers turn it back into "no start" (``app.store.event_queries.stored_start``).
OPEN_START = date(1, 1, 1)


class Place(Base):
    __tablename__ = "places"

    geonameid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    asciiname: Mapped[str] = mapped_column(String(200), default="")
    feature_class: Mapped[str] = mapped_column(String(1), default="")
    feature_code: Mapped[str] = mapped_column(String(10), default="")
    country_code: Mapped[str] = mapped_column(String(2), default="")
    admin1_code: Mapped[str] = mapped_column(String(20), default="")
    admin2_code: Mapped[str] = mapped_column(String(80), default="")
    population: Mapped[int] = mapped_column(BigInteger, default=0)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        Index("ix_places_lon_lat", "lon", "lat"),
        Index("ix_places_country_admin1", "country_code", "admin1_code"),
    )


class PlaceName(Base):
    """Every name of a place with its three lookup forms (see ``app.gazetteer.names``)."""

    __tablename__ = "place_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    geonameid: Mapped[int] = mapped_column(BigInteger, ForeignKey("places.geonameid", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(400))
    normalized: Mapped[str] = mapped_column(String(400))
    key: Mapped[str] = mapped_column(String(400))
    skeleton: Mapped[str] = mapped_column(String(400))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        UniqueConstraint("geonameid", "name", name="uq_place_names_geonameid_name"),
        Index("ix_place_names_key", "key"),
        Index("ix_place_names_skeleton", "skeleton"),
        Index("ix_place_names_normalized", "normalized"),
    )


class AdminArea(Base):
    """A country (level 0) or first/second-order division with its outline as GeoJSON."""

    __tablename__ = "admin_areas"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    country_code: Mapped[str] = mapped_column(String(2))
    geojson: Mapped[str] = mapped_column(Text)
    min_lon: Mapped[float] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lon: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)


class GeocoderAnswer(Base):
    """What the fallback geocoder answered for one name asked within one scope, misses included: a name is asked
    once. ``id`` numbers the places it found (their ``geonameid`` in answers is ``-id``)."""

    __tablename__ = "geocoder_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    query: Mapped[str] = mapped_column(String(400))
    found: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    osm_class: Mapped[str | None] = mapped_column(String(40), nullable=True)
    osm_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    country_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("query", name="uq_geocoder_answers_query"),)


class AdminCode(Base):
    """GeoNames' admin codes (``SY.12`` → Idlib, level 1; ``SY.12.1203``, level 2; ``SY``, level 0)."""

    __tablename__ = "admin_codes"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    asciiname: Mapped[str] = mapped_column(String(200))
    geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class GazetteerFile(Base):
    """Which gazetteer files were loaded, by content hash, so a second load of the same file is a no-op."""

    __tablename__ = "gazetteer_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(40))
    rows: Mapped[int] = mapped_column(Integer)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    # "url:<sha256 of the normalised url>" or, with no url, "text:<sha256 of the text>": the same article twice.
    dedup_key: Mapped[str] = mapped_column(String(100), unique=True)
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True, unique=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(String(400), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Migration 0005. pending: accepted, its analysis queued; done: analysed by ``pipeline_version``; failed: the
    # analysis failed every try (``failure_reason`` says why).
    status: Mapped[str] = mapped_column(String(10), default="done", server_default="done")
    pipeline_version: Mapped[str | None] = mapped_column(String(120), nullable=True, index=True)
    failure_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    analysed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    batch_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)


class Batch(Base):
    """Articles handed over in one ``POST /v1/articles:batch`` (migration 0005)."""

    __tablename__ = "batches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    # Articles of the batch already stored before it (or twice in it): counted, not stored again.
    repeated: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChangeCursor(Base):
    """One row: the last value of the change cursor events and tombstones are stamped with (migration 0005)."""

    __tablename__ = "change_cursor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class EventTombstone(Base):
    """An event that re-analysis removed (it lost its last source), kept so that mirrors learn of it."""

    __tablename__ = "event_tombstones"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(String(36), ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(400))
    geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    region_geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    resolved_by: Mapped[str] = mapped_column(String(60), default="")
    is_dateline: Mapped[bool] = mapped_column(Boolean, default=False)
    alternatives: Mapped[list[int]] = mapped_column(JSON, default=list)


class EventRow(Base):
    """A control change, merged across the articles that report it (see ``EventSource``)."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    place_name: Mapped[str] = mapped_column(String(400))
    place_key: Mapped[str] = mapped_column(String(400))
    region_geonameid: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    geo_precision: Mapped[int] = mapped_column(Integer)
    gained_side: Mapped[str | None] = mapped_column(String(20), nullable=True)
    gained_actor: Mapped[str | None] = mapped_column(String(80), nullable=True)
    gained_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lost_side: Mapped[str | None] = mapped_column(String(20), nullable=True)
    lost_actor: Mapped[str | None] = mapped_column(String(80), nullable=True)
    lost_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    date_start: Mapped[date] = mapped_column(Date)  # OPEN_START: no start
    date_end: Mapped[date] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(12))
    # Kept for readers of the table: true exactly when date_basis is text or text_relative.
    date_from_text: Mapped[bool] = mapped_column(Boolean, default=True)
    # app.events.model.BASES; migration 0003.
    date_basis: Mapped[str] = mapped_column(String(16), default="text", server_default="text")
    # "MM-DD": a day and month the text gives with no year (the date is then on or before date_end, received).
    date_month_day: Mapped[str | None] = mapped_column(String(5), nullable=True)
    evidence_text: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    source_count: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The change cursor value of the last write that changed the event (migration 0005; NULL: before it).
    change_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)

    __table_args__ = (
        # Migration 0002 adds ix_events_date_id_cover (and on PostGIS drops this one in its favour).
        Index("ix_events_date_id", "date_start", "id"),
        Index("ix_events_lon_lat", "lon", "lat"),
        Index("ix_events_geonameid_date", "geonameid", "date_start"),
        Index("ix_events_merge", "place_key", "gained_side", "date_start"),
    )


class EventSource(Base):
    """One article's report of an event: its evidence and mention, kept per source."""

    __tablename__ = "event_sources"

    event_id: Mapped[str] = mapped_column(String(36), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mention_start: Mapped[int] = mapped_column(Integer, primary_key=True)
    evidence_text: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    claimed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    event_json: Mapped[dict] = mapped_column(JSON)
