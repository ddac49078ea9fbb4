"""GET /v1/events and /v1/events/{id} on both backends: GeoJSON structure, filters, keyset pages, errors.

Events are inserted straight into the tables (the article repository is not what is tested here). The backend
database is shared by every test of the session, so each test tags its events with its own gaining actor (or
puts them in its own patch of ocean) and counts only those; the ``seed`` fixture deletes what it inserted.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import DateTime, Integer, String, Text, delete, insert

from app.api.schemas import EventFeature, EventFeatureCollection
from app.store.models import OPEN_START, Article, EventRow, EventSource

ARTICLE = Article.__table__
EVENTS = EventRow.__table__
SOURCES = EventSource.__table__


@dataclass
class Seeder:
    """Inserts articles and events for one test and deletes them afterwards."""

    client: TestClient
    actor: str = field(default_factory=lambda: "test_" + uuid.uuid4().hex[:12])
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def factory(self):  # type: ignore[no-untyped-def]
        return self.client.app.state.runtime.session_factory

    def article(self) -> str:
        article_id = str(uuid.uuid4())
        row: dict[str, Any] = {"id": article_id, "text": f"article {article_id}"}
        # Fill whatever the (evolving) articles table requires, so this helper survives schema changes.
        for column in ARTICLE.columns:
            if column.name in row or column.nullable or column.default is not None:
                continue
            if isinstance(column.type, DateTime):
                row[column.name] = datetime.now(UTC)
            elif isinstance(column.type, String | Text):
                row[column.name] = f"{column.name}:{article_id}"[: column.type.length or 1000]
            elif isinstance(column.type, Integer):
                row[column.name] = 0
        with self.factory() as session, session.begin():
            session.execute(insert(ARTICLE).values(**row))
        self.article_ids.append(article_id)
        return article_id

    def event(
        self,
        *,
        lon: float | None = 36.63,
        lat: float | None = 35.93,
        day: date | str = "2017-10-23",
        end: date | str | None = None,
        precision: str = "day",
        side: str | None = "government",
        lost_side: str | None = "opposition",
        actor: str | None = None,
        place_name: str = "Idlib",
        geonameid: int | None = 169389,
        evidence: str = "The army captured Idlib.",
        articles: int = 1,
        event_id: str | None = None,
        basis: str = "text",
        month_day: str | None = None,
    ) -> str:
        """An event dated ``day`` (to ``end``); with basis published or received, on or before ``day``."""
        event_id = event_id or str(uuid.uuid4())
        start = date.fromisoformat(day) if isinstance(day, str) else day
        finish = (date.fromisoformat(end) if isinstance(end, str) else end) or start
        dated = basis in ("text", "text_relative")
        if not dated:
            start, precision = OPEN_START, "on_or_before"
        now = datetime.now(UTC)
        row = {
            "id": event_id, "geonameid": geonameid, "place_name": place_name, "place_key": place_name.lower(),
            "region_geonameid": None, "lat": lat, "lon": lon, "geo_precision": 1,
            "gained_side": side, "gained_actor": actor or self.actor, "gained_name": "the army" if side else None,
            "lost_side": lost_side, "lost_actor": "syrian_opposition" if lost_side else None,
            "lost_name": "rebels" if lost_side else None, "claimed_by": None,
            "date_start": start, "date_end": finish, "date_precision": precision, "date_from_text": dated,
            "date_basis": basis, "date_month_day": month_day,
            "evidence_text": evidence, "confidence": 0.8123, "source_count": max(articles, 1),
            "created_at": now, "updated_at": now,
        }
        sources = [self.article() for _ in range(articles)]
        with self.factory() as session, session.begin():
            session.execute(insert(EVENTS).values(**row))
            for article_id in sources:
                session.execute(insert(SOURCES).values(
                    event_id=event_id, article_id=article_id, mention_start=0, evidence_text=evidence,
                    evidence_start=0, evidence_end=len(evidence), claimed_by=None, event_json={},
                ))
        self.event_ids.append(event_id)
        return event_id

    def cleanup(self) -> None:
        with self.factory() as session, session.begin():
            if self.event_ids:
                session.execute(delete(SOURCES).where(SOURCES.c.event_id.in_(self.event_ids)))
                session.execute(delete(EVENTS).where(EVENTS.c.id.in_(self.event_ids)))
            if self.article_ids:
                session.execute(delete(SOURCES).where(SOURCES.c.article_id.in_(self.article_ids)))
                session.execute(delete(ARTICLE).where(ARTICLE.c.id.in_(self.article_ids)))


@pytest.fixture
def seed(client: TestClient) -> Iterator[Seeder]:
    seeder = Seeder(client)
    try:
        yield seeder
    finally:
        seeder.cleanup()


def ocean_spot() -> tuple[float, float]:
    """A random point in the empty South Pacific, so spatial tests do not see each other's events."""
    return round(random.uniform(-150, -100), 4), round(random.uniform(-55, -40), 4)


