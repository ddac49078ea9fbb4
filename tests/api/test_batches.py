"""POST /v1/articles:batch and Prefer: respond-async on both backends: queued on PostgreSQL (202, pending, a job
each), analysed inline on the embedded SQLite (as before, no queue)."""

from __future__ import annotations

import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

TEXT = "Rebels captured the town of Binnish from government forces on 4 April 2035, activists said. [{}]"


def articles(n: int) -> list[dict]:
    return [{"text": TEXT.format(uuid.uuid4()), "published_at": "2035-04-05"} for _ in range(n)]


def test_a_batch_is_stored_once_and_counted(client: TestClient, backend: str) -> None:
    stored_before = articles(1)
    assert client.post("/v1/articles", json=stored_before[0]).status_code == 201
    batch = [*articles(2), stored_before[0]]
    batch.append(dict(batch[0]))  # twice in the same batch
    answer = client.post("/v1/articles:batch", json=batch)
    queued = backend == "postgis"
    assert answer.status_code == (202 if queued else 201), answer.text
    body = answer.json()
    assert answer.headers["Location"] == f"/v1/batches/{body['id']}"
    assert (body["size"], body["accepted"], body["repeated"]) == (4, 2, 2)
    assert (body["pending"], body["stored"], body["done"]) == ((2, 0, False) if queued else (0, 2, True))
    assert client.get(f"/v1/batches/{body['id']}").json() == body
    if queued:
        with client.app.state.runtime.session_factory() as session:
            jobs = session.execute(text(
                "SELECT count(*) FROM procrastinate_jobs j JOIN articles a ON a.id = j.args->>'article_id' "
                "WHERE a.batch_id = :b AND j.status = 'todo'"), {"b": body["id"]}).scalar()
        assert jobs == 2  # each accepted article has its job


def test_json_lines_are_a_batch_too(client: TestClient) -> None:
    lines = "\n".join(json.dumps(a) for a in articles(2)) + "\n"
    answer = client.post("/v1/articles:batch", content=lines, headers={"Content-Type": "application/x-ndjson"})
    assert answer.status_code in (201, 202), answer.text
    assert answer.json()["accepted"] == 2


def test_respond_async_queues_on_postgres_and_answers_inline_on_sqlite(client: TestClient, backend: str) -> None:
    answer = client.post("/v1/articles", json=articles(1)[0], headers={"Prefer": "respond-async"})
    if backend == "postgis":
        assert answer.status_code == 202 and answer.json()["status"] == "pending"
        assert answer.headers["Preference-Applied"] == "respond-async"
        polled = client.get(answer.headers["Location"]).json()
        assert polled["status"] == "pending" and polled["events"] == []
    else:
        assert answer.status_code == 201 and answer.json()["events"]


@pytest.mark.parametrize(("body", "content_type", "status", "fragment"), [
    ("[]", "application/json", 400, "empty"),
    ('{"text": "x"}', "application/json", 400, "array"),
    ("[1]", "application/json", 400, "article 0"),
    ('[{"text": "ok"}, {"text": ""}]', "application/json", 400, "article 1"),
    ('[{"text": "ok", "url": "ftp://x"}]', "application/json", 400, "url"),
    ('{"text": "a"}\n{bad', "application/x-ndjson", 400, "invalid JSON line"),
    ("[" + ",".join(['{"text": "a"}'] * 1001) + "]", "application/json", 413, "1,000"),
    ("not json", "text/plain", 415, "JSON"),
])
def test_bad_batches_are_4xx_with_a_reason(client: TestClient, body: str, content_type: str, status: int,
                                           fragment: str) -> None:
    answer = client.post("/v1/articles:batch", content=body, headers={"Content-Type": content_type})
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert fragment in answer.json()["detail"]


def test_an_unknown_batch_is_404(client: TestClient) -> None:
    assert client.get("/v1/batches/nope").status_code == 404
