"""Real GIS clients against a real HTTP server, on both backends: GDAL (what QGIS uses, through pyogrio) reads
the OGC API layer, a vector tile and the GeoJSON; OWSLib lists the collections and pages the items.

The app the ``client`` fixture started is served by uvicorn on a free 127.0.0.1 port (its lifespan already ran),
behind a recorder of request targets, so the tests see what GDAL asked for and not only what it got back.
"""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import uvicorn
from fastapi.testclient import TestClient
from owslib.ogcapi.features import Features

from tests.api.test_events_api import Seeder, seed  # noqa: F401 - the fixture is used by name

GDAL_READ = Path(__file__).with_name("gdal_read.py")
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857"
HALF_WIDTH = 20037508.342789244
# A patch of the North Pacific no other test uses: what lies in it is this module's.
PATCH = (-150.9, 44.1, -150.1, 44.9)


class LiveServer:
    """The app on a real socket, recording each request's path and query."""

    def __init__(self, app: Any) -> None:
        self.requests: list[str] = []

        async def recorded(scope: dict, receive: Any, send: Any) -> None:
            if scope["type"] == "http":
                query = scope["query_string"].decode()
                self.requests.append(scope["path"] + (f"?{query}" if query else ""))
            await app(scope, receive, send)

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        config = uvicorn.Config(recorded, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def asked(self, path: str) -> list[str]:
        return [r for r in self.requests if r.startswith(path)]


@pytest.fixture(scope="module")
def live(client: TestClient) -> Iterator[LiveServer]:
    with LiveServer(client.app) as server:
        yield server


def gdal(path: str, **options: Any) -> dict[str, Any]:
    """Rows GDAL reads from ``path`` (see gdal_read.py); a GDAL error fails the test with GDAL's message."""
    result = subprocess.run([sys.executable, str(GDAL_READ), json.dumps({"path": path, **options})],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def all_flat_events(client: TestClient, **params: str) -> dict[str, dict[str, Any]]:
    """Every event /v1/events gives (flat properties), by id, following its next links."""
    found: dict[str, dict[str, Any]] = {}
    url: str | None = "/v1/events"
    query: dict[str, Any] = {"properties": "flat", "limit": 100, **params}
    while url is not None:
        body = client.get(url, params=query).json()
        for feature in body["features"]:
            found[feature["id"]] = {**feature["properties"], "_xy": feature["geometry"]["coordinates"]}
        url = next((link["href"].removeprefix("http://testserver") for link in body["links"]
                    if link["rel"] == "next"), None)
        query = {}
    return found


def seed_patch(seed: Seeder, count: int) -> list[str]:  # noqa: F811
    """``count`` events spread over PATCH, one a month from January 2013."""
    return [seed.event(lon=-150.8 + 0.05 * i, lat=44.2 + 0.03 * i, day=f"{2013 + i // 12}-{i % 12 + 1:02d}-15",
                       articles=1 + i % 2) for i in range(count)]


def test_gdal_reads_the_whole_layer_across_pages_as_v1_events_gives_it(
    client: TestClient, live: LiveServer, seed: Seeder,  # noqa: F811
) -> None:
    seed_patch(seed, 12)
    live.requests.clear()
    layer = gdal(f"OAPIF:{live.base}/ogc", layer="events", PAGE_SIZE=7)
    expected = all_flat_events(client)
    assert len(expected) >= 12
    rows = {row.pop("id"): row for row in layer["rows"]}
    assert len(rows) == len(layer["rows"]) == len(expected)
    for event_id, properties in expected.items():
        row = rows[event_id]
        xy = row.pop("_xy")
        assert xy == pytest.approx(properties.pop("_xy"))
        assert row == properties, event_id
    # Typed columns, not JSON strings: dates are dates, counts integers.
    types = layer["fields"]
    assert types["date_start"] == types["date_end"] == "datetime64[D]"
    assert types["source_count"] == types["date_prec"] == types["geo_precision"] == "int32"
    assert types["gained_side"] == "object" and "gained_by" not in types
    # It paged (7 at a time, by the next links) and asked in CRS84 by reference (OGC API Features Part 2).
    pages = [r for r in live.asked("/ogc/collections/events/items") if "limit=7" in r]
    assert len(pages) >= math.ceil(len(expected) / 7)
    assert any("crs=" in r for r in pages)


def test_gdal_filters_by_bbox_and_datetime_on_the_server(
    client: TestClient, live: LiveServer, seed: Seeder,  # noqa: F811
) -> None:
    made = seed_patch(seed, 8)
    url = f"OAPIF:{live.base}/ogc"
    live.requests.clear()
    inside = gdal(url, layer="events", bbox=list(PATCH))
    assert sorted(r["id"] for r in inside["rows"]) == sorted(made)
    assert any("bbox=" in r and "bbox-crs=" in r for r in live.asked("/ogc/collections/events/items"))

    live.requests.clear()
    later = gdal(url, layer="events", bbox=list(PATCH), where="date_start >= '2013-05-01'")
    bbox = ",".join(map(str, PATCH))
    expected = all_flat_events(client, bbox=bbox, datetime="2013-05-01/..")
    assert sorted(r["id"] for r in later["rows"]) == sorted(expected) == sorted(made[4:])
    assert any("datetime=" in r for r in live.asked("/ogc/collections/events/items"))


def mercator(lon: float, lat: float) -> tuple[float, float]:
    return lon / 180 * HALF_WIDTH, 6378137.0 * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def test_gdal_reads_the_layer_in_web_mercator(live: LiveServer, seed: Seeder) -> None:  # noqa: F811
    made = seed_patch(seed, 2)
    live.requests.clear()
    box = [*mercator(*PATCH[:2]), *mercator(*PATCH[2:])]  # a spatial filter is in the layer's CRS
    layer = gdal(f"OAPIF:{live.base}/ogc", layer="events", bbox=box, CRS="EPSG:3857")
    assert "3857" in layer["crs"]
    rows = {row["id"]: row["_xy"] for row in layer["rows"]}
    assert sorted(rows) == sorted(made)
    assert rows[made[0]] == pytest.approx(mercator(-150.8, 44.2), abs=0.01)
    asked = [unquote(r) for r in live.asked("/ogc/collections/events/items")]
    assert any(f"crs={EPSG3857}" in r and f"bbox-crs={EPSG3857}" in r for r in asked)


def test_gdal_reads_a_vector_tile(live: LiveServer, seed: Seeder) -> None:  # noqa: F811
    made = seed_patch(seed, 3)
    z = 8
    n = 2**z
    lon, lat = -150.8, 44.2
    tx = int((lon + 180) / 360 * n)
    ty = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    tile = gdal(f"/vsicurl/{live.base}/v1/tiles/events/{z}/{tx}/{ty}.pbf")
    assert "3857" in tile["crs"]
    rows = {row["id"]: row for row in tile["rows"]}
    assert set(made) <= set(rows)
    x, y = rows[made[0]]["_xy"]
    unit = 2 * HALF_WIDTH / n / 4096  # one tile unit at this zoom, in metres
    assert x == pytest.approx(lon / 180 * HALF_WIDTH, abs=unit)
    assert y == pytest.approx(6378137.0 * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)), abs=unit)
    assert rows[made[0]]["gained_side"] == "government" and rows[made[0]]["date_start"] == "2013-01-15"


