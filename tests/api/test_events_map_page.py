"""The map page, its configuration and the shipped outlines it draws without a basemap."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, insert

from app.store.models import AdminArea, EventRow

AREAS = AdminArea.__table__
EVENTS = EventRow.__table__
# Shipped: Syria's Deir ez-Zor governorate (level 1) and Syria itself (level 0).
DEIR_EZ_ZOR = 170792
SYRIA = 163843


def test_page_and_its_vendored_maplibre_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/static/vendor/maplibre-gl/maplibre-gl.js" in page.text
    for path in ("/static/vendor/maplibre-gl/maplibre-gl.js", "/static/vendor/maplibre-gl/maplibre-gl.css",
                 "/static/vendor/tiny-sdf/index.js", "/static/glyphs.js", "/static/map.js", "/static/map.css"):
        assert client.get(path).status_code == 200, path


def test_map_config_exposes_the_basemap_setting(client: TestClient) -> None:
    settings = client.app.state.runtime.settings
    saved = settings.basemap_url
    try:
        settings.basemap_url = ""
        assert client.get("/v1/map-config").json()["basemap_url"] is None
        settings.basemap_url = "https://tiles.example.org/{z}/{x}/{y}.png"
        config = client.get("/v1/map-config").json()
    finally:
        settings.basemap_url = saved
    assert config["basemap_url"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert "government" in config["sides"]


@pytest.fixture
def outlines(client: TestClient) -> Iterator[list[str]]:
    factory = client.app.state.runtime.session_factory
    codes = [f"T{uuid.uuid4().hex[:10]}" for _ in range(2)]
    squares = [(-170.0, 60.0), (170.0, 60.0)]
    with factory() as session, session.begin():
        for code, (lon, lat) in zip(codes, squares, strict=True):
            ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]
            session.execute(insert(AREAS).values(
                code=code, level=1, geonameid=None, name=f"Test {code}", country_code="ZZ",
                geojson=json.dumps({"type": "Polygon", "coordinates": [ring]}),
                min_lon=lon, min_lat=lat, max_lon=lon + 1, max_lat=lat + 1,
            ))
    try:
        yield codes
    finally:
        with factory() as session, session.begin():
            session.execute(delete(AREAS).where(AREAS.c.code.in_(codes)))


def test_admin_areas_as_geojson_filtered_by_level_and_bbox(client: TestClient, outlines: list[str]) -> None:
    response = client.get("/v1/admin-areas", params={"level": 1, "bbox": "169,59,-169,62"})
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection"
    found = {f["id"]: f for f in body["features"] if f["properties"]["country_code"] == "ZZ"}
    assert set(found) == set(outlines)
    assert found[outlines[0]]["geometry"]["type"] == "Polygon"
    west_only = client.get("/v1/admin-areas", params={"level": 1, "bbox": "-171,59,-168,62"}).json()
    assert [f["id"] for f in west_only["features"] if f["properties"]["country_code"] == "ZZ"] == [outlines[0]]
    assert client.get("/v1/admin-areas", params={"level": 5}).status_code == 400


def test_shipped_country_outlines_include_syria(client: TestClient) -> None:
    body = client.get("/v1/admin-areas", params={"level": 0, "bbox": "38,34,39,35"}).json()
    assert "SY" in {f["properties"]["country_code"] for f in body["features"]}


def test_admin_areas_by_geonameid_at_any_level(client: TestClient) -> None:
    body = client.get("/v1/admin-areas", params={"geonameid": f"{DEIR_EZ_ZOR},{SYRIA},999999999"}).json()
    found = {f["properties"]["geonameid"]: f["properties"] for f in body["features"]}
    assert set(found) == {DEIR_EZ_ZOR, SYRIA}
    assert found[DEIR_EZ_ZOR]["level"] == 1 and found[DEIR_EZ_ZOR]["name"] == "Deir ez-Zor"
    assert found[SYRIA]["level"] == 0
    only_level_1 = client.get("/v1/admin-areas", params={"geonameid": f"{DEIR_EZ_ZOR},{SYRIA}", "level": 1}).json()
    assert [f["properties"]["geonameid"] for f in only_level_1["features"]] == [DEIR_EZ_ZOR]
    for bad in ("x", "1,,y", "0", "-5", ",".join(["1"] * 201)):
        response = client.get("/v1/admin-areas", params={"geonameid": bad})
        assert response.status_code == 400, bad
        assert response.headers["content-type"] == "application/problem+json"


@pytest.fixture
def region_event(client: TestClient) -> Iterator[str]:
    """A change known only at the level of the Deir ez-Zor governorate (geo_precision 3), far from other tests'."""
    factory = client.app.state.runtime.session_factory
    event_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    with factory() as session, session.begin():
        session.execute(insert(EVENTS).values(
            id=event_id, geonameid=None, place_name="Tal Zbeideh", place_key=f"n:tal zbeideh:{event_id}",
            region_geonameid=DEIR_EZ_ZOR, lat=35.0, lon=40.2, geo_precision=3, gained_side="isis",
            gained_actor=None, gained_name="Islamic State", lost_side=None, lost_actor=None, lost_name=None,
            claimed_by=None, date_start=date(1901, 2, 3), date_end=date(1901, 2, 3), date_precision="day",
            date_from_text=True, evidence_text="IS overran Tal Zbeideh.", confidence=0.7, source_count=0,
            created_at=now, updated_at=now))
    try:
        yield event_id
    finally:
        with factory() as session, session.begin():
            session.execute(delete(EVENTS).where(EVENTS.c.id == event_id))


