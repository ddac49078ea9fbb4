"""GET /v1/control (who controls each place on a date) and GET /v1/places/{geonameid}/timeline."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.api.schemas import ControlFeatureCollection, EventFeatureCollection
from tests.api.test_events_api import Seeder, ocean_spot, seed  # noqa: F401 - the fixture is used by name


def snapshot(client: TestClient, **params: object) -> dict:
    response = client.get("/v1/control", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    ControlFeatureCollection.model_validate(body)
    return body


def test_control_snapshot_takes_each_places_latest_event_on_or_before_the_date(
    client: TestClient, seed: Seeder  # noqa: F811
) -> None:
    lon, lat = ocean_spot()
    a, b = 980000001, 980000002
    seed.event(lon=lon, lat=lat, geonameid=a, place_name="A", day="2015-03-01", side="opposition",
               lost_side="government")
    retaken = seed.event(lon=lon, lat=lat, geonameid=a, place_name="A", day="2016-12-22", side="government")
    taken_by_isis = seed.event(lon=lon + 0.05, lat=lat, geonameid=b, place_name="B", day="2016-01-01", side="isis",
                               lost_side="opposition")
    seed.event(lon=lon + 0.05, lat=lat, geonameid=b, place_name="B", day="2017-06-01", side="kurdish",
               lost_side="isis")
    box = f"{lon - 0.01},{lat - 0.01},{lon + 0.06},{lat + 0.01}"

    body = snapshot(client, at="2017-01-01", bbox=box)
    assert body["at"] == "2017-01-01"
    by_place = {f["properties"]["place_name"]: f for f in body["features"]}
    assert set(by_place) == {"A", "B"}
    assert by_place["A"]["id"] == str(a)
    assert by_place["A"]["properties"]["controller"]["side"] == "government"
    assert by_place["A"]["properties"]["event_id"] == retaken
    assert by_place["A"]["properties"]["since"] == "2016-12-22"
    assert by_place["A"]["properties"]["event_count"] == 2
    assert by_place["B"]["properties"]["controller"]["side"] == "isis"
    assert by_place["B"]["properties"]["event_id"] == taken_by_isis
    assert by_place["A"]["geometry"]["coordinates"] == [lon, lat]

    early = snapshot(client, at="2015-06-01", bbox=box)["features"]
    assert [(f["properties"]["place_name"], f["properties"]["controller"]["side"]) for f in early] == [
        ("A", "opposition")]
    late = {f["properties"]["place_name"]: f["properties"]["controller"]["side"]
            for f in snapshot(client, at="2020-01-01T12:00:00Z", bbox=box)["features"]}
    assert late == {"A": "government", "B": "kurdish"}
    assert snapshot(client, at="2014-01-01", bbox=box)["features"] == []


def test_control_snapshot_defaults_to_today_and_rejects_bad_input(client: TestClient) -> None:
    assert client.get("/v1/control", params={"bbox": "0,0,0.001,0.001"}).status_code == 200
    for params in ({"at": "last tuesday"}, {"at": "2017-02-30"}, {"bbox": "1,2,3"}):
        response = client.get("/v1/control", params=params)
        assert response.status_code == 400, params
        assert response.json()["detail"]


def test_timeline_lists_a_places_changes_oldest_first(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    place = 980000101
    third = seed.event(geonameid=place, place_name="Tabqa", day="2017-05-10", side="kurdish", lost_side="isis")
    first = seed.event(geonameid=place, place_name="Tabqa", day="2013-02-11", side="opposition",
                       lost_side="government")
    second = seed.event(geonameid=place, place_name="Tabqa", day="2014-08-24", side="isis", lost_side="opposition")
    response = client.get(f"/v1/places/{place}/timeline")
    assert response.status_code == 200
    body = response.json()
    EventFeatureCollection.model_validate(body)
    assert body["geonameid"] == place and body["place_name"] == "Tabqa"
    assert [f["id"] for f in body["features"]] == [first, second, third]
    assert [f["properties"]["gained_by"]["side"] for f in body["features"]] == ["opposition", "isis", "kurdish"]


def test_timeline_of_a_known_place_without_events_is_empty_and_unknown_is_404(client: TestClient) -> None:
    known = client.get("/v1/places/169389/timeline")
    assert known.status_code == 200
    assert known.json()["place_name"] == "Idlib"
    assert client.get("/v1/places/980999999/timeline").status_code == 404
    assert client.get("/v1/places/0/timeline").status_code == 400
