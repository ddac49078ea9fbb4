"""API keys: writes need a configured key (401 missing, 403 wrong), reads only when configured; keys never logged."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.security import key_is_valid, log_key_configuration
from app.observability import JsonFormatter
from app.settings import Settings

KEYS = ("k-3f9a2c7d41e8b6f0", "k-second-key-0123456789")
ARTICLE = {"text": "Rebels captured the town of Testabad on Monday, the army said.",
           "url": "https://news.example/security-test-article"}


@pytest.fixture
def keyed(client: TestClient) -> Iterator[TestClient]:
    """The shared app with keys configured for the duration of one test (settings are read per request)."""
    settings = client.app.state.runtime.settings
    saved = settings.api_keys, settings.read_requires_key
    settings.api_keys = ",".join(KEYS)
    try:
        yield client
    finally:
        settings.api_keys, settings.read_requires_key = saved


def test_write_without_key_is_401_with_challenge(keyed: TestClient) -> None:
    response = keyed.post("/v1/articles", json=ARTICLE)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == 'ApiKey header="X-API-Key"'
    assert "X-API-Key" in response.json()["detail"]


@pytest.mark.parametrize("wrong", ["nope", KEYS[0][:-1], KEYS[0] + "x", KEYS[0].upper(), " " + KEYS[1]])
def test_write_with_wrong_key_is_403(keyed: TestClient, wrong: str) -> None:
    response = keyed.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": wrong})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert wrong.strip() not in response.text


@pytest.mark.parametrize("key", KEYS)
def test_write_with_any_configured_key_passes(keyed: TestClient, key: str) -> None:
    response = keyed.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": key})
    assert response.status_code in (200, 201), response.text


def test_writes_are_open_without_configured_keys(client: TestClient) -> None:
    assert client.app.state.runtime.settings.api_key_list == []
    response = client.post("/v1/articles", json=ARTICLE)
    assert response.status_code in (200, 201), response.text


def test_reads_are_open_unless_configured(keyed: TestClient) -> None:
    assert keyed.get("/v1/places", params={"q": "idlib"}).status_code == 200
    keyed.app.state.runtime.settings.read_requires_key = True
    assert keyed.get("/v1/places", params={"q": "idlib"}).status_code == 401
    assert keyed.get("/v1/places", params={"q": "idlib"}, headers={"X-API-Key": "bad"}).status_code == 403
    assert keyed.get("/v1/places", params={"q": "idlib"}, headers={"X-API-Key": KEYS[1]}).status_code == 200
    # Probes stay open so that orchestrators need no key.
    assert keyed.get("/healthz").status_code == 200
    assert keyed.get("/metrics").status_code == 200


def test_openapi_declares_the_key_on_writes(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["APIKeyHeader"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-API-Key")
    post = schema["paths"]["/v1/articles"]["post"]
    assert {"APIKeyHeader": []} in post["security"]
    assert {"401", "403", "413", "415", "429"} <= set(post["responses"])
    assert "security" not in schema["paths"]["/v1/places"]["get"]  # reads are open by default


def test_key_comparison_checks_every_key() -> None:
    assert key_is_valid(KEYS[1], list(KEYS))
    assert not key_is_valid(KEYS[1][:-1], list(KEYS))
    assert not key_is_valid("", list(KEYS))
    assert not key_is_valid("é\udcff", list(KEYS))  # undecodable header bytes must not raise


@contextmanager
def captured(logger_name: str, formatter: logging.Formatter) -> Iterator[io.StringIO]:
    """What ``logger_name`` writes at INFO and above, formatted by ``formatter``."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(logger_name)
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.level, logger.propagate = saved


def test_keys_are_redacted_from_log_lines_and_tracebacks() -> None:
    with captured("conflictgeo.test.security", JsonFormatter(secrets=KEYS)) as stream:
        logger = logging.getLogger("conflictgeo.test.security")
        logger.warning("client sent %s", KEYS[0], extra={"x_api_key": "anything", "headers": {"x-api-key": KEYS[1]}})
        try:
            raise ValueError(f"bad key {KEYS[1]}")
        except ValueError:
            logger.exception("failed")
    output = stream.getvalue()
    lines = [json.loads(line) for line in output.splitlines()]
    assert len(lines) == 2
    assert KEYS[0] not in output and KEYS[1] not in output
    assert lines[0]["message"] == "client sent [REDACTED]"
    assert lines[0]["x_api_key"] == "[REDACTED]"
    assert "[REDACTED]" in lines[1]["exception"]


def test_startup_log_warns_when_no_keys_are_configured(tmp_path: Path) -> None:
    def startup_lines(settings: Settings) -> list[dict]:
        with captured("app.api.security", JsonFormatter(secrets=settings.api_key_list)) as stream:
            log_key_configuration(settings)
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    open_lines = startup_lines(Settings(var_dir=tmp_path, api_keys=""))
    assert any(line["level"] == "WARNING" and "no API keys configured" in line["message"] for line in open_lines)
    keyed_lines = startup_lines(Settings(var_dir=tmp_path, api_keys=",".join(KEYS)))
    assert not any(line["level"] == "WARNING" for line in keyed_lines)
    assert keyed_lines[0]["api_keys"] == 2
    assert all(key not in json.dumps(keyed_lines) for key in KEYS)


def test_writes_are_not_opened_to_browsers_by_cors(client: TestClient) -> None:
    preflight = client.options("/v1/articles", headers={"Origin": "https://evil.example",
                                                        "Access-Control-Request-Method": "POST"})
    assert "POST" not in preflight.headers.get("access-control-allow-methods", "")
    read = client.get("/healthz", headers={"Origin": "https://maps.example"})
    assert read.headers["access-control-allow-origin"] in ("*", "https://maps.example")


def test_responses_are_not_sniffed_as_html(client: TestClient) -> None:
    response = client.get("/v1/articles/<script>alert(1)<%2Fscript>")
    assert response.status_code in (400, 404)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "hostile", ["'; DROP TABLE places; --", "x' OR '1'='1", "%' OR 1=1 --", "\\x00\\'", "ＩＤＬＩＢ'))--"]
)
def test_query_text_is_a_bound_value_not_sql(client: TestClient, hostile: str) -> None:
    before = client.get("/v1/places", params={"q": "saraqib"}).json()["places"]
    response = client.get("/v1/places", params={"q": hostile})
    assert response.status_code in (200, 400)
    assert client.get("/v1/places", params={"q": "saraqib"}).json()["places"] == before
    assert client.get("/v1/events", params={"side": hostile}).status_code == 400
