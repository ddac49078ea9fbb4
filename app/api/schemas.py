"""Request and response models of the HTTP contract (API.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.errors import Problem
from app.api.timeparse import parse_rfc3339
from app.events.model import date_to_dict
from app.gazetteer.records import GazetteerPlace
from app.geoparse.serialize import place_to_dict
from app.store.event_queries import ControlState, MapEvent, stored_start


class PlaceOut(BaseModel):
    geonameid: int
    name: str
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str | None = None
    admin2: str | None = None
    lat: float
    lon: float
    population: int

    @classmethod
    def of(cls, place: GazetteerPlace) -> PlaceOut:
        return cls(**place_to_dict(place))


class PlaceSearchOut(BaseModel):
    places: list[PlaceOut] = Field(description="Best match first.")


PROBLEM_RESPONSES: dict[int | str, dict] = {
    400: {"model": Problem, "description": "Invalid parameters"},
    404: {"model": Problem, "description": "Not found"},
    503: {"model": Problem, "description": "Not ready"},
}


class TextIn(BaseModel):
    """What /v1/parse and /v1/articles both take: the text, with the date and headline that give it context."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(
        min_length=1,
        description="The text, as published (at most CONFLICTGEO_MAX_TEXT_CHARS characters, 100,000 by default: "
        "longer answers 413).",
    )
    published_at: str | None = Field(default=None, description="RFC 3339 date-time or date; dates relative events.")
    title: str | None = Field(default=None, max_length=2000, description="Headline: adds context, not mentions.")

    @field_validator("text")
    @classmethod
    def text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value

    def require_within(self, limit: int) -> None:
        """413 for a text over the analysis cap: analysis is linear in the text's length, and the cap bounds what
        one request may cost (a body may be under the byte limit and still hold more text than is analysed)."""
        if len(self.text) > limit:
            raise HTTPException(
                413, f"the text has {len(self.text):,} characters; at most {limit:,} are analysed per article "
                "(CONFLICTGEO_MAX_TEXT_CHARS)"
            )

    @field_validator("published_at")
    @classmethod
    def rfc3339(cls, value: str | None) -> str | None:
        if value is not None:
            parse_rfc3339(value)
        return value

    def published(self) -> datetime | None:
        return parse_rfc3339(self.published_at) if self.published_at else None


# --- Events for maps (GeoJSON, RFC 7946) -------------------------------------------------------------------


class Party(BaseModel):
    """Who gained or lost control, as the article names them and as resolved to an actor and side."""

    name: str | None = None
    actor: str | None = None
    side: str | None = None


class EventDate(BaseModel):
    """When the change happened, and what says so (API.md, "Event dates and their basis")."""

    start: date | None = Field(description="Null when only the end is known: the change happened on or before it.")
    end: date
    precision: str = Field(description="day | week | month | year | on_or_before")
    basis: Literal["text", "text_relative", "published", "received"] = Field(
        description="text: the text states the date; text_relative: resolved against the publication date or "
                    "another date in the text; published: on or before the publication day; received: on or "
                    "before the day the service received the article.")
    date_prec: int = Field(ge=1, le=5, description="UCDP GED date_prec: 1 a day, 2 two to six days, 3 a week, "
                                                   "4 a month, 5 longer or no start.")
    month_day: str | None = Field(default=None, pattern=r"^--\d\d-\d\d$",
                                  description="A day and month the text gives without a year (--MM-DD).")


class EventEvidence(BaseModel):
    text: str


class PointGeometry(BaseModel):
    type: Literal["Point"]
    coordinates: tuple[float, float] = Field(description="[lon, lat] in WGS84")


class EventProperties(BaseModel):
    type: Literal["control_change"]
    place_name: str
    geonameid: int | None
    gained_by: Party | None
    lost_by: Party | None
    claimed_by: str | None
    date: EventDate
    geo_precision: int
    region_geonameid: int | None = Field(
        default=None, description="The gazetteer's region (a division or country) that holds the place; with "
                                  "geo_precision 3 the event is known only at that region's level.")
    evidence: EventEvidence
    confidence: float
    source_count: int
    article_ids: list[str]


class EventFlatProperties(BaseModel):
    """The event as one row of scalars, for GIS attribute tables (API.md, "Flat properties")."""

    type: Literal["control_change"]
    place_name: str
    geonameid: int | None
    admin1: str | None = Field(description="The place's first-level region (ACLED's admin1).")
    country: str | None = Field(description="The place's country name (ACLED's country).")
    gained_side: str | None
    gained_actor: str | None
    gained_name: str | None
    lost_side: str | None
    lost_actor: str | None
    lost_name: str | None
    claimed_by: str | None
    date_start: date | None = Field(description="UCDP GED's date_start; null when the date has no start.")
    date_end: date = Field(description="UCDP GED's date_end.")
    date_precision: str
    date_basis: Literal["text", "text_relative", "published", "received"]
    date_prec: int = Field(ge=1, le=5, description="UCDP GED's date_prec.")
    date_month_day: str | None = Field(default=None, pattern=r"^--\d\d-\d\d$")
    geo_precision: int = Field(description="ACLED's geo_precision: 1 the place, 2 near it, 3 its region.")
    evidence_text: str
    confidence: float
    source_count: int
    article_ids: str = Field(description="The reporting articles' ids, comma-separated.")


