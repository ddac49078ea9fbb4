"""Read-side queries that serve events to maps: filtered keyset pages, control snapshots, timelines, tiles.

Writes belong to ``article_repo``; this module only reads. What differs between PostGIS and SQLite (the bbox
test and the vector tile) lives in ``spatial_postgis`` / ``spatial_sqlite``; everything else is plain SQL that
both run. Events without coordinates (region-only reports) have no point to draw, so map queries skip them.

Dates with no start ("on or before D": the text does not date the change) are stored with ``date_start`` at
``OPEN_START``, so the overlap test below treats them as open intervals: they match every window that starts on
or before D. Newest-first they come after every dated event; oldest-first (timelines), before.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, text, tuple_
from sqlalchemy.orm import Session

from app.bbox import BBox
from app.store import spatial_postgis, spatial_sqlite
from app.store.models import OPEN_START, AdminArea, AdminCode, EventRow, EventSource, Place

EVENTS = EventRow.__table__
SOURCES = EventSource.__table__
# Tiles carry what styles, filters and labels need; the full record is one /v1/events/{id} away. Encoding
# dominates a tile's cost (about 5 µs a point in ST_AsMVT), so a tile holds at most the newest 4,096 events:
# one per 64×64 tile units, more than a 512-pixel tile can show apart.
TILE_MAX_FEATURES = 4096
TILE_EXTENT = 4096
TILE_BUFFER = 64
# ``date_start`` is left out of a feature whose date has no start.
TILE_COLUMNS = ("id", "place_name", "geonameid", "gained_side", "lost_side", "date_start", "date_end",
                "date_precision", "date_basis", "date_month_day", "source_count")


@dataclass(frozen=True)
class DateInterval:
    """Inclusive days; ``None`` is an open end. An event matches when its own date range overlaps (a date with no
    start: when the window starts on or before its end)."""

    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class EventFilters:
    bbox: BBox | None = None
    interval: DateInterval | None = None
    side: str | None = None
    actor: str | None = None
    geonameid: int | None = None
    bases: tuple[str, ...] | None = None  # date bases (app.events.model.BASES) to keep; None: all


@dataclass(frozen=True)
class PageKey:
    """Where a newest-first page ended: the next page starts strictly after (date_start, id)."""

    date_start: date
    id: str

    def encode(self) -> str:
        raw = json.dumps(["v1", self.date_start.isoformat(), self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> PageKey:
        """Raises ValueError for anything that is not a cursor this service handed out."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            version, day, event_id = json.loads(raw)
            if version != "v1" or not isinstance(event_id, str) or len(event_id) > 36:
                raise ValueError("unknown cursor version")
            return cls(date.fromisoformat(day), event_id)
        except (binascii.Error, UnicodeDecodeError, TypeError, ValueError) as exc:
            raise ValueError("cursor is not valid: pass the `next` link's cursor unchanged") from exc


@dataclass(frozen=True)
class MapEvent:
    """One stored event as maps see it: its row and the articles that report it."""

    row: dict[str, Any]
    article_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.row["id"]


@dataclass(frozen=True)
class ControlState:
    """A place's controller on a date: its latest event on or before it, and how many events led there."""

    event: MapEvent
    event_count: int


@dataclass(frozen=True)
class AdminOutline:
    code: str
    level: int
    name: str
    country_code: str
    geonameid: int | None
    geojson: str


def stored_start(value: date) -> date | None:
    """A stored ``date_start`` as a start: None for ``OPEN_START`` (the date is only "on or before" its end)."""
    return None if value == OPEN_START else value


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _spatial(session: Session):  # type: ignore[no-untyped-def]
    return spatial_postgis if _is_postgres(session) else spatial_sqlite


def _plan_each_time(session: Session) -> None:
    """The bind values decide the best plan (a 1° box wants the date index, a village the GiST index), and the
    generic plan PostgreSQL switches to after five executions of a prepared statement is 40× slower here."""
    if _is_postgres(session):
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


def _conditions(session: Session, filters: EventFilters, *, located: bool = True) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.bbox is not None:
        conditions.append(_spatial(session).bbox_condition(filters.bbox))
    elif located:
        # A box test already excludes events without a point; alone, this is what keeps them off the map.
        conditions.append(_spatial(session).located_condition())
    if filters.interval is not None:
        if filters.interval.start is not None:
            conditions.append(EVENTS.c.date_end >= filters.interval.start)
        if filters.interval.end is not None:
            conditions.append(EVENTS.c.date_start <= filters.interval.end)
    if filters.side is not None:
        conditions.append(EVENTS.c.gained_side == filters.side)
    if filters.actor is not None:
        conditions.append(EVENTS.c.gained_actor == filters.actor)
    if filters.geonameid is not None:
        conditions.append(EVENTS.c.geonameid == filters.geonameid)
    if filters.bases is not None:
        conditions.append(EVENTS.c.date_basis.in_(filters.bases))
    return conditions


