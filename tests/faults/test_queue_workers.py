"""The job queue with real worker processes on a real PostgreSQL: workers killed with SIGKILL in the middle of
articles lose nothing and store nothing twice (counted in the database); a poison article ends failed with its
reason after bounded tries and does not block the queue."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from app.merge import MERGE_WINDOW_DAYS, merge_day
from app.settings import PROJECT_ROOT
from app.store.models import Article, EventRow, EventSource, MentionRow
from tests.faults.service import ServiceProcess, scratch_database, synthetic_articles, write_gazetteer

pytestmark = pytest.mark.postgis

ARTICLES = 120  # the 2,000-article run is bench/bench_queue.py --kill (same code path, longer)
WORKER_ENV = {
    "CONFLICTGEO_WORKER_HEARTBEAT_SECONDS": "1",
    "CONFLICTGEO_WORKER_STALLED_SECONDS": "4",
    "CONFLICTGEO_QUEUE_STALLED_CHECK_SECONDS": "2",
    "CONFLICTGEO_QUEUE_RETRY_WAIT_SECONDS": "0",
    "CONFLICTGEO_MAX_TEXT_CHARS": "5000",
}


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    with scratch_database("queue") as url:
        yield url


@pytest.fixture(scope="module")
def service(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    root = tmp_path_factory.mktemp("queue-service")
    with ServiceProcess(database_url=database_url, var_dir=root / "var", gazetteer=write_gazetteer(root / "gaz"),
                        log_path=root / "service.log", extra_env=WORKER_ENV) as service:
        service.wait_ready()
        yield service


class Workers:
    """``conflictgeo worker`` processes, started and killed like a process supervisor would."""

    def __init__(self, service: ServiceProcess, log_dir: Path) -> None:
        self.env = service.env
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self) -> subprocess.Popen[bytes]:
        log = (self.log_dir / f"worker-{len(self.processes)}.log").open("wb")
        process = subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--concurrency", "2"],
                                   cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def alive(self) -> list[subprocess.Popen[bytes]]:
        return [p for p in self.processes if p.poll() is None]

    def stop(self) -> None:
        for process in self.alive():
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


def scalar(url: str, query: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(query)).scalar() or 0)
    finally:
        engine.dispose()


def wait_until(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_workers_killed_mid_article_lose_nothing_and_store_nothing_twice(
        service: ServiceProcess, database_url: str, tmp_path: Path) -> None:
    run = f"queue-{time.time_ns()}"
    articles = synthetic_articles(ARTICLES, run=run)
    with httpx.Client(base_url=service.base_url, timeout=120) as http:
        # Most go in one batch (JSON lines), a few one by one with Prefer: respond-async.
        single, batched = articles[:10], articles[10:]
        jsonl = "\n".join(httpx.Response(200, json=a.body).text for a in batched)
        answer = http.post("/v1/articles:batch", content=jsonl, headers={"Content-Type": "application/x-ndjson"})
        assert answer.status_code == 202, answer.text
        batch_id = answer.json()["id"]
        assert answer.headers["Location"] == f"/v1/batches/{batch_id}"
        assert answer.json()["accepted"] == len(batched) and answer.json()["pending"] == len(batched)
        for article in single:
            response = http.post("/v1/articles", json=article.body,
                                 headers={**article.headers, "Prefer": "respond-async"})
            assert response.status_code == 202, response.text
            assert response.json()["status"] == "pending"
            assert http.get(response.headers["Location"]).json()["status"] in ("pending", "done")
        # The same articles again: repeated, nothing new stored.
        again = http.post("/v1/articles:batch", json=[a.body for a in batched[:20]])
        assert again.status_code == 202 and again.json()["repeated"] == 20 and again.json()["accepted"] == 0
        expected_reports = {a.body["text"]: len(http.post("/v1/parse", json=a.body).json()["events"])
                            for a in articles}

        workers = Workers(service, tmp_path)
        workers.start()
        workers.start()
        kills = 0
        pending = f"SELECT count(*) FROM articles WHERE status = 'pending' AND text LIKE '%(report {run}-%'"
        began = last_kill = time.monotonic()
        try:
            while scalar(database_url, pending) and time.monotonic() - began < 400:
                time.sleep(0.25)
                doing = scalar(database_url, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing' "
                                             "AND task_name = 'conflictgeo.analyse_article'")
                # Two workers of concurrency 2: with 3 jobs in progress each worker holds at least one, so whichever
                # is killed dies in the middle of an article (a fixed sleep let the batch finish before any kill)
                if doing >= 3 and kills < 6 and time.monotonic() - last_kill > 1.5:
                    victim = random.choice(workers.alive())
                    os.kill(victim.pid, signal.SIGKILL)
                    victim.wait(10)
                    kills += 1
                    last_kill = time.monotonic()
                    workers.start()
            wait_until(lambda: scalar(database_url, pending) == 0, 300, "every article analysed")
        finally:
            workers.stop()
        elapsed = time.monotonic() - began
        batch = http.get(f"/v1/batches/{batch_id}").json()

    ours = f"text LIKE '%(report {run}-%'"
    retried = scalar(database_url, f"SELECT count(*) FROM articles WHERE attempts >= 2 AND {ours}")
    print(f"\nqueue kill figures: {ARTICLES} articles, {kills} SIGKILLs, {retried} articles retried after a kill, "
          f"{elapsed:.1f}s")
    assert kills >= 1 and retried >= 1, "no worker was killed in the middle of an article: nothing was tested"
    assert batch["pending"] == 0 and batch["stored"] == len(batched) and batch["done"], batch
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(Article.id, Article.text, Article.status).where(text(ours))).all()
            assert len(rows) == ARTICLES  # 0 lost, 0 stored twice
            assert {row.status for row in rows} == {"done"}
            duplicated_mentions = connection.execute(
                select(MentionRow.article_id, MentionRow.start, func.count())
                .group_by(MentionRow.article_id, MentionRow.start).having(func.count() > 1)).all()
            assert not duplicated_mentions, duplicated_mentions[:5]
            reports = dict(connection.execute(
                select(EventSource.article_id, func.count()).group_by(EventSource.article_id)).all())
            events = connection.execute(select(EventRow.id, EventRow.place_key, EventRow.gained_side,
                                               EventRow.date_start, EventRow.date_end, EventRow.source_count)).all()
            sources_per_event = dict(connection.execute(
                select(EventSource.event_id, func.count(func.distinct(EventSource.article_id)))
                .group_by(EventSource.event_id)).all())
            stuck = connection.execute(text(
                "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing') "
                "AND task_name = 'conflictgeo.analyse_article'")).scalar()
    finally:
        engine.dispose()
    # Each article holds exactly the reports a fresh analysis of its text finds: none lost, none doubled.
    wrong = [(row.id, reports.get(row.id, 0), expected_reports[row.text]) for row in rows
             if reports.get(row.id, 0) != expected_reports[row.text]]
    assert not wrong, wrong[:5]
    assert sum(expected_reports.values()) > 0, "the synthetic reports produced no events: nothing was tested"
    wrong_counts = [(e.id, e.source_count, sources_per_event.get(e.id)) for e in events
                    if e.source_count != sources_per_event.get(e.id)]
    assert not wrong_counts, wrong_counts[:5]  # merged exactly once
    by_change: dict[tuple[str, str | None], list] = defaultdict(list)
    for event in events:
        by_change[(event.place_key, event.gained_side)].append(merge_day(event.date_start, event.date_end))
    window = timedelta(days=MERGE_WINDOW_DAYS)
    doubled = [(k, a, b) for k, days in by_change.items() for a, b in zip(sorted(days), sorted(days)[1:],
                                                                          strict=False) if b - a <= window]
    assert not doubled, doubled[:5]
    assert stuck == 0


def test_a_poison_article_ends_failed_with_its_reason_and_does_not_block(
        service: ServiceProcess, database_url: str, tmp_path: Path) -> None:
    from app.queue import JobQueue
    from app.settings import Settings
    from app.store import article_repo
    from app.store.database import make_engine, make_session_factory

    settings = Settings(database_url=database_url, queue_retry_wait_seconds=0)
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    run = f"poison-{time.time_ns()}"
    # Stored by other means than the API (a direct load): longer than the workers' analysis cap, every try fails.
    poison = article_repo.NewArticle(text="Rebels captured Saraqib. " * 400 + run, title=None, url=None, source=run,
                                     published_at=None, idempotency_key=None)
    good = article_repo.NewArticle(text=f"The Syrian army recaptured Morek on 3 May 2017. ({run})", title=None,
                                   url=None, source=run, published_at=None, idempotency_key=None)
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    rows = [article_repo.article_row(a, article_id=f"{run[-20:]}-{n}", now=now, status="pending")
            for n, a in enumerate((poison, good))]
    with article_repo.write_transaction(factory) as connection:
        article_repo.insert_articles(connection, rows)
        JobQueue(settings).defer(connection, [row["id"] for row in rows])
    engine.dispose()
    workers = Workers(service, tmp_path)
    workers.start()
    try:
        with httpx.Client(base_url=service.base_url, timeout=30) as http:
            wait_until(lambda: all(http.get(f"/v1/articles/{row['id']}").json()["status"] != "pending"
                                   for row in rows), 120, "both articles finished")
            failed, done = (http.get(f"/v1/articles/{row['id']}").json() for row in rows)
            metrics = http.get("/metrics").text
    finally:
        workers.stop()
    assert done["status"] == "done" and done["events"]
    assert failed["status"] == "failed" and "TextTooLong" in failed["failure_reason"], failed["failure_reason"]
    assert scalar(database_url, f"SELECT attempts FROM articles WHERE id = '{rows[0]['id']}'") == 3  # bounded
    assert 'conflictgeo_queue_jobs{status="failed"}' in metrics
    assert 'conflictgeo_articles_failed{reason="TextTooLong"}' in metrics
