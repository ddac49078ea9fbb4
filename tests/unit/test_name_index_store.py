"""The compact name index keeps the plain-dict behaviour, survives its cache file, and the loader's name forms
equal the reference functions in ``app.gazetteer.names``."""

from __future__ import annotations

from app.gazetteer.index import GazetteerIndex, name_keys
from app.gazetteer.names import fold_token, normalize, search_key, skeleton_key, skeleton_of_key
from app.gazetteer.records import GazetteerPlace
from app.store.gazetteer_repo import name_forms

PLACES = [
    GazetteerPlace(170015, "Hama", "Hama", 35.2, 37.2, "A", "ADM1", "SY", "10", "", 0, ("Hamah", "Ḩamāh")),
    GazetteerPlace(170017, "Hama", "Hama", 35.13, 36.75, "P", "PPLA", "SY", "10", "", 460_000, ("Hamah",)),
    GazetteerPlace(163843, "Syria", "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", "", 22_000_000, ()),
    GazetteerPlace(174611, "Abū az̧ Z̧uhūr", "Abu az Zuhur", 35.73, 37.1, "P", "PPL", "SY", "07", "", 0,
                   ("Abu ad Duhur", "Abu al-Dhour", "أبو الظهور")),
    GazetteerPlace(165596, "Ruhjān", "Ruhjan", 35.5, 37.3, "P", "PPL", "SY", "10", "", 0, ("Rihjan",)),
    GazetteerPlace(900001, "Abu ad Duhur Military Airport", "Abu ad Duhur Military Airport", 35.73, 37.1, "S",
                   "AIRB", "SY", "07", "", 0, ()),
    GazetteerPlace(170017, "Hama", "Hama", 35.14, 36.75, "P", "PPLA", "SY", "10", "", 460_001, ()),  # repeated id
]


def _reference(places):
    """What the index held as plain dicts before it was made compact."""
    by_gid, by_key = {}, {}
    for place in places:
        by_gid[place.geonameid] = GazetteerPlace(**{**{f: getattr(place, f) for f in place.__slots__},
                                                    "alternate_names": ()})
        for key in name_keys(place):
            by_key.setdefault(key, []).append(place.geonameid)
    by_skeleton = {}
    for key, ids in by_key.items():
        by_skeleton.setdefault(skeleton_of_key(key), []).extend(ids)
    skeletons = {k: tuple(dict.fromkeys(v)) for k, v in by_skeleton.items()}
    return by_gid, {k: tuple(v) for k, v in by_key.items()}, skeletons


def _check(index: GazetteerIndex) -> None:
    by_gid, by_key, by_skeleton = _reference(PLACES)
    assert dict(index.places) == by_gid and list(index.places) == list(by_gid) and len(index) == len(by_gid)
    assert dict(index.by_key) == by_key and len(index.by_key) == len(by_key)
    assert dict(index.by_skeleton) == by_skeleton
    for key, ids in by_key.items():
        assert key in index.by_key
        assert index.candidates(key) == tuple(by_gid[i] for i in ids)
        assert index.skeleton_candidates(key) == tuple(by_gid[i] for i in by_skeleton[skeleton_of_key(key)])
    for missing in ("", " ", "hama ", "zzz"):
        assert missing not in index.by_key and index.candidates(missing) == () and index.by_key.get(missing) is None
    assert index.admin1_of(index.places[170017]).geonameid == 170015
    assert index.country("SY").geonameid == 163843
    words = ("the", "abu", "al", "duhur", "military", "airport", "near", "hama")
    matches = index.find([fold_token(w) for w in words])
    assert {(m.first, m.last, m.key) for m in matches} >= {(1, 3, "abu al dur"), (7, 7, "hama")}


def test_compact_index_equals_the_plain_dicts(tmp_path) -> None:
    index = GazetteerIndex(PLACES)
    _check(index)
    index.save(tmp_path / "index")
    _check(GazetteerIndex.load(tmp_path / "index"))


def test_cached_rebuilds_a_corrupt_file(tmp_path) -> None:
    first = GazetteerIndex.cached(fingerprint="f", cache_dir=tmp_path, places=lambda: PLACES)
    (cache,) = tmp_path.iterdir()
    cache.write_bytes(b"not a pickle")
    again = GazetteerIndex.cached(fingerprint="f", cache_dir=tmp_path, places=lambda: PLACES)
    assert dict(again.by_key) == dict(first.by_key)


def test_name_forms_equal_the_reference_functions() -> None:
    for name in ("Abū az̧ Z̧uhūr", "Abu al-Dhour", "Ma'arrat al-Nu`man", "Deir ez-Zor", "ℌama", "Straße", "A_B",
                 "أبو الظهور", "  Idlib  ", "Tell 'Abyad", "ﬁq", "—", "Umm  Turaykīyah"):
        assert name_forms(name) == (normalize(name), search_key(name), skeleton_key(name)), name
