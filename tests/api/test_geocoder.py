"""The optional fallback geocoder, on both backends, against a stand-in Nominatim server over real HTTP.

The stand-in speaks Nominatim's search API (``GET /search?q=...&format=json``) and answers in its documented
JSON format (https://nominatim.org/release-docs/latest/api/Search/): a list of results, each with ``lat`` and
``lon`` as strings, ``class``, ``type``, ``name``, ``display_name``, ``boundingbox`` and, with
``addressdetails=1``, an ``address`` object.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select

from app.geocoding import FallbackGeocoder, from_settings
from app.settings import Settings
from app.store.models import GeocoderAnswer

# A village the shipped gazetteer lacks, named in a sentence the parser places in Hama governorate.
CAPTURE = "Government forces captured the village of Tal Zbeideh in the northern Hama countryside on Sunday."
MISSING = "Government forces captured the village of Tal Qurbiyat in the northern Hama countryside on Sunday."
TAL_ZBEIDEH = {
    "place_id": 1234567, "licence": "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright",
    "osm_type": "node", "osm_id": 7654321, "lat": "35.3712", "lon": "36.6125", "class": "place", "type": "village",
    "place_rank": 19, "importance": 0.11, "addresstype": "village", "name": "Tal Zbeideh",
    "display_name": "Tal Zbeideh, Mhardeh Subdistrict, Hama Governorate, Syria",
    "address": {"village": "Tal Zbeideh", "state": "Hama Governorate", "country": "Syria", "country_code": "sy"},
    "boundingbox": ["35.3512", "35.3912", "36.5925", "36.6325"],
}


class StandIn:
    """The requests received (their query parameters) and the answers to give, by ``q``."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.answers: dict[str, list[dict]] = {"tal zbeideh": [TAL_ZBEIDEH]}
        self.url = ""


@pytest.fixture()
def nominatim() -> Iterator[StandIn]:
    stand_in = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if parts.path != "/search" or params.get("format") != "json":
                self.send_error(404)
                return
            stand_in.requests.append(params)
            body = json.dumps(stand_in.answers.get(params.get("q", "").lower(), [])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stand_in.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield stand_in
    server.shutdown()
    server.server_close()


@pytest.fixture()
def geocoding(client: TestClient, nominatim: StandIn) -> Iterator[StandIn]:
    """The service with the geocoder on, pointed at the stand-in, and an empty answer cache."""
    runtime = client.app.state.runtime
    with runtime.session_factory() as session:
        session.execute(delete(GeocoderAnswer))
        session.commit()
    runtime.geocoder = FallbackGeocoder(nominatim.url, min_delay_seconds=0.0)
    yield nominatim
    runtime.geocoder = None


def post(client: TestClient, text: str) -> dict:
    response = client.post("/v1/articles", json={"text": f"{text} Reference {uuid.uuid4().hex[:10]}.",
                                                 "published_at": "2020-01-28T10:00:00Z"})
    assert response.status_code == 201, response.text
    return response.json()


def mention(body: dict, text: str) -> dict:
    return next(m for m in body["places"] if m["text"] == text)


def cached(client: TestClient) -> int:
    with client.app.state.runtime.session_factory() as session:
        return session.scalar(select(func.count()).select_from(GeocoderAnswer)) or 0


def test_geocoder_is_off_by_default() -> None:
    assert Settings().geocoder_url == ""
    assert from_settings(Settings()) is None
    assert isinstance(from_settings(Settings(geocoder_url="http://127.0.0.1:9")), FallbackGeocoder)


def test_a_name_no_gazetteer_entry_matches_is_geocoded_inside_its_region(client: TestClient,
                                                                          geocoding: StandIn) -> None:
    body = post(client, CAPTURE)
    found = mention(body, "Tal Zbeideh")
    assert found["resolved_by"] == "geocoder"
    assert found["place"]["geonameid"] < 0
    assert (found["place"]["lat"], found["place"]["lon"]) == (35.3712, 36.6125)
    assert (found["place"]["feature_class"], found["place"]["country_code"]) == ("P", "SY")
    assert found["region"]["name"] == "Hama"
    # asked once, inside Hama governorate: its outline as a bounded viewbox, and Syria
    assert len(geocoding.requests) == 1
    asked = geocoding.requests[0]
    assert asked["q"] == "Tal Zbeideh" and asked["countrycodes"] == "sy" and asked["bounded"] == "1"
    lon1, lat1, lon2, lat2 = (float(v) for v in asked["viewbox"].split(","))
    assert min(lon1, lon2) < 36.6125 < max(lon1, lon2) and min(lat1, lat2) < 35.3712 < max(lat1, lat2)
    assert max(lon1, lon2) - min(lon1, lon2) < 5  # the governorate, not the country
    event = next(e for e in body["events"] if e["place"]["text"] == "Tal Zbeideh")
    assert event["geo_precision"] == 2
    assert event["place"]["place"]["geonameid"] == found["place"]["geonameid"]
    # read back as it was answered
    stored = client.get(f"/v1/articles/{body['id']}").json()
    assert mention(stored, "Tal Zbeideh")["place"] == found["place"]


def test_answers_and_misses_are_cached_so_a_name_is_asked_once(client: TestClient, geocoding: StandIn) -> None:
    first, second = post(client, CAPTURE), post(client, CAPTURE)
    assert mention(first, "Tal Zbeideh")["place"] == mention(second, "Tal Zbeideh")["place"]
    missed = [post(client, MISSING), post(client, MISSING)]
    assert all(mention(b, "Tal Qurbiyat")["place"] is None for b in missed)
    assert all(mention(b, "Tal Qurbiyat")["resolved_by"] == "unresolved" for b in missed)
    assert [r["q"] for r in geocoding.requests] == ["Tal Zbeideh", "Tal Qurbiyat"]
    assert cached(client) == 2


def test_a_server_that_cannot_be_asked_leaves_the_name_unresolved_and_remembers_nothing(
        client: TestClient, geocoding: StandIn) -> None:
    client.app.state.runtime.geocoder = FallbackGeocoder("http://127.0.0.1:9", timeout=1.0, min_delay_seconds=0.0)
    body = post(client, CAPTURE)
    assert mention(body, "Tal Zbeideh")["place"] is None
    assert cached(client) == 0


def test_a_geocoded_place_is_fetched_by_its_negative_id_and_a_miss_is_not(client: TestClient,
                                                                           geocoding: StandIn) -> None:
    found = mention(post(client, CAPTURE), "Tal Zbeideh")["place"]
    response = client.get(f"/v1/places/{found['geonameid']}")
    assert response.status_code == 200, response.text
    assert response.json() == found
    post(client, MISSING)  # a remembered miss has a cache row but no place
    with client.app.state.runtime.session_factory() as session:
        miss = session.scalars(select(GeocoderAnswer).where(GeocoderAnswer.found.is_(False))).one()
    for geonameid in (-miss.id, -(miss.id + 1000)):
        response = client.get(f"/v1/places/{geonameid}")
        assert response.status_code == 404 and response.json()["detail"]
    response = client.get("/v1/places/0")
    assert response.status_code == 400 and response.headers["content-type"] == "application/problem+json"