def _newest_first(statement: Select) -> Select:
    return statement.order_by(EVENTS.c.date_start.desc(), EVENTS.c.id.desc())


def _with_articles(session: Session, rows: Sequence[Any]) -> list[MapEvent]:
    rows = [dict(row) for row in rows]
    ids = [row["id"] for row in rows]
    articles: dict[str, list[str]] = defaultdict(list)
    if ids:
        pairs = session.execute(
            select(SOURCES.c.event_id, SOURCES.c.article_id)
            .where(SOURCES.c.event_id.in_(ids))
            .distinct()
            .order_by(SOURCES.c.event_id, SOURCES.c.article_id)
        )
        for event_id, article_id in pairs:
            articles[event_id].append(article_id)
    return [MapEvent(row=row, article_ids=tuple(articles.get(row["id"], ()))) for row in rows]


def events_page(
    *,
    session: Session,
    filters: EventFilters,
    limit: int,
    after: PageKey | None = None,
    offset: int = 0,
) -> tuple[list[MapEvent], PageKey | None]:
    """Newest first; returns the page and the key to continue from (None on the last page).

    Two steps in one statement: the page's ids from the covering (date_start, id) index, then their rows, so that
    only the rows returned are read from the table.
    """
    _plan_each_time(session)
    keys = _newest_first(select(EVENTS.c.id).where(*_conditions(session, filters))).limit(limit + 1)
    if after is not None:
        keys = keys.where(tuple_(EVENTS.c.date_start, EVENTS.c.id) < tuple_(after.date_start, after.id))
    if offset:
        keys = keys.offset(offset)
    statement = _newest_first(select(EVENTS).where(EVENTS.c.id.in_(keys.scalar_subquery())))
    rows = session.execute(statement).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    following = PageKey(rows[-1]["date_start"], rows[-1]["id"]) if more and rows else None
    return _with_articles(session, rows), following


def count_events(*, session: Session, filters: EventFilters, cap: int | None = None) -> int | None:
    """How many events match; None when more than ``cap`` do (counting millions costs more than the page)."""
    _plan_each_time(session)
    matching = select(EVENTS.c.id).where(*_conditions(session, filters))
    if cap is not None:
        matching = matching.limit(cap + 1)
    count = int(session.execute(select(func.count()).select_from(matching.subquery())).scalar_one())
    return None if cap is not None and count > cap else count


def iter_events(*, session: Session, filters: EventFilters, batch: int = 1000) -> Iterator[MapEvent]:
    """Every matching event, newest first, fetched in keyset batches (for exports)."""
    after: PageKey | None = None
    while True:
        page, after = events_page(session=session, filters=filters, limit=batch, after=after)
        yield from page
        if after is None:
            return


def get_event(*, session: Session, event_id: str) -> MapEvent | None:
    row = session.execute(select(EVENTS).where(EVENTS.c.id == event_id)).mappings().first()
    return _with_articles(session, [row])[0] if row is not None else None


@dataclass(frozen=True)
class EventsExtent:
    """The box around every located event; the first day a dated event starts (else the first day an undated one
    is bounded by) and the last day any event covers; whether some event has no start (``open_start``)."""

    bbox: BBox | None
    first: date | None
    last: date | None
    open_start: bool


def events_extent(*, session: Session) -> EventsExtent:
    """Where and when the stored events lie (the map page's start view and slider, OGC and TileJSON extents)."""
    lon_lat = session.execute(
        select(func.min(EVENTS.c.lon), func.min(EVENTS.c.lat), func.max(EVENTS.c.lon), func.max(EVENTS.c.lat))
    ).one()
    # Each minimum a range of the (date_start, ...) index rather than a scan of the table.
    dated_first, open_first, last = session.execute(select(
        select(func.min(EVENTS.c.date_start)).where(EVENTS.c.date_start > OPEN_START).scalar_subquery(),
        select(func.min(EVENTS.c.date_end)).where(EVENTS.c.date_start == OPEN_START).scalar_subquery(),
        select(func.max(EVENTS.c.date_end)).scalar_subquery(),
    )).one()
    bbox = BBox(*lon_lat) if lon_lat[0] is not None else None
    return EventsExtent(bbox, _as_date(dated_first) or _as_date(open_first), _as_date(last), open_first is not None)


