"""The spelling rules place search is measured with (app/evaluation/place_search.py) and the ranking's order."""

from app.bbox import BBox
from app.evaluation.place_search import article_variant, doubled_variant, variant_queries, vowel_variant
from app.gazetteer.index import GazetteerIndex
from app.gazetteer.records import GazetteerPlace
from app.gazetteer.search import search_places


def test_rules() -> None:
    assert vowel_variant("Rihjan") == "Rehjan"
    assert vowel_variant("Al Bab") == "Al Beb"
    assert doubled_variant("Raqqa") == "Raqa"
    assert doubled_variant("Marea") == "Marrea"
    assert article_variant("al-Zobdani") == "el-Zobdani"
    assert article_variant("Ad Dana") == "al-Dana"
    assert article_variant("Manbij") == "al-Manbij"


def test_queries_skip_unresolved_and_repeated_names() -> None:
    articles = [{"toponyms": [{"text": "Rihjan", "kind": "settlement", "geonameid": 1},
                              {"text": "rihjan", "kind": "settlement", "geonameid": 1},
                              {"text": "Bilil", "kind": "settlement", "geonameid": None},
                              {"text": "Syria", "kind": "country", "geonameid": 2}]}]
    queries = variant_queries(articles, lambda gid: "SY")
    # no doubled variant: Rihjan has no doubled letter and no single consonant between two vowels
    assert [(q.rule, q.text) for q in queries] == [("vowel", "Rehjan"), ("article", "al-Rihjan")]


PLACES = [
    GazetteerPlace(1, "Ruhjān", "Ruhjan", 35.4, 37.0, "P", "PPL", "SY"),
    GazetteerPlace(2, "Yangon", "Yangon", 16.8, 96.2, "P", "PPLA", "MM", population=5_000_000,
                   alternate_names=("Rangoon", "Rigjan")),
    GazetteerPlace(3, "Aleppo", "Aleppo", 36.2, 37.2, "P", "PPLA", "SY", population=1_600_000),
    GazetteerPlace(4, "Aleppo", "Aleppo", 36.2, 37.5, "A", "ADM1", "SY", population=4_800_000),
    GazetteerPlace(5, "Dābiq", "Dabiq", 36.5, 37.3, "P", "PPL", "SY"),
    GazetteerPlace(6, "Dahāyik", "Dahayik", 36.0, 37.0, "P", "PPL", "SY", alternate_names=("Dabiq",)),
    GazetteerPlace(7, "Raqqa", "Raqqa", 35.9, 39.0, "P", "PPLA", "SY", population=200_000),
]


def test_order_exact_and_folded_then_frame_then_similarity_then_prominence() -> None:
    index = GazetteerIndex(PLACES)
    # folded through an alternate name, but the famous city: prominence leads among folded matches...
    assert [h.place.geonameid for h in search_places(index, "rihjan")][:2] == [2, 1]
    # ...and a name like the place's own wins among equals
    assert [h.place.geonameid for h in search_places(index, "debiq")][:2] == [5, 6]
    assert search_places(index, "aleppo")[0].place.geonameid == 3  # the city before its governorate
    similar = search_places(index, "raqqaa")
    assert similar[0].place.geonameid == 7
    assert search_places(index, "rihjan", country="sy")[0].place.geonameid == 1
    assert [h.place.geonameid for h in search_places(index, "aleppo", feature_classes=["A"])] == [4]
    assert search_places(index, "aleppo", bbox=BBox(37.3, 36.0, 37.6, 36.4))[0].place.geonameid == 4
    assert search_places(index, "xylophone") == []
