"""Resource limits: body size (413, declared or streamed), JSON content type (415), rate (429 + Retry-After)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.api.limits import TokenBuckets
from app.main import create_app
from app.settings import Settings
from app.store.models import Article

KEY = "k-limits-0123456789abcdef"


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize("path", ["/v1/articles", "/v1/parse"])
def test_declared_body_over_the_limit_is_413(client: TestClient, path: str) -> None:
    limit = client.app.state.runtime.settings.max_body_bytes
    body = json.dumps({"text": "x" * limit}).encode()
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert str(limit) in assert_problem(response, 413)["detail"]


@pytest.fixture
def text_cap(client: TestClient) -> Iterator[int]:
    """The shared app with a small analysis cap for one test (settings are read per request)."""
    settings = client.app.state.runtime.settings
    saved = settings.max_text_chars
    settings.max_text_chars = 400
    try:
        yield settings.max_text_chars
    finally:
        settings.max_text_chars = saved


def stored_articles(client: TestClient) -> int:
    with client.app.state.runtime.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Article))


@pytest.mark.parametrize("path", ["/v1/articles", "/v1/parse"])
def test_text_over_the_analysis_cap_is_413_and_nothing_is_stored(
    client: TestClient, text_cap: int, path: str
) -> None:
    # Under the body limit, over the text cap (CONFLICTGEO_MAX_TEXT_CHARS): analysis cost grows with the text,
    # so the cap is what bounds it.
    text = f"Rebels took Idlib on {uuid.uuid4().hex}. " * (text_cap // 40 + 1)
    before = stored_articles(client)
    response = client.post(path, json={"text": text})
    detail = assert_problem(response, 413)["detail"]
    assert f"{len(text):,}" in detail and f"{text_cap:,}" in detail
    assert stored_articles(client) == before
    exact = client.post(path, json={"text": text[:text_cap]})
    assert exact.status_code == (201 if path == "/v1/articles" else 200), exact.text  # the cap itself is accepted
    assert stored_articles(client) == before + (path == "/v1/articles")


def test_malformed_content_length_is_400(client: TestClient) -> None:
    response = client.post("/v1/articles", content=b"{}",
                           headers={"Content-Type": "application/json", "Content-Length": "12abc"})
    assert_problem(response, 400)


def _call(app, method: str, path: str, headers: list[tuple[bytes, bytes]], chunks):  # type: ignore[no-untyped-def]
    """Drives the ASGI app directly with a streamed body; returns (status, body, chunks the app pulled)."""
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"", "headers": headers,
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80), "state": {}}
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body), pulled


def test_chunked_body_is_cut_off_once_past_the_limit(client: TestClient) -> None:
    """No Content-Length: bytes are counted as they stream in and reading stops at the limit."""
    limit = client.app.state.runtime.settings.max_body_bytes
    chunk = b"x" * 65536

    def endless():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        while True:
            yield chunk

    headers = [(b"content-type", b"application/json"), (b"transfer-encoding", b"chunked")]
    status, body, pulled = _call(client.app, "POST", "/v1/articles", headers, endless())
    assert status == 413 and body["status"] == 413
    assert pulled <= limit // len(chunk) + 2


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None]
)
def test_body_that_is_not_json_is_415(client: TestClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/articles", content=b'{"text": "Rebels took Idlib."}', headers=headers)
    assert "application/json" in assert_problem(response, 415)["detail"]


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/problem+json"])
def test_json_content_types_are_accepted(client: TestClient, content_type: str) -> None:
    response = client.post("/v1/articles", content=b'{"text": ""}', headers={"Content-Type": content_type})
    assert_problem(response, 400)  # past the limits: refused by validation, not by the content type


@pytest.fixture
def limited(tmp_path: Path) -> TestClient:
    """An app allowing 3 requests a minute per client (never started: the limits sit in front of everything, and
    a request they let through reaches the app, which answers 503 until started)."""
    settings = Settings(var_dir=tmp_path, rate_limit_per_minute=3, api_keys=KEY, log_level="WARNING")
    return TestClient(create_app(settings), raise_server_exceptions=False)


def places(app: TestClient, key: str | None = None) -> int:
    return app.get("/v1/places", params={"q": "idlib"}, headers={"X-API-Key": key} if key else {}).status_code


def test_rate_limit_answers_429_with_retry_after(limited: TestClient) -> None:
    assert [places(limited) for _ in range(3)] == [503, 503, 503]  # let through, to an app not started yet
    response = limited.get("/v1/places", params={"q": "idlib"})
    body = assert_problem(response, 429)
    assert 1 <= int(response.headers["retry-after"]) <= 20
    assert "3 requests a minute" in body["detail"]
    assert response.headers["x-request-id"]


def test_rate_limit_is_per_valid_key_else_per_client(limited: TestClient) -> None:
    assert [places(limited) for _ in range(4)] == [503, 503, 503, 429]
    # A made-up key does not buy a fresh bucket ...
    assert places(limited, "made-up") == 429
    # ... a valid one has its own.
    assert [places(limited, KEY) for _ in range(4)] == [503, 503, 503, 429]


def test_probes_are_never_rate_limited(limited: TestClient) -> None:
    assert all(limited.get("/healthz").status_code == 200 for _ in range(10))


def test_zero_disables_rate_limiting(tmp_path: Path) -> None:
    unlimited = TestClient(create_app(Settings(var_dir=tmp_path, rate_limit_per_minute=0, log_level="WARNING")),
                           raise_server_exceptions=False)
    assert {places(unlimited) for _ in range(20)} == {503}


def limited_with_redis(tmp_path: Path, redis_url: str, key: str) -> TestClient:
    settings = Settings(var_dir=tmp_path, rate_limit_per_minute=3, api_keys=key, log_level="WARNING",
                        redis_url=redis_url)
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_with_redis_every_process_draws_on_one_bucket(tmp_path: Path, redis_url: str) -> None:
    """Two apps stand for two worker processes or machines: with Redis they share each client's bucket."""
    key = f"k-shared-{uuid.uuid4().hex}"  # a bucket of its own in a Redis other runs may share
    first, second = limited_with_redis(tmp_path, redis_url, key), limited_with_redis(tmp_path, redis_url, key)
    assert [places(first, key), places(second, key), places(first, key)] == [503, 503, 503]
    assert places(second, key) == 429 and places(first, key) == 429
    response = second.get("/v1/places", params={"q": "idlib"}, headers={"X-API-Key": key})
    assert_problem(response, 429)
    assert 1 <= int(response.headers["retry-after"]) <= 60