def get_events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    EventFeatureCollection.model_validate(body)
    return body


def ids(body: dict[str, Any]) -> list[str]:
    return [f["id"] for f in body["features"]]


def test_feature_collection_has_rfc7946_structure_and_every_event_field(client: TestClient, seed: Seeder) -> None:
    event_id = seed.event(lon=36.63, lat=35.93, day="2017-10-23", articles=2, evidence="The army captured Idlib.")
    body = get_events(client, actor=seed.actor)
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 1 and body["numberReturned"] == 1
    feature = body["features"][0]
    assert feature["type"] == "Feature" and feature["id"] == event_id
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    props = feature["properties"]
    assert props["type"] == "control_change"
    assert props["place_name"] == "Idlib" and props["geonameid"] == 169389
    assert props["gained_by"] == {"name": "the army", "actor": seed.actor, "side": "government"}
    assert props["lost_by"] == {"name": "rebels", "actor": "syrian_opposition", "side": "opposition"}
    assert props["claimed_by"] is None
    assert props["date"] == {"start": "2017-10-23", "end": "2017-10-23", "precision": "day", "basis": "text",
                             "date_prec": 1, "month_day": None}
    assert props["geo_precision"] == 1 and props["region_geonameid"] is None
    assert props["evidence"] == {"text": "The army captured Idlib."}
    assert props["confidence"] == 0.812
    assert props["source_count"] == 2
    assert sorted(props["article_ids"]) == sorted(seed.article_ids)
    assert [link["rel"] for link in body["links"]] == ["self"]


def test_newest_first_with_id_breaking_ties(client: TestClient, seed: Seeder) -> None:
    old = seed.event(day="2015-01-01")
    same = sorted([seed.event(day="2017-06-01", event_id=f"{i}{uuid.uuid4().hex[:8]}") for i in range(3)])
    new = seed.event(day="2018-03-03")
    assert ids(get_events(client, actor=seed.actor)) == [new, *reversed(same), old]


def test_keyset_pages_skip_nothing_and_repeat_nothing_while_events_arrive(client: TestClient, seed: Seeder) -> None:
    start = date(2016, 1, 1)
    original = [seed.event(day=start + timedelta(days=i)) for i in range(7)]
    first = get_events(client, actor=seed.actor, limit=3)
    assert len(first["features"]) == 3
    next_link = next(link["href"] for link in first["links"] if link["rel"] == "next")
    # New reports arrive between page requests: one newer than everything, one older than everything.
    newer = seed.event(day="2020-01-01")
    older = seed.event(day="2010-01-01")
    seen = ids(first)
    while next_link:
        response = client.get(next_link)
        assert response.status_code == 200
        page = response.json()
        seen += ids(page)
        next_link = next((link["href"] for link in page["links"] if link["rel"] == "next"), None)
    assert len(seen) == len(set(seen))
    assert seen == [*reversed(original), older]
    assert newer not in seen


def test_last_page_has_no_next_link(client: TestClient, seed: Seeder) -> None:
    for i in range(4):
        seed.event(day=f"2017-01-0{i + 1}")
    body = get_events(client, actor=seed.actor, limit=4)
    assert len(body["features"]) == 4
    assert "next" not in {link["rel"] for link in body["links"]}


def test_limit_above_the_maximum_is_clamped(client: TestClient, seed: Seeder) -> None:
    settings = client.app.state.runtime.settings
    for i in range(5):
        seed.event(day=f"2017-02-0{i + 1}")
    saved = settings.events_max_limit
    settings.events_max_limit = 3
    try:
        body = get_events(client, actor=seed.actor, limit=1_000_000)
    finally:
        settings.events_max_limit = saved
    assert len(body["features"]) == 3
    assert "next" in {link["rel"] for link in body["links"]}


def test_bbox_counts_exactly(client: TestClient, seed: Seeder) -> None:
    lon, lat = ocean_spot()
    inside = [seed.event(lon=lon + d, lat=lat + d) for d in (0.0, 0.05, 0.1)]
    seed.event(lon=lon + 0.3, lat=lat)
    seed.event(lon=lon, lat=lat - 0.3)
    box = f"{lon - 0.01},{lat - 0.01},{lon + 0.11},{lat + 0.11}"
    assert sorted(ids(get_events(client, bbox=box))) == sorted(inside)
    assert len(get_events(client, bbox=box, actor=seed.actor)["features"]) == 3


