"""The map page, its configuration and the shipped outlines it draws without a basemap."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, insert

from app.store.models import AdminArea

AREAS = AdminArea.__table__


def test_page_and_its_vendored_maplibre_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/static/vendor/maplibre-gl/maplibre-gl.js" in page.text
    for path in ("/static/vendor/maplibre-gl/maplibre-gl.js", "/static/vendor/maplibre-gl/maplibre-gl.css",
                 "/static/map.js", "/static/map.css"):
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
