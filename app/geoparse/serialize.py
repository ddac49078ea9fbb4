"""API.md JSON shapes of places and mentions (shared by /v1/parse, /v1/articles and the evaluation)."""

from __future__ import annotations

from typing import Any

from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention


def place_to_dict(place: GazetteerPlace) -> dict[str, Any]:
    """API.md ``Place``."""
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country_code": place.country_code,
        "admin1": place.admin1_name or None,
        "admin2": place.admin2_name or None,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
    }


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    """API.md ``Mention``, plus the additive fields ``region``, ``resolved_by`` and ``is_dateline``."""
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "place": place_to_dict(mention.place) if mention.place is not None else None,
        "confidence": mention.confidence,
        "alternatives": [place_to_dict(p) for p in mention.alternatives],
        "region": place_to_dict(mention.region) if mention.region is not None else None,
        "resolved_by": mention.resolved_by,
        "is_dateline": mention.is_dateline,
    }