def test_bbox_crossing_the_antimeridian(client: TestClient, seed: Seeder) -> None:
    east = seed.event(lon=179.5, lat=-16.5)
    west = seed.event(lon=-179.5, lat=-16.2)
    seed.event(lon=0.5, lat=-16.0)
    seed.event(lon=178.0, lat=-16.0)
    crossing = get_events(client, bbox="179,-17,-179,-16", actor=seed.actor)
    assert sorted(ids(crossing)) == sorted([east, west])
    # The same numbers the other way round are a box over the rest of the world.
    assert len(get_events(client, bbox="-179,-17,179,-16", actor=seed.actor)["features"]) == 2


def test_events_without_coordinates_are_not_drawn_but_can_be_fetched(client: TestClient, seed: Seeder) -> None:
    located = seed.event()
    unlocated = seed.event(lon=None, lat=None, geonameid=None, place_name="the north")
    assert ids(get_events(client, actor=seed.actor)) == [located]
    response = client.get(f"/v1/events/{unlocated}")
    assert response.status_code == 200
    assert response.json()["geometry"] is None


@pytest.mark.parametrize(
    ("datetime_param", "expected"),
    [
        ("2017-06-15", {"year2017", "june"}),
        ("2017-06-15T10:00:00Z", {"year2017", "june"}),
        ("2017-06-15/2017-06-20", {"year2017", "june"}),
        ("2017-07-01/2017-12-31", {"year2017"}),
        ("../2016-12-31", {"2016"}),
        ("2018-01-01/..", {"2018"}),
        ("2018-01-01/", {"2018"}),
        ("../..", {"2016", "year2017", "june", "2018"}),
        ("2019-01-01/2019-12-31", set()),
    ],
)
def test_datetime_instants_and_intervals_match_overlapping_events(
    client: TestClient, seed: Seeder, datetime_param: str, expected: set[str]
) -> None:
    names = {
        seed.event(day="2016-05-01"): "2016",
        seed.event(day="2017-01-01", end="2017-12-31", precision="year"): "year2017",
        seed.event(day="2017-06-01", end="2017-06-30", precision="month"): "june",
        seed.event(day="2018-02-02"): "2018",
    }
    found = {names[i] for i in ids(get_events(client, actor=seed.actor, datetime=datetime_param))}
    assert found == expected


def test_side_and_geonameid_filters(client: TestClient, seed: Seeder) -> None:
    gov = seed.event(side="government", geonameid=111)
    isis = seed.event(side="isis", geonameid=222)
    assert ids(get_events(client, actor=seed.actor, side="government")) == [gov]
    assert ids(get_events(client, actor=seed.actor, side="isis")) == [isis]
    assert ids(get_events(client, actor=seed.actor, geonameid=222)) == [isis]
    assert ids(get_events(client, actor=seed.actor, side="kurdish")) == []


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"bbox": "1,2,3"}, "4 numbers"),
        ({"bbox": "a,b,c,d"}, "numbers"),
        ({"bbox": "0,0,200,1"}, "longitudes"),
        ({"bbox": "0,-91,1,1"}, "latitudes"),
        ({"bbox": "0,5,1,4"}, "minLat"),
        ({"bbox": "0,nan,1,1"}, "finite"),
        ({"datetime": "2017-13-01"}, "datetime"),
        ({"datetime": "yesterday"}, "RFC 3339"),
        ({"datetime": "2018-01-01/2017-01-01"}, "after its end"),
        ({"datetime": "2017-01-01/2017-02-01/2017-03-01"}, "one '/'"),
        ({"datetime": ".."}, "interval"),
        ({"side": "martians"}, "side must be one of"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"geonameid": "0"}, "geonameid"),
    ],
)
def test_invalid_parameters_are_400_problems_with_a_reason(
    client: TestClient, params: dict[str, str], reason: str
) -> None:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 400
    assert reason in body["detail"]


def test_one_event_as_a_feature_and_404_for_an_unknown_id(client: TestClient, seed: Seeder) -> None:
    event_id = seed.event(lon=40.1, lat=35.3, place_name="Deir ez-Zor", geonameid=170794)
    response = client.get(f"/v1/events/{event_id}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    feature = EventFeature.model_validate(response.json())
    assert feature.id == event_id and feature.properties.place_name == "Deir ez-Zor"
    assert feature.geometry is not None and feature.geometry.coordinates == (40.1, 35.3)
    missing = client.get(f"/v1/events/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_cors_is_open_for_get(client: TestClient) -> None:
    response = client.get("/v1/events", params={"limit": 1}, headers={"Origin": "https://maps.example.org"})
    assert response.headers["access-control-allow-origin"] in ("*", "https://maps.example.org")
