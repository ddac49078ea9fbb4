"""The transactions of a submission: a short session for the duplicate check, the analysis with no connection
held, one write transaction. A slow analysis must not pin a pooled connection (a few slow posts would exhaust
the pool)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient


class _GatedAnalyser:
    """The real analyser, held inside ``analyse`` until the test opens the gate."""

    def __init__(self, real: Any) -> None:
        self.real, self.version = real, real.version
        self.entered, self.gate = threading.Event(), threading.Event()

    def analyse(self, *args: Any, **kwargs: Any) -> Any:
        self.entered.set()
        assert self.gate.wait(30), "the test never opened the gate"
        return self.real.analyse(*args, **kwargs)


def test_a_slow_analysis_holds_no_pooled_connection(client: TestClient, backend: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if backend != "postgis":
        pytest.skip("a connection pool is a PostgreSQL matter (SQLite opens a file)")
    runtime = client.app.state.runtime
    gated = _GatedAnalyser(runtime.analyser)
    monkeypatch.setattr(runtime, "analyser", gated)
    pool = runtime.engine.pool
    answers: list[int] = []
    text = f"Government forces captured Saraqib from rebels. [{uuid.uuid4()}]"
    poster = threading.Thread(target=lambda: answers.append(
        client.post("/v1/articles", json={"text": text, "published_at": "2031-02-03"}).status_code))
    poster.start()
    try:
        assert gated.entered.wait(30), "the analysis never started"
        held_during_analysis = pool.checkedout()
    finally:
        gated.gate.set()
        poster.join(60)
    assert held_during_analysis == 0
    assert answers == [201]