def _as_date(value: Any) -> date | None:
    # SQLite hands back aggregate dates as text.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def control_snapshot(*, session: Session, at: date, bbox: BBox | None = None) -> list[ControlState]:
    """For each place with an event on or before ``at``, its latest such event (its controller then).

    A dated event counts from its start (as it may have happened by then); one with no start ("on or before D")
    from D, when it has certainly happened, and it ranks below every dated event: its change may be older than
    any of them, so it gives the controller only of a place no dated event speaks for (among several such, the
    latest D)."""
    _plan_each_time(session)
    # A place is its geonameid; unresolved places fall back to their normalised name.
    place = (EVENTS.c.geonameid, case((EVENTS.c.geonameid.is_(None), EVENTS.c.place_key), else_=None))
    ranked = (
        select(
            EVENTS,
            func.row_number()
            .over(partition_by=place,
                  order_by=(EVENTS.c.date_start.desc(), EVENTS.c.date_end.desc(), EVENTS.c.id.desc()))
            .label("rank"),
            func.count().over(partition_by=place).label("event_count"),
        )
        .where(EVENTS.c.date_start <= at, or_(EVENTS.c.date_start > OPEN_START, EVENTS.c.date_end <= at),
               *_conditions(session, EventFilters(bbox=bbox)))
        .subquery()
    )
    statement = (
        select(*[ranked.c[c.name] for c in EVENTS.columns], ranked.c.event_count)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.place_name, ranked.c.id)
    )
    rows = session.execute(statement).mappings().all()
    counts = [row["event_count"] for row in rows]
    events = _with_articles(session, [{k: v for k, v in row.items() if k != "event_count"} for row in rows])
    return [ControlState(event=e, event_count=n) for e, n in zip(events, counts, strict=True)]


def place_timeline(*, session: Session, geonameid: int) -> list[MapEvent]:
    """A place's control changes, oldest first (including events without coordinates); those with no start come
    first, by their end."""
    statement = (
        select(EVENTS)
        .where(EVENTS.c.geonameid == geonameid)
        .order_by(EVENTS.c.date_start, EVENTS.c.date_end, EVENTS.c.id)
    )
    return _with_articles(session, session.execute(statement).mappings().all())


def admin_names(*, session: Session, geonameids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(admin1 name, country name) for the places behind events, for exports."""
    if not geonameids:
        return {}
    admin1 = AdminCode.__table__.alias("admin1")
    country = AdminCode.__table__.alias("country")
    statement = (
        select(Place.geonameid, Place.country_code, admin1.c.name, country.c.name)
        .outerjoin(admin1, admin1.c.code == Place.country_code + "." + Place.admin1_code)
        .outerjoin(country, country.c.code == Place.country_code)
        .where(Place.geonameid.in_(sorted(set(geonameids))))
    )
    return {
        geonameid: (admin1_name or "", country_name or country_code or "")
        for geonameid, country_code, admin1_name, country_name in session.execute(statement)
    }


def admin_outlines(*, session: Session, level: int | None, bbox: BBox | None = None,
                   geonameids: Sequence[int] | None = None) -> list[AdminOutline]:
    """Country (0), province (1) or district (2) outlines from the shipped gazetteer, for maps without a basemap;
    with ``geonameids``, the outlines of those places at any level (the map shades region-level events so)."""
    statement = select(AdminArea).order_by(AdminArea.code)
    if level is not None:
        statement = statement.where(AdminArea.level == level)
    if geonameids is not None:
        statement = statement.where(AdminArea.geonameid.in_(list(geonameids)))
    if bbox is not None:
        statement = statement.where(
            AdminArea.min_lat <= bbox.max_lat,
            AdminArea.max_lat >= bbox.min_lat,
            or_(*[_overlaps_lon(part) for part in bbox.parts()]),
        )
    return [
        AdminOutline(code=a.code, level=a.level, name=a.name, country_code=a.country_code, geonameid=a.geonameid,
                     geojson=a.geojson)
        for a in session.scalars(statement)
    ]


def _overlaps_lon(part: BBox) -> ColumnElement[bool]:
    return and_(AdminArea.min_lon <= part.max_lon, AdminArea.max_lon >= part.min_lon)


def tile_bbox(z: int, x: int, y: int, *, buffer: float = TILE_BUFFER / TILE_EXTENT) -> BBox:
    """The lon/lat box of a Web Mercator tile, widened by ``buffer`` tiles on every side."""
    n = 2**z

    def lon(tx: float) -> float:
        return max(-180.0, min(180.0, tx / n * 360.0 - 180.0))

    def lat(ty: float) -> float:
        ty = max(0.0, min(float(n), ty))
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * ty / n))))

    return BBox(lon(x - buffer), lat(y + 1 + buffer), lon(x + 1 + buffer), lat(y - buffer))


def tile(*, session: Session, z: int, x: int, y: int, filters: EventFilters) -> bytes:
    """A Mapbox Vector Tile with layer ``events``: newest first up to TILE_MAX_FEATURES points."""
    _plan_each_time(session)
    query_filters = EventFilters(bbox=tile_bbox(z, x, y), interval=filters.interval, side=filters.side,
                                 actor=filters.actor, geonameid=filters.geonameid, bases=filters.bases)
    return _spatial(session).events_tile(
        session=session, z=z, x=x, y=y, conditions=_conditions(session, query_filters),
        columns=TILE_COLUMNS, limit=TILE_MAX_FEATURES, extent=TILE_EXTENT, buffer=TILE_BUFFER,
    )
