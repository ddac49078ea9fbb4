"""The analysis pipeline the API and the CLI share: text → place mentions → control-change events."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.gazetteer.geonames_format import read_admin_codes, read_places
from app.gazetteer.index import GazetteerIndex, file_digest
from app.gazetteer.records import GazetteerPlace
from app.geoparse import Mention, parse
from app.geoparse.serialize import mention_to_dict

EventExtractor = Callable[..., list[Any]]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one article yields: its place mentions and the control changes at them."""

    mentions: list[Mention]
    events: list[Any] = field(default_factory=list)


def _default_extractor() -> EventExtractor | None:
    """``app.events.extract_control_changes``: a broken import there is an error, never "no events"."""
    return importlib.import_module("app.events").extract_control_changes


class Analyser:
    """Holds the name index (built once per process) and the event extractor hook."""

    def __init__(self, index: GazetteerIndex, extract_events: EventExtractor | None = None) -> None:
        self.index = index
        self.extract_events = extract_events if extract_events is not None else _default_extractor()

    def analyse(self, text: str, published_at: datetime | date | None = None, title: str | None = None) -> Analysis:
        mentions = parse(text, self.index, published_at=published_at, title=title)
        if self.extract_events is None:
            return Analysis(mentions)
        events = self.extract_events(text=text, mentions=mentions, published_at=published_at)
        return Analysis(mentions, list(events))


def event_as_dict(event: Any, received: date | None = None) -> dict[str, Any]:
    """An extracted event as the API.md ``Event`` dict (extractors return ``ControlChange`` objects or dicts).
    With ``received``, a date neither the text nor the publication gives is on or before that day."""
    if isinstance(event, dict):
        return event
    from app.events import event_to_dict
    from app.events.dates import bounded_by_receipt

    if received is not None:
        event = replace(event, date=bounded_by_receipt(event.date, received))
    return event_to_dict(event, mention_to_dict)


def gazetteer_files(directory: Path) -> tuple[Path, Path | None, Path | None]:
    """places, admin1 and admin2 files of a GeoNames-format folder (plain or .xz)."""

    def first(*names: str) -> Path | None:
        return next((directory / n for n in names if (directory / n).exists()), None)

    places = first("places.tsv.xz", "places.tsv", "allCountries.txt", "cities500.txt")
    if places is None:
        raise FileNotFoundError(f"no places.tsv(.xz) in {directory}")
    return (places, first("admin1CodesASCII.txt.xz", "admin1CodesASCII.txt"),
            first("admin2Codes.txt.xz", "admin2Codes.txt"))


def extra_places_files(directory: Path) -> list[Path]:
    """Supplementary places files beside the main one (``extra_*.tsv``, e.g. the hand-curated regions, seas and
    rivers): read with it, as ``conflictgeo gazetteer load`` reads every places file of the folder."""
    return sorted(p for p in directory.glob("extra_*.tsv*") if p.is_file() and p.name.endswith((".tsv", ".tsv.xz")))


def iter_gazetteer(directory: Path) -> Iterator[GazetteerPlace]:
    places, admin1, admin2 = gazetteer_files(directory)
    admin1_codes = read_admin_codes(admin1) if admin1 else None
    admin2_codes = read_admin_codes(admin2) if admin2 else None
    seen: set[int] = set()
    for path in [places, *extra_places_files(directory)]:
        for place in read_places(path, admin1=admin1_codes, admin2=admin2_codes):
            if place.geonameid not in seen:  # the first file wins, as the loader's upsert keeps one row per id
                seen.add(place.geonameid)
                yield place


def index_from_directory(directory: Path, cache_dir: Path | None = None) -> GazetteerIndex:
    """The name index of a gazetteer folder, cached by the files' content hash when ``cache_dir`` is given."""
    if cache_dir is None:
        return GazetteerIndex(iter_gazetteer(directory))
    files = [p for p in gazetteer_files(directory) if p is not None] + extra_places_files(directory)
    fingerprint = file_digest(files)
    return GazetteerIndex.cached(fingerprint=fingerprint, cache_dir=cache_dir,
                                 places=lambda: iter_gazetteer(directory))