class EventFlatFeature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None
    properties: EventFlatProperties


class EventFeature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None = Field(description="Null only for a stored event without coordinates.")
    properties: EventProperties


class Link(BaseModel):
    href: str
    rel: str
    type: str | None = None
    title: str | None = None


class EventFeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[EventFeature]
    links: list[Link] = Field(default_factory=list, description="`next` while more events remain.")
    numberReturned: int | None = None  # OGC API - Features spelling
    numberMatched: int | None = None


class EventFlatFeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[EventFlatFeature]
    links: list[Link] = Field(default_factory=list)
    numberReturned: int | None = None
    numberMatched: int | None = None


class ControlProperties(BaseModel):
    """A place's controller on the requested date: the side that gained it in its latest event by then."""

    place_name: str
    geonameid: int | None
    controller: Party | None
    lost_by: Party | None
    since: date | None = Field(description="The date's start; null when it has none (see `date`).")
    date: EventDate
    event_id: str
    event_count: int = Field(description="Events at this place on or before the date.")
    evidence: EventEvidence
    confidence: float
    source_count: int
    article_ids: list[str]


class ControlFeature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry
    properties: ControlProperties


class ControlFeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    at: date
    features: list[ControlFeature]


def _party(name: str | None, actor: str | None, side: str | None) -> dict | None:
    if name is None and actor is None and side is None:
        return None
    return {"name": name, "actor": actor, "side": side}


def _point(row: dict) -> dict | None:
    if row["lon"] is None or row["lat"] is None:
        return None
    return {"type": "Point", "coordinates": [row["lon"], row["lat"]]}


def _as_date(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def event_date(row: dict) -> dict:
    """A stored event's ``date`` object (API.md): no start for an "on or before" date, its basis, UCDP's
    date_prec, and the day and month the text gave without a year."""
    month_day = row["date_month_day"]
    return date_to_dict(
        stored_start(_as_date(row["date_start"])), _as_date(row["date_end"]), row["date_precision"],
        row["date_basis"], (int(month_day[:2]), int(month_day[3:])) if month_day else None,
    )


def event_feature(event: MapEvent) -> dict:
    """A stored event as a GeoJSON Feature: API.md's Event fields as properties, plus the place and sources."""
    row = event.row
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": _point(row),
        "properties": {
            "type": "control_change",
            "place_name": row["place_name"],
            "geonameid": row["geonameid"],
            "gained_by": _party(row["gained_name"], row["gained_actor"], row["gained_side"]),
            "lost_by": _party(row["lost_name"], row["lost_actor"], row["lost_side"]),
            "claimed_by": row["claimed_by"],
            "date": event_date(row),
            "geo_precision": row["geo_precision"],
            "region_geonameid": row["region_geonameid"],
            "evidence": {"text": row["evidence_text"]},
            "confidence": round(row["confidence"], 3),
            "source_count": row["source_count"],
            "article_ids": list(event.article_ids),
        },
    }


def flat_properties(event: MapEvent, admin: tuple[str, str] | None) -> dict:
    """The event's properties as one row of scalars (``EventFlatProperties``): parties and the date spread into
    columns, the articles joined by commas; ``admin`` is the place's (admin1, country) names, when known."""
    row = event.row
    when = event_date(row)
    admin1, country = admin or ("", "")
    return {
        "type": "control_change",
        "place_name": row["place_name"],
        "geonameid": row["geonameid"],
        "admin1": admin1 or None,
        "country": country or None,
        "gained_side": row["gained_side"],
        "gained_actor": row["gained_actor"],
        "gained_name": row["gained_name"],
        "lost_side": row["lost_side"],
        "lost_actor": row["lost_actor"],
        "lost_name": row["lost_name"],
        "claimed_by": row["claimed_by"],
        "date_start": when["start"],
        "date_end": when["end"],
        "date_precision": when["precision"],
        "date_basis": when["basis"],
        "date_prec": when["date_prec"],
        "date_month_day": when["month_day"],
        "geo_precision": row["geo_precision"],
        "evidence_text": row["evidence_text"],
        "confidence": round(row["confidence"], 3),
        "source_count": row["source_count"],
        "article_ids": ",".join(event.article_ids),
    }


def control_feature(state: ControlState) -> dict:
    """A place's controller on a date as a GeoJSON Feature (id: the geonameid, else the place's name key)."""
    feature = event_feature(state.event)
    row, properties = state.event.row, feature["properties"]
    return {
        "type": "Feature",
        "id": str(row["geonameid"]) if row["geonameid"] is not None else f"name:{row['place_key']}",
        "geometry": feature["geometry"],
        "properties": {
            "place_name": row["place_name"],
            "geonameid": row["geonameid"],
            "controller": properties["gained_by"],
            "lost_by": properties["lost_by"],
            "since": properties["date"]["start"],
            "date": properties["date"],
            "event_id": row["id"],
            "event_count": state.event_count,
            "evidence": properties["evidence"],
            "confidence": properties["confidence"],
            "source_count": properties["source_count"],
            "article_ids": properties["article_ids"],
        },
    }
