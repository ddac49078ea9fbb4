"""Checks on the shipped gazetteer slice in data/gazetteer/ (stdlib only, no app imports).

The slice is produced by scripts/build_gazetteer.py; these tests pin the properties the
geoparser relies on (coverage of Syria, key places and spellings, well-formed rows).
"""
from __future__ import annotations

import csv
import json
import lzma
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
SYNTHETIC_AIRPORT_BASE = 900_000_000


@lru_cache(maxsize=1)
def places() -> dict[int, list[str]]:
    rows: dict[int, list[str]] = {}
    dups = []
    with lzma.open(GAZ / "places.tsv.xz", "rt", encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid = int(row[0])
            if gid in rows:
                dups.append(gid)
            rows[gid] = row
    assert not dups, f"duplicate geonameids: {dups[:10]}"
    return rows


def names(row: list[str]) -> set[str]:
    return {row[1], row[2], *[a for a in row[3].split(",") if a]}


def near(row: list[str], lat: float, lon: float, tol: float = 0.05) -> bool:
    return abs(float(row[4]) - lat) <= tol and abs(float(row[5]) - lon) <= tol


def test_files_present_and_small() -> None:
    for name in ("places.tsv.xz", "admin1CodesASCII.txt.xz", "admin2Codes.txt.xz", "countryInfo.txt.xz",
                 "admin_areas.geojson.xz", "README.md", "licenses/WOF_LICENSE.md",
                 "licenses/OpenSyria_LICENSE.md"):
        path = GAZ / name
        assert path.is_file(), name
        assert path.stat().st_size < 20 * 1024 * 1024, name
    total = sum(p.stat().st_size for p in GAZ.rglob("*") if p.is_file())
    assert total < 25 * 1024 * 1024


def test_rows_well_formed_and_unique() -> None:
    rows = places()
    assert len(rows) > 200_000
    with lzma.open(GAZ / "places.tsv.xz", "rt", encoding="utf-8", newline="") as f:
        prev = -1
        for line in f:
            fields = line.rstrip("\n").split("\t")
            assert len(fields) == 19, line[:200]
            gid = int(fields[0])
            assert gid > prev, "rows must be sorted by geonameid"
            prev = gid
            lat, lon = float(fields[4]), float(fields[5])
            assert math.isfinite(lat) and math.isfinite(lon)
            assert -90 <= lat <= 90 and -180 <= lon <= 180
            assert fields[1], line[:200]
            assert fields[6] in {"A", "P", "S"}, fields[:8]
            int(fields[14] or 0)


def test_syria_coverage() -> None:
    sy = [r for r in places().values() if r[8] == "SY"]
    assert len(sy) >= 10_000
    assert sum(1 for r in sy if r[6] == "P") >= 10_000


@pytest.mark.parametrize(
    "gid,lat,lon,fclass,spelling",
    [
        (169389, 35.93, 36.63, "P", "Idlib"),
        (170017, 35.13, 36.76, "P", "Hama"),
        (174611, 35.74, 37.04, "P", "Abu ad Duhur"),
        (165596, 35.40, 37.43, "P", "Ruhjan"),
        (162824, 35.40, 36.94, "P", "Umm Turaykiyah"),
        (170063, 36.20, 37.16, "P", "Aleppo"),
        (99072, 36.34, 43.12, "P", "Mosul"),
        (250441, 31.96, 35.95, "P", "Amman"),
        (163808, 34.56, 38.28, "P", "Palmyra"),
        (172256, 36.89, 38.35, "P", "Kobani"),
    ],
)
def test_key_places(gid: int, lat: float, lon: float, fclass: str, spelling: str) -> None:
    row = places().get(gid)
    assert row is not None, gid
    assert row[6] == fclass
    assert near(row, lat, lon), row[:6]
    assert spelling in names(row), sorted(names(row))


def test_arabic_names_kept_for_syria() -> None:
    assert "إدلب" in names(places()[169389])
    assert "حلب" in names(places()[170063])


def test_idlib_governorate() -> None:
    row = places()[169387]
    assert row[6:8] == ["A", "ADM1"] and row[8] == "SY" and row[10] == "12"
    assert "Idlib Governorate" in names(row)
    assert near(row, 35.8, 36.6, tol=0.5)


def test_syria_admin_levels() -> None:
    sy = Counter(r[7] for r in places().values() if r[8] == "SY" and r[6] == "A")
    assert sy["ADM1"] == 14
    assert sy["ADM2"] >= 60
    assert sy["PCLI"] == 1


def test_abu_ad_duhur_airbase() -> None:
    hits = [r for r in places().values()
            if r[7] == "AIRB" and "Abu ad Duhur Air Base" in names(r) and near(r, 35.73, 37.10)]
    assert len(hits) == 1
    row = hits[0]
    assert int(row[0]) >= SYNTHETIC_AIRPORT_BASE
    assert {"Abu ad Duhur Airbase", "Abu ad Duhur Airport", "Abu ad Duhor"} <= names(row)
    assert row[8] == "SY" and row[10] == "12"


def test_airports_have_synthetic_ids_and_no_codes_as_names() -> None:
    air = [r for r in places().values() if r[6] == "S"]
    assert len(air) > 100
    assert all(int(r[0]) >= SYNTHETIC_AIRPORT_BASE for r in air)
    sy = [r for r in air if r[8] == "SY"]
    assert len(sy) >= 30
    for r in sy:
        for n in names(r):
            assert n not in {"OS57", "OSAP", "ALP", "DAM", "OSDI"}, (r[1], n)


@pytest.mark.parametrize(("name", "cc", "lat", "lon", "alias"), [
    ("Hostomel Airport", "UA", 50.60, 30.19, "Antonov International Airport"),
    ("Donetsk Sergei Prokofiev International Airport", "UA", 48.07, 37.73, "Donetsk International Airport"),
    ("London Heathrow Airport", "GB", 51.47, -0.46, "Heathrow Airport"),
    ("Amsterdam Airport Schiphol", "NL", 52.31, 4.76, "Amsterdam Airport Schiphol"),
    ("Kabul International Airport", "AF", 34.57, 69.21, "Hamid Karzai International Airport"),
    ("Mitiga International Airport", "LY", 32.89, 13.28, "Tripoli Airport"),
])
def test_world_airports(name: str, cc: str, lat: float, lon: float, alias: str) -> None:
    """Large and medium airports worldwide, and closed international ones (Donetsk), with their aliases."""
    hits = [r for r in places().values() if r[6] == "S" and r[1] == name]
    assert len(hits) == 1, name
    row = hits[0]
    assert SYNTHETIC_AIRPORT_BASE <= int(row[0]) < 910_000_000
    assert row[8] == cc and near(row, lat, lon, tol=0.1) and alias in names(row)


def test_world_airports_are_the_major_ones() -> None:
    """Outside the Middle East only large and medium airports (and closed international ones): no heliports."""
    middle_east = {"SY", "IQ", "TR", "LB", "JO", "IL", "PS"}
    world = [r for r in places().values() if r[6] == "S" and r[8] not in middle_east]
    assert 4000 < len(world) < 6000
    assert not any(r[7] == "AIRH" for r in world)


def test_every_country_present() -> None:
    rows = places()
    by_id = {gid: r for gid, r in rows.items() if r[6] == "A" and r[7].startswith("PCL")}
    with lzma.open(GAZ / "countryInfo.txt.xz", "rt", encoding="utf-8") as f:
        info = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    assert len(info) > 240
    for c in info:
        gid = int(c[16])
        assert gid in by_id, c[:5]
        assert by_id[gid][8] == c[0]
    syria = by_id[163843]
    assert near(syria, 35.0, 38.5, tol=1.5)


def test_world_admin1() -> None:
    adm1 = [r for r in places().values() if r[7] == "ADM1"]
    assert len(adm1) >= 3000
    with lzma.open(GAZ / "admin1CodesASCII.txt.xz", "rt", encoding="utf-8") as f:
        codes = [line.rstrip("\n").split("\t") for line in f]
    assert len(codes) >= 3000 and all(len(c) == 4 for c in codes)
    assert ["SY.12", "Idlib", "Idlib", "169387"] in codes


def test_admin2_codes() -> None:
    with lzma.open(GAZ / "admin2Codes.txt.xz", "rt", encoding="utf-8") as f:
        codes = {line.split("\t")[0] for line in f}
    for cc in ("SY", "IQ", "TR", "LB", "JO", "IL", "PS"):
        assert any(c.startswith(cc + ".") for c in codes), cc
    assert "SY.12.169388" in codes


def test_no_pure_codes_in_alternatenames() -> None:
    for r in places().values():
        for a in r[3].split(","):
            if a:
                assert any(ch.isalpha() for ch in a), (r[0], a)


def test_non_middle_east_names_are_latin() -> None:
    # spot check: Paris has no Cyrillic/CJK alternates
    paris = places()[2988507]
    assert "Paris" in names(paris)
    for a in paris[3].split(","):
        assert not any("\u0400" <= ch <= "\u04ff" or "\u4e00" <= ch <= "\u9fff" for ch in a), a


def test_admin_areas_geojson() -> None:
    with lzma.open(GAZ / "admin_areas.geojson.xz") as fh:
        fc = json.loads(fh.read())
    assert fc["type"] == "FeatureCollection"
    by_level = Counter(f["properties"]["level"] for f in fc["features"])
    assert by_level[0] >= 200 and by_level[1] >= 2000 and by_level[2] >= 50
    props = {f["properties"]["code"]: f["properties"] for f in fc["features"]}
    assert props["SY"]["level"] == 0 and props["SY"]["geonameid"] == 163843
    assert props["SY.12"]["level"] == 1 and props["SY.12"]["geonameid"] == 169387
    assert sum(1 for c, p in props.items() if c.startswith("SY.") and p["level"] == 2) >= 50
    for f in fc["features"]:
        assert set(f["properties"]) == {"code", "level", "geonameid", "name", "country_code"}
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
