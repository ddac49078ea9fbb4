"""scripts/gazetteer_reach.py: where the right answer to a gold place lies (slice, raw sources only, nowhere)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("gazetteer_reach", REPO / "scripts" / "gazetteer_reach.py")
assert _spec is not None and _spec.loader is not None
reach = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("gazetteer_reach", reach)
_spec.loader.exec_module(reach)


def gold(text: str, lat: float, lon: float, gid: int | None = None) -> dict:
    return {"text": text, "lat": lat, "lon": lon, "geonameid": gid}


def indexes() -> tuple:
    sl, src = reach.NameIndex(), reach.NameIndex()
    sl.add("slice", 2964574, ["Dublin", "Baile Átha Cliath"], 53.333, -6.249)
    sl.add("slice", 2965535, ["Cavan", "An Cabhán"], 53.991, -7.360)
    sl.add("slice", 900002513, ["Amsterdam Airport Schiphol"], 52.309, 4.764)
    sl.add("slice", 4140963, ["Washington"], 38.895, -77.037)
    src.add("admin2_2020", 11807235, [], None, None)  # a county no source gives a point for
    src.add("naturalearth_states_provinces", None, ["Berkshire"], 51.45, -1.20)
    src.add("ourairports_heliport", None, ["Jamsil Heliport", "Jamsil"], 37.51, 127.07)  # name, keyword
    src.add("cities500", 2964574, ["Dublin"], 53.333, -6.249)
    return sl, src


def test_id_in_the_slice_first() -> None:
    sl, src = indexes()
    assert reach.classify(gold("Baile Atha Cliath", 53.35, -6.26, 2964574), sl, src) == ("id_in_slice", "")


def test_id_only_in_a_raw_source_names_the_source() -> None:
    sl, src = indexes()
    assert reach.classify(gold("Hinton", 53.40, -117.58, 11807235), sl, src) == ("id_in_sources_only", "admin2_2020")


def test_names_count_only_within_161_km() -> None:
    sl, src = indexes()
    assert reach.classify(gold("the Dublin", 53.5, -6.5), sl, src) == ("name_in_slice_161km", "")
    assert reach.classify(gold("Dublin", 32.54, -82.90), sl, src)[0] == "unreachable"  # Dublin, Georgia
    assert reach.classify(gold("Berkshire", 51.5, -1.25, 2655856), sl, src) == (
        "name_in_sources_only_161km", "naturalearth_states_provinces")


def test_part_of_a_name_either_way_but_not_generic_words() -> None:
    sl, src = indexes()
    assert reach.classify(gold("Cavan Institute", 54.0, -7.36), sl, src) == ("part_of_name_161km", "slice")
    assert reach.classify(gold("Schiphol", 52.31, 4.76, 6296680), sl, src) == ("part_of_name_161km", "slice")
    assert reach.classify(gold("Jamsil Stadium", 37.512, 127.072), sl, src) == (
        "part_of_name_161km", "sources only: ourairports_heliport")
    # "Square" alone names nothing; "Washington" is in the mention but the gold is New Orleans' square
    assert reach.classify(gold("Washington Square", 29.96, -90.06, 4345516), sl, src) == (
        "unreachable", "id in no source")
    assert reach.classify(gold("Airport", 52.31, 4.76), sl, src)[0] == "unreachable"


def test_words_fold_case_accents_and_apostrophes() -> None:
    assert reach.words("Belfast Magistrate’s Court") == ["belfast", "magistrate's", "court"]
    assert reach.mention_keys("The Hague's") == {"the hague's", "hague's", "the hague"}
