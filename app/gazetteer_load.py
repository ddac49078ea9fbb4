"""Import gazetteer files (the shipped slice or GeoNames' own dumps) into the store.

A service beside ingestion: it reads files (``app.gazetteer.geonames_format``, pure) and writes them through the
store (``app.store.gazetteer_repo``), so neither of those packages imports the other. One load, however many
files, is one transaction, and a file whose content hash was loaded before is skipped: loading twice changes
nothing, and a malformed file anywhere in the load leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from sqlalchemy.orm import Session, sessionmaker

from app.gazetteer.geonames_format import (
    AdminCode as AdminCodeRecord,
)
from app.gazetteer.geonames_format import (
    GazetteerFormatError,
    file_kind,
    open_text,
    read_admin_codes,
    read_alternate_names,
    read_country_info,
    read_places,
)
from app.store import gazetteer_repo
from app.store.database import transaction

log = logging.getLogger(__name__)

# Codes before places (so admin names resolve), names after the places they name.
KIND_ORDER = {"country_info": 0, "admin1": 1, "admin2": 2, "places": 3, "alternate_names": 4, "admin_areas": 5}
GAZETTEER_SUFFIXES = (".txt", ".tsv", ".xz", ".gz", ".zip", ".geojson")


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    kind: str
    rows: int
    skipped: bool


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their gazetteer files, in the order they must load."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.iterdir()) if p.is_file() and p.name.lower().endswith(GAZETTEER_SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such gazetteer file or folder: {path}")
    return sorted(files, key=lambda p: (KIND_ORDER[file_kind(p)], p.name))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _admin_areas(path: Path) -> Iterable[dict[str, Any]]:
    with open_text(path) as handle:
        try:
            collection = json.load(handle)
        except json.JSONDecodeError as exc:
            raise GazetteerFormatError(path, exc.lineno, f"invalid JSON: {exc.msg}") from exc
    for number, feature in enumerate(collection.get("features", []), start=1):
        props = feature.get("properties") or {}
        try:
            geometry = shape(feature["geometry"])
            code, level, country = str(props["code"]), int(props["level"]), str(props["country_code"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GazetteerFormatError(path, number, f"feature {number}: {exc!r}") from exc
        min_lon, min_lat, max_lon, max_lat = geometry.bounds
        yield {
            "code": code, "level": level, "geonameid": props.get("geonameid"), "name": str(props.get("name", ""))[:200],
            "country_code": country[:2], "geojson": json.dumps(feature["geometry"], separators=(",", ":")),
            "min_lon": min_lon, "min_lat": min_lat, "max_lon": max_lon, "max_lat": max_lat,
        }


def _load_one(session: Session, path: Path, kind: str, admin_lookup: dict[str, dict[str, AdminCodeRecord]],
              progress: Callable[[int], None]) -> int:
    if kind == "country_info":
        countries = read_country_info(path)
        codes = [AdminCodeRecord(code=c.iso2, name=c.name, asciiname=c.name, geonameid=c.geonameid)
                 for c in countries.values()]
        return gazetteer_repo.upsert_admin_codes(session=session, codes=codes, level=0)
    if kind in ("admin1", "admin2"):
        codes_by_code = read_admin_codes(path)
        admin_lookup[kind] = codes_by_code
        return gazetteer_repo.upsert_admin_codes(session=session, codes=codes_by_code.values(),
                                                 level=1 if kind == "admin1" else 2)
    if kind == "places":
        places = read_places(path, admin1=admin_lookup.get("admin1"), admin2=admin_lookup.get("admin2"))
        return gazetteer_repo.upsert_places(session=session, places=places, on_batch=progress)
    if kind == "alternate_names":
        return gazetteer_repo.add_alternate_names(session=session, names=read_alternate_names(path),
                                                  on_batch=progress)
    return gazetteer_repo.upsert_admin_areas(session=session, areas=_admin_areas(path))


def load_gazetteer(
    paths: Iterable[Path],
    *,
    session_factory: sessionmaker[Session],
    progress_factory: Callable[[str], Callable[[int], None]] | None = None,
) -> list[FileResult]:
    """Load every file in one transaction; raises ``GazetteerFormatError`` at the first bad line of any file, and
    then nothing of this load is stored (places of one file refer to the admin codes of another, so a partial
    load would be a gazetteer that no single set of files describes)."""
    results: list[FileResult] = []
    admin_lookup: dict[str, dict[str, AdminCodeRecord]] = {}
    files = expand_paths(paths)
    with transaction(session_factory) as session:
        for path in files:
            kind = file_kind(path)
            digest = sha256_of(path)
            if gazetteer_repo.file_already_loaded(session=session, sha256=digest):
                if kind in ("admin1", "admin2"):
                    admin_lookup[kind] = read_admin_codes(path)
                results.append(FileResult(path=path, kind=kind, rows=0, skipped=True))
                continue
            progress = progress_factory(path.name) if progress_factory else (lambda _n: None)
            rows = _load_one(session, path, kind, admin_lookup, progress)
            gazetteer_repo.record_file(session=session, sha256=digest, name=path.name, kind=kind, rows=rows)
            results.append(FileResult(path=path, kind=kind, rows=rows, skipped=False))
    for result in results:
        if not result.skipped:
            log.info("gazetteer file loaded",
                     extra={"file": str(result.path), "kind": result.kind, "rows": result.rows})
    return results
