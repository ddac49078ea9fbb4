"""The analysis pipeline the API and the CLI share: text → place mentions → control-change events."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
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


def _default_extractor() -> EventExtractor:
    """``app.events.extract_control_changes``; a broken events package fails loudly rather than yield no events."""
    from app.events import extract_control_changes

    return extract_control_changes


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("conflictgeo")
    except PackageNotFoundError:  # a source checkout that was never installed
        return "0+unknown"


def files_digest(paths: Iterable[Path]) -> str:
    """sha256 over the files' names and contents, in name order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def actor_registry_digest() -> str:
    from app.events.actors import DEFAULT_ACTOR_DIR

    return files_digest(p for p in DEFAULT_ACTOR_DIR.glob("*.y*ml") if p.is_file())


def pipeline_version(gazetteer_fingerprint: str) -> str:
    """What an analysis depends on besides the text: the code (package version), the gazetteer slice and the
    actor registry. Stored with every analysis; ``conflictgeo reanalyse`` picks the articles whose version differs."""
    return f"{package_version()}+g{gazetteer_fingerprint[:12]}.a{actor_registry_digest()[:12]}"


class Analyser:
    """Holds the name index (built once per process), the event extractor hook and the pipeline version."""

    def __init__(self, index: GazetteerIndex, extract_events: EventExtractor | None = None,
                 version: str = "") -> None:
        self.index = index
        self.extract_events: EventExtractor | None = (extract_events if extract_events is not None
                                                      else _default_extractor())
        self.version = version or pipeline_version("")

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
