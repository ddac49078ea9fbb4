"""OGC API - Features Part 2 (CRS by reference) at /ogc, and the flat properties GIS attribute tables read."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api.schemas import EventFeature, EventFeatureCollection, EventFlatFeature, EventFlatFeatureCollection
from tests.api.test_events_api import Seeder, seed  # noqa: F401 - the fixture is used by name

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857"
PART2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"
ITEMS = "/ogc/collections/events/items"
HALF_WIDTH = 20037508.342789244
Y_AT_45 = 5621521.486192066  # EPSG:3857's y at 45° N


def test_conformance_and_collection_declare_the_crs(client: TestClient) -> None:
    assert PART2 in client.get("/ogc/conformance").json()["conformsTo"]
    collection = client.get("/ogc/collections/events").json()
    assert collection["crs"] == [CRS84, EPSG4326, EPSG3857]
    assert collection["storageCrs"] == CRS84


def test_every_features_response_names_its_crs(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event(lon=-150.25, lat=45.0)
    for url, params in [(ITEMS, {"actor": seed.actor}), (f"{ITEMS}/{event_id}", {})]:
        assert client.get(url, params=params).headers["content-crs"] == f"<{CRS84}>"
        for uri in (CRS84, EPSG4326, EPSG3857):
            response = client.get(url, params={**params, "crs": uri})
            assert response.status_code == 200, response.text
            assert response.headers["content-crs"] == f"<{uri}>"


def test_coordinates_follow_the_requested_crs_and_its_axis_order(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event(lon=-150.25, lat=45.0)

    def point(crs: str | None, one: bool) -> list[float]:
        params = {"crs": crs} if crs else {}
        if one:
            return client.get(f"{ITEMS}/{event_id}", params=params).json()["geometry"]["coordinates"]
        body = client.get(ITEMS, params={**params, "actor": seed.actor}).json()
        return body["features"][0]["geometry"]["coordinates"]

    for one in (False, True):
        assert point(None, one) == point(CRS84, one) == [-150.25, 45.0]
        assert point(EPSG4326, one) == [45.0, -150.25]
        x, y = point(EPSG3857, one)
        assert x == pytest.approx(-150.25 / 180 * HALF_WIDTH, abs=0.001)
        assert y == pytest.approx(Y_AT_45, abs=0.001)


def test_bbox_crs_reads_the_box_in_that_crs(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    inside = seed.event(lon=-150.25, lat=45.0)
    seed.event(lon=-151.25, lat=45.0)

    def found(bbox: str, bbox_crs: str | None) -> list[str]:
        params = {"bbox": bbox, "actor": seed.actor}
        if bbox_crs:
            params["bbox-crs"] = bbox_crs
        response = client.get(ITEMS, params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-crs"] == f"<{CRS84}>"  # bbox-crs leaves the answer's CRS alone
        return [f["id"] for f in response.json()["features"]]

    assert found("-150.5,44.5,-150,45.5", None) == [inside]
    assert found("-150.5,44.5,-150,45.5", CRS84) == [inside]
    assert found("44.5,-150.5,45.5,-150", EPSG4326) == [inside]  # latitude first
    # The CRS84 numbers read latitude first: -150.5 is no latitude.
    assert client.get(ITEMS, params={"bbox": "-150.5,44.5,-150,45.5", "bbox-crs": EPSG4326}).status_code == 400
    x0, x1 = -150.5 / 180 * HALF_WIDTH, -150.0 / 180 * HALF_WIDTH
    assert found(f"{x0},{Y_AT_45 - 1000},{x1},{Y_AT_45 + 1000}", EPSG3857) == [inside]
    assert found(f"{x0},{Y_AT_45 + 1000},{x1},{Y_AT_45 + 5000}", EPSG3857) == []


@pytest.mark.parametrize(
    "params",
    [{"crs": "http://www.opengis.net/def/crs/EPSG/0/32637"}, {"crs": "EPSG:4326"}, {"bbox-crs": "EPSG:3857"},
     {"bbox": "1,1,2,2", "bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/2154"},
     {"bbox": "0,0,3e7,1", "bbox-crs": EPSG3857}, {"bbox": "100,0,101,1", "bbox-crs": EPSG4326}],
)
def test_a_crs_the_collection_does_not_list_is_a_problem(client: TestClient, params: dict[str, str]) -> None:
    response = client.get(ITEMS, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 400 and response.json()["detail"]


def test_one_item_refuses_an_unlisted_crs_and_unknown_parameters(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event()
    assert client.get(f"{ITEMS}/{event_id}", params={"crs": "EPSG:3857"}).status_code == 400
    assert client.get(f"{ITEMS}/{event_id}", params={"bbox-crs": CRS84}).status_code == 400


def test_next_links_keep_the_crs(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    for month in range(1, 4):
        seed.event(lon=-150.25, lat=45.0, day=f"2013-0{month}-01")
    body = client.get(ITEMS, params={"actor": seed.actor, "limit": 2, "crs": EPSG3857}).json()
    next_href = next(link["href"] for link in body["links"] if link["rel"] == "next")
    page = client.get(next_href.removeprefix("http://testserver"))
    assert page.headers["content-crs"] == f"<{EPSG3857}>"
    assert page.json()["features"][0]["geometry"]["coordinates"][1] == pytest.approx(Y_AT_45, abs=0.001)


def test_a_date_with_an_empty_time_part_is_that_day(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    """GDAL's OAPIF driver writes a filter on a date field as '2015-03-01T/..'."""
    seed.event(day="2015-02-01")
    later = seed.event(day="2015-04-01")
    body = client.get(ITEMS, params={"actor": seed.actor, "datetime": "2015-03-01T/.."}).json()
    assert [f["id"] for f in body["features"]] == [later]


