"""Response models of the HTTP contract (API.md)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention


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
        return cls(
            geonameid=place.geonameid,
            name=place.name,
            feature_class=place.feature_class,
            feature_code=place.feature_code,
            country_code=place.country_code,
            admin1=place.admin1_name or None,
            admin2=place.admin2_name or None,
            lat=place.lat,
            lon=place.lon,
            population=place.population,
        )


class PlaceSearchOut(BaseModel):
    places: list[PlaceOut] = Field(description="Best match first.")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    status: int
    title: str
    detail: str


PROBLEM_RESPONSES: dict[int | str, dict] = {
    400: {"model": Problem, "description": "Invalid parameters"},
    404: {"model": Problem, "description": "Not found"},
    503: {"model": Problem, "description": "Not ready"},
}


def place_json(place: GazetteerPlace) -> dict:
    return PlaceOut.of(place).model_dump()


def mention_json(mention: Mention) -> dict:
    """API.md ``Mention``: offsets into the submitted text, the resolved place or null, runner-ups."""
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "place": place_json(mention.place) if mention.place else None,
        "confidence": round(mention.confidence, 3),
        "alternatives": [place_json(p) for p in mention.alternatives],
    }
