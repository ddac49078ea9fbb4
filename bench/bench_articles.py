"""End-to-end ingestion speed: ``POST /v1/articles`` through a real uvicorn server (one worker, one core).

For each backend asked for, it starts ``conflictgeo serve`` on a loopback port (pinned to one CPU with
``taskset`` when available), waits for ``/readyz``, then posts the eval articles (each made unique, so every
post is a real insert) and reports articles/s, the median and p95 latency, and the service's CPU time per
article (from /proc: steadier than wall-clock figures on a busy machine). A second pass posts the same articles
again to time the idempotent "already stored" path.

The timed passes measure the service in its steady state: first it is warmed up with one copy of the eval set
(``--warmup``, posted as articles of their own and reported as ``cold``). The first articles after a start fill
the parser's per-name caches and the database's buffers, and cost more; a service that ingests for hours spends
almost all its time warm.

With ``--concurrency 1`` (the default) one client posts one article after another, so the figure is the inverse
of the latency. With N > 1, N clients keep N articles in flight, as a feeder (``conflictgeo ingest``, a crawler)
would: the service then analyses one article while another waits on the database, and the figure is the
service's throughput on its one core.

    python bench/bench_articles.py --eval ../shared/eval/dev.jsonl --copies 8 --concurrency 1 4 \\
        [--sqlite] [--postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/conflictgeo_bench_articles]

The PostgreSQL database must exist; on first use the service loads the shipped gazetteer into it (minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh(articles: list[dict]) -> list[dict]:
    """The same articles made new again (another run must insert, not find them stored)."""
    return [{**a, "text": f"{a['text']} {uuid.uuid4().hex[:8]}"} for a in articles]


def load_articles(path: Path, copies: int) -> list[dict]:
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = []
    for copy in range(copies):
        for record in base:
            articles.append({
                "text": f"{record['text']}\n(bench copy {copy} {uuid.uuid4().hex[:8]})",
                "published_at": record.get("published_at"),
                "source": record.get("source"),
            })
    return articles


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc), or None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post_all(base_url: str, articles: list[dict], expected: int, concurrency: int) -> list[float]:
    """Post every article with ``concurrency`` clients in flight; the latency of each post."""
    clients = [httpx.Client(base_url=base_url, timeout=120) for _ in range(concurrency)]

    def post(index: int) -> float:
        started = time.perf_counter()
        response = clients[index % concurrency].post("/v1/articles", json=articles[index])
        if response.status_code != expected:
            raise RuntimeError(f"HTTP {response.status_code} (expected {expected}): {response.text[:200]}")
        return time.perf_counter() - started

    try:
        with ThreadPoolExecutor(concurrency) as pool:
            return list(pool.map(post, range(len(articles))))
    finally:
        for client in clients:
            client.close()


def run_backend(name: str, database_url: str, var_dir: Path, articles: list[dict], concurrency: int,
                warmup: list[dict]) -> dict:
    port = free_port()
    env = {**os.environ, "CONFLICTGEO_DATABASE_URL": database_url, "CONFLICTGEO_VAR_DIR": str(var_dir),
           "CONFLICTGEO_PORT": str(port), "CONFLICTGEO_LOG_LEVEL": "WARNING", "CONFLICTGEO_RATE_LIMIT_PER_MINUTE": "0"}
    command = [sys.executable, "-m", "app.cli", "serve"]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            started = time.perf_counter()
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if server.poll() is not None:
                    raise RuntimeError(f"{name}: the service exited with {server.returncode}")
                time.sleep(1)
            ready_s = time.perf_counter() - started
            results = {"backend": name, "concurrency": concurrency, "ready_s": round(ready_s, 1),
                       "articles": len(articles)}
            passes = [("cold", warmup, 201)] if warmup else []
            passes += [("store", articles, 201), ("repeat", articles, 200)]
            for label, posted, expected in passes:
                cpu_before = process_cpu_seconds(server.pid)
                began = time.perf_counter()
                latencies = post_all(str(client.base_url), posted, expected, concurrency)
                elapsed = time.perf_counter() - began
                cpu_after = process_cpu_seconds(server.pid)
                latencies.sort()
                results[label] = {
                    "articles": len(posted),
                    "articles_per_s": round(len(posted) / elapsed, 1),
                    "median_ms": round(statistics.median(latencies) * 1000, 1),
                    "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
                    "service_cpu_ms_per_article": None if cpu_before is None or cpu_after is None
                    else round((cpu_after - cpu_before) / len(posted) * 1000, 2),
                }
            return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval/dev.jsonl"))
    parser.add_argument("--copies", type=int, default=8,
                        help="each eval article is posted this many times, made unique")
    parser.add_argument("--warmup", type=int, default=1,
                        help="copies of the eval set posted (and reported as 'cold') before the timed passes")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1],
                        help="clients posting at once; several values give one run each")
    parser.add_argument("--sqlite", action="store_true", help="measure the embedded backend (a fresh file)")
    parser.add_argument("--postgres-url", help="measure PostGIS in this (existing) database")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "var" / "cache", help="shared name-index cache")
    args = parser.parse_args()
    articles = load_articles(args.eval, args.copies)
    warmup = load_articles(args.eval, args.warmup) if args.warmup else []
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CONFLICTGEO_CACHE_DIR", str(args.cache_dir))
        for concurrency in args.concurrency:
            if args.sqlite:
                runs.append(run_backend("sqlite", "", Path(tmp) / "sqlite", fresh(articles),
                                        concurrency, fresh(warmup)))
            if args.postgres_url:
                runs.append(run_backend("postgis", args.postgres_url, Path(tmp) / "postgis", fresh(articles),
                                        concurrency, fresh(warmup)))
    for run in runs:
        print(json.dumps(run))
    for concurrency in args.concurrency:
        pair = {r["backend"]: r for r in runs if r["concurrency"] == concurrency}
        if len(pair) == 2:
            ratio = pair["postgis"]["store"]["articles_per_s"] / pair["sqlite"]["store"]["articles_per_s"]
            print(f"concurrency {concurrency}: postgis/sqlite store throughput ratio {ratio:.2f}")

if __name__ == "__main__":
    main()
