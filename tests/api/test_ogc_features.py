"""OGC API - Features Part 1 (Core, GeoJSON) at /ogc: what QGIS reads to add the events as a layer."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from app.api.schemas import EventFlatFeatureCollection
from tests.api.test_events_api import Seeder, seed  # noqa: F401 - the fixture is used by name

CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def test_landing_page_links_to_the_api_conformance_and_collections(client: TestClient) -> None:
    response = client.get("/ogc")
    assert response.status_code == 200
    rels = {link["rel"]: link["href"] for link in response.json()["links"]}
    assert {"self", "service-desc", "service-doc", "conformance", "data"} <= set(rels)
    assert rels["conformance"] == "http://testserver/ogc/conformance"
    assert rels["data"] == "http://testserver/ogc/collections"
    assert client.get(rels["service-desc"].removeprefix("http://testserver")).status_code == 200


def test_conformance_lists_core_and_geojson(client: TestClient) -> None:
    classes = client.get("/ogc/conformance").json()["conformsTo"]
    assert CORE in classes and GEOJSON in classes


def test_collections_describe_events_with_a_crs84_extent(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    seed.event(lon=36.0, lat=35.0, day="2012-01-01")
    body = client.get("/ogc/collections").json()
    assert [c["id"] for c in body["collections"]] == ["events"]
    collection = client.get("/ogc/collections/events").json()
    assert collection == body["collections"][0]
    # CRS84 first: the default and the storage CRS; Part 2 (CRS by reference) offers the others.
    assert collection["itemType"] == "feature" and collection["crs"][0] == CRS84 == collection["storageCrs"]
    spatial = collection["extent"]["spatial"]
    assert spatial["crs"] == CRS84 and len(spatial["bbox"][0]) == 4
    west, south, east, north = spatial["bbox"][0]
    assert west <= 36.0 <= east and south <= 35.0 <= north
    start, _end = collection["extent"]["temporal"]["interval"][0]
    assert start is None or start <= "2012-01-01T00:00:00Z"  # None: some event has no start (other tests')
    items = next(link for link in collection["links"] if link["rel"] == "items")
    assert items["type"] == "application/geo+json"
    assert items["href"] == "http://testserver/ogc/collections/events/items"
    assert client.get("/ogc/collections/nothing").status_code == 404


def test_items_page_with_counts_and_next_links(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    made = [seed.event(day=f"2014-0{m}-01") for m in range(1, 6)]
    response = client.get("/ogc/collections/events/items", params={"actor": seed.actor, "limit": 2})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    EventFlatFeatureCollection.model_validate(body)  # flat properties by default (API.md)
    assert body["numberMatched"] == 5 and body["numberReturned"] == 2
    assert "timeStamp" in body
    seen = [f["id"] for f in body["features"]]
    rels = {link["rel"] for link in body["links"]}
    assert {"self", "collection", "next"} <= rels
    while (next_link := next((l["href"] for l in body["links"] if l["rel"] == "next"), None)) is not None:  # noqa: E741
        body = client.get(next_link).json()
        seen += [f["id"] for f in body["features"]]
    assert seen == list(reversed(made))

    by_offset = client.get("/ogc/collections/events/items", params={"actor": seed.actor, "limit": 2, "offset": 2})
    page = by_offset.json()
    assert [f["id"] for f in page["features"]] == list(reversed(made))[2:4]
    next_href = next(link["href"] for link in page["links"] if link["rel"] == "next")
    assert "offset=4" in next_href


def test_items_bbox_and_datetime(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    inside = seed.event(lon=-140.5, lat=-45.5, day="2015-05-05")
    seed.event(lon=-141.5, lat=-45.5, day="2015-05-05")
    seed.event(lon=-140.5, lat=-45.5, day="2016-05-05")
    body = client.get("/ogc/collections/events/items",
                      params={"bbox": "-141,-46,-140,-45", "datetime": "2015-01-01T00:00:00Z/2015-12-31T23:59:59Z"}
                      ).json()
    assert [f["id"] for f in body["features"]] == [inside]
    assert body["numberMatched"] == 1


def test_one_item_and_404(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event()
    response = client.get(f"/ogc/collections/events/items/{event_id}")
    assert response.status_code == 200
    feature = response.json()
    assert feature["id"] == event_id and feature["type"] == "Feature"
    assert {"self", "collection"} <= {link["rel"] for link in feature["links"]}
    assert client.get(f"/ogc/collections/events/items/{uuid.uuid4()}").status_code == 404


@pytest.mark.parametrize(
    "params",
    [{"unknown": "1"}, {"limit": "0"}, {"offset": "-1"}, {"bbox": "1,1"}, {"datetime": "x/y"}, {"f": "xml"},
     {"offset": "1", "cursor": "abc"}],
)
def test_items_reject_invalid_and_unknown_parameters(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/ogc/collections/events/items", params=params)
    assert response.status_code == 400, response.text
    assert response.json()["detail"]
