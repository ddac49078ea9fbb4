"""Gazetteer search against the shipped slice, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.evaluation.place_search import read_articles, variant_queries


def search(client: TestClient, q: str, **params: object) -> list[dict]:
    response = client.get("/v1/places", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()["places"]


def test_idlib_ranks_the_city_and_the_governorate_first(client: TestClient) -> None:
    places = search(client, "idlib")
    top_two = {(p["feature_code"], p["country_code"]) for p in places[:2]}
    assert top_two == {("PPLA", "SY"), ("ADM1", "SY")}
    city = next(p for p in places if p["feature_code"] == "PPLA")
    assert city["geonameid"] == 169389
    assert city["lat"] == pytest.approx(35.93, abs=0.02) and city["lon"] == pytest.approx(36.63, abs=0.02)
    assert city["admin1"] == "Idlib"


@pytest.mark.parametrize("query", ["abu al-dhour", "Abu ad Duhur", "abu al dhour", "ABU AZ-ZUHUR", "Abū aḑ Ḑuhūr"])
def test_transliteration_variants_find_abu_az_zuhur_or_its_airbase(client: TestClient, query: str) -> None:
    places = search(client, query, limit=3)
    assert places, query
    top = places[0]
    is_town = top["geonameid"] == 174611
    is_airbase = top["feature_code"] == "AIRB" and abs(top["lat"] - 35.73) < 0.05 and abs(top["lon"] - 37.10) < 0.05
    assert is_town or is_airbase, top


def test_rihjan_finds_ruhjan(client: TestClient) -> None:
    assert search(client, "rihjan", country="SY")[0]["geonameid"] == 165596


@pytest.mark.parametrize(
    ("query", "geonameid"),
    [("Deir ez-Zor", 170794), ("Dayr az Zawr", 170794), ("raqqa", 172955), ("Maarat al-Numan", 167611),
     ("jisr al-shughur", 169023), ("Kobane", 172256), ("mosul", 99072), ("Amman", 250441), ("ادلب", 169389)],
)
def test_common_spellings_resolve(client: TestClient, query: str, geonameid: int) -> None:
    assert geonameid in [p["geonameid"] for p in search(client, query, limit=3)], query


def test_country_filter_keeps_only_that_country(client: TestClient) -> None:
    places = search(client, "tripoli", country="LB", limit=20)
    assert places and all(p["country_code"] == "LB" for p in places)


def test_limit_above_maximum_is_clamped(client: TestClient) -> None:
    places = search(client, "al", limit=100000)
    assert 0 < len(places) <= 100


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "   "}, {"q": "x" * 201}, {}, {"q": "idlib", "limit": 0},
                                    {"q": "idlib", "country": "SYR"}, {"q": "idlib", "limit": "many"}])
def test_bad_search_parameters_are_400_problems(client: TestClient, params: dict) -> None:
    response = client.get("/v1/places", params=params)
    assert response.status_code == 400
    body = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert body["status"] == 400 and body["detail"]


def test_place_by_id(client: TestClient) -> None:
    response = client.get("/v1/places/170017")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] in ("Ḩamāh", "Hama") and body["country_code"] == "SY"
    assert set(body) >= {"geonameid", "name", "feature_class", "feature_code", "country_code", "admin1", "admin2",
                         "lat", "lon", "population"}


@pytest.mark.parametrize(
    ("geonameid", "status"), [("1", 404), ("999999999999", 404), ("abc", 400), ("-5", 404), ("0", 400),
                              (str(2**62 + 1), 400)],
)
def test_unknown_or_invalid_geonameid(client: TestClient, geonameid: str, status: int) -> None:
    """A well-formed id with no place is 404; one that is no id at all (not a number, out of range) is 400."""
    response = client.get(f"/v1/places/{geonameid}")
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == status and response.json()["detail"]


def test_rihjan_ranks_ruhjan_above_places_only_their_prominence_recommends(client: TestClient) -> None:
    """Yangon, Ryazan and Ar Rayyan share nothing with "rihjan" but a loose consonant frame and fame."""
    ids = [p["geonameid"] for p in search(client, "rihjan", limit=20)]
    assert 165596 in ids
    names = [p["name"] for p in search(client, "rihjan", limit=20)]
    for famous in ("Yangon", "Ryazan’", "Ar Rayyān"):
        if famous in names:
            assert names.index(famous) > ids.index(165596), names


def test_the_city_before_the_division_named_after_it(client: TestClient) -> None:
    assert search(client, "aleppo")[0]["geonameid"] == 170063
    assert search(client, "manbij")[0]["geonameid"] == 167357


def test_bbox_and_feature_class_filters(client: TestClient) -> None:
    hama_box = "36.1,34.8,38.5,35.8"
    boxed = search(client, "tell", bbox=hama_box, limit=50)
    assert boxed and all(36.1 <= p["lon"] <= 38.5 and 34.8 <= p["lat"] <= 35.8 for p in boxed)
    divisions = search(client, "idlib", feature_class="A", limit=20)
    assert divisions and all(p["feature_class"] == "A" for p in divisions)
    both = search(client, "idlib", feature_class="a,p", limit=20)
    assert {p["feature_class"] for p in both} == {"A", "P"}
    assert client.get("/v1/places", params={"q": "idlib", "feature_class": "AP"}).status_code == 400
    assert client.get("/v1/places", params={"q": "idlib", "bbox": "1,2,3"}).status_code == 400


DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/eval/dev.jsonl")
def test_variant_spellings_of_the_dev_sets_places_find_the_right_place_first(client: TestClient) -> None:
    """app/evaluation/place_search.py's rules (a vowel changed, a letter doubled or written once, the article
    written otherwise) on every resolved settlement of the dev set, searched within its country: the right place
    first for at least 95% (98.6% measured: only Al-Tukhar, a two-word name in the gazetteer, is missed)."""
    def country_of(geonameid: int) -> str | None:
        response = client.get(f"/v1/places/{geonameid}")
        return response.json()["country_code"] if response.status_code == 200 else None

    queries = variant_queries(read_articles(DEV), country_of)
    assert len(queries) >= 100
    right = sum(search(client, q.text, country=q.country, limit=1)[0]["geonameid"] == q.geonameid
                for q in queries if q.country)
    assert right / len(queries) >= 0.95, right / len(queries)
