"""Every output says where an event's date comes from (its basis), and shows no more certainty than that.

On both backends: articles posted for each basis (text, text_relative, published, received, and a day and month
without a year) come back with that basis in the POST answer, the article, GeoJSON, OGC items, CSV and tiles;
and the time filters (datetime=, date_basis=, the control snapshot, the timeline) treat a date with no start
("on or before" a day) by the rules API.md gives.
"""

from __future__ import annotations

import csv
import io
import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import mapbox_vector_tile
import pytest
from fastapi.testclient import TestClient

from app.api.schemas import ControlFeatureCollection, EventFeature, EventFeatureCollection
from app.store.spatial_sqlite import tile_pixel
from tests.api.test_events_api import Seeder, ocean_spot, seed  # noqa: F401 - the fixture is used by name

OPEN = {"start": None, "precision": "on_or_before", "date_prec": 5}


def today() -> date:
    return datetime.now(UTC).date()


def post_article(client: TestClient, text: str, published_at: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"text": f"{text} Reference {uuid.uuid4().hex[:10]}."}
    if published_at:
        body["published_at"] = published_at
    response = client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def the_event(answer: dict[str, Any], place: str) -> dict[str, Any]:
    [event] = [e for e in answer["events"] if e["place"]["text"] == place]
    return event


def feature(client: TestClient, event_id: str) -> dict[str, Any]:
    response = client.get(f"/v1/events/{event_id}")
    assert response.status_code == 200
    EventFeature.model_validate(response.json())
    return response.json()


def far_day() -> str:
    """A day of its own: the database outlives test runs, and reports of one change days apart merge."""
    return f"{random.randint(2100, 2900)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"


def text_year() -> int:
    """A year the text can state (the resolver reads 19xx and 20xx), unlikely to be another test's."""
    return random.randint(2030, 2099)


# --- each basis, end to end ------------------------------------------------------------------------------------
def test_a_date_the_text_states_has_basis_text(client: TestClient) -> None:
    year = text_year()
    answer = post_article(client, f"Government forces seized the town of Saraqib on 6 August {year}.",
                          published_at=f"{year}-09-01")
    event = the_event(answer, "Saraqib")
    assert event["date"] == {"start": f"{year}-08-06", "end": f"{year}-08-06", "precision": "day",
                             "basis": "text", "date_prec": 1, "month_day": None}
    assert feature(client, event["id"])["properties"]["date"] == event["date"]


def test_a_date_resolved_against_the_publication_is_text_relative(client: TestClient) -> None:
    day = far_day()
    answer = post_article(client, "Government forces seized the town of Saraqib yesterday.", published_at=day)
    event = the_event(answer, "Saraqib")
    yesterday = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    assert event["date"] == {"start": yesterday, "end": yesterday, "precision": "day", "basis": "text_relative",
                             "date_prec": 1, "month_day": None}
    assert feature(client, event["id"])["properties"]["date"] == event["date"]


def test_an_undated_change_in_a_dated_article_is_on_or_before_its_publication(client: TestClient) -> None:
    day = far_day()
    answer = post_article(client, "Government forces seized the town of Saraqib.", published_at=day)
    event = the_event(answer, "Saraqib")
    assert event["date"] == {**OPEN, "end": day, "basis": "published", "month_day": None}
    props = feature(client, event["id"])["properties"]
    assert props["date"] == event["date"]
    stored = client.get(f"/v1/articles/{answer['id']}").json()
    assert the_event(stored, "Saraqib")["date"] == event["date"]


def test_an_undated_change_in_an_undated_article_is_on_or_before_the_day_it_was_received(client: TestClient) -> None:
    answer = post_article(client, "Kurdish forces seized the town of Tal Abyad.")
    event = the_event(answer, "Tal Abyad")
    assert event["date"] == {**OPEN, "end": today().isoformat(), "basis": "received", "month_day": None}
    stored = feature(client, event["id"])["properties"]["date"]
    # Merged with a report of an earlier run, the stored event keeps the first report's day (within the window).
    assert (stored["start"], stored["basis"], stored["precision"]) == (None, "received", "on_or_before")
    assert today() - timedelta(days=3) <= date.fromisoformat(stored["end"]) <= today()