def test_without_redis_each_process_has_its_own_bucket(tmp_path: Path) -> None:
    """What SECURITY.md says holds without Redis: the limit per process, so N workers allow N times it."""
    first, second = (TestClient(create_app(Settings(var_dir=tmp_path, rate_limit_per_minute=3, api_keys=KEY,
                                                    log_level="WARNING")), raise_server_exceptions=False)
                     for _ in range(2))
    assert [places(first, KEY) for _ in range(3)] + [places(second, KEY) for _ in range(3)] == [503] * 6
    assert places(first, KEY) == 429 and places(second, KEY) == 429


def test_when_redis_is_down_each_process_still_limits(tmp_path: Path) -> None:
    down = limited_with_redis(tmp_path, "redis://127.0.0.1:1/0", KEY)  # nothing listens on port 1
    assert [places(down, KEY) for _ in range(4)] == [503, 503, 503, 429]


def test_token_bucket_refills_at_the_configured_rate() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, burst=2, clock=lambda: now[0])
    assert buckets.take("a") == 0 and buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") == 0  # clients are independent
    now[0] = 0.5
    assert buckets.take("a") == pytest.approx(0.5)
    now[0] = 1.0
    assert buckets.take("a") == 0
    now[0] = 100.0
    assert [buckets.take("a") for _ in range(3)] == [0, 0, pytest.approx(1.0)]  # refilled to the burst, not beyond


def test_token_buckets_stay_bounded_in_number() -> None:
    buckets = TokenBuckets(per_minute=60, burst=1, max_clients=100)
    for n in range(1000):
        buckets.take(f"client-{n}")
    assert len(buckets._buckets) == 100
