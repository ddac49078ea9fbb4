"""The ``conflictgeo`` command: serve, worker, reanalyse, gazetteer load, ingest, evaluate."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.settings import get_settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        log_config=None,
        access_log=False,  # RequestContextMiddleware logs every request once, as JSON with its id and timing
    )
    return 0


def _tqdm_progress(name: str) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(desc=name, unit=" rows", unit_scale=True, leave=True, file=sys.stderr)
    return bar.update


def _gazetteer_load(args: argparse.Namespace) -> int:
    from app.gazetteer.geonames_format import GazetteerFormatError
    from app.gazetteer_load import load_gazetteer
    from app.store.database import make_engine, make_session_factory, migrate

    settings = get_settings()
    engine = make_engine(settings)
    migrate(engine)
    paths = [Path(p) for p in args.paths] or [settings.gazetteer_path]
    try:
        results = load_gazetteer(paths, session_factory=make_session_factory(engine),
                                 progress_factory=None if args.quiet else _tqdm_progress)
    except (GazetteerFormatError, FileNotFoundError) as exc:
        print(f"error: {exc} (nothing from this load was stored)", file=sys.stderr)
        return 2
    for result in results:
        state = "already loaded, skipped" if result.skipped else f"{result.rows} rows"
        print(f"{result.path.name}: {result.kind}: {state}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from app.ingest import ingest_main

    return ingest_main(args)


def _prepared_runtime(*, wait_seconds: float) -> tuple[Any, Any]:
    """Engine and session factory of a database the service has migrated and loaded (waits for it: in
    docker-compose the workers start with the API, which migrates)."""
    import time

    from app.store import gazetteer_repo
    from app.store.database import make_engine, make_session_factory, schema_is_current

    settings = get_settings()
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            if schema_is_current(engine):
                with factory() as session:
                    if gazetteer_repo.count_places(session=session) > 0:
                        return engine, factory
        except Exception as exc:  # noqa: BLE001 - the database may still be starting
            print(f"waiting for the database: {type(exc).__name__}", file=sys.stderr)
        if time.monotonic() > deadline:
            raise SystemExit("the database is not migrated or has no gazetteer: start the service once "
                             "(conflictgeo serve) or run conflictgeo gazetteer load")
        time.sleep(2)


def _worker(args: argparse.Namespace) -> int:
    from app.geocoding import from_settings
    from app.queue import JobQueue, WorkerState, queue_enabled
    from app.runtime import build_analyser
    settings = get_settings()
    if not queue_enabled(settings):
        print("error: the job queue needs PostgreSQL (CONFLICTGEO_DATABASE_URL); the embedded SQLite install "
              "analyses inline", file=sys.stderr)
        return 2
    from app.observability import configure_logging

    configure_logging(settings.log_level)
    _engine, factory = _prepared_runtime(wait_seconds=args.wait)
    analyser = build_analyser(factory, settings)
    queue = JobQueue(settings)
    queue.run_worker(WorkerState(session_factory=factory, analyser=analyser, geocoder=from_settings(settings)),
                     concurrency=args.concurrency or settings.worker_concurrency, name=args.name,
                     wait=not args.until_empty)
    return 0


def _reanalyse(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from tqdm import tqdm

    from app.pipeline import pipeline_version
    from app.queue import JobQueue, queue_enabled
    from app.store import article_repo, gazetteer_repo

    settings = get_settings()
    _engine, factory = _prepared_runtime(wait_seconds=0)
    with factory() as session:
        version = pipeline_version(gazetteer_repo.gazetteer_fingerprint(session=session))
        since = datetime.fromisoformat(args.since) if args.since else None
        if since is not None and since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        ids = article_repo.versions_to_reanalyse(session, version=version, since=since, source=args.source,
                                                 everything=args.all)
    print(f"pipeline {version}: {len(ids)} articles to re-analyse", file=sys.stderr)
    bar = tqdm(total=len(ids), unit=" articles", file=sys.stderr, disable=args.quiet)
    if queue_enabled(settings):
        queue = JobQueue(settings)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            with article_repo.write_transaction(factory) as connection:
                queue.defer(connection, chunk, force=args.all)
            bar.update(len(chunk))
        bar.close()
        print(f"queued {len(ids)} analyses; workers (conflictgeo worker) run them", file=sys.stderr)
        return 0
    from app.articles import analyse_stored
    from app.runtime import build_analyser

    analyser = build_analyser(factory, settings)
    failed = 0
    for article_id in ids:
        try:
            analyse_stored(session_factory=factory, analyser=analyser, geocoder=None, article_id=article_id,
                           force=args.all)
        except Exception as exc:  # noqa: BLE001 - recorded on the article; the others go on
            failed += 1
            print(f"failed {article_id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        bar.update(1)
    bar.close()
    print(f"re-analysed {len(ids) - failed}, failed {failed}", file=sys.stderr)
    return 1 if failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    from app.evaluation import cli_main

    return cli_main(args.rest) or 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflictgeo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(handler=_serve)

    gazetteer = commands.add_parser("gazetteer", help="gazetteer maintenance")
    gazetteer_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    load = gazetteer_commands.add_parser(
        "load", help="import the shipped slice or GeoNames dumps (allCountries.txt, XX.txt, alternateNamesV2.txt, "
        "admin1CodesASCII.txt, ...); loading a file twice changes nothing"
    )
    load.add_argument("paths", nargs="*", help="files or folders (default: the shipped slice)")
    load.add_argument("--quiet", action="store_true")
    load.set_defaults(handler=_gazetteer_load)

    ingest = commands.add_parser("ingest", help="post many articles (JSON lines files or a folder of them)")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--url", default="http://127.0.0.1:8000", help="the service to post to")
    ingest.add_argument("--api-key", default=None)
    ingest.add_argument("--concurrency", type=int, default=4)
    ingest.add_argument("--batch-size", type=int, default=0,
                        help="hand articles over N at a time (POST /v1/articles:batch, at most 1000); on PostgreSQL "
                        "the workers analyse them")
    ingest.set_defaults(handler=_ingest)

    worker = commands.add_parser("worker", help="run analysis jobs from the queue (PostgreSQL only); run as many "
                                 "processes, on as many machines, as you like")
    worker.add_argument("--concurrency", type=int, default=0,
                        help="jobs at once in this process (default CONFLICTGEO_WORKER_CONCURRENCY)")
    worker.add_argument("--name", default=None, help="worker name (default: host-pid-random, unique)")
    worker.add_argument("--until-empty", action="store_true", help="stop when the queue is empty")
    worker.add_argument("--wait", type=float, default=600, help="seconds to wait for a migrated, loaded database")
    worker.set_defaults(handler=_worker)

    reanalyse = commands.add_parser("reanalyse", help="queue stored articles whose pipeline version differs "
                                    "(SQLite: re-analyse them here)")
    reanalyse.add_argument("--since", help="only articles received since this date (ISO 8601)")
    reanalyse.add_argument("--source", help="only articles of this source")
    reanalyse.add_argument("--all", action="store_true", help="also the articles already on this version")
    reanalyse.add_argument("--quiet", action="store_true")
    reanalyse.set_defaults(handler=_reanalyse)

    evaluate = commands.add_parser("evaluate", help="score the geoparser and event extractor on annotated JSONL",
                                   add_help=False)
    evaluate.add_argument("rest", nargs=argparse.REMAINDER)
    evaluate.set_defaults(handler=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        # Everything after "evaluate" is its own parser's (REMAINDER cannot start with an option such as
        # "--attachment").
        from app.evaluation import cli_main

        return cli_main(argv[1:]) or 0
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