def test_gdal_reads_the_geojson_in_both_shapes(live: LiveServer, seed: Seeder) -> None:  # noqa: F811
    made = seed_patch(seed, 3)
    flat = gdal(f"/vsicurl/{live.base}/v1/events?properties=flat&actor={seed.actor}")
    assert sorted(r["id"] for r in flat["rows"]) == sorted(made)
    assert flat["fields"]["date_start"] == "datetime64[D]" and flat["fields"]["source_count"] == "int32"
    row = next(r for r in flat["rows"] if r["id"] == made[1])
    assert (row["gained_side"], row["lost_side"], row["source_count"]) == ("government", "opposition", 2)
    nested = gdal(f"/vsicurl/{live.base}/v1/events?actor={seed.actor}")
    assert sorted(r["id"] for r in nested["rows"]) == sorted(made)
    # The nested shape reaches GIS as JSON text: what ?properties=flat is for.
    assert json.loads(next(r for r in nested["rows"] if r["id"] == made[1])["gained_by"])["side"] == "government"


def test_owslib_lists_collections_and_pages_items(live: LiveServer, seed: Seeder) -> None:  # noqa: F811
    made = seed_patch(seed, 5)
    api = Features(f"{live.base}/ogc")
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in api.conformance()["conformsTo"]
    assert [c["id"] for c in api.collections()["collections"]] == ["events"]
    assert api.collection("events")["storageCrs"] == CRS84
    seen: list[str] = []
    offset = 0
    while True:
        page = api.collection_items("events", limit=2, offset=offset, actor=seed.actor, bbox=list(PATCH))
        assert page["numberMatched"] == 5
        seen += [f["id"] for f in page["features"]]
        if not any(link["rel"] == "next" for link in page["links"]):
            break
        offset += 2
    assert seen == list(reversed(made))
    in_mercator = api.collection_items("events", limit=1, actor=seed.actor, crs=EPSG3857)
    assert abs(in_mercator["features"][0]["geometry"]["coordinates"][0]) > 1e6
