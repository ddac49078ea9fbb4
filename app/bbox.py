"""The lon/lat box every layer filters by: the API parses it, the store queries with it, place search tests it.

A module of its own, below every layer that uses it, so that the store's backends and its queries need not import
each other for it, and place search and event queries share one type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BBox:
    """A lon/lat box; ``min_lon > max_lon`` means it crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def crosses_antimeridian(self) -> bool:
        return self.min_lon > self.max_lon

    def parts(self) -> list[BBox]:
        """One box, or the two halves either side of the antimeridian."""
        if not self.crosses_antimeridian:
            return [self]
        return [BBox(self.min_lon, self.min_lat, 180.0, self.max_lat),
                BBox(-180.0, self.min_lat, self.max_lon, self.max_lat)]

    def holds(self, lon: float, lat: float) -> bool:
        """Whether the point lies in the box (edges included)."""
        if not self.min_lat <= lat <= self.max_lat:
            return False
        if not self.crosses_antimeridian:
            return self.min_lon <= lon <= self.max_lon
        return lon >= self.min_lon or lon <= self.max_lon
