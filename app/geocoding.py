"""The optional fallback geocoder: names the text marks as places but no gazetteer entry matches, asked of a
Nominatim-compatible server the operator runs (``CONFLICTGEO_GEOCODER_URL``; off by default, so the service stays
offline).

Each name is asked within the region the article already places it in (the division's outline as a bounded
viewbox, else its country), at most once: every answer, misses included, is kept in ``geocoder_answers``. A place
found so gets ``resolved_by`` "geocoder", ``geonameid`` ``-id`` (its cache row; no GeoNames entry) and, for an
event there, ``geo_precision`` 2 for a settlement (a point the gazetteer does not confirm) or 3 for anything
larger (a region's centre).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.point import Point
from sqlalchemy.orm import Session, sessionmaker

from app.gazetteer.names import normalize
from app.gazetteer.records import GazetteerPlace
from app.geoparse.model import Mention
from app.settings import Settings
from app.store import geocoder_repo
from app.store.geocoder_repo import CachedAnswer

log = logging.getLogger(__name__)

RESOLVED_BY = "geocoder"
SETTLEMENT_GEO_PRECISION = 2
AREA_GEO_PRECISION = 3


class FallbackGeocoder:
    """Asks a Nominatim-compatible server through geopy, no faster than ``min_delay_seconds`` apart."""

    def __init__(self, url: str, *, user_agent: str = "conflictgeo", timeout: float = 5.0,
                 min_delay_seconds: float = 1.0) -> None:
        parts = urlsplit(url)
        # geopy builds ``scheme://domain/search``: a server under a path prefix keeps it in the domain.
        domain = parts.netloc + parts.path.rstrip("/")
        self.nominatim = Nominatim(domain=domain, scheme=parts.scheme or "https", user_agent=user_agent,
                                   timeout=timeout)
        self._geocode = RateLimiter(self.nominatim.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)  # an error must not be remembered as a miss

    def ask(self, name: str, *, country_code: str | None,
            bounds: tuple[float, float, float, float] | None) -> CachedAnswer | None:
        """The server's best answer for ``name`` inside the scope, None when it has none. Raises ``GeopyError``
        when the server cannot be asked (nothing is then remembered)."""
        params: dict[str, Any] = {"exactly_one": True, "addressdetails": True}
        if country_code:
            params["country_codes"] = country_code.lower()
        if bounds is not None:
            min_lon, min_lat, max_lon, max_lat = bounds
            params["viewbox"] = [Point(min_lat, min_lon), Point(max_lat, max_lon)]
            params["bounded"] = True
        location = self._geocode(name, **params)
        if location is None:
            return None
        raw = location.raw
        address = raw.get("address") or {}
        return CachedAnswer(0, True, raw.get("name") or location.address.split(",")[0], location.latitude,
                            location.longitude, raw.get("class") or raw.get("category"), raw.get("type"),
                            address.get("country_code"))


def from_settings(settings: Settings) -> FallbackGeocoder | None:
    if not settings.geocoder_url:
        return None
    return FallbackGeocoder(settings.geocoder_url, user_agent=settings.geocoder_user_agent,
                            timeout=settings.geocoder_timeout_seconds,
                            min_delay_seconds=settings.geocoder_min_delay_seconds)


def scope_query(name: str, region: GazetteerPlace | None) -> str:
    """The cache key: the name as normalised, and the region it was asked in."""
    scope = f"{region.country_code}:{region.geonameid}" if region is not None else "-"
    return f"{normalize(name)}|{scope}"


def geo_precision_of(place: GazetteerPlace) -> int:
    return SETTLEMENT_GEO_PRECISION if place.feature_class == "P" else AREA_GEO_PRECISION


def locate_unresolved(*, session_factory: sessionmaker[Session], geocoder: FallbackGeocoder,
                      mentions: list[Mention], events: list[Any]) -> tuple[list[Mention], list[Any]]:
    """The mentions, each unresolved one the geocoder places replaced by a geocoded one, and the events at them
    moved onto it. Answers are read from and written to the cache in their own transaction (kept even when the
    article is not stored); a server that cannot be asked leaves the mention unresolved and remembers nothing."""
    located: dict[tuple[int, int], tuple[Mention, GazetteerPlace]] = {}
    answers: dict[str, CachedAnswer | None] = {}
    with session_factory() as session:
        for mention in mentions:
            if mention.place is not None or mention.region is None or mention.is_dateline:
                continue
            query = scope_query(mention.text, mention.region)
            if query not in answers:
                answers[query] = _answer(session, geocoder, mention, query)
            answer = answers[query]
            if answer is not None and answer.found:
                place = geocoder_repo.answer_place(answer)
                located[(mention.start, mention.end)] = (
                    replace(mention, place=place, confidence=0.5, resolved_by=RESOLVED_BY, alternatives=()), place)
        session.commit()
    if not located:
        return mentions, events
    moved = []
    for event in events:
        found = located.get((event.place.start, event.place.end))
        moved.append(replace(event, place=found[0], geo_precision=geo_precision_of(found[1])) if found else event)
    return [located[(m.start, m.end)][0] if (m.start, m.end) in located else m for m in mentions], moved


def _answer(session: Session, geocoder: FallbackGeocoder, mention: Mention, query: str) -> CachedAnswer | None:
    cached = geocoder_repo.cached_answer(session=session, query=query)
    if cached is not None:
        return cached
    region = mention.region
    assert region is not None
    bounds = geocoder_repo.area_bounds(session=session, geonameid=region.geonameid)
    try:
        answer = geocoder.ask(mention.text, country_code=region.country_code or None, bounds=bounds)
    except GeopyError as exc:
        log.warning("geocoder unavailable", extra={"error": f"{type(exc).__name__}: {exc}"[:300]})
        return None
    if answer is not None and not answer.country_code:
        answer = replace(answer, country_code=region.country_code)  # the scope it was found in
    return geocoder_repo.store_answer(session=session, query=query, answer=answer)
