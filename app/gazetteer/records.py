"""Plain gazetteer records shared by the loader, the store and the in-memory index."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One gazetteer entry, GeoNames-shaped so full GeoNames dumps load unchanged."""

    geonameid: int
    name: str
    asciiname: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str = ""
    admin2_code: str = ""
    population: int = 0
    alternate_names: tuple[str, ...] = ()
    admin1_name: str = ""
    admin2_name: str = ""

    @property
    def all_names(self) -> tuple[str, ...]:
        """The primary, ASCII and alternate names, without repeats, primary first."""
        seen: dict[str, None] = {}
        for candidate in (self.name, self.asciiname, *self.alternate_names):
            if candidate and candidate not in seen:
                seen[candidate] = None
        return tuple(seen)
