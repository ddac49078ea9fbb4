"""Second-order divisions the sources give no point for (issue 13, item 5): the slice places them at the median
of their towns under feature code ADM2C, and "X County", "the district of X", "X raion" resolve to them. A
hand-made gazetteer for the parser, the shipped slice (read as text, no database) for what the build wrote."""

from __future__ import annotations

import csv
import lzma
from functools import lru_cache
from pathlib import Path

from app.events.extract import _geo_precision
from app.gazetteer.divisions import ESTIMATED_ADM2, has_estimated_point, is_adm2
from app.gazetteer.index import GazetteerIndex
from app.geoparse import parse
from app.geoparse.model import Mention
from tests.unit.hand_gazetteer import found as _found
from tests.unit.hand_gazetteer import place as _place

GAZ = Path(__file__).resolve().parents[2] / "data" / "gazetteer"

PLACES = [
    _place(6252001, "United States", 39.8, -98.5, "A", "PCLI", "US", pop=327_000_000),
    _place(4597040, "South Carolina", 34.0, -81.0, "A", "ADM1", "US", "SC"),
    _place(4582287, "Horry County", 33.92, -78.98, "A", ESTIMATED_ADM2, "US", "SC"),
    _place(4578791, "Conway", 33.84, -79.05, "P", "PPLA2", "US", "SC", pop=24_000),
    _place(1147290, "Afghanistan", 33.0, 66.0, "A", "PCLI", "AF", pop=37_000_000),
    _place(11818971, "Balkh District", 36.75, 66.9, "A", ESTIMATED_ADM2, "AF", "30"),
    _place(1147537, "Balkh", 36.76, 66.9, "P", "PPL", "AF", "30", pop=110_000),
    _place(690791, "Ukraine", 49.0, 32.0, "A", "PCLI", "UA", pop=41_000_000),
    _place(12156240, "Vyzhnytsya Raion", 48.2, 25.2, "A", ESTIMATED_ADM2, "UA", "03"),
    _place(690135, "Vyzhnytsya", 48.25, 25.19, "P", "PPLA2", "UA", "03", pop=4_000),
]
INDEX = GazetteerIndex(PLACES)


def test_the_marker_is_a_second_order_division_with_an_estimated_point():
    county = PLACES[2]
    assert is_adm2(ESTIMATED_ADM2) and is_adm2("ADM2") and not is_adm2("ADM1")
    assert has_estimated_point(county) and not has_estimated_point(PLACES[3])
    assert INDEX.admin2 == {} or all(isinstance(v, int) for v in INDEX.admin2.values())


def test_x_county_resolves_to_the_county_whose_name_carries_the_word():
    assert _found("Floods hit Horry County, South Carolina, on Monday.", INDEX)[0] == ("Horry County", 4582287)
    assert _found("floods hit horry county on monday.", INDEX)[0] == ("horry county", 4582287)


def test_a_division_word_after_or_before_the_bare_name_finds_the_division_named_with_it():
    assert ("Balkh", 11818971) in _found("The Taliban took the district of Balkh in Afghanistan.", INDEX)
    assert ("Vyzhnytsya", 12156240) in _found("Shelling hit the raion of Vyzhnytsya in Ukraine.", INDEX)
    assert ("Vyzhnytsya raion", 12156240) in _found("Shelling hit Vyzhnytsya raion in Ukraine.", INDEX)


def test_without_a_division_word_the_name_is_the_town():
    assert ("Balkh", 1147537) in _found("Fighting reached Balkh in Afghanistan.", INDEX)


def test_an_event_at_an_estimated_division_has_geo_precision_2():
    mention = Mention("Horry County", 0, 12, PLACES[2], 0.9)
    town = Mention("Conway", 0, 6, PLACES[3], 0.9)
    assert _geo_precision(mention) == 2
    assert _geo_precision(town) == 1


@lru_cache(maxsize=1)
def _slice_rows() -> dict[int, list[str]]:
    with lzma.open(GAZ / "places.tsv.xz", "rt", encoding="utf-8", newline="") as f:
        return {int(r[0]): r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


def test_the_built_slice_holds_counties_raions_and_districts_at_their_towns_median():
    rows = _slice_rows()
    for gid, name, cc, lat, lon in ((4582287, "Horry County", "US", 33.9, -79.0),
                                    (11818971, "Balkh District", "AF", 36.75, 66.9)):
        row = rows[gid]
        assert (row[1], row[6], row[7], row[8]) == (name, "A", ESTIMATED_ADM2, cc)
        assert abs(float(row[4]) - lat) < 0.5 and abs(float(row[5]) - lon) < 0.5
    estimated = [r for r in rows.values() if r[7] == ESTIMATED_ADM2]
    countries = {r[8] for r in estimated}
    assert len(estimated) > 20_000 and {"US", "GB", "UA", "AF"} <= countries
    # trimmed: no alternate names beyond the ASCII one (cleaned of commas), and each inside its admin1
    world = [r for r in estimated if r[8] not in ("SY", "IQ", "TR", "LB", "JO", "IL", "PS")]
    assert all("," not in r[3] and r[10] for r in world)


def test_the_slice_stays_small():
    assert (GAZ / "places.tsv.xz").stat().st_size < 11_000_000


def test_a_parse_of_the_real_slice_is_not_needed_for_the_marker():
    # the parser sees ADM2C exactly as ADM2 (one division of the article's country is its region)
    mentions = parse("Officials in Horry County said.", INDEX)
    assert mentions[0].place is not None and mentions[0].place.feature_code == ESTIMATED_ADM2
