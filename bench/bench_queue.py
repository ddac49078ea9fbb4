"""Throughput of the job queue: N stored articles analysed by 1 and by 2 ``conflictgeo worker`` processes.

For each worker count it creates a fresh database on the given server (``<db>_bench_queue``), migrates it, loads
the shipped gazetteer, accepts N articles (the eval set's texts, made unique; through ``accept_batch``, so each has
its job), then starts the workers and waits until none is pending. Throughput is N divided by the time from the
first stored analysis to the last (worker start-up, which loads the name index and the parser, is not counted).
During the run it samples PostgreSQL for backends waiting on a lock (the per-place merge locks are advisory
locks; the change-cursor row is a tuple lock), to see whether merging serialises the workers.

A breakdown of one article's time (analysis, then the write transaction and within it the merge lock and
candidate read) is measured in this process over a sample, one article after another.

With ``--kill-every S`` a random worker is killed with SIGKILL every S seconds (while jobs are being analysed)
and replaced, and the run ends
with the counts of articles, reports and mentions in the database (0 lost, 0 doubled is the target).

With ``--reanalyse`` the last run's articles are then all re-analysed through the queue and the event sets
before and after are compared (they must be equal).

    python bench/bench_queue.py --postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/conflictgeo_bench \\
        --articles 10000 --workers 1 2 [--kill-every 3] [--reanalyse]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.articles import accept_batch, analyse_text, store_analysis  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.store import article_repo  # noqa: E402
from app.store.article_repo import NewArticle  # noqa: E402


def fresh_database(base_url: str, suffix: str) -> str:
    base = make_url(base_url)
    url = base.set(database=f"{base.database}_{suffix}")
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    return url.render_as_string(hide_password=False)


def texts(eval_path: Path, count: int, run: str) -> list[NewArticle]:
    records = [json.loads(line) for line in eval_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [NewArticle(text=f"{records[i % len(records)]['text']}\n(bench {run}-{i})", title=None, url=None,
                       source="bench", published_at=None, idempotency_key=None) for i in range(count)]


def prepare(url: str, cache_dir: Path, articles: list[NewArticle]) -> None:
    from app.runtime import Runtime

    settings = Settings(database_url=url, cache_dir=cache_dir, log_level="WARNING")
    runtime = Runtime(settings=settings)
    runtime.start(background=False)
    assert runtime.session_factory is not None
    for start in range(0, len(articles), 1000):
        accept_batch(session_factory=runtime.session_factory, queue=runtime.queue,
                     articles=articles[start:start + 1000])
    runtime.close()


def breakdown(url: str, cache_dir: Path, sample: int) -> dict[str, float]:
    """Seconds per article of each step, one article after another in this process (stored articles, re-analysed
    with ``force`` so that every write is a real replacement)."""
    from datetime import UTC, datetime

    from app.runtime import build_analyser
    from app.store.database import make_engine, make_session_factory

    settings = Settings(database_url=url, cache_dir=cache_dir, log_level="WARNING")
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    analyser = build_analyser(factory, settings)
    with factory() as session:
        ids = list(session.scalars(text("SELECT id FROM articles ORDER BY created_at LIMIT :n"),
                                   {"n": sample}))
    timings: dict[str, list[float]] = {"analyse": [], "write_transaction": [], "merge_lock_and_candidates": []}
    real_lock, real_candidates = article_repo.lock_places, article_repo.merge_candidates
    spent = [0.0]

    def timed(function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - began
        return wrapper

    article_repo.lock_places, article_repo.merge_candidates = timed(real_lock), timed(real_candidates)
    try:
        for article_id in ids:
            with factory() as session:
                found = article_repo.article_text(session, article_id)
            assert found is not None
            began = time.perf_counter()
            mentions, events = analyse_text(session_factory=factory, analyser=analyser, geocoder=None,
                                            text=found["text"], published_at=None, title=None)
            analysed = time.perf_counter()
            spent[0] = 0.0
            with article_repo.write_transaction(factory) as connection:
                article_repo.lock_article(connection, article_id)
                store_analysis(connection, article_id=article_id, mentions=mentions, events=events,
                               now=datetime.now(UTC), replacing=True)
            timings["analyse"].append(analysed - began)
            timings["write_transaction"].append(time.perf_counter() - analysed)
            timings["merge_lock_and_candidates"].append(spent[0])
    finally:
        article_repo.lock_places, article_repo.merge_candidates = real_lock, real_candidates
        engine.dispose()
    return {k: statistics.median(v) for k, v in timings.items()}


def run_workers(url: str, cache_dir: Path, processes: int, total: int, kill_every: float | None,
                log_dir: Path) -> dict[str, float]:
    env = {**os.environ, "CONFLICTGEO_DATABASE_URL": url, "CONFLICTGEO_CACHE_DIR": str(cache_dir),
           "CONFLICTGEO_LOG_LEVEL": "WARNING", "CONFLICTGEO_WORKER_HEARTBEAT_SECONDS": "1",
           "CONFLICTGEO_WORKER_STALLED_SECONDS": "4", "CONFLICTGEO_QUEUE_STALLED_CHECK_SECONDS": "2",
           "PYTHONPATH": str(ROOT)}
    workers: list[subprocess.Popen[bytes]] = []

    def start() -> None:
        log = (log_dir / f"worker-{processes}-{len(workers)}.log").open("wb")
        workers.append(subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--concurrency", "1"],
                                        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))

    engine = create_engine(url)
    for _ in range(processes):
        start()
    kills, samples, lock_waits = 0, 0, 0
    last_kill = time.monotonic()
    try:
        with engine.connect() as connection:
            while True:
                pending = connection.execute(text("SELECT count(*) FROM articles WHERE status = 'pending'")).scalar()
                waiting = connection.execute(text(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN ('advisory', 'tuple', "
                    "'transactionid')")).scalar()
                connection.commit()
                samples += 1
                lock_waits += 1 if waiting else 0
                if not pending:
                    break
                doing = connection.execute(text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing' "
                    "AND task_name = 'conflictgeo.analyse_article'")).scalar()
                connection.commit()
                # In the middle of articles: a worker still starting up has nothing to lose.
                if kill_every and doing and time.monotonic() - last_kill > kill_every:
                    victim = random.choice([w for w in workers if w.poll() is None])
                    os.kill(victim.pid, signal.SIGKILL)
                    victim.wait()
                    kills += 1
                    start()
                    last_kill = time.monotonic()
                time.sleep(0.2)
            first, last, articles, done, reports, mentions, doubled, retried = connection.execute(text(
                "SELECT min(analysed_at), max(analysed_at), count(*), count(*) FILTER (WHERE status = 'done'), "
                "(SELECT count(*) FROM event_sources), (SELECT count(*) FROM mentions), "
                "(SELECT count(*) FROM (SELECT article_id, start FROM mentions GROUP BY 1, 2 HAVING count(*) > 1) d), "
                "count(*) FILTER (WHERE attempts >= 2) FROM articles")).one()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(30)
            except subprocess.TimeoutExpired:
                worker.kill()
        engine.dispose()
    seconds = (last - first).total_seconds()
    return {"processes": processes, "articles": articles, "done": done, "seconds": round(seconds, 2),
            "articles_per_s": round(total / seconds, 2) if seconds else 0.0, "kills": kills,
            "retried_after_kill": retried, "reports": reports, "mentions": mentions,
            "doubled_mentions": doubled, "lock_wait_share": round(lock_waits / max(samples, 1), 3)}


_EVENT_SET = text(
    "SELECT e.place_key, e.gained_side, e.date_start, e.date_end, e.date_basis, e.lost_side, e.source_count, "
    "(SELECT string_agg(DISTINCT s.article_id, ',' ORDER BY s.article_id) FROM event_sources s "
    "WHERE s.event_id = e.id) FROM events e")


def reanalysis_check(url: str, cache_dir: Path, processes: int) -> dict[str, object]:
    """Re-analyse every stored article through the queue (``conflictgeo reanalyse --all``, then workers until the
    queue is empty) and compare the event set (place, sides, dates, source count, source articles) before and
    after: the re-analysis must end with the events the fresh ingest made."""
    engine = create_engine(url)

    def event_set() -> list[tuple[str, ...]]:
        with engine.connect() as connection:
            return sorted(tuple(str(v) for v in row) for row in connection.execute(_EVENT_SET))

    env = {**os.environ, "CONFLICTGEO_DATABASE_URL": url, "CONFLICTGEO_CACHE_DIR": str(cache_dir),
           "CONFLICTGEO_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
    before = event_set()
    subprocess.run([sys.executable, "-m", "app.cli", "reanalyse", "--all", "--quiet"], cwd=ROOT, env=env, check=True)
    began = time.monotonic()
    workers = [subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--until-empty"], cwd=ROOT, env=env)
               for _ in range(processes)]
    for worker in workers:
        worker.wait()
    after = event_set()
    engine.dispose()
    return {"reanalysed_seconds": round(time.monotonic() - began, 1), "events_before": len(before),
            "events_after": len(after), "identical": before == after}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres-url", required=True)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--kill-every", type=float, default=None)
    parser.add_argument("--breakdown-sample", type=int, default=50)
    parser.add_argument("--reanalyse", action="store_true",
                        help="then re-analyse everything and compare the event sets (equal to a fresh ingest)")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "var" / "cache")
    args = parser.parse_args()
    log_dir = ROOT / "var" / "bench-queue"
    log_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for processes in args.workers:
        url = fresh_database(args.postgres_url, "bench_queue")
        prepare(url, args.cache_dir, texts(args.eval, args.articles, f"{uuid.uuid4().hex[:8]}"))
        result = run_workers(url, args.cache_dir, processes, args.articles, args.kill_every, log_dir)
        print(json.dumps(result), flush=True)
        results.append(result)
    if args.reanalyse:
        print(json.dumps(reanalysis_check(url, args.cache_dir, args.workers[-1])), flush=True)
    if len(results) >= 2 and results[0]["articles_per_s"]:
        print(f"scaling {results[-1]['processes']} vs {results[0]['processes']} processes: "
              f"{results[-1]['articles_per_s'] / results[0]['articles_per_s']:.2f}x")
    if args.breakdown_sample:
        steps = breakdown(url, args.cache_dir, args.breakdown_sample)
        total = steps["analyse"] + steps["write_transaction"]
        print("median seconds per article, one at a time: " + ", ".join(
            f"{k} {v * 1000:.1f} ms ({v / total:.0%})" for k, v in steps.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
