"""Readers for GeoNames' own file layouts (and the shipped slice, which keeps them).

Each reader yields plain records and raises ``GazetteerFormatError`` naming the file and line at fault, so a
load can stop before it changes anything.
"""

from __future__ import annotations

import gzip
import io
import lzma
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.gazetteer.records import GazetteerPlace

GEONAME_COLUMNS = 19


class GazetteerFormatError(ValueError):
    """A gazetteer file that cannot be read as the layout its name promises."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AdminCode:
    """A row of admin1CodesASCII / admin2Codes: ``SY.12`` → Idlib (169387)."""

    code: str
    name: str
    asciiname: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    name: str
    geonameid: int | None
    population: int


@dataclass(frozen=True, slots=True)
class AlternateName:
    """A row of alternateNamesV2: one more name for a place (links and codes are filtered out by the reader)."""

    geonameid: int
    language: str
    name: str


def open_text(path: Path) -> IO[str]:
    """Open a plain, .xz, .gz or single-member .zip file as UTF-8 text."""
    suffix = path.suffix.lower()
    if suffix == ".xz":
        return io.TextIOWrapper(lzma.open(path, "rb"), encoding="utf-8", newline="")
    if suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    if suffix == ".zip":
        archive = zipfile.ZipFile(path)
        members = [name for name in archive.namelist() if name.endswith(".txt") and "readme" not in name.lower()]
        if len(members) != 1:
            raise GazetteerFormatError(path, 0, f"expected one .txt member in the zip, found {members}")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def file_kind(path: Path) -> str:
    """Which GeoNames layout a file has, from its name (GeoNames' own names, with or without compression)."""
    name = path.name.lower()
    for marker, kind in (
        ("alternatenames", "alternate_names"),
        ("admin1codes", "admin1"),
        ("admin2codes", "admin2"),
        ("countryinfo", "country_info"),
        ("admin_areas", "admin_areas"),
    ):
        if marker in name:
            return kind
    return "places"


def _rows(path: Path, min_columns: int) -> Iterator[tuple[int, list[str]]]:
    with open_text(path) as handle:
        for line_no, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < min_columns:
                raise GazetteerFormatError(
                    path, line_no, f"expected {min_columns} tab-separated columns, got {len(fields)}"
                )
            yield line_no, fields


def _int(value: str, path: Path, line: int, column: str) -> int:
    try:
        return int(value) if value else 0
    except ValueError as exc:
        raise GazetteerFormatError(path, line, f"{column} is not an integer: {value!r}") from exc


def _float(value: str, path: Path, line: int, column: str, bound: float) -> float:
    try:
        number = float(value)
    except ValueError as exc:
        raise GazetteerFormatError(path, line, f"{column} is not a number: {value!r}") from exc
    if not -bound <= number <= bound:
        raise GazetteerFormatError(path, line, f"{column} {number} is outside ±{bound}")
    return number


def read_places(
    path: Path,
    *,
    admin1: dict[str, AdminCode] | None = None,
    admin2: dict[str, AdminCode] | None = None,
) -> Iterator[GazetteerPlace]:
    """Rows of the 19-column ``geoname`` layout (allCountries.txt, XX.txt, cities500.txt, the shipped slice)."""
    admin1 = admin1 or {}
    admin2 = admin2 or {}
    for line_no, f in _rows(path, GEONAME_COLUMNS):
        geonameid = _int(f[0], path, line_no, "geonameid")
        if geonameid <= 0:
            raise GazetteerFormatError(path, line_no, "geonameid must be positive")
        if not f[1].strip():
            raise GazetteerFormatError(path, line_no, "name is empty")
        country, a1, a2 = f[8], f[10], f[11]
        admin1_row = admin1.get(f"{country}.{a1}")
        admin2_row = admin2.get(f"{country}.{a1}.{a2}")
        yield GazetteerPlace(
            geonameid=geonameid,
            name=f[1],
            asciiname=f[2],
            lat=_float(f[4], path, line_no, "latitude", 90),
            lon=_float(f[5], path, line_no, "longitude", 180),
            feature_class=f[6],
            feature_code=f[7],
            country_code=country,
            admin1_code=a1,
            admin2_code=a2,
            population=_int(f[14], path, line_no, "population"),
            alternate_names=tuple(name for name in f[3].split(",") if name),
            admin1_name=admin1_row.name if admin1_row else "",
            admin2_name=admin2_row.name if admin2_row else "",
        )


def read_admin_codes(path: Path) -> dict[str, AdminCode]:
    """admin1CodesASCII.txt or admin2Codes.txt: code, name, asciiname, geonameid."""
    codes: dict[str, AdminCode] = {}
    for line_no, f in _rows(path, 4):
        geonameid = _int(f[3], path, line_no, "geonameid") or None
        codes[f[0]] = AdminCode(code=f[0], name=f[1], asciiname=f[2], geonameid=geonameid)
    return codes


def read_country_info(path: Path) -> dict[str, CountryInfo]:
    """countryInfo.txt: ISO codes, name, population, geonameid (column 17)."""
    countries: dict[str, CountryInfo] = {}
    for line_no, f in _rows(path, 17):
        countries[f[0]] = CountryInfo(
            iso2=f[0],
            name=f[4],
            geonameid=_int(f[16], path, line_no, "geonameid") or None,
            population=_int(f[7], path, line_no, "population"),
        )
    return countries


# alternateNamesV2 mixes names with links, postal codes and airport codes under pseudo-languages.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid"})


def read_alternate_names(path: Path) -> Iterator[AlternateName]:
    """alternateNamesV2.txt (or the older alternateNames.txt): the names, without links and codes."""
    for line_no, f in _rows(path, 4):
        language = f[2]
        if language in _NOT_NAMES:
            continue
        yield AlternateName(geonameid=_int(f[1], path, line_no, "geonameid"), language=language, name=f[3])
