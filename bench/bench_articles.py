"""End-to-end ingestion speed: ``POST /v1/articles`` through a real uvicorn server (one worker, one core).

For each backend asked for, it starts ``conflictgeo serve`` on a loopback port (pinned to one CPU with
``taskset`` when available), waits for ``/readyz``, then posts the eval articles (each made unique, so every
post is a real insert) one after another and reports articles/s and the median and p95 latency. A second pass
posts the same articles again to time the idempotent "already stored" path.

    python bench/bench_articles.py --eval ../shared/eval/dev.jsonl --copies 8 \\
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
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


def run_backend(name: str, database_url: str, var_dir: Path, articles: list[dict]) -> dict:
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
            results = {"backend": name, "ready_s": round(ready_s, 1), "articles": len(articles)}
            for label, expected in (("store", 201), ("repeat", 200)):
                latencies = []
                began = time.perf_counter()
                for article in articles:
                    t0 = time.perf_counter()
                    response = client.post("/v1/articles", json=article)
                    latencies.append(time.perf_counter() - t0)
                    if response.status_code != expected:
                        raise RuntimeError(f"{name}: {label}: HTTP {response.status_code}: {response.text[:200]}")
                elapsed = time.perf_counter() - began
                latencies.sort()
                results[label] = {
                    "articles_per_s": round(len(articles) / elapsed, 1),
                    "median_ms": round(statistics.median(latencies) * 1000, 1),
                    "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
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
    parser.add_argument("--sqlite", action="store_true", help="measure the embedded backend (a fresh file)")
    parser.add_argument("--postgres-url", help="measure PostGIS in this (existing) database")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "var" / "cache", help="shared name-index cache")
    args = parser.parse_args()
    articles = load_articles(args.eval, args.copies)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("CONFLICTGEO_CACHE_DIR", str(args.cache_dir))
        if args.sqlite:
            runs.append(run_backend("sqlite", "", Path(tmp) / "sqlite", articles))
        if args.postgres_url:
            runs.append(run_backend("postgis", args.postgres_url, Path(tmp) / "postgis", articles))
    for run in runs:
        print(json.dumps(run))
    if len(runs) == 2:
        ratio = runs[1]["store"]["articles_per_s"] / runs[0]["store"]["articles_per_s"]
        print(f"postgis/sqlite store throughput ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
