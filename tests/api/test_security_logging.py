"""Observability under hostile input: one JSON log line per request with its id, metrics by route template."""

from __future__ import annotations

import io
import json
import logging
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.observability import ARTICLES, PIPELINE_FAILURES, JsonFormatter


@pytest.fixture
def request_log() -> Iterator[io.StringIO]:
    """The lines the request logger writes, in the service's JSON format."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("conflictgeo.request")
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_logs_one_json_line_with_its_id(client: TestClient, request_log: io.StringIO) -> None:
    response = client.get("/v1/places/990000404")
    request_id = response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    [entry] = [e for e in lines(request_log) if e.get("request_id") == request_id]
    assert entry["message"] == "request"
    assert entry["route"] == "/v1/places/{geonameid}" and entry["status"] == 404 and entry["method"] == "GET"
    assert entry["ms"] >= 0


def test_a_sane_client_request_id_is_kept(client: TestClient, request_log: io.StringIO) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "ingest-7f3a.42"})
    assert response.headers["x-request-id"] == "ingest-7f3a.42"
    assert any(e.get("request_id") == "ingest-7f3a.42" for e in lines(request_log))


@pytest.mark.parametrize("hostile", ['x" , "level": "CRITICAL', "a" * 101, "<script>alert(1)</script>", "ok\tid"])
def test_a_hostile_request_id_is_replaced(client: TestClient, request_log: io.StringIO, hostile: str) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": hostile})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
    assert all(e.get("request_id") != hostile for e in lines(request_log))


def test_log_injection_in_paths_and_text_stays_inside_one_line(client: TestClient, request_log: io.StringIO) -> None:
    client.get("/v1/places/1%0a%7b%22level%22%3a%22CRITICAL%22%7d")
    client.get("/v1/places", params={"q": "idlib\n{\"level\": \"CRITICAL\"}"})
    entries = lines(request_log)  # every line parses as JSON: nothing was forged
    assert entries and all(e["level"] == "INFO" for e in entries)
    # Raw paths are not logged, only route templates.
    assert all(e["route"] in ("/v1/places/{geonameid}", "/v1/places") for e in entries)


def test_metrics_count_and_time_requests_by_route_template(client: TestClient) -> None:
    for geonameid in (990000501, 990000502, 990000503):
        client.get(f"/v1/places/{geonameid}")
    text = client.get("/metrics").text
    count = re.search(
        r'^conflictgeo_http_requests_total\{method="GET",route="/v1/places/\{geonameid\}",status="404"\} (\S+)$',
        text, re.M)
    assert count and float(count.group(1)) >= 3
    assert re.search(r'^conflictgeo_http_request_seconds_count\{method="GET",route="/v1/places/\{geonameid\}"\} ',
                     text, re.M)
    assert "990000501" not in text  # one series per route, not per URL


def test_unmatched_paths_share_one_series(client: TestClient) -> None:
    client.get("/nothing/here/1")
    client.get("/nothing/here/2")
    text = client.get("/metrics").text
    assert 'route="unmatched",status="404"' in text
    assert "/nothing/here" not in text


def test_pipeline_metrics_are_exported(client: TestClient) -> None:
    text = client.get("/metrics").text
    for name in ("conflictgeo_articles_total", "conflictgeo_mentions_total", "conflictgeo_events_total",
                 "conflictgeo_pipeline_failures_total"):
        assert f"# HELP {name} " in text


def _failures(stage: str) -> float:
    return PIPELINE_FAILURES.labels(stage)._value.get()


class _BrokenAnalyser:
    def analyse(self, *_args: object, **_kwargs: object) -> None:
        raise RuntimeError("analysis blew up")


@pytest.mark.parametrize(("path", "stage"), [("/v1/articles", "analyse"), ("/v1/parse", "parse")])
def test_pipeline_failures_are_counted_and_answered_as_problems(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, path: str, stage: str
) -> None:
    monkeypatch.setattr(client.app.state.runtime, "analyser", _BrokenAnalyser())
    before = _failures(stage)
    unstarted = TestClient(client.app, raise_server_exceptions=False)  # not entered: the running app is reused
    response = unstarted.post(path, json={"text": f"Rebels captured Saraqib. ({uuid.uuid4()})"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "blew up" not in response.text  # no internals in the answer
    assert _failures(stage) == before + 1


def test_stored_articles_are_counted(client: TestClient) -> None:
    stored = ARTICLES.labels("stored")._value.get()
    repeated = ARTICLES.labels("repeated")._value.get()
    body = {"text": f"Rebels captured the town of Saraqib on 3 March 2017. (metrics {uuid.uuid4()})"}
    assert client.post("/v1/articles", json=body).status_code == 201
    assert client.post("/v1/articles", json=body).status_code == 200
    assert ARTICLES.labels("stored")._value.get() == stored + 1
    assert ARTICLES.labels("repeated")._value.get() == repeated + 1
