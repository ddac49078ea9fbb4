"""Start-up cost on a fresh database: gazetteer load, name-index build (uncached), cached index load, RSS.

    python bench/bench_startup.py [--gazetteer data/gazetteer] [--repeat 3] [--postgres-url URL] [--no-sqlite]

Each step runs in its own process so its time and memory are those of a real start: ``load`` migrates a new
database and loads the gazetteer; ``build`` builds the name index from the database with an empty cache (and
saves the cache); ``cached`` starts the runtime as the service does (migrations checked, index from the cache),
analyses one article and reports the resident memory (VmRSS after gc, and the peak). The SQLite database lives
in a temporary folder; with ``--postgres-url`` (a server URL, e.g. ``postgresql+psycopg://postgres@127.0.0.1/postgres``)
a scratch database is created beside it and dropped afterwards. Steps repeated ``--repeat`` times print medians.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLE = (
    "BEIRUT (Reuters) - Syrian government forces and their allies captured the town of Khan Shaykhun in the "
    "southern Idlib countryside on Wednesday, and pushed towards Maarat al-Numan, a monitor said. Rebels said "
    "they had withdrawn from the villages of um turayka, bilil and rujum al ahmar near the Abu al-Duhur "
    "military airport, while Turkish troops at an observation post in Morek, Hama province, were encircled."
)


def _rss_mb() -> tuple[float, float]:
    """(current VmRSS, peak RSS) of this process in MB."""
    current = 0.0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _settings(url: str, cache: Path):  # type: ignore[no-untyped-def]
    from app.settings import Settings

    return Settings(database_url=url, var_dir=cache.parent, cache_dir=cache, load_gazetteer_on_start=False)


def child(step: str, url: str, cache: Path, gazetteer: Path) -> dict[str, float]:
    from app.store.database import make_engine, make_session_factory, migrate

    settings = _settings(url, cache)
    if step == "load":
        from app.gazetteer_load import load_gazetteer

        engine = make_engine(settings)
        began = time.perf_counter()
        migrate(engine)
        migrated = time.perf_counter()
        load_gazetteer([gazetteer], session_factory=make_session_factory(engine))
        loaded = time.perf_counter()
        again = load_gazetteer([gazetteer], session_factory=make_session_factory(engine))
        assert all(r.skipped for r in again)
        return {"migrate_s": migrated - began, "load_s": loaded - migrated, "rss_mb": _rss_mb()[0],
                "peak_rss_mb": _rss_mb()[1]}
    if step == "build":
        from app.gazetteer.index import GazetteerIndex
        from app.store import gazetteer_repo

        engine = make_engine(settings)
        with make_session_factory(engine)() as session:
            began = time.perf_counter()
            index = GazetteerIndex(gazetteer_repo.iter_places_with_names(session=session))
            built = time.perf_counter()
        cache.mkdir(parents=True, exist_ok=True)
        index.save(cache / "bench-index")
        saved = time.perf_counter()
        gc.collect()
        current, peak = _rss_mb()
        return {"build_s": built - began, "save_s": saved - built, "places": len(index), "keys": len(index.by_key),
                "rss_mb": current, "peak_rss_mb": peak, "cache_mb": (cache / "bench-index").stat().st_size / 2**20}
    if step == "cached":
        import app.main  # noqa: F401 - the service's own imports count towards its memory
        from app.runtime import Runtime

        runtime = Runtime(settings=settings)
        began = time.perf_counter()
        runtime.start(background=False)
        started = time.perf_counter()
        assert runtime.analyser is not None, runtime.startup_error
        mentions = runtime.analyser.analyse(ARTICLE).mentions
        runtime.close()
        gc.collect()
        current, peak = _rss_mb()
        return {"start_s": started - began, "mentions": len(mentions), "rss_mb": current, "peak_rss_mb": peak}
    raise SystemExit(f"unknown step {step}")


def run_step(step: str, url: str, cache: Path, gazetteer: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", step, "--url", url, "--cache", str(cache), "--gazetteer", str(gazetteer)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_backend(name: str, url: str, workdir: Path, gazetteer: Path, repeat: int) -> None:
    cache = workdir / f"cache-{name}"
    load = run_step("load", url, cache, gazetteer)
    print(f"[{name}] gazetteer load {load['load_s']:.1f} s (migrate {load['migrate_s']:.1f} s), "
          f"peak RSS {load['peak_rss_mb']:.0f} MB", flush=True)
    builds = [run_step("build", url, cache, gazetteer) for _ in range(repeat)]
    b = builds[-1]
    print(f"[{name}] index build from the database (uncached) {_median(builds, 'build_s'):.1f} s "
          f"(+ save {_median(builds, 'save_s'):.1f} s); {b['places']} places, {b['keys']} keys; "
          f"RSS {b['rss_mb']:.0f} MB, peak {b['peak_rss_mb']:.0f} MB; cache file {b['cache_mb']:.0f} MB", flush=True)
    # The service's cache: built once by its own first start (not timed here), then loaded.
    run_step("cached", url, cache, gazetteer)
    starts = [run_step("cached", url, cache, gazetteer) for _ in range(repeat)]
    print(f"[{name}] cached start {_median(starts, 'start_s'):.2f} s; after one article: "
          f"RSS {_median(starts, 'rss_mb'):.0f} MB, peak {_median(starts, 'peak_rss_mb'):.0f} MB "
          f"({starts[-1]['mentions']} mentions)", flush=True)
    print(f"[{name}] first start (load + build) {load['load_s'] + _median(builds, 'build_s'):.1f} s; "
          f"medians of {repeat}", flush=True)


def _median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gazetteer", type=Path, default=ROOT / "data" / "gazetteer")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres-url", default="")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--child", default="")
    parser.add_argument("--url", default="")
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.url, args.cache, args.gazetteer.resolve())))
        return
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        workdir = Path(tmp)
        if not args.no_sqlite:
            bench_backend("sqlite", f"sqlite:///{workdir / 'bench.sqlite3'}", workdir, args.gazetteer, args.repeat)
        if args.postgres_url:
            from sqlalchemy import create_engine, text
            from sqlalchemy.engine import make_url

            server = make_url(args.postgres_url)
            scratch = f"conflictgeo_bench_{os.getpid()}"
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{scratch}"'))
            try:
                url = server.set(database=scratch).render_as_string(hide_password=False)
                bench_backend("postgis", url, workdir, args.gazetteer, args.repeat)
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
