"""PostgreSQL stops during a load: 503 (never 500, no crash), /readyz fails, recovery without a restart, and
every article acknowledged with 2xx is there afterwards. Once with a clean shutdown, once with a crash."""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.faults.pgcluster import ThrowawayCluster, unavailable_reason
from tests.faults.service import ServiceProcess, synthetic_articles, write_gazetteer

pytestmark = [pytest.mark.faults, pytest.mark.skipif(unavailable_reason() is not None,
                                                     reason=unavailable_reason() or "")]

WRITERS = 6
OUTAGE_SECONDS = 6.0
RECOVERY_LIMIT_SECONDS = 30.0
# How long the load may take to reach a state it must reach (first acknowledgements, successes after recovery)
# on a slow, shared machine: a deadline, not a pause, so a fast machine does not wait for it.
STATE_DEADLINE_SECONDS = 120.0


def wait_until(condition: Callable[[], bool], deadline_s: float, what: str) -> None:
    """Polls ``condition`` until it holds; fails naming ``what`` when ``deadline_s`` passes first."""
    deadline = time.monotonic() + deadline_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not reached within {deadline_s:.0f} s: {what}")
        time.sleep(0.05)


@dataclass
class Load:
    """Writers posting distinct articles until told to stop; every answer is recorded."""

    base_url: str
    run: str
    statuses: Counter = field(default_factory=Counter)
    acked: dict[str, str] = field(default_factory=dict)  # article id -> text
    answers: list[tuple[float, int]] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._articles = iter(synthetic_articles(100_000, self.run))
        self._threads = [threading.Thread(target=self._write, daemon=True) for _ in range(WRITERS)]

    def _next(self):  # type: ignore[no-untyped-def]
        with self._lock:
            return next(self._articles)

    def _write(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as http:
            while not self.stop.is_set():
                article = self._next()
                try:
                    response = http.post("/v1/articles", json=article.body, headers=article.headers)
                except httpx.TransportError as exc:
                    with self._lock:
                        self.transport_errors.append(repr(exc))
                    continue
                with self._lock:
                    self.statuses[response.status_code] += 1
                    self.answers.append((time.monotonic(), response.status_code))
                    if response.status_code in (200, 201):
                        self.acked[response.json()["id"]] = article.body["text"]
                    elif response.status_code == 503:
                        assert response.headers["content-type"] == "application/problem+json"
                        assert response.headers.get("retry-after")
                if response.status_code == 503:
                    time.sleep(0.2)

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(60)

    def acked_count(self) -> int:
        with self._lock:
            return len(self.acked)

    def successes_after(self, instant: float) -> int:
        with self._lock:
            return sum(1 for at, status in self.answers if at > instant and status in (200, 201))

    def first_success_after(self, instant: float) -> float | None:
        with self._lock:
            return next((at for at, status in self.answers if at > instant and status in (200, 201)), None)


@pytest.fixture(scope="module")
def cluster() -> Iterator[ThrowawayCluster]:
    cluster = ThrowawayCluster(port=5499)
    try:
        cluster.create("conflictgeo_faults")
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="module")
def service(cluster: ThrowawayCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    root = tmp_path_factory.mktemp("faults-service")
    with ServiceProcess(database_url=cluster.url("conflictgeo_faults"), var_dir=root / "var",
                        gazetteer=write_gazetteer(root / "gazetteer"), log_path=root / "service.log") as service:
        service.wait_ready()
        yield service


def poll_readiness(base_url: str, until: float) -> Counter:
    seen: Counter = Counter()
    while time.monotonic() < until:
        try:
            seen[httpx.get(f"{base_url}/readyz", timeout=10).status_code] += 1
        except httpx.TransportError:
            seen["no answer"] += 1
        time.sleep(0.25)
    return seen


_runs = itertools.count()


@pytest.mark.parametrize("stop_mode", ["fast", "immediate"])
def test_database_outage_during_load(service: ServiceProcess, cluster: ThrowawayCluster, stop_mode: str) -> None:
    run = f"{stop_mode}-{next(_runs)}-{time.time_ns()}"
    with Load(service.base_url, run) as load:
        # Stop the database only once writes are being acknowledged, however long the first ones take.
        wait_until(lambda: load.acked_count() >= WRITERS, STATE_DEADLINE_SECONDS, f"{WRITERS} articles acknowledged")
        acked_before = load.acked_count()
        cluster.stop(stop_mode)
        stopped_at = time.monotonic()
        readiness_down = poll_readiness(service.base_url, stopped_at + OUTAGE_SECONDS)
        health_down = httpx.get(f"{service.base_url}/healthz", timeout=10).status_code
        cluster.start()
        started_at = time.monotonic()
        while load.first_success_after(started_at) is None and time.monotonic() < started_at + RECOVERY_LIMIT_SECONDS:
            time.sleep(0.1)
        recovered_at = load.first_success_after(started_at)
        if recovered_at is not None:  # keep writing until every writer could have been acknowledged again
            wait_until(lambda: load.successes_after(recovered_at) >= WRITERS, STATE_DEADLINE_SECONDS,
                       f"{WRITERS} more articles acknowledged after recovery")
    readiness_after = httpx.get(f"{service.base_url}/readyz", timeout=10)

    figures = {"stop": stop_mode, "answers": dict(load.statuses), "acked": len(load.acked),
               "acked_before_stop": acked_before, "readyz_during_outage": dict(readiness_down),
               "recovery_s": None if recovered_at is None else round(recovered_at - started_at, 2),
               "transport_errors": len(load.transport_errors)}
    print(f"\nfaults figures: {figures}")

    assert service.alive(), service.log_tail()
    assert acked_before > 0, figures
    assert set(load.statuses) <= {200, 201, 503}, (figures, service.log_tail())
    assert load.statuses[503] > 0, figures  # the outage was seen by the writers ...
    assert not load.transport_errors, load.transport_errors[:3]  # ... and always answered
    assert readiness_down[503] > 0 and readiness_down[200] == 0, figures
    assert health_down == 200
    assert recovered_at is not None, (figures, service.log_tail())
    assert readiness_after.status_code == 200, readiness_after.text

    # Nothing acknowledged is lost: each acked article reads back with its text.
    missing = []
    with httpx.Client(base_url=service.base_url, timeout=30) as http:
        for article_id, text in load.acked.items():
            response = http.get(f"/v1/articles/{article_id}")
            if response.status_code != 200 or response.json()["text"] != text:
                missing.append((article_id, response.status_code))
    assert not missing, f"{len(missing)} of {len(load.acked)} acknowledged articles missing: {missing[:5]}"


def test_throwaway_cluster_is_not_the_main_one(cluster: ThrowawayCluster) -> None:
    assert cluster.port != 5432 and Path(cluster.root).name.startswith("conflictgeo-faults-")
