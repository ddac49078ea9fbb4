"""Events for maps: GeoJSON pages with keyset cursors, one event, and a CSV export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from app.api.deps import EventFiltersDep, RuntimeDep, SessionDep, SettingsDep
from app.api.errors import ServiceUnavailable
from app.api.schemas import (
    PROBLEM_RESPONSES,
    EventFeature,
    EventFeatureCollection,
    event_date,
    event_feature,
    flat_properties,
)
from app.store import change_feed, event_queries
from app.store.change_feed import FeedPosition
from app.store.event_queries import MapEvent, PageKey

router = APIRouter(prefix="/v1", tags=["events"])

GEOJSON = "application/geo+json"
# event_date is the date's start, empty when it has none (the change happened on or before date_end); the date
# columns after evidence were added later, at the end so that columns read by position stay where they were.
CSV_COLUMNS = ("event_id", "event_date", "date_precision", "place", "geonameid", "admin1", "country", "latitude",
               "longitude", "geo_precision", "gained_by", "gained_side", "lost_by", "lost_side", "sides",
               "source_count", "evidence", "date_end", "date_basis", "date_prec", "date_month_day")
# Spreadsheets run cells that start like a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def geojson_response(body: dict[str, Any], *, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body, separators=(",", ":"), ensure_ascii=False), media_type=GEOJSON,
                    headers=headers)


def decode_cursor(cursor: str | None) -> PageKey | None:
    if cursor is None:
        return None
    try:
        return PageKey.decode(cursor)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


PropertiesShape = Literal["nested", "flat"]
PropertiesQuery = Annotated[PropertiesShape, Query(
    description="nested: parties, date and evidence as objects (API.md's Event); flat: one scalar per property "
                "(gained_side, date_start, evidence_text, admin1, ...), for GIS attribute tables.")]


def event_features(session: Any, events: list[MapEvent], shape: PropertiesShape) -> list[dict[str, Any]]:
    """The events as GeoJSON Features with their properties nested or flat (flat adds the admin1 and country)."""
    features = [event_feature(e) for e in events]
    if shape == "flat":
        admin = event_queries.admin_names(session=session, geonameids=[e.row["geonameid"] for e in events
                                                                       if e.row["geonameid"] is not None])
        for feature, event in zip(features, events, strict=True):
            feature["properties"] = flat_properties(event, admin.get(event.row["geonameid"]))
    return features


LimitQuery = Annotated[int, Query(ge=1, description="Features per page; above the configured maximum it is clamped.")]
CursorQuery = Annotated[str | None, Query(max_length=200, description="From a previous page's `next` link.")]
UpdatedSinceQuery = Annotated[str | None, Query(
    max_length=60, description="Sync for mirrors: the events changed after this change cursor (0: all), in cursor "
    "order, removed ones as tombstones (`\"deleted\": true`). Continue with the `next` link; when there is none, "
    "keep `change_cursor` for the next sync.")]


def feed_position(updated_since: str) -> FeedPosition:
    try:
        return FeedPosition.parse(updated_since)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


def sync_page(request: Request, session: Any, filters: Any, *, after: FeedPosition, limit: int,
              shape: PropertiesShape, features_of: Any = None) -> dict[str, Any]:
    """One page of the change feed as a FeatureCollection: events with ``change`` and ``deleted: false``,
    tombstones with no geometry and ``deleted: true``."""
    changes, following = change_feed.changes_since(session=session, after=after, limit=limit, filters=filters)
    live = [c.event for c in changes if c.event is not None]
    rendered = iter((features_of or event_features)(session, live, shape))
    features = []
    for change in changes:
        if change.event is None:
            features.append({"type": "Feature", "id": change.id, "geometry": None,
                             "properties": {"deleted": True, "change": change.seq}})
        else:
            feature = next(rendered)
            feature["properties"].update(deleted=False, change=change.seq)
            features.append(feature)
    links = [{"href": str(request.url), "rel": "self", "type": GEOJSON}]
    end = FeedPosition(changes[-1].seq, changes[-1].id) if changes else after
    if following is not None:
        links.append({"href": str(request.url.include_query_params(updated_since=following.encode())),
                      "rel": "next", "type": GEOJSON})
    # Where to sync from next time: the last change returned (never the cursor's latest value, which a write
    # committed after this page's read could already hold).
    return {"type": "FeatureCollection", "features": features, "links": links, "numberReturned": len(features),
            "change_cursor": end.encode()}


@router.get(
    "/events",
    response_model=EventFeatureCollection,
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
    summary="Control-change events as GeoJSON, newest first",
)
def list_events(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    filters: EventFiltersDep,
    limit: LimitQuery = 100,
    cursor: CursorQuery = None,
    properties: PropertiesQuery = "nested",
    updated_since: UpdatedSinceQuery = None,
) -> Response:
    """Keyset pages (date, id): a `next` link stays valid and skips nothing while new events arrive. With
    `updated_since`, the change feed instead (see the parameter)."""
    if updated_since is not None:
        if cursor is not None:
            raise HTTPException(400, "give cursor or updated_since, not both (updated_since pages by itself)")
        body = sync_page(request, session, filters, after=feed_position(updated_since),
                         limit=min(limit, settings.events_max_limit), shape=properties)
        return geojson_response(body)
    page, following = event_queries.events_page(
        session=session, filters=filters, limit=min(limit, settings.events_max_limit), after=decode_cursor(cursor)
    )
    links = [{"href": str(request.url), "rel": "self", "type": GEOJSON}]
    headers = {}
    if following is not None:
        next_url = str(request.url.include_query_params(cursor=following.encode()))
        links.append({"href": next_url, "rel": "next", "type": GEOJSON})
        headers["Link"] = f'<{next_url}>; rel="next"'
    body = {"type": "FeatureCollection", "features": event_features(session, page, properties), "links": links,
            "numberReturned": len(page)}
    return geojson_response(body, headers=headers)


@router.get(
    "/events.csv",
    responses={**PROBLEM_RESPONSES, 200: {"content": {"text/csv": {}}}},
    summary="Every matching event as CSV (ACLED-like columns), newest first",
)
def events_csv(runtime: RuntimeDep, filters: EventFiltersDep,
               updated_since: UpdatedSinceQuery = None) -> StreamingResponse:
    """Streams all matching events; one row per event, one column per field, no limit. With `updated_since`, the
    change feed in cursor order with two more columns: change and deleted (a tombstone has only those and its id)."""
    if runtime.session_factory is None:
        raise ServiceUnavailable("the database is not connected yet")
    factory = runtime.session_factory
    if updated_since is not None:
        after = feed_position(updated_since)

        def feed() -> Iterator[str]:
            position = after
            with factory() as session:
                yield _csv_line((*CSV_COLUMNS, "change", "deleted"))
                while True:
                    changes, following = change_feed.changes_since(session=session, after=position, limit=1000,
                                                                   filters=filters)
                    live = iter(_csv_rows(session, [c.event for c in changes if c.event is not None]))
                    for change in changes:
                        if change.event is None:
                            yield _csv_line((change.id, *[""] * (len(CSV_COLUMNS) - 1), change.seq, "true"))
                        else:
                            yield next(live).rstrip("\r\n") + f",{change.seq},false\r\n"
                    if following is None:
                        return
                    position = following

        return StreamingResponse(feed(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="conflictgeo-changes.csv"'})

    def rows() -> Iterator[str]:
        # Its own session: the stream outlives the request's dependencies.
        with factory() as session:
            yield _csv_line(CSV_COLUMNS)
            batch: list[MapEvent] = []
            for event in event_queries.iter_events(session=session, filters=filters):
                batch.append(event)
                if len(batch) == 1000:
                    yield from _csv_rows(session, batch)
                    batch = []
            yield from _csv_rows(session, batch)

    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="conflictgeo-events.csv"'})


def _csv_rows(session: Any, batch: list[MapEvent]) -> Iterator[str]:
    admin = event_queries.admin_names(session=session, geonameids=[e.row["geonameid"] for e in batch
                                                                    if e.row["geonameid"] is not None])
    for event in batch:
        row = event.row
        admin1, country = admin.get(row["geonameid"], ("", ""))
        gained, lost = row["gained_side"] or "", row["lost_side"] or ""
        when = event_date(row)
        yield _csv_line((
            row["id"], when["start"], when["precision"], row["place_name"], row["geonameid"],
            admin1, country, row["lat"], row["lon"], row["geo_precision"], row["gained_name"] or row["gained_actor"],
            gained, row["lost_name"] or row["lost_actor"], lost,
            f"{gained or 'unknown'}>{lost or 'unknown'}", row["source_count"], row["evidence_text"],
            when["end"], when["basis"], when["date_prec"], when["month_day"],
        ))


def _csv_line(values: tuple[Any, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([_cell(v) for v in values])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@router.get(
    "/events/{event_id}",
    response_model=EventFeature,
    responses={**PROBLEM_RESPONSES, 200: {"content": {GEOJSON: {}}}},
    summary="One event as a GeoJSON Feature",
)
def get_event(session: SessionDep, event_id: Annotated[str, Path(max_length=36)],
              properties: PropertiesQuery = "nested") -> Response:
    event = event_queries.get_event(session=session, event_id=event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id}")
    return geojson_response(event_features(session, [event], properties)[0])

