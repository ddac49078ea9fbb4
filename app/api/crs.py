"""The coordinate reference systems the OGC API serves (OGC API - Features Part 2, CRS by reference).

Events are stored in WGS84 longitude/latitude. Three CRSs are offered, each a closed formula away from storage, so
no projection library is needed:
- CRS84: longitude, latitude (the default, what RFC 7946 GeoJSON means);
- EPSG:4326: the same datum, but the axis order EPSG defines for it: latitude first;
- EPSG:3857: spherical ("web") Mercator in metres, x east and y north (what tiles and web maps use).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857"

EARTH_RADIUS = 6_378_137.0  # metres, the sphere EPSG:3857 projects onto
MERCATOR_HALF_WIDTH = math.pi * EARTH_RADIUS  # 20,037,508.34 m: x (and y) at ±180° (±85.0511°)
MERCATOR_MAX_LAT = math.degrees(math.atan(math.sinh(math.pi)))  # 85.0511...°: where y reaches the half width


@dataclass(frozen=True)
class Crs:
    """One CRS: its URI, and how a WGS84 point maps into it and back."""

    uri: str
    forward: Callable[[float, float], tuple[float, float]]  # (lon, lat) → coordinates in axis order
    inverse: Callable[[float, float], tuple[float, float]]  # coordinates in axis order → (lon, lat)
    describe: str  # how a bbox in this CRS is written, for error messages


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    # Latitudes past ±85.0511° have no finite y; they are drawn on the edge, as web maps draw them.
    lat = max(-MERCATOR_MAX_LAT, min(MERCATOR_MAX_LAT, lat))
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    return x, y


def _mercator_inverse(x: float, y: float) -> tuple[float, float]:
    lon = math.degrees(x / EARTH_RADIUS)
    # y at the edge of the square world stands for the pole side beyond it too (see _mercator).
    if abs(y) >= MERCATOR_HALF_WIDTH - 1e-6:
        return lon, math.copysign(90.0, y)
    return lon, math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2)


SUPPORTED: dict[str, Crs] = {
    CRS84: Crs(CRS84, lambda lon, lat: (lon, lat), lambda lon, lat: (lon, lat), "minLon,minLat,maxLon,maxLat"),
    EPSG4326: Crs(EPSG4326, lambda lon, lat: (lat, lon), lambda lat, lon: (lon, lat), "minLat,minLon,maxLat,maxLon"),
    EPSG3857: Crs(EPSG3857, _mercator, _mercator_inverse, "minX,minY,maxX,maxY in metres"),
}


def lookup(uri: str | None) -> Crs:
    """The CRS named by ``uri`` (CRS84 when None); KeyError for one not offered."""
    return SUPPORTED[uri or CRS84]


def content_crs_header(crs: Crs) -> dict[str, str]:
    """The ``Content-Crs`` header Part 2 asks for on every features response: the URI in angle brackets."""
    return {"Content-Crs": f"<{crs.uri}>"}


def bbox_to_lonlat(crs: Crs, numbers: list[float]) -> list[float]:
    """A four-number bbox written in ``crs`` as minLon,minLat,maxLon,maxLat; ValueError when it is out of range.

    A box whose first corner lies east of its second crosses the antimeridian, in every CRS offered here.
    """
    first, second, third, fourth = numbers
    if crs.uri == EPSG3857 and not all(abs(n) <= MERCATOR_HALF_WIDTH + 1e-3 for n in numbers):
        raise ValueError(f"bbox in EPSG:3857 must lie within ±{MERCATOR_HALF_WIDTH:.2f} metres")
    min_lon, min_lat = crs.inverse(first, second)
    max_lon, max_lat = crs.inverse(third, fourth)
    return [max(-180.0, min(180.0, v)) if i % 2 == 0 else v
            for i, v in enumerate((min_lon, min_lat, max_lon, max_lat))]