FLAT_EXPECTED = {
    "type": "control_change", "place_name": "Idlib", "geonameid": 169389, "gained_side": "government",
    "gained_name": "the army", "lost_side": "opposition", "lost_actor": "syrian_opposition", "lost_name": "rebels",
    "claimed_by": None, "date_start": "2016-08-06", "date_end": "2016-08-07", "date_precision": "day",
    "date_basis": "text", "date_prec": 2, "date_month_day": None, "geo_precision": 1,
    "evidence_text": "The army captured Idlib.", "confidence": 0.812, "source_count": 2,
}


def test_ogc_features_are_flat_by_default_and_nested_on_request(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event(day="2016-08-06", end="2016-08-07", articles=2)
    body = client.get(ITEMS, params={"actor": seed.actor}).json()
    EventFlatFeatureCollection.model_validate(body)
    properties = body["features"][0]["properties"]
    assert {k: properties[k] for k in FLAT_EXPECTED} == FLAT_EXPECTED
    assert properties["gained_actor"] == seed.actor
    assert properties["admin1"] and properties["country"]  # from the shipped gazetteer (Idlib, Syria)
    assert sorted(properties["article_ids"].split(",")) == sorted(seed.article_ids)
    assert all(not isinstance(v, dict | list) for v in properties.values())  # scalars only

    one = client.get(f"{ITEMS}/{event_id}").json()
    EventFlatFeature.model_validate(one)
    assert one["properties"] == properties

    nested = client.get(ITEMS, params={"actor": seed.actor, "properties": "nested"}).json()
    EventFeatureCollection.model_validate(nested)
    assert nested["features"][0]["properties"] == client.get(f"/v1/events/{event_id}").json()["properties"]
    assert client.get(ITEMS, params={"properties": "wide"}).status_code == 400


def test_v1_events_keep_nested_and_offer_flat(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    event_id = seed.event(day="2016-08-06", end="2016-08-07", articles=2)
    nested = client.get("/v1/events", params={"actor": seed.actor}).json()
    EventFeatureCollection.model_validate(nested)
    assert nested["features"][0]["properties"]["gained_by"]["side"] == "government"

    flat = client.get("/v1/events", params={"actor": seed.actor, "properties": "flat"}).json()
    EventFlatFeatureCollection.model_validate(flat)
    assert flat["features"][0]["properties"] == client.get(ITEMS, params={"actor": seed.actor}).json()[
        "features"][0]["properties"]
    assert flat["features"][0]["geometry"] == nested["features"][0]["geometry"]

    EventFeature.model_validate(client.get(f"/v1/events/{event_id}").json())
    one = client.get(f"/v1/events/{event_id}", params={"properties": "flat"}).json()
    EventFlatFeature.model_validate(one)
    assert one["properties"]["date_prec"] == 2
    assert client.get("/v1/events", params={"properties": "wide"}).status_code == 400


def test_flat_dates_with_no_start(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    seed.event(day="2020-03-01", basis="received", month_day="11-11")
    properties = client.get(ITEMS, params={"actor": seed.actor}).json()["features"][0]["properties"]
    assert properties["date_start"] is None and properties["date_end"] == "2020-03-01"
    assert properties["date_precision"] == "on_or_before" and properties["date_basis"] == "received"
    assert properties["date_prec"] == 5 and properties["date_month_day"] == "--11-11"
