"""``conflictgeo ingest``: many articles posted, each counted once as stored, repeated or failed."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from fastapi.testclient import TestClient

from app.ingest import post_articles


def test_ingest_counts_stored_repeated_and_failed(client: TestClient, tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:8]
    lines = [
        json.dumps({"text": f"Rebels captured the town of Saraqib on Sunday. ({tag} a)", "published_at": "2020-01-28",
                    "id": "ignored-field"}),
        json.dumps({"text": f"Government forces retook Khan Shaykhun. ({tag} b)"}),
        json.dumps({"text": f"Rebels captured the town of Saraqib on Sunday. ({tag} a)", "published_at": "2020-01-28"}),
        "{not json",
        json.dumps({"text": ""}),
        "",
    ]
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "one.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = post_articles([folder], client, concurrency=1, progress=False)
    assert (summary.stored, summary.repeated, summary.failed) == (2, 1, 2)
    assert summary.events >= 2
    assert any("one.jsonl:4: invalid JSON" in failure for failure in summary.failures)
    assert any("one.jsonl:5: HTTP 400" in failure for failure in summary.failures)


def test_ingest_in_batches_counts_the_same(client: TestClient, tmp_path: Path) -> None:
    from app.ingest import post_batches

    tag = uuid.uuid4().hex[:8]
    lines = [
        json.dumps({"text": f"Rebels captured the town of Saraqib on Sunday. ({tag} a)", "published_at": "2020-01-28"}),
        json.dumps({"text": f"Government forces retook Khan Shaykhun. ({tag} b)"}),
        json.dumps({"text": f"Rebels captured the town of Saraqib on Sunday. ({tag} a)", "published_at": "2020-01-28"}),
        "{not json",
        json.dumps({"text": ""}),
        json.dumps({"text": f"Government forces retook Morek. ({tag} c)"}),
    ]
    (tmp_path / "one.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = post_batches([tmp_path / "one.jsonl"], client, batch_size=4, progress=False)
    assert (summary.stored, summary.repeated, summary.failed) == (3, 1, 2)
    assert any("one.jsonl:5: HTTP 400" in failure for failure in summary.failures)
