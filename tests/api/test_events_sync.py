"""Sync for mirrors: ``updated_since`` returns the events changed after a change cursor in cursor order, removed
ones as tombstones; a mirror that applies every page ends with exactly the server's events (GeoJSON, OGC items
and CSV)."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.articles import analyse_stored
from app.pipeline import Analyser
from app.store.models import EventRow

TEXT = "Syrian government forces captured the town of {town} from rebels on 2 June 2034, the army said."


def sync(client: TestClient, path: str, mirror: dict[str, Any], since: str, limit: int = 2) -> str:
    """Apply every page of the feed after ``since`` to ``mirror``; returns the cursor to sync from next time."""
    url = f"{path}?updated_since={since}&limit={limit}"
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        changes = [f["properties"]["change"] for f in body["features"]]
        assert changes == sorted(changes)  # cursor order
        for feature in body["features"]:
            if feature["properties"]["deleted"]:
                mirror.pop(feature["id"], None)
            else:
                mirror[feature["id"]] = feature["properties"]["source_count"]
        following = [link["href"] for link in body["links"] if link["rel"] == "next"]
        if not following:
            return body["change_cursor"]
        url = following[0]


def server_events(client: TestClient) -> dict[str, int]:
    with client.app.state.runtime.session_factory() as session:
        return {e.id: e.source_count for e in session.scalars(select(EventRow)).all() if e.lat is not None}


def test_a_mirror_that_syncs_during_reanalysis_ends_with_the_servers_events(client: TestClient) -> None:
    runtime = client.app.state.runtime
    mirror: dict[str, Any] = {}
    cursor = sync(client, "/v1/events", mirror, "0", limit=50)
    assert mirror == server_events(client)
    ids = []
    for town in ("Ariha", "Ariha", "Sarmin"):
        answer = client.post("/v1/articles", json={"text": TEXT.format(town=town) + f" [{uuid.uuid4()}]",
                                                   "published_at": "2034-06-03"})
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    cursor = sync(client, "/v1/events", mirror, cursor)
    assert mirror == server_events(client)
    # A pipeline that finds no events re-analyses them: Ariha's event is recounted, then removed; Sarmin's too.
    empty = Analyser(runtime.analyser.index, extract_events=lambda **_: [], version=f"test-{uuid.uuid4()}")
    removed = []
    for article_id in ids:
        before = server_events(client)
        analyse_stored(session_factory=runtime.session_factory, analyser=empty, geocoder=None,
                       article_id=article_id)
        removed += [e for e in before if e not in server_events(client)]
        cursor = sync(client, "/v1/events", mirror, cursor)
        assert mirror == server_events(client)
    assert len(removed) == 2
    # The OGC items and the CSV say the same.
    assert sync(client, "/ogc/collections/events/items", {}, "0", limit=1000) is not None
    items = client.get("/ogc/collections/events/items?updated_since=0&limit=1000").json()["features"]
    assert {f["id"] for f in items if f["properties"]["deleted"]} >= set(removed)
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/events.csv?updated_since=0").text)))
    assert {r["event_id"] for r in rows if r["deleted"] == "true"} >= set(removed)
    assert {r["event_id"] for r in rows if r["deleted"] == "false"} == set(server_events(client))
    # Nothing changed since: an empty page that keeps the cursor.
    again = client.get(f"/v1/events?updated_since={cursor}").json()
    assert again["features"] == [] and again["change_cursor"] == cursor


def test_a_bad_change_cursor_is_400(client: TestClient) -> None:
    for bad in ("yesterday", "-1", "1:bad id", "1:2:3"):
        response = client.get(f"/v1/events?updated_since={bad}")
        assert response.status_code == 400, (bad, response.text)
        assert response.headers["content-type"] == "application/problem+json"
