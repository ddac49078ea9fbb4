"""Re-analysis: an article's mentions and reports are replaced atomically, merged events keep the right
source_count and sources, an event that loses its last source disappears (with a tombstone for mirrors), a
second run of the same version changes nothing, and re-analysing back ends with the events a fresh ingest makes."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.articles import analyse_stored
from app.pipeline import Analyser
from app.store.models import ChangeCursor, EventRow, EventSource, EventTombstone, MentionRow

CAPTURE = "Syrian government forces captured the town of {town} from rebels on 12 March 2033, the army said."


def _post(client: TestClient, town: str) -> dict[str, Any]:
    response = client.post("/v1/articles", json={"text": CAPTURE.format(town=town) + f" [{uuid.uuid4()}]",
                                                 "published_at": "2033-03-13"})
    assert response.status_code == 201, response.text
    return response.json()


def _events_of(client: TestClient, event_id: str) -> tuple[int, set[str]] | None:
    """(source_count, article ids of its sources) of a stored event; None when it is gone."""
    factory = client.app.state.runtime.session_factory
    with factory() as session:
        event = session.get(EventRow, event_id)
        if event is None:
            return None
        sources = set(session.scalars(select(EventSource.article_id).where(EventSource.event_id == event_id)))
        return event.source_count, sources


def _reanalyse(client: TestClient, analyser: Any, article_id: str) -> str:
    runtime = client.app.state.runtime
    return analyse_stored(session_factory=runtime.session_factory, analyser=analyser, geocoder=None,
                          article_id=article_id)


@pytest.fixture
def no_events_pipeline(client: TestClient) -> Analyser:
    """The same gazetteer with an event stage that finds nothing: a new pipeline version that drops an event."""
    real = client.app.state.runtime.analyser
    return Analyser(real.index, extract_events=lambda **_: [], version=f"test-no-events-{uuid.uuid4()}")


def test_reanalysis_replaces_reports_recounts_and_removes_emptied_events(
        client: TestClient, no_events_pipeline: Analyser) -> None:
    real = client.app.state.runtime.analyser
    first, second = _post(client, "Kafr Nabl"), _post(client, "Kafr Nabl")
    [event] = [e for e in second["events"] if e["place"]["text"] == "Kafr Nabl"]
    assert _events_of(client, event["id"]) == (2, {first["id"], second["id"]})
    factory = client.app.state.runtime.session_factory
    with factory() as session:
        mentions_before = len(session.scalars(select(MentionRow).where(MentionRow.article_id == first["id"])).all())
        cursor_before = session.get(ChangeCursor, 1).value

    assert _reanalyse(client, no_events_pipeline, first["id"]) == "stored"
    assert _events_of(client, event["id"]) == (1, {second["id"]})  # recounted, its source gone
    assert _reanalyse(client, no_events_pipeline, first["id"]) == "current"  # same version: nothing to do
    article = client.get(f"/v1/articles/{first['id']}").json()
    assert article["status"] == "done" and article["pipeline_version"] == no_events_pipeline.version
    assert article["events"] == [] and len(article["places"]) == mentions_before  # replaced, not doubled

    assert _reanalyse(client, no_events_pipeline, second["id"]) == "stored"
    assert _events_of(client, event["id"]) is None  # lost its last source
    with factory() as session:
        tombstone = session.get(EventTombstone, event["id"])
        assert tombstone is not None and tombstone.change_seq > cursor_before

    # Back on the real pipeline (its version differs): the same event as a fresh ingest made, counted twice.
    assert _reanalyse(client, real, first["id"]) == "stored"
    assert _reanalyse(client, real, second["id"]) == "stored"
    again = [e for e in client.get(f"/v1/articles/{second['id']}").json()["events"]
             if e["place"]["text"] == "Kafr Nabl"]
    assert [(e["source_count"], e["date"], e["gained_by"]) for e in again] == [
        (2, event["date"], event["gained_by"])]
    assert _events_of(client, again[0]["id"]) == (2, {first["id"], second["id"]})


def test_a_failed_store_leaves_the_old_analysis_in_place(client: TestClient, no_events_pipeline: Analyser,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from app import merge

    first = _post(client, "Taftanaz")
    [event] = [e for e in first["events"] if e["place"]["text"] == "Taftanaz"]

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk full while storing events")

    monkeypatch.setattr(merge, "source_rows", explode)
    # A real pipeline change that still finds the event, so the write reaches the failing step.
    other = Analyser(client.app.state.runtime.analyser.index, version=f"test-{uuid.uuid4()}")
    with pytest.raises(RuntimeError):
        _reanalyse(client, other, first["id"])
    assert _events_of(client, event["id"]) == (1, {first["id"]})  # atomically: nothing of the attempt stayed
    article = client.get(f"/v1/articles/{first['id']}").json()
    assert article["status"] == "failed" and "disk full" in article["failure_reason"]
    assert [e["id"] for e in article["events"]] == [event["id"]]