def test_region_level_event_names_its_region(client: TestClient, region_event: str) -> None:
    """What the map shades: the event says it is known only by region, and which; the region has an outline."""
    props = client.get(f"/v1/events/{region_event}").json()["properties"]
    assert props["geo_precision"] == 3 and props["region_geonameid"] == DEIR_EZ_ZOR
    listed = client.get("/v1/events", params={"datetime": "1901-02-03"}).json()["features"]
    assert [f["properties"]["region_geonameid"] for f in listed if f["id"] == region_event] == [DEIR_EZ_ZOR]
    outline = client.get("/v1/admin-areas", params={"geonameid": props["region_geonameid"]}).json()
    assert outline["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def labels(client: TestClient, bbox: str, zoom: float) -> list[dict]:
    response = client.get("/v1/map-labels", params={"bbox": bbox, "zoom": zoom})
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    return [f["properties"] | {"coordinates": f["geometry"]["coordinates"]} for f in response.json()["features"]]


def test_map_labels_from_the_gazetteer_by_zoom(client: TestClient) -> None:
    """Governorates and cities from afar; towns from zoom 7, villages from 9; the most prominent first."""
    syria = "35.5,32.3,42.4,37.4"
    far = labels(client, syria, 5.5)
    tiers = [label["tier"] for label in far]
    assert set(tiers) == {"admin1", "city"} and tiers == sorted(tiers, key=("admin1", "city").index)
    names = {(label["name"], label["tier"]) for label in far}
    assert {("Aleppo", "admin1"), ("Aleppo", "city"), ("Damascus", "city"), ("Deir ez-Zor", "admin1")} <= names
    cities = [label["population"] for label in far if label["tier"] == "city"]
    assert cities == sorted(cities, reverse=True)
    idlib_area = "36.3,35.5,37.0,36.1"
    towns = {label["name"] for label in labels(client, idlib_area, 7.5) if label["tier"] == "town"}
    assert "Saraqib" in towns
    assert all(label["tier"] != "village" for label in labels(client, idlib_area, 8.5))
    assert any(label["tier"] == "village" for label in labels(client, idlib_area, 10))
    # Only what lies in the box, at most 400.
    for label in labels(client, idlib_area, 12):
        lon, lat = label["coordinates"]
        assert 36.3 <= lon <= 37.0 and 35.5 <= lat <= 36.1
    assert len(labels(client, "-180,-90,180,90", 12)) == 400
    # A box across the antimeridian: Fiji's Suva (178.4 E) and Samoa's Apia (171.8 W).
    across = {label["name"] for label in labels(client, "177,-19,-171,-13", 6)}
    assert {"Suva", "Apia"} <= across


def test_map_labels_validate_their_input(client: TestClient) -> None:
    for params in ({"bbox": "1,2,3", "zoom": 5}, {"bbox": "0,0,1,1"}, {"bbox": "0,0,1,1", "zoom": 30},
                   {"bbox": "0,0,1,1", "zoom": "near"}):
        response = client.get("/v1/map-labels", params=params)
        assert response.status_code == 400, params
        assert response.headers["content-type"] == "application/problem+json"
