"""Mapbox Vector Tiles of the events (PostGIS ST_AsMVT; Python encoder on SQLite) and their TileJSON."""

from __future__ import annotations

import mapbox_vector_tile
import pytest
from fastapi.testclient import TestClient

from app.store.spatial_sqlite import tile_pixel
from tests.api.test_events_api import Seeder, seed  # noqa: F401 - the fixture is used by name

MVT = "application/vnd.mapbox-vector-tile"


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    px, py = tile_pixel(lon, lat, z=z, x=0, y=0, extent=1)
    return int(px), int(py)


def get_tile(client: TestClient, z: int, x: int, y: int, **params: object) -> dict:
    response = client.get(f"/v1/tiles/events/{z}/{x}/{y}.pbf", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MVT
    return mapbox_vector_tile.decode(response.content, default_options={"y_coord_down": True})


def test_tile_decodes_with_the_inserted_events_where_they_are(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    # A patch of the South Pacific that no other test uses at zoom 12.
    points = [(-131.21, -47.31), (-131.205, -47.305), (-131.2, -47.3)]
    ids = {seed.event(lon=lon, lat=lat, side=side): (lon, lat)
           for (lon, lat), side in zip(points, ("government", "isis", "kurdish"), strict=True)}
    z = 12
    x, y = tile_of(-131.205, -47.305, z)
    layer = get_tile(client, z, x, y)["events"]
    assert layer["extent"] == 4096
    features = {f["properties"]["id"]: f for f in layer["features"]}
    assert set(features) == set(ids)
    for event_id, (lon, lat) in ids.items():
        feature = features[event_id]
        assert feature["geometry"]["type"] == "Point"
        px, py = tile_pixel(lon, lat, z=z, x=x, y=y, extent=4096)
        gx, gy = feature["geometry"]["coordinates"]
        assert abs(gx - px) <= 1 and abs(gy - py) <= 1
        props = feature["properties"]
        assert props["place_name"] == "Idlib" and props["source_count"] == 1
        assert props["date_start"] == "2017-10-23" and props["lost_side"] == "opposition"
    assert {f["properties"]["gained_side"] for f in layer["features"]} == {"government", "isis", "kurdish"}
    filtered = get_tile(client, z, x, y, side="isis")["events"]["features"]
    assert [f["properties"]["gained_side"] for f in filtered] == ["isis"]
    assert get_tile(client, z, x, y, datetime="2010-01-01/2011-01-01") == {}


def test_empty_tile_is_an_empty_200(client: TestClient) -> None:
    response = client.get("/v1/tiles/events/14/0/0.pbf")
    assert response.status_code == 200
    assert response.content == b""


def test_tile_buffer_keeps_a_point_just_across_the_edge(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    z = 10
    x, y = tile_of(-120.3, -52.2, z)
    # 20 tile units (of 4096) left of the tile's west edge: inside the 64-unit buffer.
    west_lon = (x / 2**z) * 360 - 180
    event_id = seed.event(lon=west_lon - 20 / 4096 * 360 / 2**z, lat=-52.2)
    features = get_tile(client, z, x, y)["events"]["features"]
    assert [f["properties"]["id"] for f in features] == [event_id]
    assert features[0]["geometry"]["coordinates"][0] < 0


@pytest.mark.parametrize("path", ["23/0/0", "-1/0/0", "3/8/0", "3/0/8", "3/-1/0", "2/a/0"])
def test_tile_coordinates_out_of_range_are_400(client: TestClient, path: str) -> None:
    response = client.get(f"/v1/tiles/events/{path}.pbf")
    assert response.status_code == 400, response.text
    assert response.json()["detail"]


def test_tile_rejects_a_bad_side(client: TestClient) -> None:
    assert client.get("/v1/tiles/events/0/0/0.pbf", params={"side": "nobody"}).status_code == 400


def test_tilejson_describes_the_layer_and_carries_filters(client: TestClient) -> None:
    response = client.get("/v1/tiles/events.json", params={"side": "government", "bbox": "0,0,1,1"})
    assert response.status_code == 200
    doc = response.json()
    assert doc["tilejson"] == "3.0.0"
    assert doc["tiles"] == ["http://testserver/v1/tiles/events/{z}/{x}/{y}.pbf?side=government"]
    assert doc["vector_layers"][0]["id"] == "events"
    assert {"id", "gained_side", "date_start"} <= set(doc["vector_layers"][0]["fields"])
    assert len(doc["bounds"]) == 4 and doc["minzoom"] == 0 and doc["maxzoom"] == 22


def test_a_full_tile_keeps_the_newest_events(
    client: TestClient, seed: Seeder, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    from app.store import event_queries

    monkeypatch.setattr(event_queries, "TILE_MAX_FEATURES", 2)
    made = {seed.event(lon=-110.4, lat=-41.4, day=day): day for day in ("2014-01-01", "2016-01-01", "2015-01-01")}
    z = 12
    x, y = tile_of(-110.4, -41.4, z)
    features = get_tile(client, z, x, y)["events"]["features"]
    assert sorted(made[f["properties"]["id"]] for f in features) == ["2015-01-01", "2016-01-01"]