def test_a_day_and_month_without_a_year_are_kept_as_such(client: TestClient) -> None:
    """No publication date and no year anywhere: no year is made up; it happened on or before receipt."""
    answer = post_article(client, "On 11 November, Kurdish forces seized the town of Tal Abyad.")
    event = the_event(answer, "Tal Abyad")
    assert event["date"] == {**OPEN, "end": today().isoformat(), "basis": "received", "month_day": "--11-11"}


def test_a_day_and_month_take_the_year_the_text_gave_before_them(client: TestClient) -> None:
    year = text_year()
    answer = post_article(client, f"In {year} the front moved south.\n\nOn 11 November, Kurdish forces seized "
                                  "the town of Tal Abyad.")
    event = the_event(answer, "Tal Abyad")
    assert event["date"] == {"start": f"{year}-11-11", "end": f"{year}-11-11", "precision": "day",
                             "basis": "text_relative", "date_prec": 1, "month_day": None}


def test_a_dated_report_refines_an_undated_event(client: TestClient) -> None:
    day = far_day()
    first = the_event(post_article(client, "Government forces seized the town of Saraqib.", published_at=day),
                      "Saraqib")
    second = the_event(post_article(client, "Government forces seized the town of Saraqib yesterday.",
                                    published_at=day), "Saraqib")
    assert first["id"] == second["id"] and second["source_count"] == 2
    assert feature(client, first["id"])["properties"]["date"] == second["date"]
    assert second["date"]["basis"] == "text_relative"


def test_parse_dates_as_storing_would(client: TestClient) -> None:
    """/v1/parse stores nothing, but answers with the dates POST /v1/articles would store."""
    def parsed(text: str, **extra: str) -> dict[str, Any]:
        response = client.post("/v1/parse", json={"text": text, **extra})
        assert response.status_code == 200, response.text
        [event] = response.json()["events"]
        return event["date"]

    assert parsed("Kurdish forces seized the town of Tal Abyad.") == {
        **OPEN, "end": today().isoformat(), "basis": "received", "month_day": None}
    assert parsed("On 11 November, Kurdish forces seized the town of Tal Abyad.")["month_day"] == "--11-11"
    assert parsed("Kurdish forces seized the town of Tal Abyad.", published_at="2017-10-23") == {
        **OPEN, "end": "2017-10-23", "basis": "published", "month_day": None}


