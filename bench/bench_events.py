"""How fast events are served to maps from PostGIS with 1,000,000 events over Syria and Iraq.

Creates (once) a separate database, loads synthetic events with COPY, then measures on the server side:
  * a 1°×1° bbox page of 100 events (/v1/events): query + serialisation in-process, and over HTTP;
  * an OGC items page of 10 features (tipg publishes 4.7 ms for that);
  * vector tiles at z8 (goal < 50 ms) and z4–z6 (tipg publishes 3–5 ms);
  * requests per second from wrk (or a Python loop when wrk is missing) against the real service on loopback.

    .venv/bin/python bench/bench_events.py [--events 1000000] [--reload] [--seconds 10]

Prints medians, p99s, the goals and the ratios to tipg's figures. Needs PostgreSQL with PostGIS on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from app.bbox import BBox  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.store import event_queries  # noqa: E402
from app.store.database import make_engine, migrate  # noqa: E402
from app.store.event_queries import EventFilters  # noqa: E402
from app.store.spatial_sqlite import tile_pixel  # noqa: E402

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
# Syria and Iraq, roughly: where the synthetic events fall.
REGION = BBox(35.7, 29.1, 48.6, 37.3)
SIDES = ("government", "opposition", "isis", "kurdish", "turkey", "other", "unknown")
ARTICLES = 10_000
TIPG = {"items10": 4.7, "tile": 4.0}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(function: Callable[[], Any], runs: int, warmup: int = 5) -> list[float]:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append((time.perf_counter() - began) * 1000)
    return times


def report(name: str, times: list[float], goal: str = "", tipg: float | None = None) -> dict[str, float]:
    p50, p99 = statistics.median(times), percentile(times, 99)
    line = f"{name:<44} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   n={len(times)}"
    if goal:
        line += f"   goal {goal}"
    if tipg:
        line += f"   ×{p50 / tipg:.1f} tipg's {tipg} ms"
    print(line, flush=True)
    return {"p50_ms": round(p50, 3), "p99_ms": round(p99, 3)}


def ensure_database(name: str, events: int, reload: bool) -> str:
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists and reload:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            exists = None
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = f"{SERVER}/{name}"
    engine = make_engine(Settings(database_url=url))
    migrate(engine)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM events")).scalar_one()
    if count != events:
        load(engine, events)
    engine.dispose()
    return url


def load(engine: Any, events: int) -> None:
    """COPY synthetic articles, events and one source per event; then ANALYZE."""
    rng = random.Random(5)
    began = time.perf_counter()
    now = datetime.now(UTC)
    article_ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(ARTICLES)]
    first_day = date(2011, 3, 15)
    span = (date(2024, 12, 31) - first_day).days
    with engine.begin() as connection:
        connection.execute(text("TRUNCATE event_sources, events, mentions, articles CASCADE"))
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        article_columns = _article_columns(engine)
        with cursor.copy(f"COPY articles ({', '.join(article_columns)}) FROM STDIN") as copy:
            for article_id in article_ids:
                copy.write_row([_article_value(c, article_id, now) for c in article_columns])
        columns = ("id", "geonameid", "place_name", "place_key", "lat", "lon", "geo_precision", "gained_side",
                   "gained_actor", "gained_name", "lost_side", "lost_actor", "lost_name", "date_start", "date_end",
                   "date_precision", "date_from_text", "evidence_text", "confidence", "source_count", "created_at",
                   "updated_at")
        sources = []
        with cursor.copy(f"COPY events ({', '.join(columns)}) FROM STDIN") as copy:
            for n in range(events):
                event_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                lon = rng.uniform(REGION.min_lon, REGION.max_lon)
                lat = rng.uniform(REGION.min_lat, REGION.max_lat)
                day = first_day + timedelta(days=rng.randrange(span))
                gained, lost = rng.sample(SIDES[:5], 2)
                place = f"place {n % 50_000}"
                copy.write_row((
                    event_id, 100_000 + n % 50_000, place, place, lat, lon, 1, gained, f"{gained}_forces", gained,
                    lost, f"{lost}_forces", lost, day, day, "day", True,
                    f"Synthetic report {n}: {gained} forces took {place} from {lost} forces.", 0.8, 1, now, now,
                ))
                sources.append((event_id, article_ids[n % ARTICLES]))
        with cursor.copy("COPY event_sources (event_id, article_id, mention_start, evidence_text, evidence_start, "
                         "evidence_end, event_json) FROM STDIN") as copy:
            for event_id, article_id in sources:
                copy.write_row((event_id, article_id, 0, "synthetic", 0, 9, "{}"))
        raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE events"))
        connection.execute(text("VACUUM ANALYZE event_sources"))
    print(f"loaded {events:,} events in {time.perf_counter() - began:.0f} s", flush=True)


def _article_columns(engine: Any) -> list[str]:
    from app.store.models import Article

    return [c.name for c in Article.__table__.columns if not c.nullable or c.name == "id"]


def _article_value(column: str, article_id: str, now: datetime) -> Any:
    from sqlalchemy import DateTime, Integer

    from app.store.models import Article

    kind = Article.__table__.c[column].type
    if column == "id":
        return article_id
    if isinstance(kind, DateTime):
        return now
    if isinstance(kind, Integer):
        return 0
    return f"{column}:{article_id}"[: getattr(kind, "length", None) or 1000]


def random_box(rng: random.Random, size: float = 1.0) -> BBox:
    lon = rng.uniform(REGION.min_lon, REGION.max_lon - size)
    lat = rng.uniform(REGION.min_lat, REGION.max_lat - size)
    return BBox(lon, lat, lon + size, lat + size)


def random_tile(rng: random.Random, z: int) -> tuple[int, int, int]:
    lon = rng.uniform(REGION.min_lon, REGION.max_lon)
    lat = rng.uniform(REGION.min_lat, REGION.max_lat)
    px, py = tile_pixel(lon, lat, z=z, x=0, y=0, extent=1)
    return z, int(px), int(py)


def in_process(url: str, runs: int) -> dict[str, Any]:
    """The repository functions and the JSON the routers build, without HTTP."""
    from app.api.schemas import event_feature

    engine = make_engine(Settings(database_url=url))
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    rng = random.Random(7)
    results: dict[str, Any] = {}
    print("\n-- in process (query + feature JSON)", flush=True)
    with factory() as session:
        def bbox_page() -> None:
            page, _ = event_queries.events_page(session=session, filters=EventFilters(bbox=random_box(rng)), limit=100)
            json.dumps([event_feature(e) for e in page])
            assert len(page) == 100

        results["bbox_1deg_limit100"] = report("1°×1° bbox, limit 100", timed(bbox_page, runs),
                                               "p50 < 10, p99 < 50")

        def tile_at(z: int) -> Callable[[], None]:
            def call() -> None:
                _, x, y = random_tile(rng, z)
                event_queries.tile(session=session, z=z, x=x, y=y, filters=EventFilters())
            return call

        results["tile_z8"] = report("tile z8", timed(tile_at(8), runs), "< 50", TIPG["tile"])
        for z in (4, 5, 6):
            label = f"tile z{z} (cap {event_queries.TILE_MAX_FEATURES} features)"
            results[f"tile_z{z}"] = report(label, timed(tile_at(z), max(runs // 5, 20)), tipg=TIPG["tile"])
    engine.dispose()
    return results


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def over_http(url: str, runs: int, seconds: int) -> dict[str, Any]:
    """The real service (uvicorn, one worker) on loopback: latency per request, then throughput."""
    port = free_port()
    env = {**os.environ, "CONFLICTGEO_DATABASE_URL": url, "CONFLICTGEO_LOAD_GAZETTEER_ON_START": "false",
           "CONFLICTGEO_RATE_LIMIT_PER_MINUTE": "0", "CONFLICTGEO_LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host", "127.0.0.1", "--port",
         str(port), "--no-access-log"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    results: dict[str, Any] = {}
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        rng = random.Random(11)
        print("\n-- over HTTP (uvicorn, 1 worker, loopback; client time)", flush=True)
        with httpx.Client(base_url=base, timeout=30) as client:
            def get(path: str) -> Callable[[], None]:
                def call() -> None:
                    response = client.get(path if "{" not in path else path.format(
                        box=",".join(f"{v:.4f}" for v in astuple(random_box(rng)))))
                    response.raise_for_status()
                return call

            results["http_bbox_1deg_limit100"] = report(
                "GET /v1/events 1°×1° bbox limit=100", timed(get("/v1/events?bbox={box}&limit=100"), runs),
                "p50 < 10, p99 < 50")
            results["http_ogc_items_10"] = report(
                "GET /ogc/.../items limit=10", timed(get("/ogc/collections/events/items?limit=10"), runs),
                tipg=TIPG["items10"])
            results["http_ogc_items_10_bbox"] = report(
                "GET /ogc/.../items limit=10 1°×1° bbox",
                timed(get("/ogc/collections/events/items?limit=10&bbox={box}"), runs), tipg=TIPG["items10"])

            def tile(z: int) -> Callable[[], None]:
                def call() -> None:
                    z_, x, y = random_tile(rng, z)
                    client.get(f"/v1/tiles/events/{z_}/{x}/{y}.pbf").raise_for_status()
                return call

            results["http_tile_z8"] = report("GET tile z8", timed(tile(8), runs), "< 50", TIPG["tile"])
            results["http_tile_z6"] = report("GET tile z6", timed(tile(6), max(runs // 5, 20)), tipg=TIPG["tile"])
        results["throughput"] = throughput(base, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def throughput(base: str, seconds: int) -> dict[str, float]:
    print(f"\n-- throughput, {seconds} s each", flush=True)
    px, py = tile_pixel(38.5, 35.5, z=8, x=0, y=0, extent=1)
    targets = {
        "bbox_1deg_limit100": "/v1/events?bbox=38.0,35.0,39.0,36.0&limit=100",
        "ogc_items_10": "/ogc/collections/events/items?limit=10&bbox=38.0,35.0,39.0,36.0",
        "tile_z8": f"/v1/tiles/events/8/{int(px)}/{int(py)}.pbf",
    }
    results = {}
    wrk = shutil.which("wrk")
    for name, path in targets.items():
        if wrk:
            output = subprocess.run([wrk, "-t1", "-c8", f"-d{seconds}s", "--latency", base + path],
                                    capture_output=True, text=True, check=True).stdout
            rps = float(next(line for line in output.splitlines() if line.startswith("Requests/sec")).split()[1])
            tool = "wrk -t1 -c8"
        else:
            rps = _python_load(base + path, seconds)
            tool = "python loop"
        results[name] = round(rps, 1)
        print(f"{name:<44} {rps:8.1f} requests/s   ({tool})", flush=True)
    return results


def _python_load(url: str, seconds: int) -> float:
    done = 0
    deadline = time.perf_counter() + seconds
    with httpx.Client(timeout=30) as client:
        while time.perf_counter() < deadline:
            client.get(url).raise_for_status()
            done += 1
    return done / seconds


def cluster_done(url: str) -> bool:
    engine = create_engine(url)
    with engine.connect() as connection:
        done = connection.execute(text(
            "SELECT indisclustered FROM pg_index WHERE indexrelid = 'ix_events_geom'::regclass")).scalar_one()
    engine.dispose()
    return bool(done)


def cluster(url: str) -> None:
    """Rewrites the table in the order of its spatial index."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    began = time.perf_counter()
    with engine.connect() as connection:
        connection.execute(text("CLUSTER events USING ix_events_geom"))
        connection.execute(text("VACUUM ANALYZE events"))
    engine.dispose()
    print(f"\nCLUSTER events USING ix_events_geom took {time.perf_counter() - began:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database", default="conflictgeo_bench")
    parser.add_argument("--reload", action="store_true", help="drop and reload the benchmark database")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=10, help="per throughput target")
    args = parser.parse_args()
    url = ensure_database(args.database, args.events, args.reload)
    results: dict[str, Any] = {"events": args.events, "cpus": os.cpu_count(), "loadavg_before": os.getloadavg()}
    # Rows in arrival order first (what a live table looks like), then after CLUSTER on the spatial index (what
    # a periodic maintenance job gives): tiles read thousands of rows and mostly pay for scattered heap pages.
    if not cluster_done(url):
        print("\n== rows in load order (random places)", flush=True)
        results["load_order"] = {**in_process(url, args.runs), **over_http(url, args.runs, args.seconds)}
        cluster(url)
    print("\n== rows clustered on ix_events_geom", flush=True)
    results["clustered"] = {**in_process(url, args.runs), **over_http(url, args.runs, args.seconds)}
    results["loadavg_after"] = os.getloadavg()
    print("\n" + json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