# --- every output says the basis -------------------------------------------------------------------------------
def test_ogc_items_csv_and_tiles_say_the_basis(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    lon, lat = -131.61, -47.61  # a patch of the South Pacific no other test uses at zoom 12
    dated = seed.event(lon=lon, lat=lat, day="2017-10-23", basis="text_relative")
    undated = seed.event(lon=lon + 0.001, lat=lat, day="2026-12-05", basis="received", month_day="11-11")

    # The OGC items are flat by default (API.md, "GIS clients"); the nested date object on request.
    flat = client.get("/ogc/collections/events/items", params={"actor": seed.actor}).json()["features"]
    assert {f["id"]: (f["properties"]["date_start"], f["properties"]["date_basis"]) for f in flat} == {
        dated: ("2017-10-23", "text_relative"), undated: (None, "received")}
    items = client.get("/ogc/collections/events/items", params={"actor": seed.actor, "properties": "nested"}).json()
    EventFeatureCollection.model_validate(items)
    dates = {f["id"]: f["properties"]["date"] for f in items["features"]}
    assert dates[dated]["basis"] == "text_relative" and dates[dated]["start"] == "2017-10-23"
    assert dates[undated] == {**OPEN, "end": "2026-12-05", "basis": "received", "month_day": "--11-11"}
    one = client.get(f"/ogc/collections/events/items/{undated}", params={"properties": "nested"}).json()
    assert one["properties"]["date"] == dates[undated]
    one = client.get(f"/ogc/collections/events/items/{undated}").json()["properties"]
    assert (one["date_start"], one["date_end"], one["date_month_day"]) == (None, "2026-12-05", "--11-11")

    rows = list(csv.DictReader(io.StringIO(client.get("/v1/events.csv", params={"actor": seed.actor}).text)))
    by_id = {r["event_id"]: r for r in rows}
    assert (by_id[dated]["event_date"], by_id[dated]["date_basis"]) == ("2017-10-23", "text_relative")
    assert (by_id[undated]["event_date"], by_id[undated]["date_end"], by_id[undated]["date_basis"]) == (
        "", "2026-12-05", "received")

    z = 12
    px, py = tile_pixel(lon, lat, z=z, x=0, y=0, extent=1)
    response = client.get(f"/v1/tiles/events/{z}/{int(px)}/{int(py)}.pbf")
    assert response.status_code == 200
    tile = mapbox_vector_tile.decode(response.content, default_options={"y_coord_down": True})
    props = {f["properties"]["id"]: f["properties"] for f in tile["events"]["features"]}
    assert props[dated]["date_start"] == "2017-10-23" and props[dated]["date_basis"] == "text_relative"
    assert "date_start" not in props[undated]  # no start: no day of its own
    assert (props[undated]["date_end"], props[undated]["date_basis"], props[undated]["date_precision"],
            props[undated]["date_month_day"]) == ("2026-12-05", "received", "on_or_before", "11-11")
    only_dated = client.get(f"/v1/tiles/events/{z}/{int(px)}/{int(py)}.pbf",
                            params={"date_basis": "text,text_relative"})
    decoded = mapbox_vector_tile.decode(only_dated.content, default_options={"y_coord_down": True})
    assert [f["properties"]["id"] for f in decoded["events"]["features"]] == [dated]
    tilejson = client.get("/v1/tiles/events.json", params={"date_basis": "text"}).json()
    assert tilejson["tiles"][0].endswith("?date_basis=text")
    assert {"date_basis", "date_precision", "date_month_day"} <= set(tilejson["vector_layers"][0]["fields"])


def test_the_map_page_starts_its_window_at_a_real_day(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    seed.event(day="2017-10-23", basis="published")
    config = client.get("/v1/map-config").json()
    assert config["first_date"] > "1900-01-01" and config["last_date"] >= "2017-10-23"
    collection = client.get("/ogc/collections/events").json()
    assert collection["extent"]["temporal"]["interval"][0][0] is None  # open: some change has no start


# --- the time filters ------------------------------------------------------------------------------------------
def ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 200, response.text
    return [f["id"] for f in response.json()["features"]]


def test_datetime_treats_on_or_before_as_open_at_the_start(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    dated = seed.event(day="2017-10-23")
    published = seed.event(day="2017-10-25", basis="published")
    received = seed.event(day="2017-11-30", basis="received")
    actor = seed.actor
    assert ids(client, actor=actor) == [dated, *sorted([received, published], reverse=True)]  # undated last
    assert set(ids(client, actor=actor, datetime="2017-01-01/2017-12-31")) == {dated, published, received}
    # It may have happened on any day up to its bound: a window before the bound may hold it ...
    assert set(ids(client, actor=actor, datetime="../2010-01-01")) == {published, received}
    assert set(ids(client, actor=actor, datetime="2015-06-01")) == {published, received}
    # ... a window after it cannot.
    assert ids(client, actor=actor, datetime="2017-10-26/2017-11-29") == [received]
    assert ids(client, actor=actor, datetime="2017-12-01/..") == []


def test_date_basis_filters_by_where_the_date_comes_from(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    text = seed.event(day="2017-10-23")
    relative = seed.event(day="2017-10-22", basis="text_relative")
    published = seed.event(day="2017-10-25", basis="published")
    received = seed.event(day="2017-10-26", basis="received")
    actor = seed.actor
    assert ids(client, actor=actor, date_basis="text,text_relative") == [text, relative]
    assert set(ids(client, actor=actor, date_basis="published,received")) == {published, received}
    assert ids(client, actor=actor, date_basis="received") == [received]
    items = client.get("/ogc/collections/events/items", params={"actor": actor, "date_basis": "published"}).json()
    assert [f["id"] for f in items["features"]] == [published] and items["numberMatched"] == 1
    rows = client.get("/v1/events.csv", params={"actor": actor, "date_basis": "text"}).text.splitlines()
    assert len(rows) == 2 and rows[1].startswith(text)
    for path in ("/v1/events", "/v1/events.csv", "/ogc/collections/events/items", "/v1/tiles/events/1/0/0.pbf"):
        for bad in ("guessed", "text,", ""):
            response = client.get(path, params={"date_basis": bad})
            assert response.status_code == 400, (path, bad)
            assert "date_basis" in response.json()["detail"]


def snapshot(client: TestClient, **params: object) -> dict[str, Any]:
    response = client.get("/v1/control", params=params)
    assert response.status_code == 200, response.text
    ControlFeatureCollection.model_validate(response.json())
    return {f["properties"]["place_name"]: f["properties"] for f in response.json()["features"]}


def test_control_counts_an_undated_change_from_its_bound_and_below_dated_ones(
    client: TestClient, seed: Seeder  # noqa: F811
) -> None:
    lon, lat = ocean_spot()
    a, b = 980000101, 980000102
    dated = seed.event(lon=lon, lat=lat, geonameid=a, place_name="A", day="2017-10-20", side="government")
    seed.event(lon=lon, lat=lat, geonameid=a, place_name="A", day="2017-10-25", side="opposition",
               basis="published")
    only = seed.event(lon=lon + 0.05, lat=lat, geonameid=b, place_name="B", day="2017-10-25", side="isis",
                      basis="received")
    box = f"{lon - 0.01},{lat - 0.01},{lon + 0.06},{lat + 0.01}"

    before = snapshot(client, at="2017-10-24", bbox=box)
    assert set(before) == {"A"} and before["A"]["event_id"] == dated and before["A"]["event_count"] == 1
    after = snapshot(client, at="2017-10-25", bbox=box)
    # A: the undated report may be older than the dated change, so the dated one still speaks for A.
    assert (after["A"]["event_id"], after["A"]["controller"]["side"], after["A"]["event_count"]) == (
        dated, "government", 2)
    # B: nothing dated, so the undated change gives its controller, with no day of its own.
    assert after["B"]["event_id"] == only and after["B"]["since"] is None
    assert after["B"]["date"] == {**OPEN, "end": "2017-10-25", "basis": "received", "month_day": None}


def test_timeline_lists_undated_changes_first(client: TestClient, seed: Seeder) -> None:  # noqa: F811
    place = 980000201
    dated = seed.event(geonameid=place, place_name="C", day="2016-01-01")
    undated = seed.event(geonameid=place, place_name="C", day="2017-10-25", basis="published", side="isis")
    body = client.get(f"/v1/places/{place}/timeline").json()
    EventFeatureCollection.model_validate(body)
    assert [f["id"] for f in body["features"]] == [undated, dated]
    assert body["features"][0]["properties"]["date"]["start"] is None


@pytest.mark.parametrize("basis", ["published", "received"])
def test_no_output_gives_an_undated_change_a_day_of_its_own(
    client: TestClient, seed: Seeder, basis: str  # noqa: F811
) -> None:
    event_id = seed.event(day="2017-10-25", basis=basis)
    props = feature(client, event_id)["properties"]
    assert props["date"]["start"] is None and props["date"]["precision"] == "on_or_before"
    assert props["date"]["date_prec"] == 5 and props["date"]["basis"] == basis
